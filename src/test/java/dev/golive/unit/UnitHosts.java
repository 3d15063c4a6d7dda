package dev.golive.unit;

import dev.golive.app.Session;
import dev.golive.model.HostFacts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fixture hosts (src/test/resources/hosts, capture format) inspected once per test run. */
final class UnitHosts {
    private UnitHosts() { }

    private static final Map<String, HostFacts> CACHE = new ConcurrentHashMap<>();

    static Path dir(String name) {
        Path d = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts").resolve(name);
        if (!Files.isDirectory(d)) throw new IllegalStateException("no fixture " + d.toAbsolutePath());
        return d;
    }

    /** debian12-vm: systemd 252, cgroup v2. */
    static HostFacts debian12() { return facts("debian12-vm"); }

    /** ubuntu2004-hybrid: systemd 245, hybrid cgroups. */
    static HostFacts ubuntuHybrid() { return facts("ubuntu2004-hybrid"); }

    /** centos7-v1: systemd 219, cgroup v1. */
    static HostFacts centos7() { return facts("centos7-v1"); }

    static HostFacts facts(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (Session s = Session.open(dir(n).toString())) {
                return s.inspect();
            }
        });
    }
}
