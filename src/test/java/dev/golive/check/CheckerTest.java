package dev.golive.check;

import dev.golive.model.FixChange;
import dev.golive.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckerTest {

    @Test
    void findingsComeWorstFirstThenById() {
        CheckReport r = Checker.run(TestHosts.withService()
                .sysctlFile("/etc/sysctl.d/99-x.conf", 1, "net.ipv4.tcp_tw_recycle", "1")   // error
                .sysctl("net.core.somaxconn", "128")                                          // warn
                .thp("madvise", "always")                                                     // info
                .sysctl("vm.overcommit_memory", "2")                                          // info
                .build());
        // somaxconn and overcommit are live only (no file sets them): each is also lost at the next boot
        assertThat(r.findings()).extracting(f -> f.ruleId()).containsExactly(
                "NET-TW-RECYCLE", "NET-SOMAXCONN-LOW", "SYSCTL-RUNTIME-ONLY", "SYSCTL-RUNTIME-ONLY", "MEM-OVERCOMMIT-STRICT", "MEM-THP-DEFRAG-ALWAYS");
        assertThat(r.count(Severity.ERROR)).isEqualTo(1);
        assertThat(r.count(Severity.WARN)).isEqualTo(3);
        assertThat(r.count(Severity.INFO)).isEqualTo(2);
        assertThat(r.failsAt(Severity.ERROR)).isTrue();
        assertThat(r.skipped()).isEmpty();
        assertThat(r.serviceName()).isEqualTo("app.service");
    }

    @Test
    void serviceRulesAreSkippedWithoutAService() {
        CheckReport r = Checker.run(TestHosts.healthy().thp("madvise", "always").build());
        long serviceRules = RuleCatalog.all().stream().filter(x -> x.scope() == Rule.Scope.SERVICE).count();
        assertThat(r.skipped()).hasSize((int) serviceRules).allSatisfy(s -> assertThat(s.reason()).isEqualTo("no service given"));
        assertThat(r.rulesTotal()).isEqualTo(RuleCatalog.all().size());
        assertThat(r.failsAt(Severity.ERROR)).isFalse();
        assertThat(r.failsAt(Severity.WARN)).isFalse();
        assertThat(r.failsAt(Severity.INFO)).isTrue();
    }

    @Test
    void fixesCarryStructuredChangesWhereGoliveCanMakeThem() {
        CheckReport r = Checker.run(TestHosts.withService().cpus(16).cpuQuota(2.5, null).build());
        var f = r.findings().stream().filter(x -> x.ruleId().equals("CPU-GOMAXPROCS-IGNORES-QUOTA")).findFirst().orElseThrow();
        assertThat(f.message()).contains("2.50 CPUs", "16", "go1.22.2");
        assertThat(f.fix().orElseThrow().changes()).containsExactly(new FixChange.ServiceEnvironmentChange("GOMAXPROCS", "2"));
        assertThat(f.sources()).extracting(s -> s.describe()).contains("/sys/fs/cgroup/system.slice/app.service/cpu.max");
    }

    @Test
    void deprecatedDirectivesAreRenamedWithConvertedValues() {
        CheckReport r = Checker.run(TestHosts.withService().directive("Service", "CPUShares", "2048").build());
        var f = r.findings().stream().filter(x -> x.ruleId().equals("UNIT-DEPRECATED-DIRECTIVE")).findFirst().orElseThrow();
        assertThat(f.fix().orElseThrow().changes()).element(1).isEqualTo(new FixChange.UnitDirectiveChange("Service", "CPUWeight", "200"));
    }

    @Test
    void restartGivingUpIsComputedFromTheDirectives() {
        CheckReport r = Checker.run(TestHosts.withService().set("Service", "RestartSec", "1s")
                .directive("Unit", "StartLimitBurst", "3").directive("Unit", "StartLimitIntervalSec", "1min").build());
        var f = r.findings().stream().filter(x -> x.ruleId().equals("UNIT-RESTART-GIVES-UP")).findFirst().orElseThrow();
        assertThat(f.message()).contains("gives up after 3 starts in about 3.0 s");
        assertThat(f.fix().orElseThrow().changes()).containsExactly(new FixChange.UnitDirectiveChange("Service", "RestartSec", "21s"));
        assertThat(Checker.run(TestHosts.withService().set("Service", "RestartSec", "30s")
                .directive("Unit", "StartLimitBurst", "3").directive("Unit", "StartLimitIntervalSec", "1min").build()).ruleIds())
                .doesNotContain("UNIT-RESTART-GIVES-UP");
    }

    @Test
    void listsTheSourcesThatShowTheProblem() {
        CheckReport r = Checker.run(TestHosts.healthy()
                .sysctlFile("/usr/lib/sysctl.d/50-a.conf", 2, "net.core.somaxconn", "1024")
                .sysctlApplied("/etc/sysctl.d/99-b.conf", 7, "net.core.somaxconn", "8192").build());
        var f = r.findings().stream().filter(x -> x.ruleId().equals("SYSCTL-CONFLICT")).findFirst().orElseThrow();
        assertThat(f.sources()).extracting(s -> s.describe()).containsExactly("/usr/lib/sysctl.d/50-a.conf:2", "/etc/sysctl.d/99-b.conf:7");
        assertThat(f.message()).contains("the last one wins (/etc/sysctl.d/99-b.conf:7)");
        assertThat(List.copyOf(f.fix().orElseThrow().changes())).hasSize(1);
    }
}
