package dev.golive.unit;

import dev.golive.model.CgroupLimit;
import dev.golive.model.CpuFacts;
import dev.golive.model.Fact;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoVersion;
import dev.golive.model.MemoryFacts;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** DOMAIN.md's GOMAXPROCS/GOMEMLIMIT rules as a table: binary Go version, go.mod, quotas → value and why. */
class GoRuntimeDerivationTest {

    static final String LEAF = "/system.slice/app.service";

    /** A host with {@code cpus} CPUs; quotas per cgroup as path → CPUs. */
    static CpuFacts cpu(int cpus, Map<String, Double> quotas) {
        List<CgroupLimit> limits = new ArrayList<>();
        for (String path : List.of(LEAF, "/system.slice")) {
            Double q = quotas.get(path);
            limits.add(new CgroupLimit(path, Fact.of(Optional.ofNullable(q), Source.File.of("/sys/fs/cgroup" + path + "/cpu.max"))));
        }
        Fact<Integer> n = Fact.of(cpus, Source.File.of("/proc/cpuinfo"));
        Fact<String> u = Fact.unknown("n/a");
        return new CpuFacts(n, n, Fact.of(1, Source.File.of("x")), Fact.of(false, Source.File.of("x")), u, u, n, u, u, u,
                Fact.unknown("n/a"), u, Fact.unknown("n/a"), LEAF, limits);
    }

    /** The host with {@code cpus} CPUs and no quota, everything else unchanged. */
    static dev.golive.model.HostFacts withCpus(dev.golive.model.HostFacts f, int cpus) {
        return new dev.golive.model.HostFacts(f.origin(), f.os(), cpu(cpus, Map.of()), f.memory(), f.fds(), f.sysctls(), f.network(),
                f.cgroups(), f.systemd(), f.go(), f.service());
    }

    static MemoryFacts memory(Long parentLimit) {
        Fact<Long> ram = Fact.of(8L << 30, Source.File.of("/proc/meminfo"));
        List<CgroupLimit> limits = List.of(
                new CgroupLimit(LEAF, Fact.of(Optional.empty(), Source.File.of("/sys/fs/cgroup" + LEAF + "/memory.max"))),
                new CgroupLimit("/system.slice", Fact.of(Optional.ofNullable(parentLimit == null ? null : parentLimit.doubleValue()),
                        Source.File.of("/sys/fs/cgroup/system.slice/memory.max"))));
        Fact<Integer> iu = Fact.unknown("n/a");
        Fact<String> su = Fact.unknown("n/a");
        return new MemoryFacts(ram, ram, Fact.of(0L, Source.File.of("x")), Fact.of(0L, Source.File.of("x")), iu, iu, su, su, iu, LEAF, limits);
    }

    static Fact<GoBuildInfo> binary(String goVersion, String defaultGodebug) {
        return Fact.of(new GoBuildInfo(goVersion, "example.com/app", "example.com/app",
                defaultGodebug.isEmpty() ? Map.of("GOOS", "linux") : Map.of("GOOS", "linux", "DefaultGODEBUG", defaultGodebug)),
                Source.File.of("/usr/local/bin/app"));
    }

    static Stream<Arguments> gomaxprocs() {
        Fact<GoBuildInfo> go122 = binary("go1.22.2", "");
        Fact<GoBuildInfo> go125 = binary("go1.25.0", "");
        Fact<GoBuildInfo> go125oldMod = binary("go1.25.0", "containermaxprocs=0,updatemaxprocs=0");
        Optional<GoVersion> none = Optional.empty();
        return Stream.of(
                arguments("no quota anywhere", go122, none, Specs.app(), cpu(64, Map.of()), null,
                        "no CPU quota on the service or its parents: the runtime's default (the CPUs it may run on) is right"),
                arguments("go1.22 under a 2-CPU quota on 64 CPUs", go122, none, Specs.app().cpuQuota("200%"), cpu(64, Map.of()), "2",
                        "go1.22.2 sizes GOMAXPROCS from the CPU count and ignores CPU quotas; floor(2 CPUs (CPUQuota=200%)), at least 1"),
                arguments("go1.22 under 2.5 CPUs floors to 2", go122, none, Specs.app().cpuQuota("250%"), cpu(64, Map.of()), "2",
                        "go1.22.2 sizes GOMAXPROCS from the CPU count and ignores CPU quotas; floor(2.5 CPUs (CPUQuota=250%)), at least 1"),
                arguments("go1.22 under half a CPU gets 1", go122, none, Specs.app().cpuQuota("50%"), cpu(8, Map.of()), "1",
                        "go1.22.2 sizes GOMAXPROCS from the CPU count and ignores CPU quotas; floor(0.5 CPUs (CPUQuota=50%)), at least 1"),
                arguments("quota above the CPU count binds nothing", go122, none, Specs.app().cpuQuota("800%"), cpu(4, Map.of()), null,
                        "the quota of 8 CPUs (CPUQuota=800%) is not below the 4 CPUs the service may run on, so the runtime's default already fits"),
                arguments("go1.25 with go.mod 1.25 reads the leaf quota", go125, Optional.of(GoVersion.of(1, 25, 0)), Specs.app().cpuQuota("400%"), cpu(64, Map.of()), null,
                        "go1.25 reads the service's CPU quota of 4 CPUs (CPUQuota=400%) itself (go.mod says go1.25)"),
                arguments("go1.25 binary without containermaxprocs=0", go125, none, Specs.app().cpuQuota("400%"), cpu(64, Map.of()), null,
                        "go1.25 reads the service's CPU quota of 4 CPUs (CPUQuota=400%) itself (its DefaultGODEBUG keeps containermaxprocs on (go.mod ≥ 1.25))"),
                arguments("go1.25 binary built from an older go.mod", go125oldMod, none, Specs.app().cpuQuota("400%"), cpu(64, Map.of()), "4",
                        "the binary's DefaultGODEBUG has containermaxprocs=0 (its go.mod says go < 1.25), so go1.25 still ignores CPU quotas; floor(4 CPUs (CPUQuota=400%))"),
                arguments("go1.25 with go.mod 1.22", go125, Optional.of(GoVersion.of(1, 22, 0)), Specs.app().cpuQuota("400%"), cpu(64, Map.of()), "4",
                        "go.mod says go1.22 (< 1.25), so go1.25 keeps the old default and ignores CPU quotas; floor(4 CPUs (CPUQuota=400%))"),
                arguments("go1.25 misses a quota on the parent slice", go125, Optional.of(GoVersion.of(1, 25, 0)), Specs.app(), cpu(64, Map.of("/system.slice", 3.0)), "3",
                        "go1.25 reads only the service's own cgroup and misses the quota on parent /system.slice; floor(3 CPUs (quota on parent /system.slice))"),
                arguments("go1.25 never goes below 2 Ps", go125, Optional.of(GoVersion.of(1, 25, 0)), Specs.app().cpuQuota("150%"), cpu(64, Map.of()), "1",
                        "go1.25 never goes below 2 Ps and would be throttled under a quota of 1.5 CPUs (CPUQuota=150%); floor(quota), at least 1"),
                arguments("GODEBUG opt-out in the spec", go125, Optional.of(GoVersion.of(1, 25, 0)), Specs.app().cpuQuota("400%").env("GODEBUG", "containermaxprocs=0"), cpu(64, Map.of()), "4",
                        "GODEBUG=containermaxprocs=0 in the spec turns off go1.25's quota-aware default; floor(4 CPUs (CPUQuota=400%))"),
                arguments("unknown binary under a quota", Fact.<GoBuildInfo>unknown("/usr/local/bin/app: no such file"), none, Specs.app().cpuQuota("300%"), cpu(64, Map.of()), "3",
                        "the binary's Go version is unknown (/usr/local/bin/app: no such file); floor(3 CPUs (CPUQuota=300%)) is right for every Go version, and an explicit value turns off any quota detection"),
                arguments("quota already on the service's cgroup", go122, none, Specs.app(), cpu(64, Map.of(LEAF, 2.0)), "2",
                        "go1.22.2 sizes GOMAXPROCS from the CPU count and ignores CPU quotas; floor(2 CPUs (the quota on /system.slice/app.service)), at least 1"),
                arguments("explicit value wins", go122, none, Specs.app().cpuQuota("200%").gomaxprocs(3), cpu(64, Map.of()), "3", "set in the spec"),
                arguments("environment wins", go122, none, Specs.app().cpuQuota("200%").env("GOMAXPROCS", "6"), cpu(64, Map.of()), null,
                        "the spec's environment sets it (6)"),
                arguments("tuning off", go122, none, Specs.app().cpuQuota("200%").goOff(), cpu(64, Map.of()), null,
                        "Go runtime tuning is off in the spec"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gomaxprocs")
    void gomaxprocsOnlyWhereTheRuntimeWouldNotRespectTheQuota(String what, Fact<GoBuildInfo> bin, Optional<GoVersion> mod, Specs spec,
                                                             CpuFacts cpu, String value, String why) {
        GoRuntimeValue v = GoRuntimeDerivation.derive(spec.build(), new GoRuntimeDerivation.Inputs(bin, mod, cpu, memory(null))).gomaxprocs();
        assertThat(v.value()).isEqualTo(Optional.ofNullable(value));
        assertThat(v.why()).isEqualTo(why);
    }

    static Stream<Arguments> gomemlimit() {
        Fact<GoBuildInfo> go122 = binary("go1.22.2", "");
        return Stream.of(
                arguments("no MemoryMax", go122, Specs.app(), null, null,
                        "no MemoryMax= and no memory limit on a parent: nothing to keep the heap under"),
                arguments("90% of 2G", go122, Specs.app().memoryMax("2G"), null, "1843MiB",
                        "90% of MemoryMax=2G (2048 MiB): Go does not derive a soft limit from memory.max, and the headroom leaves room for non-heap memory before the OOM killer"),
                arguments("95% of 512M", go122, Specs.app().memoryMax("512M").memLimitPercent(95), null, "486MiB",
                        "95% of MemoryMax=512M (512 MiB): Go does not derive a soft limit from memory.max, and the headroom leaves room for non-heap memory before the OOM killer"),
                arguments("25% of 8 GiB RAM", go122, Specs.app().memoryMax("25%"), null, "1843MiB",
                        "90% of MemoryMax=25% (2048 MiB, 25% of 8192 MiB RAM): Go does not derive a soft limit from memory.max, and the headroom leaves room for non-heap memory before the OOM killer"),
                arguments("tighter parent limit", go122, Specs.app().memoryMax("4G"), 1L << 30, "921MiB",
                        "90% of the memory limit on parent /system.slice (1024 MiB): Go does not derive a soft limit from memory.max, and the headroom leaves room for non-heap memory before the OOM killer"),
                arguments("infinity", go122, Specs.app().memoryMax("infinity"), null, null,
                        "no MemoryMax= and no memory limit on a parent: nothing to keep the heap under"),
                arguments("Go 1.18 has no GOMEMLIMIT", binary("go1.18.10", ""), Specs.app().memoryMax("2G"), null, null,
                        "go1.18.10 predates GOMEMLIMIT (Go 1.19)"),
                arguments("explicit", go122, Specs.app().memoryMax("2G").gomemlimit("1500MiB"), null, "1500MiB", "set in the spec"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gomemlimit")
    void gomemlimitIsAShareOfMemoryMax(String what, Fact<GoBuildInfo> bin, Specs spec, Long parent, String value, String why) {
        GoRuntimeValue v = GoRuntimeDerivation.derive(spec.build(),
                new GoRuntimeDerivation.Inputs(bin, Optional.empty(), cpu(8, Map.of()), memory(parent))).gomemlimit();
        assertThat(v.value()).isEqualTo(Optional.ofNullable(value));
        assertThat(v.why()).isEqualTo(why);
    }

    @Test
    void onlyAncestorsOfTheServiceCgroupCount() {
        assertThat(GoRuntimeDerivation.isAncestor("/", LEAF)).isTrue();
        assertThat(GoRuntimeDerivation.isAncestor("/system.slice", LEAF)).isTrue();
        assertThat(GoRuntimeDerivation.isAncestor("/system.sl", LEAF)).isFalse();
        assertThat(GoRuntimeDerivation.isAncestor("/user.slice", LEAF)).isFalse();
        assertThat(GoRuntimeDerivation.isAncestor(LEAF, LEAF)).isFalse();
        ServiceSpec s = Specs.app().build();
        CpuFacts elsewhere = new CpuFacts(cpu(64, Map.of()).logicalCpus(), cpu(64, Map.of()).physicalCores(), cpu(64, Map.of()).sockets(),
                cpu(64, Map.of()).smtActive(), Fact.unknown(""), Fact.unknown(""), cpu(64, Map.of()).affinityCount(), Fact.unknown(""),
                Fact.unknown(""), Fact.unknown(""), Fact.unknown(""), Fact.unknown(""), Fact.unknown(""), "/user.slice/session-1.scope",
                List.of(new CgroupLimit("/user.slice", Fact.of(Optional.of(1.0), Source.File.of("/sys/fs/cgroup/user.slice/cpu.max")))));
        assertThat(GoRuntimeDerivation.derive(s, new GoRuntimeDerivation.Inputs(binary("go1.22.2", ""), Optional.empty(), elsewhere, memory(null)))
                .gomaxprocs().value()).isEmpty();
    }
}
