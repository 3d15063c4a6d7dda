package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Writing the service's unit: a form, the unit it renders, validation as you type. */
class UnitScreenTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void theEditorShowsTheFormAndTheUnitItRenders(int cols, int rows) {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", cols, rows)) {
            tui.press("6");
            tui.matchesGolden("unit-debian12-vm-" + cols + "x" + rows);
            assertThat(tui.text()).contains("name", "exec", "drop-in /etc/systemd/system/api.service.d/60-golive.conf", "[Unit]");
            if (rows >= 40) assertThat(tui.text()).contains("[Service]", "ExecStart=/usr/local/bin/api");
        }
    }

    @Test
    void typingAFieldReRendersTheUnitAndABadValueIsReportedAtOnce() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 120, 40)) {
            tui.press("6", "j", "j", "j", "j", "j", "j", "j", "enter").type(",x");
            assertThat(tui.text()).contains("golive: ports: \"x\" is not a port number", "No unit until the form is valid.");
            tui.press("backspace", "backspace").type(",9090").press("enter");
            assertThat(tui.text()).contains("ports         8080,9090", "[Service]").doesNotContain("golive: ports");
            tui.press("j", "enter").type("150%").press("enter");
            assertThat(tui.text()).contains("CPUQuota=150%");
        }
    }

    @Test
    void argumentsEnvironmentAndLimitsUseTheUnitFilesOwnQuoting() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 120, 40)) {
            tui.press("6", "j", "j", "enter").type("--listen :8080 '--name=a b'").press("enter");
            tui.press("j", "j", "j", "enter").type("GOGC=50 'GREETING=hello world'").press("enter");
            tui.press("j", "j", "j", "j", "j", "j", "j", "enter").type("65536:524288").press("enter");
            assertThat(tui.text()).doesNotContain("golive:").contains("LimitNOFILE   65536:524288");
            var spec = ((UnitView) tui.app.current()).spec();
            assertThat(spec.arguments()).containsExactly("--listen", ":8080", "--name=a b");
            assertThat(spec.environment()).containsEntry("GOGC", "50").containsEntry("GREETING", "hello world");
            assertThat(spec.resources().nofile()).contains(new dev.golive.model.NofileLimit(65536, 524288));
        }
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 120, 40)) {
            tui.press("6", "j", "j", "enter").type("'unterminated").press("enter");
            assertThat(tui.text()).contains("golive: arguments: col 1:");
        }
    }

    @Test
    void pPutsTheServiceIntoThePlanAndReviewShowsItsUnit() {
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("ubuntu2004-hybrid"), false, 120, 40)) {
            tui.press("6", "p");
            assertThat(tui.row(1)).contains("4 Review");
            assertThat(tui.text()).contains("· service api.service", "Files (4)");
            tui.type("/ExecStart").press("enter");
            assertThat(tui.text()).contains("+ExecStart=/usr/local/bin/api");
            assertThat(tui.app.model().plan().orElseThrow().service()).contains("api.service");
        }
    }

    @Test
    void aChoiceCyclesWithEnter() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 120, 40)) {
            tui.press("6", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "enter");
            assertThat(tui.text()).contains("hardening     strict");
            assertThat(tui.text()).contains("ProtectSystem=strict");
        }
    }

    @Test
    void vRunsSystemdAnalyzeAndShowsTheExposureUnderTheUnit() {
        assumeThat(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/systemd-analyze"))).isTrue();
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 120, 40)) {
            tui.press("6", "v");
            assertThat(tui.text()).containsPattern("exposure \\d+\\.\\d|exposure: ");
        }
    }
}
