package dev.golive.report;

import dev.golive.check.Checker;
import dev.golive.host.Fixtures;
import dev.golive.model.HostFacts;
import dev.golive.model.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostSummaryTest {

    @Test
    void a_container_with_a_quota_shows_the_quota_and_the_cpu_findings() {
        HostFacts f = Fixtures.inspect("container-quota");
        var lines = HostSummary.of(f, Checker.run(f));
        var cpu = lines.stream().filter(l -> l.label().equals("CPU")).findFirst().orElseThrow();
        assertThat(cpu.text()).contains("64 CPUs").contains("quota 2 CPUs");
        assertThat(lines).extracting(HostSummary.Line::label)
                .containsExactly("System", "CPU", "Memory", "Files", "Network", "cgroups", "systemd", "Go");
    }

    @Test
    void counts_and_worst_severity_follow_the_findings_of_the_area() {
        HostFacts f = Fixtures.inspect("centos7-v1");
        var report = Checker.run(f);
        for (var line : HostSummary.of(f, report)) {
            long n = report.findings().stream().filter(x -> line.areas().contains(x.area())).count();
            assertThat(line.findings()).as(line.label()).isEqualTo(n);
            assertThat(line.worst().isPresent()).isEqualTo(n > 0);
        }
        var cg = HostSummary.of(f, report).stream().filter(l -> l.label().equals("cgroups")).findFirst().orElseThrow();
        assertThat(cg.text()).startsWith("v1 only");
        assertThat(cg.worst()).as("v1 is flagged (systemd 256 refuses it, 258 removed it)").contains(Severity.WARN);
    }

    @Test
    void an_area_whose_key_fact_is_unknown_says_so_instead_of_ok() {
        HostFacts f = Fixtures.inspect("sparse");
        var lines = HostSummary.of(f, Checker.run(f));
        assertThat(lines).filteredOn(l -> !l.areas().isEmpty()).extracting(HostSummary.Line::status).containsOnly("unknown");
        HostFacts known = Fixtures.inspect("debian12-vm");
        var cpu = HostSummary.of(known, Checker.run(known)).stream().filter(l -> l.label().equals("CPU")).findFirst().orElseThrow();
        assertThat(cpu.unknown()).isFalse();
        assertThat(cpu.status()).isEqualTo("ok");
    }

    @Test
    void rules_checked_and_skipped_are_the_numbers_golive_check_prints() {
        HostFacts f = Fixtures.inspect("container-quota");
        var report = Checker.run(f);
        assertThat(CheckText.summary(report)).contains("(56 rules, 27 skipped: no service given)");
        assertThat(HostSummary.rulesChecked(report)).isEqualTo(29);
        assertThat(HostSummary.skippedText(report)).contains("27 rules need a service and did not run: start golive with --service NAME");
    }
}
