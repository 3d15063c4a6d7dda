package dev.golive.e2e;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full-screen TUI over SSH at 80×24, as an admin on a slow link uses it: the first
 * frame, moving through the overview's list, switching to the findings, quitting. Measures
 * the bytes that crossed the connection (encrypted, with SSH's framing) per key press
 * against DESIGN.md's budget: moving through a list writes under 2 KiB to the terminal.
 */
class TuiSshIT {

    static final Duration STEP = Duration.ofSeconds(60);

    @Test
    void navigateTheTuiOverSshWithinTheByteBudget() throws Exception {
        String fixture = Run.root().resolve("src/test/resources/hosts/debian12-vm").toString();
        try (Sshd sshd = Sshd.start()) {
            String cmd = "cd " + Sshd.shellQuote(List.of(Run.root().toString())) + " && ./scripts/golive --root "
                    + Sshd.shellQuote(List.of(fixture));
            try (Sshd.Session s = sshd.open(cmd)) {
                String screen = s.waitForScreen(t -> t.contains("1 Overview") && t.contains("NET-SYN-BACKLOG-LOW") && t.contains("q back/quit"), STEP);
                assertThat(screen).contains("golive  api-1", "Network", "NET-SYN-BACKLOG-LOW");
                long firstFrame = sshd.bytesToClient();
                screen = s.styledScreen();

                sshd.resetCounters();
                int moves = 6;
                for (int i = 0; i < moves; i++) {
                    s.sendKeys("Down");
                    screen = s.waitForChange(screen, STEP);
                }
                long perMove = sshd.bytesToClient() / moves;

                s.sendKeys("Tab");
                screen = s.waitForScreen(t -> t.contains("severity"), STEP);
                s.sendKeys("q");
                s.waitForScreen(t -> !t.contains("severity"), STEP);
                s.sendKeys("q");
                // ssh exits with the remote command's status: golive's
                assertThat(s.waitForExit(STEP)).isZero();
                System.out.printf("ssh bytes for the TUI: connection + first frame %d, per list move %d (to the client)%n",
                        firstFrame, perMove);
                assertThat(perMove).as("bytes per list move, encrypted").isLessThan(2048);
            }
        }
    }
}
