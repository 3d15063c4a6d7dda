package dev.golive.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-shot setup over SSH, as an admin on a slow link does it: `ssh -tt` into sshd on
 * 127.0.0.1, an 80×24 terminal, first the guided line mode from the first question to the
 * rollback hint, then the full-screen UI for a run of key presses. The bytes that crossed the
 * connection are printed (scripts/bench collects these lines) and held to a loose ceiling.
 */
class SshSetupIT {

    @TempDir Path tmp;

    private static String in(Path dir, String command) {
        return "cd " + Sshd.shellQuote(List.of(dir.toString())) + " && " + command + "; echo golive-exit=$?; " + Sshd.HOLD;
    }

    private static String joined(String screen) { return screen.replace("\n", ""); }

    @Test
    void theGuidedSetupOverSshFromSummaryToRollbackHint() throws Exception {
        Path host = FixtureTrees.targetTree(tmp, "ubuntu2004-hybrid");
        Run.golive("--version"); // build outside the measured connection
        try (Sshd sshd = Sshd.start()) {
            sshd.resetCounters();
            try (Sshd.Session s = sshd.open(in(Run.root(), "./scripts/golive guide --root " + host))) {
                Duration wait = Duration.ofSeconds(90);
                s.waitForScreen(x -> x.contains("Fix which"), wait);
                s.sendKeys("Enter");
                s.waitForScreen(x -> x.contains("Profile (tab completes) [web-api]"), wait);
                s.sendKeys("Enter");
                s.waitForScreen(x -> x.contains("systemd unit too?"), wait);
                s.sendKeys("Enter");
                for (int i = 0; i < 20 && !s.screen().contains("Apply these changes now"); i++) {
                    s.waitForScreen(x -> x.contains("-- more") || x.contains("Apply these changes now"), wait);
                    if (!s.screen().contains("Apply these changes now")) s.sendKeys("Enter");
                    Thread.sleep(150);
                }
                s.sendKeys("yes", "Enter");
                String end = s.waitForScreen(x -> joined(x).contains("golive-exit="), wait);
                assertThat(joined(end)).contains("golive rollback ").contains("golive-exit=0");
                assertThat(end.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Sshd.COLUMNS));
            }
            long down = sshd.bytesToClient(), up = sshd.bytesToServer();
            System.out.printf("ssh bytes for a full guided setup: %d to the client, %d to the server%n", down, up);
            assertThat(down).isBetween(2_000L, 400_000L);
        }
        // every fix picked: syncookies back on, so the SYN backlog (read only without them) is not written
        assertThat(Files.readString(host.resolve("etc/sysctl.d/60-golive.conf"))).contains("net.core.somaxconn = 8192")
                .doesNotContain("net.ipv4.tcp_max_syn_backlog");
    }

    @Test
    void theFullScreenUiOverSshForSixtyKeyPresses() throws Exception {
        Path host = FixtureTrees.targetTree(tmp, "centos7-v1");
        Run.golive("--version");
        try (Sshd sshd = Sshd.start()) {
            try (Sshd.Session s = sshd.open(in(Run.root(), "./scripts/golive --root " + host))) {
                String first = s.waitForScreen(x -> x.contains("rules checked"), Duration.ofSeconds(90));
                assertThat(first.lines().toList().get(0)).contains("golive");
                long startDown = sshd.bytesToClient();
                // a minute of an admin's navigation, compressed: screens and list moves with j/k (an
                // arrow key is an escape sequence, and one split by a loaded link reads as esc, which
                // quits from the top screen; no q/esc for the same reason)
                List<String> keys = List.of("2", "j", "j", "j", "k", "j", "j", "k", "k", "j",
                        "1", "2", "j", "j", "j", "k", "3", "j", "j", "k", "1");
                int pressed = 0;
                while (pressed < 60) {
                    for (String k : keys) {
                        if (pressed == 60) break;
                        s.sendKeys(k);
                        pressed++;
                        Thread.sleep(120);
                    }
                }
                s.sendKeys("1");
                String overview = s.waitForScreen(x -> x.contains("rules checked"), Duration.ofSeconds(20));
                assertThat(overview.lines()).hasSizeLessThanOrEqualTo(Sshd.ROWS);
                long down = sshd.bytesToClient() - startDown;
                System.out.printf("ssh bytes for 60 TUI key presses: %d to the client (%d per key)%n", down, down / 61);
                assertThat(down / 61).as("bytes per key press over ssh").isLessThan(8_000L);
                s.sendKeys("q");
                // golive's own exit status, echoed by the remote shell; read from the scrollback because
                // the TUI restores the screen on exit. (The ssh client's own teardown afterwards is not
                // golive's: under load it has once taken over 20 s to notice the closed session.)
                long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!joined(s.scrollback()).contains("golive-exit=") && System.nanoTime() < end) Thread.sleep(100);
                assertThat(joined(s.scrollback())).contains("golive-exit=0");
            }
        }
    }
}
