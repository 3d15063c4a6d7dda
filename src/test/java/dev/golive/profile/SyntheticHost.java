package dev.golive.profile;

import dev.golive.model.CaptureInfo;
import dev.golive.model.CgroupFacts;
import dev.golive.model.CgroupLimit;
import dev.golive.model.CpuFacts;
import dev.golive.model.Fact;
import dev.golive.model.FdFacts;
import dev.golive.model.GoToolchainFacts;
import dev.golive.model.HostFacts;
import dev.golive.model.MemoryFacts;
import dev.golive.model.NetworkFacts;
import dev.golive.model.OsFacts;
import dev.golive.model.Source;
import dev.golive.model.SysctlFact;
import dev.golive.model.SysctlFacts;
import dev.golive.model.SystemdFacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host built in memory (kernel 5.4, every sysctl of the schema at a plausible value, a
 * 2 GiB memory limit): for the fuzz test, which must not pay for inspecting a fixture under
 * Jazzer's instrumentation.
 */
final class SyntheticHost {
    private SyntheticHost() { }

    static HostFacts kernel54() {
        Fact<String> u = Fact.unknown("not set in this synthetic host");
        Source s = Source.File.of("/synthetic");
        OsFacts os = new OsFacts(u, u, u, Fact.of("5.4.0-173-generic", s), Fact.of("x86_64", s), u, Fact.of("none", s), Fact.of("ro", s), u);
        CpuFacts cpu = new CpuFacts(Fact.of(8, s), Fact.of(8, s), Fact.of(1, s), Fact.of(false, s), u, u, Fact.of(8, s), Fact.of("not set", s),
                Fact.of("not set", s), u, Fact.unknown("x"), u, Fact.unknown("x"), "/", List.of(new CgroupLimit("/", Fact.of(Optional.empty(), s))));
        MemoryFacts mem = new MemoryFacts(Fact.of(8L << 30, s), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), Fact.of(60, s),
                Fact.of(0, s), Fact.of("madvise", s), Fact.of("madvise", s), Fact.unknown("x"), "/",
                List.of(new CgroupLimit("/", Fact.of(Optional.of((double) (2L << 30)), s))));
        FdFacts fds = new FdFacts(Fact.unknown("x"), Fact.of(1048576L, s), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), List.of());
        Map<String, SysctlFact> byKey = new LinkedHashMap<>();
        for (Map.Entry<String, Schema.Key> e : Schema.SYSCTL.entrySet()) {
            // every value at the bottom of its range (fs.nr_open 1024, somaxconn 0…): derived values must still resolve
            String v = e.getValue().type() == Schema.Type.VECTOR ? (e.getValue().fields() == 2 ? "32768 60999" : "4096 131072 6291456")
                    : Long.toString(e.getValue().min());
            byKey.put(e.getKey(), new SysctlFact(e.getKey(), Fact.of(true, s), Fact.of(v, s), Optional.empty(), e.getKey().startsWith("net.")));
        }
        SysctlFacts sysctls = new SysctlFacts(byKey, List.of(), List.of(), List.of());
        CgroupFacts cg = new CgroupFacts(Fact.unknown("x"), List.of(), Fact.unknown("x"), Fact.unknown("x"), List.of(), u, u, u);
        SystemdFacts sd = new SystemdFacts(Fact.of(245, s), Fact.of(true, s), Map.of(), List.of(), List.of("/etc/systemd/system"));
        return new HostFacts(new CaptureInfo("/synthetic", false, null, "synthetic"), os, cpu, mem, fds, sysctls,
                new NetworkFacts(Fact.of(List.of(22, 8080), s)), cg, sd, new GoToolchainFacts(u, u, Map.of()), Optional.empty());
    }
}
