package dev.golive.ui.tui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first screen an admin sees: the host by area, the status of each, the worst findings. */
class OverviewScreenTest {

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({"debian12-vm, 80, 24", "debian12-vm, 120, 40", "container-quota, 80, 24", "centos7-v1, 80, 24", "centos7-v1, 120, 40"})
    void openingGoliveOnAHostShowsItByArea(String host, int cols, int rows) {
        try (TuiDriver tui = TuiDriver.onFixture(host, cols, rows)) {
            tui.matchesGolden("overview-" + host + "-" + cols + "x" + rows);
            assertThat(tui.text()).contains("Overview", "System", "CPU", "Memory", "Files", "Network", "cgroups", "systemd", "Go");
        }
    }

    @Test
    void aCaptureIsReadOnlyAndTheHeaderSaysWhy() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 120, 40)) {
            assertThat(tui.row(0)).contains("golive", "api-1", "capture src/test/resources/hosts/debian12-vm", "[read-only: a capture]");
        }
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 80, 24)) {
            assertThat(tui.row(0)).as("the reason stays whole when the path must be cut").endsWith("[read-only: a capture]");
        }
    }

    @Test
    void enterOnAnAreaOpensItsFindings() {
        try (TuiDriver tui = TuiDriver.onFixture("container-quota", 80, 24)) {
            tui.press("j", "enter");
            assertThat(tui.row(1)).contains("2 Findings");
            assertThat(tui.row(2)).contains("area cpu");
            tui.press("1", "j", "j", "j", "enter");
            assertThat(tui.row(2)).as("one summary line can cover two areas").contains("area network+sysctl-config");
        }
    }

    @Test
    void withoutAServiceTheOverviewCountsTheRulesThatRanAndSaysWhichDidNot() {
        try (TuiDriver tui = TuiDriver.onFixture("container-quota", 80, 24)) {
            var report = tui.app.model().loaded().orElseThrow().report();
            // the numbers golive check prints: "... (56 rules, 27 skipped: no service given)"
            assertThat(dev.golive.report.CheckText.summary(report)).contains("56 rules, 27 skipped: no service given");
            assertThat(tui.row(2)).startsWith(" 29 rules checked: 0 errors");
            assertThat(tui.row(3)).isEqualTo(" 27 rules need a service and did not run: start golive with --service NAME");
        }
    }

    @Test
    void withAServiceEveryRuleRuns() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 80, 24)) {
            tui.app.model().forService("api", null);
            tui.app.start();
            tui.render();
            assertThat(tui.row(2)).startsWith(" 56 rules checked for api.service:");
            assertThat(tui.text()).doesNotContain("need a service");
        }
    }

    @Test
    void anAreaWhoseKeyFactsAreUnknownIsNotMarkedOk() {
        try (TuiDriver tui = TuiDriver.onFixture("sparse", 80, 24)) {
            String cpu = java.util.Arrays.stream(tui.text().split("\n")).filter(l -> l.startsWith(" CPU ")).findFirst().orElseThrow();
            assertThat(cpu).contains("unknown", "CPUs unknown").doesNotContain(" ok ");
            String systemd = java.util.Arrays.stream(tui.text().split("\n")).filter(l -> l.startsWith(" systemd ")).findFirst().orElseThrow();
            assertThat(systemd).startsWith(" systemd  unknown");
        }
    }
}
