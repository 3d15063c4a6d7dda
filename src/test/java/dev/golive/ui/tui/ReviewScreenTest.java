package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Review keeps telling the truth about the plan when the admin picks more fixes after planning. */
class ReviewScreenTest {

    @Test
    void pickingAFixAfterPlanningPlansAgainWithIt() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 120, 40)) {
            tui.press("4", "r");
            assertThat(tui.text()).contains("Plan 20260101-000000-test");
            assertThat(tui.app.model().plan().orElseThrow().manualSteps()).noneMatch(s -> s.contains("net.bridge.bridge-nf-call-ip6tables"));
            tui.press("2").type("/ip6tables").press("enter", "enter", "4");
            assertThat(tui.text()).doesNotContain("No plan yet.").contains("Plan 20260101-000000-test");
            assertThat(tui.app.model().plan()).as("planned again with the picked fix").isPresent();
            assertThat(tui.app.model().plan().orElseThrow().manualSteps()).anyMatch(s -> s.contains("net.bridge.bridge-nf-call-ip6tables"));
        }
    }

    @Test
    void withoutAPlanTheScreenCountsThePickedFixesInPlainWords() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("4");
            assertThat(tui.text()).contains("No plan yet.", "(no fixes picked yet).");
            tui.press("2").type("/somaxconn").press("enter", "enter", "4");
            assertThat(tui.text()).contains("with the fix you picked.").doesNotContain("1 fixes");
            tui.press("2", "esc").type("/ip6tables").press("enter", "enter", "4");
            assertThat(tui.text()).contains("with the 2 fixes you picked.");
        }
    }
}
