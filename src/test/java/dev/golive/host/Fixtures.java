package dev.golive.host;

import dev.golive.app.Session;
import dev.golive.model.CaptureInfo;
import dev.golive.model.HostFacts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fixture hosts under src/test/resources/hosts/NAME/ (capture format). They are read from
 * the source tree, not the copy in target/, so that symbolic links inside them (merged /usr,
 * sysctl.d/99-sysctl.conf → ../sysctl.conf) stay links. src/test/fixtures/make_hosts.py
 * generated them; edit that script and re-run it rather than editing one file by hand.
 */
public final class Fixtures {
    private Fixtures() { }

    public static final List<String> NAMES = List.of("debian12-vm", "ubuntu2004-hybrid", "centos7-v1", "arm64-server",
            "container-quota", "two-socket-smt", "sparse", "amzn2-docker",
            "ubuntu1804-hybrid", "rocky8-v1");

    /** Fixture services: host and unit, golden in hosts/HOST+UNIT.expected.json. */
    public static final List<String> SERVICES = List.of("debian12-vm+api.service", "arm64-server+ingest.service",
            "ubuntu2004-hybrid+prometheus-node-exporter.service", "amzn2-docker+orders.service", "amzn2-docker+docker.service",
            "ubuntu1804-hybrid+billing.service", "ubuntu1804-hybrid+postgresql@10-main.service", "rocky8-v1+inventory.service");

    public static Path hostsDir() {
        Path base = Path.of(System.getProperty("basedir", "."));
        Path dir = base.resolve("src/test/resources/hosts");
        if (!Files.isDirectory(dir)) throw new IllegalStateException("run tests from the project directory: no " + dir.toAbsolutePath());
        return dir;
    }

    public static Path dir(String name) { return hostsDir().resolve(name); }

    /** `golive inspect --root DIR --service UNIT` for "HOST+UNIT". */
    public static HostFacts inspectService(String hostAndUnit) {
        String host = hostAndUnit.substring(0, hostAndUnit.indexOf('+'));
        try (Session s = Session.open(dir(host).toString())) {
            HostFacts f = s.inspectService(hostAndUnit.substring(host.length() + 1), null);
            CaptureInfo o = f.origin();
            return f.withOrigin(new CaptureInfo("hosts/" + host, o.live(), o.capturedAt(), o.hostname()));
        }
    }

    /** Inspects a fixture as `golive inspect --root DIR` does; origin.root made independent of where the checkout is. */
    public static HostFacts inspect(String name) {
        try (Session s = Session.open(dir(name).toString())) {
            HostFacts f = s.inspect();
            CaptureInfo o = f.origin();
            return f.withOrigin(new CaptureInfo("hosts/" + name, o.live(), o.capturedAt(), o.hostname()));
        }
    }

    /**
     * Copies a host tree (a fixture, a capture) to {@code to}, keeping its symbolic links
     * (merged /usr, 99-sysctl.conf → ../sysctl.conf) as links and file attributes as they are.
     */
    public static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(from)) {
            for (Path src : s.toList()) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isSymbolicLink(src)) {
                    Files.createDirectories(dst.getParent());
                    Files.createSymbolicLink(dst, Files.readSymbolicLink(src));
                } else if (Files.isDirectory(src, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /**
     * A writable target tree of fixture host {@code name} at {@code to}: its files and links
     * without the capture manifest, so golive treats it as a tree it may write, not a capture.
     */
    public static Path targetTree(String name, Path to) throws java.io.IOException {
        copyTree(dir(name), to);
        Files.delete(to.resolve("golive-capture.json"));
        return to;
    }
}
