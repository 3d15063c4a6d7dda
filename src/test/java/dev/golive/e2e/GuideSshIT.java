package dev.golive.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-shot guided setup over SSH (issue 9): an admin at an 80×24 terminal on the other
 * end of `ssh -tt` takes every default, says yes to the apply, and reads how to roll back.
 * The host is a target tree (a copy of a fixture), so the apply writes there, not here.
 * Prints the bytes that crossed the connection for the whole flow.
 */
class GuideSshIT {

    static final Duration STEP = Duration.ofSeconds(60);

    @Test
    void fullGuidedFlowWithDefaultsOverSsh(@TempDir Path tmp) throws Exception {
        Path tree = tmp.resolve("host");
        copyTree(Run.root().resolve("src/test/resources/hosts/debian12-vm"), tree);
        Files.delete(tree.resolve("golive-capture.json")); // a target tree golive may write into

        try (Sshd sshd = Sshd.start()) {
            String cmd = "cd " + Sshd.shellQuote(List.of(Run.root().toString())) + " && ./scripts/golive guide --root "
                    + Sshd.shellQuote(List.of(tree.toString())) + "; echo guide-exit=$?";
            try (Sshd.Session s = sshd.open(cmd)) {
                answer(s, "Fix which", "Enter");                      // default: all fixable findings
                answer(s, "Profile (tab completes)", "Enter");        // default: the recommended profile
                answer(s, "systemd unit too?", "Enter");              // default: no
                // page through the preview until the confirmation
                String screen = s.waitForScreen(t -> Sshd.Session.lastLine(t).startsWith("-- more")
                        || t.contains("Apply these changes now"), STEP);
                while (!screen.contains("Apply these changes now")) {
                    s.sendKeys("Enter");
                    screen = s.waitForChange(screen, STEP);
                }
                s.sendKeys("yes", "Enter");
                screen = s.waitForScreen(t -> t.contains("guide-exit="), STEP);
                assertThat(screen).contains("guide-exit=0");
                // the snapshot the guide names is the one written into the tree, with the command to undo it
                String all = s.scrollback();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("Applied\\. Snapshot (\\S+) holds").matcher(all);
                assertThat(m.find()).as(all).isTrue();
                assertThat(all).contains("golive rollback " + m.group(1));
                assertThat(tree.resolve("var/lib/golive/snapshots").resolve(m.group(1))).isDirectory();
                assertThat(screen.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Sshd.COLUMNS));
            }
            System.out.printf("ssh bytes for a full guided flow: %d to the client, %d to the server%n",
                    sshd.bytesToClient(), sshd.bytesToServer());
            assertThat(sshd.bytesToClient()).isPositive();
        }
        String sysctl = Files.readString(tree.resolve("etc/sysctl.d/60-golive.conf"));
        assertThat(sysctl).startsWith("# Managed by golive (snapshot ");
    }

    private static void answer(Sshd.Session s, String prompt, String... keys) throws Exception {
        s.waitForScreen(t -> Sshd.Session.lastLine(t).contains(prompt), STEP);
        s.sendKeys(keys);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var st = Files.walk(from)) {
            for (Path p : st.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) Files.createSymbolicLink(t, Files.readSymbolicLink(p));
                else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
