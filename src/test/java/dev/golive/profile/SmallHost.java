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

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A host in memory with only what the recommender and the resolver read; everything else unknown. */
final class SmallHost {
    static final long GIB = 1L << 30;

    String kernel = "6.1.0";
    String container = "none";
    Double quota;
    Long memLimit;
    Integer cpus = 8;
    Long ram = 16 * GIB;
    List<Integer> ports = List.of(22, 8080);
    String isolcpus = "not set";
    String nohzFull = "not set";
    final Map<String, String> sysctls = new java.util.LinkedHashMap<>();

    SmallHost kernel(String k) { kernel = k; return this; }
    SmallHost container(String c) { container = c; return this; }
    SmallHost quota(double q) { quota = q; return this; }
    SmallHost memLimit(long b) { memLimit = b; return this; }
    SmallHost cpus(Integer n) { cpus = n; return this; }
    SmallHost ram(Long b) { ram = b; return this; }
    SmallHost ports(Integer... p) { ports = p == null ? null : Arrays.asList(p); return this; }
    SmallHost isolcpus(String v) { isolcpus = v; return this; }
    SmallHost nohzFull(String v) { nohzFull = v; return this; }
    /** A sysctl read live on the host (exists, no file sets it). */
    SmallHost sysctl(String key, String live) { sysctls.put(key, live); return this; }

    private SysctlFacts sysctlFacts(Source s) {
        Map<String, SysctlFact> byKey = new java.util.LinkedHashMap<>();
        sysctls.forEach((k, v) -> byKey.put(k, new SysctlFact(k, Fact.of(true, s), Fact.of(v, s), Optional.empty(), k.startsWith("net."))));
        return new SysctlFacts(byKey, List.of(), List.of(), List.of());
    }

    HostFacts build() {
        Source s = Source.File.of("/synthetic");
        Fact<String> u = Fact.unknown("not read");
        OsFacts os = new OsFacts(u, u, u, kernel == null ? u : Fact.of(kernel, s), u, u, Fact.of(container, s), u, u);
        CpuFacts cpu = new CpuFacts(cpus == null ? Fact.unknown("x") : Fact.of(cpus, s), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"),
                u, u, Fact.unknown("x"), Fact.of(isolcpus, s), Fact.of(nohzFull, s), u, Fact.unknown("x"), u, Fact.unknown("x"), "/",
                List.of(new CgroupLimit("/", Fact.of(Optional.ofNullable(quota), s))));
        MemoryFacts mem = new MemoryFacts(ram == null ? Fact.unknown("x") : Fact.of(ram, s), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"),
                Fact.unknown("x"), Fact.unknown("x"), u, u, Fact.unknown("x"), "/",
                List.of(new CgroupLimit("/", Fact.of(Optional.ofNullable(memLimit).map(Long::doubleValue), s))));
        FdFacts fds = new FdFacts(Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), List.of());
        CgroupFacts cg = new CgroupFacts(Fact.unknown("x"), List.of(), Fact.unknown("x"), Fact.unknown("x"), List.of(), u, u, u);
        return new HostFacts(new CaptureInfo("/synthetic", false, null, null), os, cpu, mem, fds, sysctlFacts(s),
                new NetworkFacts(ports == null ? Fact.unknown("ss not run") : Fact.of(List.copyOf(ports), s)), cg,
                new SystemdFacts(Fact.unknown("x"), Fact.unknown("x"), Map.of(), List.of(), List.of()), new GoToolchainFacts(u, u, Map.of()), Optional.empty());
    }
}

