package dev.golive.ui.tui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What golive did: the commands it "ran" (answered from the capture) and the files it read. */
class CommandLogScreenTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void theLogListsEveryCommandAndFileOfThisRun(int cols, int rows) {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", cols, rows)) {
            tui.press("8");
            tui.matchesGolden("log-debian12-vm-" + cols + "x" + rows);
            assertThat(tui.text()).contains("log file: " + TuiDriver.LOG_FILE);
        }
    }

    @Test
    void showingOnlyCommandsListsTheirExitAndWhereTheAnswerCameFrom() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 120, 40)) {
            tui.press("8", "f");
            tui.matchesGolden("log-debian12-vm-120x40-commands");
            assertThat(tui.row(2)).contains("showing: commands");
            assertThat(tui.row(4)).startsWith(" $ ");
        }
    }
}
