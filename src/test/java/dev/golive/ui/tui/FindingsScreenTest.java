package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the findings of a host, narrowing them, and picking fixes for the plan. */
class FindingsScreenTest {

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({"centos7-v1, 80, 24", "centos7-v1, 120, 40"})
    void theFindingsScreenListsWorstFirstWithTheSelectedOneExplained(String host, int cols, int rows) {
        try (TuiDriver tui = TuiDriver.onFixture(host, cols, rows)) {
            tui.press("2");
            tui.matchesGolden("findings-" + host + "-" + cols + "x" + rows);
            assertThat(tui.text()).contains("NET-TW-RECYCLE", "Why", "Fix", "Source");
        }
    }

    @Test
    void movingDownExplainsTheNextFindingAndShowsWhereItWasRead() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 120, 40)) {
            tui.press("2", "j", "j", "j");
            tui.matchesGolden("findings-centos7-v1-120x40-fourth");
        }
    }

    @Test
    void enterOnAFixableFindingPutsItInThePendingPlanAndEnterAgainTakesItOut() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("2").type("/somaxconn").press("enter");
            assertThat(tui.text()).contains("NET-SOMAXCONN-LOW").doesNotContain("NET-TW-RECYCLE");
            tui.press("enter");
            assertThat(tui.row(0)).contains("plan: 1 fix picked");
            assertThat(tui.row(22)).contains("NET-SOMAXCONN-LOW: added to the pending plan");
            tui.matchesGolden("findings-centos7-v1-80x24-picked");
            assertThat(tui.app.model().pickedChanges()).extracting(Object::toString).anyMatch(s -> s.contains("net.core.somaxconn"));
            tui.press("enter");
            assertThat(tui.row(0)).doesNotContain("plan:");
        }
    }

    @Test
    void aFindingGoliveCannotFixSaysSoInsteadOfPickingIt() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("2").type("/GO-TOOLCHAIN-MISSING").press("enter", "enter");
            assertThat(tui.row(22)).contains("GO-TOOLCHAIN-MISSING: golive cannot make this change itself");
            assertThat(tui.app.model().picked()).isEmpty();
        }
    }

    @Test
    void severityAndAreaNarrowTheList() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("2", "s", "s");
            assertThat(tui.row(2)).contains("severity ≥ error", "1 of 10");
            tui.press("s", "a", "a");
            assertThat(tui.row(2)).contains("severity ≥ info", "area memory", "2 of 10");
            assertThat(tui.text()).contains("MEM-THP-ALWAYS").doesNotContain("NET-TW-RECYCLE");
        }
    }

    @Test
    void escClearsTheFilter() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("2").type("/thp").press("enter");
            assertThat(tui.row(22)).contains("filter: thp", "2 of 10");
            tui.press("esc");
            assertThat(tui.row(2)).contains("10 of 10");
        }
    }
}
