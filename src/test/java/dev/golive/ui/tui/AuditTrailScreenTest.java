package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** After an apply and its rollback, the Log screen's a shows both in the audit trail, newest first, with who ran them. */
class AuditTrailScreenTest {

    @Test
    void theLogScreenOpensTheAuditTrailOfEveryApplyAndRollback() {
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("ubuntu2004-hybrid"), false, 80, 24)) {
            tui.session().withSudoUser("alice").withUserName("root").withUid(() -> 0);
            tui.press("3").type("/web").press("enter", "p", "a", "y", "5", "r", "y", "8", "a");
            assertThat(tui.row(1)).contains("8 Log › Audit trail");
            String text = tui.text();
            assertThat(text).containsPattern("(?m)^ \\S+Z +rollback +20260101-000000-test +ok +alice \\(sudo\\)$")
                    .containsPattern("(?m)^ \\S+Z +apply +20260101-000000-test +ok +alice \\(sudo\\)$");
            assertThat(text.indexOf(" rollback ")).as("newest first").isLessThan(text.indexOf(" apply "));
            assertThat(text).contains("restored, ", "via sudo by alice");
            tui.matchesGolden("audit-trail-80x24", true);
        }
    }

    @Test
    void aCaptureHasNoAuditTrailAndTheKeySaysWhy() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("8", "a");
            assertThat(tui.row(22)).isEqualTo("audit trail: read-only: a capture");
        }
    }
}
