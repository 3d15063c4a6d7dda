package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TUI's --tighten: on a unit golive did not write, the Unit screen says what its drop-in
 * left out, and t lists each directive tightening adds and asks first.
 */
class UnitTightenScreenTest {

    /** Unit (6), the hardening field, enter cycles none → basic. */
    private static void askBasicHardening(TuiDriver tui) {
        tui.press("6");
        for (int i = 0; i < 14; i++) tui.press("j");
        tui.press("enter");
        assertThat(tui.text()).contains("hardening     basic");
    }

    /** Review (4), then the drop-in golive would write as the plan on it has it ("" for none). */
    private static String review(TuiDriver tui) {
        tui.press("4");
        return tui.app.model().plan().orElseThrow().files().stream().filter(f -> f.path().endsWith(".service.d/60-golive.conf"))
                .map(f -> f.after().orElse("")).findFirst().orElse("");
    }

    @Test
    void aVendorUnitsLeftOutSandboxingIsListedAndYesPutsItInTheDropInAndThePlan() {
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", "prometheus-node-exporter", 120, 40)) {
            askBasicHardening(tui);
            assertThat(tui.text()).contains("drop-in /etc/systemd/system/prometheus-node-exporter.service.d/",
                            "! 19 directives left out:", "prometheus-node-exporter.service is not golive's", "unit (t tightens it, asks first)",
                            "= nothing to change").doesNotContain("ProtectSystem=");
            tui.press("p");
            assertThat(review(tui)).doesNotContain("ProtectSystem=", "TasksMax=");

            tui.press("6", "t");
            tui.matchesGolden("unit-tighten-confirm-ubuntu2004-hybrid-120x40");
            assertThat(tui.text()).contains("Tighten prometheus-node-exporter.service, a unit golive did not",
                    "ProtectSystem: (unset) → full", "PrivateDevices: (unset) → yes", "NoNewPrivileges: (unset) → yes",
                    "RestartSec: (unset) → 5s", "A vendor service may need what these take away", "y/enter: yes   n/esc: no")
                    .as("Restart=always is never replaced, tightened or not").doesNotContain("Restart: always");
            tui.resize(80, 24);
            tui.matchesGolden("unit-tighten-confirm-ubuntu2004-hybrid-80x24");
            assertThat(tui.text()).contains("ProtectSystem: (unset) → full", "y/enter: yes   n/esc: no");
            tui.resize(120, 40);
            tui.press("y");
            assertThat(tui.text()).contains("prometheus-node-exporter.service: tightened", "ProtectSystem=full", "PrivateDevices=yes")
                    .doesNotContain("t tightens it");
            tui.matchesGolden("unit-tightened-ubuntu2004-hybrid-120x40");
            assertThat(tui.text()).contains("tightened: the drop-in may add sandboxing");
            tui.press("t");
            assertThat(tui.text()).contains("tightened already").doesNotContain("Tighten prometheus");
            assertThat(review(tui)).as("Review derives the plan again, tightened").contains("ProtectSystem=full", "PrivateDevices=yes")
                    .as("Linux 5.4 has no pids.peak: no task limit sized from nothing").doesNotContain("TasksMax=");
        }
    }

    @Test
    void theHelpScreenOfTheUnitScreenNamesTheKey() {
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", "prometheus-node-exporter", 120, 40)) {
            tui.press("6", "?");
            assertThat(tui.text()).contains("t adds the sandboxing", "On a unit golive did not write: also add the sandboxing");
        }
    }

    @Test
    void noLeavesTheDropInAndThePlanAsTheyWere() {
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", "prometheus-node-exporter", 120, 40)) {
            askBasicHardening(tui);
            tui.press("p");
            String before = review(tui);
            tui.press("6", "t");
            assertThat(tui.text()).contains("ProtectSystem: (unset) → full");
            tui.press("n");
            assertThat(tui.text()).contains("(t tightens it, asks first)").doesNotContain("ProtectSystem=");
            assertThat(tui.session().tightened()).isFalse();
            assertThat(review(tui)).isEqualTo(before);
        }
    }

    @Test
    void aContainerRuntimeIsNeverOfferedTighteningAndTheScreenSaysWhy() throws IOException {
        String root = TuiDriver.targetTree("ubuntu2004-hybrid");
        Files.writeString(Path.of(root, "usr/lib/systemd/system/docker.service"), """
                [Unit]
                Description=Docker Application Container Engine

                [Service]
                Type=notify
                ExecStart=/usr/bin/dockerd -H fd://
                Restart=always
                TasksMax=infinity
                Delegate=yes
                KillMode=process

                [Install]
                WantedBy=multi-user.target
                """);
        try (TuiDriver tui = TuiDriver.on(root, "docker", 120, 40)) {
            askBasicHardening(tui);
            assertThat(tui.text()).contains("drop-in /etc/systemd/system/docker.service.d/60-golive.conf",
                    "no tightening: docker.service is a container").doesNotContain("t tightens it");
            tui.press("t");
            assertThat(tui.text()).doesNotContain("Tighten docker.service").contains("would break its containers");
            assertThat(tui.session().tightened()).isFalse();
        }
    }
}
