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
}
