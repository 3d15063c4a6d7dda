package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Review's d opens the plan in the one diff view: walked by file and hunk and searched like a snapshot's diff. */
class ReviewDiffTest {

    @Test
    void thePlanIsWalkedFileByFileAndSearched() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("3").type("/web").press("enter", "p", "d");
            assertThat(tui.row(1)).contains("4 Review › Plan 20260101-000000-test");
            tui.press("}", "}");
            assertThat(tui.row(2)).isEqualTo(" --- /dev/null");
            assertThat(tui.row(3)).isEqualTo(" +++ b/etc/systemd/system.conf.d/60-golive.conf");
            assertThat(tui.row(21)).contains("file 2 of 3");
            tui.press("/").type("daemon-reexec").press("enter");
            assertThat(tui.row(21)).contains("match 1 of ");
            assertThat(tui.text()).contains("daemon-reexec");
            tui.press("q");
            assertThat(tui.row(1)).contains("4 Review").doesNotContain("›");
        }
    }
}
