package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Choosing a tuning profile: the recommended one marked, what each would change on this host. */
class ProfilesScreenTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void theProfilesScreenMarksTheRecommendedOneAndShowsCurrentAgainstProposed(int cols, int rows) {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", cols, rows)) {
            tui.press("3");
            tui.matchesGolden("profiles-centos7-v1-" + cols + "x" + rows);
            assertThat(tui.text()).contains("★", "base", "web-api", "key", "current", "proposed", "why");
        }
    }

    @Test
    void movingToAnotherProfileShowsItsTable() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 120, 40)) {
            tui.press("3").type("/web").press("enter");
            assertThat(tui.text()).contains("web-api — ", "net.core.somaxconn", "128");
            tui.matchesGolden("profiles-centos7-v1-120x40-web-api");
        }
    }

    @Test
    void theCursorStartsOnTheRecommendedProfileSoPPlansWhatInPlanMarks() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("3");
            assertThat(tui.row(3)).as("★ web-api is recommended and in plan").contains("★ web-api", "in plan");
            assertThat(tui.text()).as("its table shows").contains("web-api — ");
            tui.press("p");
            assertThat(tui.text()).contains("Plan 20260101-000000-test · profile web-api");
        }
    }

    @Test
    void enterMakesTheProfileThePlansAndPPlansItIntoReview() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("3").type("/web").press("enter", "enter");
            assertThat(tui.row(22)).contains("the plan will use profile web-api");
            assertThat(tui.app.model().profile()).contains("web-api");
            tui.press("p");
            assertThat(tui.row(1)).contains("4 Review");
            assertThat(tui.text()).contains("Plan 20260101-000000-test · profile web-api");
        }
    }

    @Test
    void theWholeWhyOfATableRowIsReadableBelowTheTable() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("3", "g", "J");
            assertThat(tui.text()).as("the why column is cut, with an ellipsis").contains("listen() silently cap…");
            assertThat(tui.text().replace("\n", " ").replaceAll(" +", " "))
                    .contains("net.core.somaxconn = 4096 (now 128): listen() silently caps every backlog at somaxconn");
            // past the sysfs rows (defrag, khugepaged/max_ptes_none) to the service section
            tui.press("J", "J", "J", "J", "J", "J", "J");
            assertThat(tui.text()).contains("StartLimitBurst = 15");
        }
    }
}
