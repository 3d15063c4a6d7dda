package dev.golive.check;

import dev.golive.model.CgroupMode;
import dev.golive.model.Finding;
import dev.golive.model.HostFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md "Advice that is wrong": each of the 8 items is caught on a host where it
 * appears, the finding names what was found, and the explanation says why the advice is wrong.
 */
class WrongAdviceTest {

    static final String F = "/etc/sysctl.d/99-tuning.conf";

    static Arguments a(int item, String id, HostFacts host, String messageHas, List<String> whyHas) {
        return Arguments.of(item, id, host, messageHas, whyHas);
    }

    static Stream<Arguments> advice() {
        return Stream.of(
                a(1, "NET-TW-RECYCLE", TestHosts.healthy().sysctlFile(F, 3, "net.ipv4.tcp_tw_recycle", "1").build(),
                        F + ":3", List.of("is wrong", "removed the key", "4.12", "NAT", "sysctl -p")),
                a(2, "FD-LIMITS-CONF-IGNORED", TestHosts.withService().limitsConf("*", "soft", "65536").limitsConf("*", "hard", "65536").build(),
                        "/etc/security/limits.conf:60", List.of("is wrong", "pam_limits", "PAMName=", "LimitNOFILE=")),
                a(3, "NET-FIN-TIMEOUT-NOT-TIME-WAIT", TestHosts.healthy().sysctlApplied(F, 4, "net.ipv4.tcp_fin_timeout", "10").build(),
                        "is 10", List.of("is wrong", "FIN_WAIT_2", "TIME_WAIT is fixed at 60 seconds")),
                a(4, "CPU-GOMAXPROCS-ABOVE-QUOTA", TestHosts.withService().cpus(32).cpuQuota(null, 4.0).env("GOMAXPROCS", "32").build(),
                        "GOMAXPROCS=32 but the CPU quota is 4 CPUs", List.of("is wrong", "quota, not the core count", "throttles", "go 1.25")),
                a(5, "MEM-SWAPPINESS-ZERO", TestHosts.healthy().sysctlApplied(F, 6, "vm.swappiness", "0").swapBytes(4L << 30).build(),
                        "4096 MiB of swap", List.of("is wrong", "still swaps", "0..200", "5.8")),
                a(6, "CG-V2-DIRECTIVE-ON-V1", TestHosts.withService().cgroups(CgroupMode.HYBRID).directive("Service", "MemoryLow", "256M").build(),
                        "MemoryLow=256M is ignored", List.of("is wrong", "only in cgroup v2", "silently ignores")),
                a(7, "UNIT-DEPRECATED-DIRECTIVE", TestHosts.withService().directive("Service", "BlockIOWeight", "1000").build(),
                        "use IOWeight=200", List.of("out of date", "deprecated since systemd 252", "ignored from 258", "IOWeight=")),
                a(8, "CG-HAND-WRITTEN", TestHosts.withService().directive("Service", "ExecStartPre",
                                "/bin/sh -c 'echo 512M > /sys/fs/cgroup/system.slice/app.service/memory.max'").build(),
                        "/sys/fs/cgroup", List.of("is wrong", "systemd owns the cgroup", "resource-control directives")));
    }

    @ParameterizedTest(name = "wrong advice {0} is caught by {1}")
    @MethodSource("advice")
    void wrongAdviceIsCaughtAndExplained(int item, String id, HostFacts host, String messageHas, List<String> whyHas) {
        List<Finding> found = Checker.run(host).findings().stream().filter(f -> f.ruleId().equals(id)).toList();
        assertThat(found).as("advice item %d", item).isNotEmpty();
        assertThat(found.get(0).message()).contains(messageHas);
        Rule rule = RuleCatalog.byId(id).orElseThrow();
        assertThat(rule.why()).contains(whyHas);
    }
}
