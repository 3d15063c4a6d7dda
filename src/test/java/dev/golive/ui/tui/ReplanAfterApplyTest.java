package dev.golive.ui.tui;

import dev.golive.model.Plan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** After an apply every screen shows the host as it is now, and planning again proposes nothing. */
class ReplanAfterApplyTest {

    @Test
    void reviewsRePlanAfterApplyingAPickedFixIsNothingToChange() {
        String tree = TuiDriver.targetTree("ubuntu2004-hybrid");
        try (TuiDriver tui = TuiDriver.on(tree, false, 120, 40)) {
            tui.press("2", "enter"); // pick the first finding with a fix golive can make
            for (int i = 0; i < 40 && tui.app.model().pickedChanges().isEmpty(); i++) tui.press("j", "enter");
            assertThat(tui.app.model().pickedChanges()).isNotEmpty();
            tui.press("3").type("/web").press("enter", "p");
            Plan applied = tui.app.model().plan().orElseThrow();
            assertThat(applied.files()).isNotEmpty();
            tui.press("esc", "a", "y");
            assertThat(tui.text()).contains("applied " + applied.id());
            // Review plans again by itself (its inputs changed: the fix's finding is gone)
            tui.press("4");
            Plan again = tui.app.model().plan().orElseThrow();
            assertThat(again.files()).as("the applied fix is kept, not undone").isEmpty();
            assertThat(again.live()).isEmpty();
            assertThat(again.actions()).isEmpty();
        }
    }
}
