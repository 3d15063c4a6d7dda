package dev.golive.ui.tui;

import dev.golive.report.HostileCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The TUI on a capture whose hostname and os-release carry terminal escapes: drawn escaped, never sent. */
class HostileTextScreenTest {

    @TempDir Path tmp;

    @Test
    void theOverviewDrawsTheEscapesAsText() throws Exception {
        Path cap = HostileCapture.under(tmp);
        try (TuiDriver tui = TuiDriver.on(cap.toString(), true, 200, 40)) {
            String screen = tui.text();
            assertThat(HostileCapture.hasRawControl(screen)).as(screen).isFalse();
            assertThat(tui.row(0)).contains("api" + HostileCapture.TITLE_SHOWN + "-1");
        }
    }
}
