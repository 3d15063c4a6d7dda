package dev.golive.host;

import dev.golive.inspect.Inspector;
import dev.golive.model.CgroupLimit;
import dev.golive.model.CgroupMode;
import dev.golive.model.Fact;
import dev.golive.model.HostFacts;
import dev.golive.model.NofileLimit;
import dev.golive.model.Source;
import dev.golive.model.SysctlFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What an admin reads off each fixture host, fact by fact (the goldens hold the rest). */
class FixtureFactsTest {

    private static SysctlFact sysctl(HostFacts f, String key) { return f.sysctls().byKey().get(key); }

    private static List<Optional<Double>> values(List<CgroupLimit> limits) {
        return limits.stream().map(l -> l.value().opt().orElseThrow()).toList();
    }

    @Test
    void debian12VmIsAKvmGuestWithFourCoresCgroupV2AndLocalSysctls() {
        HostFacts f = Fixtures.inspect("debian12-vm");
        assertThat(f.os().kernelRelease().opt()).contains("6.1.0-18-amd64");
        assertThat(f.os().virtualization().opt()).contains("kvm");
        assertThat(f.cpu().logicalCpus().opt()).contains(4);
        assertThat(f.cpu().physicalCores().opt()).contains(4);
        assertThat(f.cpu().smtActive().opt()).contains(false);
        assertThat(f.cpu().goamd64Level().opt()).contains("v3"); // EPYC Rome: AVX2, no AVX-512
        assertThat(f.cgroups().mode().opt()).contains(CgroupMode.V2);
        assertThat(f.systemd().version().opt()).contains(252);
        assertThat(f.fds().systemdDefaultLimitNofile().opt()).contains(new NofileLimit(1024, 524288));
        assertThat(f.go().version().opt()).contains("go1.19.8");
        assertThat(f.go().env().get("GOTOOLCHAIN").known()).as("GOTOOLCHAIN exists from Go 1.21 only").isFalse();
        assertThat(sysctl(f, "net.core.somaxconn").live().opt()).contains("8192");
        assertThat(sysctl(f, "net.core.somaxconn").configured().orElseThrow().source())
                .isEqualTo(new Source.File("/etc/sysctl.d/60-custom.conf", 2));
        assertThat(sysctl(f, "net.ipv4.tcp_tw_recycle").exists().opt()).as("removed in 4.12").contains(false);
        assertThat(f.systemd().serviceUnits()).filteredOn(u -> u.name().equals("api.service")).singleElement()
                .satisfies(u -> assertThat(u.dropIns()).containsExactly("/etc/systemd/system/api.service.d/override.conf"));
        assertThat(f.network().listeningTcpPorts().opt()).contains(List.of(22, 8080));
    }

    @Test
    void ubuntu2004HybridReadsLimitsFromTheV1HierarchiesAndShowsLimitsConf() {
        HostFacts f = Fixtures.inspect("ubuntu2004-hybrid");
        assertThat(f.cgroups().mode().opt()).contains(CgroupMode.HYBRID);
        assertThat(f.os().architecture().src()).contains(new Source.Command("uname -m")); // no kernel.arch on 5.4
        assertThat(f.cpu().cgroupPath()).isEqualTo("/user.slice");
        assertThat(f.cpu().cpuLimits()).extracting(CgroupLimit::path).containsExactly("/user.slice", "/");
        assertThat(f.memory().cgroupPath()).isEqualTo("/user.slice/user-1000.slice/session-5.scope");
        assertThat(f.memory().memoryLimits()).hasSize(4).allSatisfy(l -> assertThat(l.limited()).isFalse());
        assertThat(f.memory().memoryLimits().get(0).value().src().orElseThrow().describe())
                .isEqualTo("/sys/fs/cgroup/memory/user.slice/user-1000.slice/session-5.scope/memory.limit_in_bytes");
        assertThat(f.systemd().version().opt()).contains(245);
        assertThat(f.fds().limitsNofile()).hasSize(4);
        assertThat(sysctl(f, "net.ipv4.tcp_fin_timeout").live().opt()).contains("15");
        assertThat(sysctl(f, "net.core.somaxconn").live().opt()).as("4096 since 5.4").contains("4096");
    }

    @Test
    void centos7HasOnlyV1Somaxconn128TwRecycleAndTheKernelNofileDefault() {
        HostFacts f = Fixtures.inspect("centos7-v1");
        assertThat(f.cgroups().mode().opt()).contains(CgroupMode.V1);
        assertThat(f.cgroups().v2Controllers().known()).isFalse();
        assertThat(f.systemd().version().opt()).contains(219);
        assertThat(f.fds().systemdDefaultLimitNofile().opt()).as("systemd < 240 passes on the kernel's 1024:4096")
                .contains(new NofileLimit(1024, 4096));
        assertThat(sysctl(f, "net.core.somaxconn").live().opt()).contains("128");
        assertThat(sysctl(f, "net.ipv4.tcp_tw_recycle").live().opt()).contains("1");
        assertThat(sysctl(f, "net.ipv4.tcp_tw_recycle").configured().orElseThrow().value()).isEqualTo("1");
        assertThat(sysctl(f, "net.ipv4.ip_unprivileged_port_start").exists().opt()).as("added in 4.11").contains(false);
        assertThat(sysctl(f, "net.bridge.bridge-nf-call-iptables").exists().opt()).contains(false);
        assertThat(f.cpu().goamd64Level().opt()).contains("v2"); // Ivy Bridge: AVX but no AVX2
        assertThat(f.cpu().sockets().opt()).contains(4);
        assertThat(f.cpu().smtActive().src()).containsInstanceOf(Source.Derived.class);
        assertThat(f.go().version().known()).isFalse();
    }

    @Test
    void arm64ServerCountsCoresFromSysfsTopology() {
        HostFacts f = Fixtures.inspect("arm64-server");
        assertThat(f.os().architecture().opt()).contains("aarch64");
        assertThat(f.cpu().logicalCpus().opt()).contains(16);
        assertThat(f.cpu().physicalCores().opt()).contains(16);
        assertThat(f.cpu().sockets().opt()).contains(1);
        assertThat(f.cpu().smtActive().opt()).contains(false);
        assertThat(f.cpu().arm64Features().opt().orElseThrow()).contains("atomics", "asimd");
        assertThat(f.cpu().goamd64Level()).isEqualTo(Fact.unknown("not x86-64"));
        assertThat(f.cgroups().mode().opt()).contains(CgroupMode.V2);
    }

    @Test
    void containerQuotaSeesTwoCpusOfSixtyFourAndNoSystemd() {
        HostFacts f = Fixtures.inspect("container-quota");
        assertThat(f.cpu().logicalCpus().opt()).contains(64);
        assertThat(f.cpu().affinityCount().opt()).contains(64);
        assertThat(f.cpu().effectiveQuota()).contains(2.0);
        assertThat(f.cpu().leafQuota()).contains(2.0);
        assertThat(values(f.memory().memoryLimits())).containsExactly(Optional.of(2147483648.0));
        assertThat(f.os().container().opt()).contains("docker");
        assertThat(f.os().container().src()).contains(Source.File.of("/.dockerenv"));
        assertThat(f.systemd().pid1().opt()).contains(false);
        assertThat(f.systemd().version().known()).isFalse();
        assertThat(f.fds().systemdDefaultLimitNofile().known()).isFalse();
        assertThat(f.go().env().get("GOTOOLCHAIN").opt()).contains("local");
    }

    @Test
    void twoSocketSmtHostHas32CoresOn2SocketsAndAvx512() {
        HostFacts f = Fixtures.inspect("two-socket-smt");
        assertThat(f.cpu().logicalCpus().opt()).contains(64);
        assertThat(f.cpu().physicalCores().opt()).contains(32);
        assertThat(f.cpu().sockets().opt()).contains(2);
        assertThat(f.cpu().smtActive().opt()).contains(true);
        assertThat(f.cpu().goamd64Level().opt()).contains("v4");
        assertThat(f.systemd().managerDefaults().get("DefaultCPUAccounting").src())
                .contains(new Source.File("/etc/systemd/system.conf.d/10-accounting.conf", 2));
    }

    @Test
    void aSparseCaptureYieldsUnknownsWithReasonsNotACrash() {
        HostFacts f = Fixtures.inspect("sparse");
        assertThat(f.os().kernelRelease().opt()).contains("4.19.0-26-amd64");
        assertThat(f.os().architecture()).isEqualTo(Fact.unknown("uname -m: not in capture"));
        assertThat(f.cpu().logicalCpus()).isEqualTo(Fact.unknown("/sys/devices/system/cpu/online: not in capture"));
        assertThat(f.cpu().goamd64Level()).isEqualTo(Fact.unknown("architecture unknown"));
        assertThat(f.cgroups().mode().known()).isFalse();
        assertThat(f.systemd().version().known()).isFalse();
        assertThat(f.go().version()).isEqualTo(Fact.unknown("go version: not in capture"));
        assertThat(f.sysctls().byKey().values()).allSatisfy(s -> assertThat(s.live().known()).isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.golive.host.FixtureHostsTest#hosts")
    void inspectingAFixtureRunsNoProcess(String name) {
        AccessLog log = new AccessLog();
        try (RootSpec spec = RootSpec.open(Fixtures.dir(name).toString(), log)) {
            assertThat(spec.runner().startsProcesses()).isFalse();
            Inspector.inspect(spec.root(), spec.runner(), Inspector.Options.defaults());
        }
        assertThat(log.entries()).filteredOn(e -> e.kind() == AccessLog.Kind.COMMAND)
                .allSatisfy(e -> assertThat(e.detail()).isIn("from capture", "not in capture", "not installed (from capture)"));
        assertThat(log.entries()).noneMatch(e -> e.kind() == AccessLog.Kind.WRITE);
    }
}
