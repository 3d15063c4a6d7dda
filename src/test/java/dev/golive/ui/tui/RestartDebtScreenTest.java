package dev.golive.ui.tui;

import dev.golive.host.RootSpec;
import dev.golive.model.FixChange;
import dev.golive.verify.VerifyHostAccess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restart debt in the TUI: a capture of a host after an apply whose service was not
 * restarted shows on the Overview what did not reach the process and the key that restarts it;
 * after the restart nothing is left to show.
 */
class RestartDebtScreenTest {

    /** At a fixed relative path, so the header (the root) is the same on every run. */
    static VerifyHostAccess host() throws Exception {
        Path work = Path.of("target/tui-trees/restart-debt");
        if (Files.exists(work)) RootSpec.deleteTree(work);
        Files.createDirectories(work);
        return VerifyHostAccess.applied(work, List.of(new FixChange.ServiceEnvironmentChange("GOMAXPROCS", "2")));
    }

    @Test
    void theOverviewShowsTheRestartDebtAndTheKeyThatRestartsTheService() throws Exception {
        VerifyHostAccess h = host();
        try (TuiDriver tui = TuiDriver.on(h.dir().toString(), "api", 80, 24)) {
            tui.matchesGolden("overview-restart-debt-80x24");
            assertThat(tui.text()).contains("Restart debt of snapshot " + h.plan().id())
                    .contains("needs service restart: LimitNOFILE, Environment GOMAXPROCS,")
                    .contains("Press T to restart api.service and verify again");
            // a capture is a record of another host: the key says why it cannot restart anything
            tui.press("T");
            assertThat(tui.text()).contains("restart+verify: read-only: a capture");
        }
    }

    @Test
    void afterTheRestartTheOverviewHasNoDebtLeft() throws Exception {
        VerifyHostAccess h = host();
        h.restarted();
        try (TuiDriver tui = TuiDriver.on(h.dir().toString(), "api", 80, 24)) {
            assertThat(tui.text()).doesNotContain("Restart debt");
            tui.press("T");
            assertThat(tui.text()).contains("restart+verify: no restart debt");
        }
    }
}
