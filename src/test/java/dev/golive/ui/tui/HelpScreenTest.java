package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** ? opens the keys of the screen you are on first; q closes it again. */
class HelpScreenTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void helpOnFindingsStartsWithTheFindingsKeys(int cols, int rows) {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", cols, rows)) {
            tui.press("2", "?");
            tui.matchesGolden("help-findings-" + cols + "x" + rows);
            assertThat(tui.row(2)).contains("Findings (this screen)");
            tui.press("q");
            assertThat(tui.row(1)).doesNotContain("Help");
            assertThat(tui.text()).contains("NET-TW-RECYCLE");
        }
    }

    @Test
    void helpCanBeFilteredLikeAnyList() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("?").type("/severity").press("enter");
            assertThat(tui.text()).contains("Show only findings at or above a severity");
            assertThat(tui.text()).doesNotContain("Go to the next screen");
        }
    }

    @Test
    void aFilteredHelpKeepsTheHeadingsOfTheSectionsWithMatches() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("2", "?").type("/severity").press("enter");
            assertThat(tui.row(2)).contains("Findings (this screen)");
            assertThat(tui.row(3)).contains("s", "Show only findings at or above a severity");
            assertThat(tui.text().split("\n")).as("a section without a match loses its heading").doesNotContain(" Profiles", " Review");
            assertThat(tui.text()).doesNotContain("Go to the next screen");
        }
    }

    @Test
    void theFooterOfTheHelpListsItsScrollKeys() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("?");
            assertThat(tui.row(23)).contains("j/down down", "k/up up", "pgdn/space page", "q back/quit");
        }
    }
}
