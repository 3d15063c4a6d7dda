package dev.golive.ui.tui;

import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame around the screens: the spinner while work runs, error dialogs, resizing. */
class FrameTest {

    @Test
    void theFirstFrameAppearsBeforeInspectionEndsWithASpinnerInTheHeader() throws Exception {
        Deque<Runnable> background = new ArrayDeque<>();
        try (var session = dev.golive.app.Session.open("src/test/resources/hosts/debian12-vm")) {
            var terminal = new com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal(new com.googlecode.lanterna.TerminalSize(80, 24));
            var screen = new com.googlecode.lanterna.screen.TerminalScreen(terminal);
            screen.startScreen();
            Theme theme = ThemeLoader.shipped("default");
            Deque<Runnable> ui = new ArrayDeque<>();
            TuiApp app = new TuiApp(new HostModel(session.profileDirs(java.util.List.of()), "src/test/resources/hosts/debian12-vm", false), theme, background::add, ui::add, TuiDriver.LOG_FILE);
            app.start();
            Tui.render(app, screen, theme);
            String first = TuiDriverText.of(terminal);
            assertThat(first.lines().findFirst().orElseThrow()).contains("| inspecting the host…");
            assertThat(first).contains("Inspecting capture src/test/resources/hosts/debian12-vm…");
            assertThat(app.tick()).isTrue();
            Tui.render(app, screen, theme);
            assertThat(TuiDriverText.of(terminal).lines().findFirst().orElseThrow()).contains("/ inspecting the host…");
            background.pop().run();   // the worker finishes...
            ui.pop().run();           // ...and hands the result to the GUI thread
            Tui.render(app, screen, theme);
            assertThat(TuiDriverText.of(terminal)).contains("rules checked").doesNotContain("inspecting the host");
            assertThat(app.tick()).as("nothing runs: no redraw needed").isFalse();
            screen.stopScreen();
        }
    }

    @Test
    void at80ColumnsTheHeaderStillNamesWhichCaptureIsOpen() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            assertThat(tui.row(0)).startsWith(" golive  legacy-db1 · capture …").contains("/hosts/centos7-v1").endsWith("[read-only: a capture]");
        }
    }

    @Test
    void anErrorFromBelowIsADialogWithTheCliLine() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 80, 24)) {
            tui.app.worker().run("verifying the unit", () -> {
                throw GoliveException.environment("systemd-analyze: not installed (apt install systemd)");
            }, x -> { }, tui.app::error);
            tui.render();
            tui.matchesGolden("dialog-error-80x24");
            assertThat(tui.text()).contains("golive: systemd-analyze: not installed (apt install systemd)");
            tui.press("j");
            assertThat(tui.app.dialog()).as("keys go to the dialog first").isPresent();
            tui.press("enter");
            assertThat(tui.app.dialog()).isEmpty();
        }
    }

    @Test
    void anUnexpectedFailureSaysInternalErrorAndPointsAtTheLog() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 80, 24)) {
            tui.app.worker().run("x", () -> {
                throw new IllegalStateException("boom");
            }, x -> { }, tui.app::error);
            tui.render();
            assertThat(tui.text()).contains("golive: internal error: IllegalStateException: boom", "(details in", "/var/log/golive/golive.log)");
        }
    }

    @Test
    void resizingRelaysTheScreenOutAndATooSmallTerminalSaysSo() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 120, 40)) {
            tui.press("2");
            assertThat(tui.row(3)).as("wide: list and detail side by side").contains("NET-TW-RECYCLE", "NET-TW-RECYCLE · error");
            tui.resize(80, 24);
            assertThat(tui.row(3)).doesNotContain("· error");
            assertThat(tui.row(23)).contains("? help");
            tui.resize(60, 20);
            assertThat(tui.row(0)).isEqualTo("golive needs 80x24; this terminal is 60x20");
            tui.resize(100, 30);
            assertThat(tui.row(1)).contains("2 Findings");
        }
    }
}
