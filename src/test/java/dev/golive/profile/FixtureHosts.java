package dev.golive.profile;

import dev.golive.app.Session;
import dev.golive.model.CaptureInfo;
import dev.golive.model.HostFacts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The fixture hosts (src/test/resources/hosts/NAME), inspected once per JVM as `golive --root DIR` does. */
public final class FixtureHosts {
    private FixtureHosts() { }

    public static final List<String> NAMES = List.of("debian12-vm", "ubuntu2004-hybrid", "centos7-v1", "arm64-server",
            "container-quota", "two-socket-smt", "sparse", "amzn2-docker",
            "ubuntu1804-hybrid", "rocky8-v1");

    private static final Map<String, HostFacts> CACHE = new ConcurrentHashMap<>();

    public static Path dir(String name) {
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts").resolve(name);
        if (!Files.isDirectory(dir)) throw new IllegalStateException("run tests from the project directory: no " + dir.toAbsolutePath());
        return dir;
    }

    public static HostFacts facts(String name) {
        return CACHE.computeIfAbsent(name, n -> inspect(dir(n), "hosts/" + n));
    }

    /** Inspects any tree (a fixture or a test's copy of one); origin.root set to {@code label} so output is stable. */
    public static HostFacts inspect(Path dir, String label) {
        try (Session s = Session.open(dir.toString())) {
            HostFacts f = s.inspect();
            CaptureInfo o = f.origin();
            return f.withOrigin(new CaptureInfo(label, o.live(), o.capturedAt(), o.hostname()));
        }
    }
}
