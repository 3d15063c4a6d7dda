package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** From the Unit screen, S shows the service now: golive health and golive verify, the same calls as the CLI. */
class ServiceStatusScreenTest {

    @Test
    void onACaptureTheStatusSaysHealthNeedsTheLiveHostAndVerifyHasNoApply() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", "api", 120, 40)) {
            tui.press("6", "S");
            assertThat(tui.app.current()).isInstanceOf(StatusView.class);
            assertThat(tui.text()).contains("the health of api.service needs the live host: nothing runs in",
                    "golive verify: no applied snapshot to verify");
            tui.press("esc");
            assertThat(tui.app.current()).isInstanceOf(UnitView.class);
        }
    }
}
