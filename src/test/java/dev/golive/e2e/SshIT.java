package dev.golive.e2e;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * golive over a real SSH connection, as an admin on a remote terminal runs it: sshd on
 * 127.0.0.1 with a throwaway key, `ssh -tt` in an 80×24 tmux pane. Also proves the byte
 * counting that the guide and TUI tests use for the slow-link budget.
 */
class SshIT {

    @Test
    void inspectOverSshInAn80x24Terminal() throws Exception {
        try (Sshd sshd = Sshd.start()) {
            String cmd = "cd " + Sshd.shellQuote(java.util.List.of(Run.root().toString()))
                    + " && stty size && TERM=$TERM ./scripts/golive inspect --no-color; echo golive-exit=$?; " + Sshd.HOLD;
            try (Sshd.Session s = sshd.open(cmd)) {
                assertThat(s.size()).isEqualTo("80x24");
                // golive's own exit status, from its output: what this test is about. The ssh client's
                // teardown after it is not (once under load it took over 90 s to leave the pane, once
                // tmux lost the last lines when it did), as in SshSetupIT.
                s.waitForScreen(x -> x.contains("golive-exit="), Duration.ofSeconds(90));
                String all = s.scrollback();
                // the remote side got the pane's size through the pty ssh allocated
                assertThat(all).contains("24 80");
                assertThat(all).contains("golive inspect  live host", "System", "CPU", "Memory", "File descriptors", "cgroups", "Go toolchain");
                assertThat(all).containsPattern("kernel\\s+\\S+\\s+/proc/sys/kernel/osrelease");
                assertThat(all).contains("golive-exit=0");
                // the last screen is what the admin sees: the end of the output, within 80 columns
                String screen = s.screen();
                assertThat(screen.lines()).hasSizeLessThanOrEqualTo(Sshd.ROWS).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Sshd.COLUMNS));
                assertThat(screen).contains("golive-exit=0");
            }
            long down = sshd.bytesToClient(), up = sshd.bytesToServer();
            System.out.printf("ssh bytes for `golive inspect`: %d to the client, %d to the server%n", down, up);
            // encrypted output plus key exchange: more than the text shown, but the same order of size
            assertThat(down).isBetween(4_000L, 200_000L);
            assertThat(up).isPositive();
            assertThat(sshd.log()).contains("Accepted publickey for root");
        }
    }
}
