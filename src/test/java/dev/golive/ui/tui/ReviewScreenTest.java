package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Review keeps telling the truth about the plan when the admin picks more fixes after planning. */
class ReviewScreenTest {

    @Test
    void withServiceTheReviewSaysWhenTheUnitIsNotInThePlanYet() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", "api", 80, 24)) {
            tui.press("3").type("/web").press("enter", "p");
            assertThat(tui.row(2)).isEqualTo(" api.service is not in this plan: Unit (6), then p, adds its drop-in");
            tui.press("6", "p");
            assertThat(tui.row(2)).contains("· service api.service ·");
            assertThat(tui.text()).doesNotContain("is not in this plan");
        }
    }

    @Test
    void aLongDiffLineIsReadSidewaysWithTheArrowKeys() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("3").type("/web").press("enter", "p");
            String cut = "+# Room for connection bursts in the accept queue: listen() caps the backlog a…";
            assertThat(tui.text()).contains(cut);
            tui.press("right");
            assertThat(tui.text()).as("20 columns further right").doesNotContain(cut).contains("…n bursts in the accept queue: listen() caps the backlog at somaxconn.");
            tui.press("left");
            assertThat(tui.text()).contains(cut);
            tui.press("left");
            assertThat(tui.text()).as("never left of the start").contains(cut);
        }
    }

    @Test
    void pickingAFixAfterPlanningPlansAgainWithIt() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 120, 40)) {
            tui.press("4", "r");
            assertThat(tui.text()).contains("Plan 20260101-000000-test");
            assertThat(tui.app.model().plan().orElseThrow().live()).noneMatch(l -> l.why().startsWith("picked fix"));
            tui.press("2").type("/somaxconn").press("enter", "enter", "4");
            assertThat(tui.text()).doesNotContain("No plan yet.").contains("Plan 20260101-000000-test");
            assertThat(tui.app.model().plan()).as("planned again with the picked fix").isPresent();
            assertThat(tui.app.model().plan().orElseThrow().live())
                    .anyMatch(l -> l.key().equals("net.core.somaxconn") && l.why().startsWith("picked fix"));
        }
    }

    @Test
    void withoutAPlanTheScreenCountsThePickedFixesInPlainWords() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("4");
            assertThat(tui.text()).contains("No plan yet.", "(no fixes picked yet).");
            tui.press("2").type("/somaxconn").press("enter", "enter", "4");
            assertThat(tui.text()).contains("with the fix you picked.").doesNotContain("1 fixes");
            tui.press("2", "esc").type("/THP-ALWAYS").press("enter", "enter", "4");
            assertThat(tui.text()).contains("with the 2 fixes you picked.");
        }
    }

    @Test
    void theAuditStepsKeepThePlanAndAddAPickedFinding() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("4", "r", "2").type("/THP-DEFRAG").press("enter", "enter", "4");
            assertThat(tui.text()).doesNotContain("No plan yet.").contains("Plan 20260101-000000-test");
            assertThat(tui.app.model().picked()).extracting(f -> f.ruleId()).containsExactly("MEM-THP-DEFRAG-ALWAYS");
            assertThat(tui.app.model().plan().orElseThrow().live()).anyMatch(l -> l.path().endsWith("transparent_hugepage/defrag")
                    && l.after().equals("madvise"));
        }
    }

    @Test
    void whenPlanningAgainFailsTheOldPlanStaysMarkedOutOfDate() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("4", "r", "1");
            tui.app.model().chooseProfile("no-such-profile");
            tui.press("4");
            assertThat(tui.app.dialog()).as("the failed re-plan says why").isPresent();
            tui.press("esc");
            assertThat(tui.row(2)).contains("Out of date", "r re-plan");
            assertThat(tui.text()).contains("Plan 20260101-000000-test");
        }
    }
}
