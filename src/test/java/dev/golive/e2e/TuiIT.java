package dev.golive.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * `golive` with no arguments, as an admin meets it over SSH: the real launcher in a real
 * terminal (tmux, 80x24), keys typed, screen lines checked by meaning.
 */
class TuiIT {

    @BeforeAll
    static void needsTmux() { assumeThat(Run.hasCommand("tmux")).as("tmux installed (scripts/test installs it)").isTrue(); }

    @Test
    void anAdminOpensACaptureReadsTheFindingsPicksAFixAndQuitsWithoutChangingIt(@TempDir Path tmp) throws Exception {
        Path host = FixtureTrees.capture(tmp, "centos7-v1");
        Map<String, String> before = FixtureTrees.hashes(host);
        try (Tmux t = Tmux.start(80, 24, "TERM=xterm-256color", "./scripts/golive --root " + host)) {
            // the whole frame, not just its first rows: a capture can land mid-redraw
            String s = t.waitFor(x -> x.contains("rules checked") && x.contains("q back/quit") && x.contains("Go "),
                    "the Overview after inspection");
            String[] lines = s.split("\n");
            assertThat(lines[0]).contains("golive", "legacy-db1").endsWith("[read-only: a capture]");
            assertThat(s).containsPattern("Network\\s+ERROR\\s+5").containsPattern("CPU\\s+ok\\s+0");
            assertThat(lines[23]).contains("? help", "q back/quit");

            t.keys("2");
            s = t.waitFor(x -> x.contains("severity ≥ info"), "the Findings screen");
            assertThat(s).contains("NET-TW-RECYCLE", "Source", "/etc/sysctl.conf:11");

            t.keys("/");
            t.type("somaxconn");
            t.keys("Enter", "Enter");
            s = t.waitFor(x -> x.contains("plan: 1 fix picked"), "the pick in the header");
            assertThat(s).contains("NET-SOMAXCONN-LOW: added to the pending plan", "sysctl net.core.somaxconn = 4096");

            t.keys("?");
            s = t.waitFor(x -> x.contains("Findings (this screen)"), "the help for Findings");
            t.keys("q");
            t.waitFor(x -> !x.contains("> Help"), "help closed");

            t.keys("8");
            s = t.waitFor(x -> x.contains("log file:"), "the command log");
            assertThat(s).contains("$ systemctl --version", "from capture");

            t.keys("q");
            assertThat(t.exitCode()).isZero();
        }
        assertThat(FixtureTrees.hashes(host)).as("a capture is never written").isEqualTo(before);
    }

    @Test
    void anAdminChoosesAProfileReviewsAppliesIntoATreeAndRollsBack(@TempDir Path tmp) throws Exception {
        Path tree = FixtureTrees.capture(tmp, "ubuntu2004-hybrid");
        Files.delete(tree.resolve("golive-capture.json"));   // a target tree golive may write into
        Map<String, String> before = FixtureTrees.hashes(tree);
        try (Tmux t = Tmux.start(80, 24, "TERM=xterm-256color", "./scripts/golive --root " + tree)) {
            t.waitFor(x -> x.contains("rules checked"), "the Overview");
            t.keys("3");
            t.waitFor(x -> x.contains("★"), "Profiles with the recommended one marked");
            t.keys("/");
            t.type("web-api");
            t.keys("Enter", "Enter", "p");
            String s = t.waitFor(x -> x.contains("· profile web-api"), "the Review of the plan");
            assertThat(s).contains("/etc/sysctl.d/60-golive.conf").doesNotContain("read-only");
            t.keys("a");
            t.waitFor(x -> x.contains("y/enter: yes"), "the confirm step");
            assertThat(Files.exists(tree.resolve("etc/sysctl.d/60-golive.conf"))).as("nothing written before yes").isFalse();
            t.keys("y");
            s = t.waitFor(x -> x.contains("live values, verified in"), "the apply result");
            assertThat(s).contains("set net.core.somaxconn 4096 → 8192");
            assertThat(tree.resolve("etc/sysctl.d/60-golive.conf")).content().contains("net.core.somaxconn = 8192");
            t.keys("S");
            t.waitFor(x -> x.contains(" applied ") && x.contains("web-api"), "the snapshot in the history");
            t.keys("r");
            t.waitFor(x -> x.contains("Roll back snapshot"), "the rollback confirm");
            t.keys("y");
            s = t.waitFor(x -> x.contains("rolled back ") && x.contains("rolled-back"), "the rollback result and the new state");
            assertThat(s).containsPattern("rolled back \\S+: \\d+ restored");
            t.keys("q");
            assertThat(t.exitCode()).isZero();
        }
        Map<String, String> after = FixtureTrees.hashes(tree);
        after.keySet().removeIf(k -> k.startsWith("var/lib/golive/") || k.startsWith("var/log/golive/") || k.equals("run/golive.lock"));
        assertThat(after).as("the tree is byte for byte as before").isEqualTo(before);
    }

    @Test
    void ctrlCDuringAnApplyQuitsWhenTheApplyEndsAndSaysWhatChanged(@TempDir Path tmp) throws Exception {
        Path tree = FixtureTrees.capture(tmp, "ubuntu2004-hybrid");
        Files.delete(tree.resolve("golive-capture.json"));
        Path ready = tmp.resolve("paused");
        // the apply stops after its snapshot manifest until the test lets it go on
        try (Tmux t = Tmux.start(80, 24, "TERM=xterm-256color GOLIVE_FAULT=after-manifest:pause GOLIVE_FAULT_READY=" + ready,
                "./scripts/golive --root " + tree)) {
            t.waitFor(x -> x.contains("rules checked"), "the Overview");
            t.keys("3");
            t.waitFor(x -> x.contains("★"), "Profiles");
            t.keys("p");
            t.waitFor(x -> x.contains("· profile web-api"), "the Review of the plan");
            t.keys("a");
            t.waitFor(x -> x.contains("y/enter: yes"), "the confirm step");
            t.keys("y");
            for (int i = 0; i < 300 && !Files.exists(ready); i++) Thread.sleep(100);
            assertThat(ready).as("the apply reached its pause").exists();
            t.keys("C-c");
            t.waitFor(x -> x.contains("golive quits when it ends"), "the promise on the status line");
            Thread.sleep(500);
            assertThat(t.screen()).as("still running: the apply has not ended").contains("golive quits when it ends");
            Files.delete(ready);
            assertThat(t.exitCode()).isZero();
            assertThat(t.scrollback()).contains("golive: applied snapshot ").contains("undo: golive rollback ");
        }
        assertThat(tree.resolve("etc/sysctl.d/60-golive.conf")).content().contains("net.core.somaxconn = 8192");
    }

    @Test
    void aTerminalSmallerThan80x24SaysWhyInOneLineAndFallsBackToTheGuide(@TempDir Path tmp) throws Exception {
        Path host = FixtureTrees.capture(tmp, "debian12-vm");
        try (Tmux t = Tmux.start(70, 20, "TERM=xterm-256color", "./scripts/golive --root " + host)) {
            // a question, not just the fallback line: Ctrl-C before the guide owns the terminal would be lost
            t.waitFor(x -> x.contains("Fix which") || x.contains("Profile (tab completes)"), "the guided line mode at its first question");
            assertThat(t.scrollback().strip()).startsWith("golive: the terminal is 70x20; the full-screen UI needs at least 80x24; "
                    + "starting the guided setup on plain lines instead (golive guide)");
            t.keys("C-c");
            assertThat(t.exitCode()).as("stopped at the first question: nothing changed").isEqualTo(130);
        }
    }

    @Test
    void withoutATerminalOrWithTermDumbGoliveSaysWhyAndUsesTheGuide(@TempDir Path tmp) throws Exception {
        Path host = FixtureTrees.capture(tmp, "debian12-vm");
        Run noTty = Run.golive("--root", host.toString());   // stdin is /dev/null: the guide meets end of input
        assertThat(noTty.exit()).isEqualTo(130);
        assertThat(noTty.err().lines().toList()).containsExactly(
                "golive: the full-screen UI needs a terminal (stdin or stdout is not a tty); starting the guided setup on plain lines instead (golive guide)",
                "golive guide: stopped (end of input); nothing was changed on the host.");
        try (Tmux t = Tmux.start(80, 24, "TERM=dumb", "./scripts/golive --root " + host)) {
            // a question, not just the fallback line: Ctrl-C before the guide owns the terminal would be lost
            t.waitFor(x -> x.contains("Fix which") || x.contains("Profile (tab completes)"), "the guided line mode at its first question");
            assertThat(t.scrollback().strip()).startsWith("golive: TERM=dumb cannot run the full-screen UI");
            t.keys("C-c");
            assertThat(t.exitCode()).isEqualTo(130);
        }
    }

    @Test
    void noColorGivesTheMonochromeThemeWithoutAnyColourCode(@TempDir Path tmp) throws Exception {
        Path host = FixtureTrees.capture(tmp, "debian12-vm");
        try (Tmux t = Tmux.start(80, 24, "TERM=xterm-256color NO_COLOR=1", "./scripts/golive --root " + host)) {
            t.waitFor(x -> x.contains("rules checked"), "the Overview");
            String raw = t.screenWithEscapes();
            assertThat(raw).as("no foreground/background colour SGR").doesNotContainPattern("\u001b\\[[0-9;]*(3[0-7]|4[0-7]|9[0-7]|38;5|48;5)[;m]");
            assertThat(raw).as("but reverse video marks the header").containsPattern("\u001b\\[[0-9;]*7m");
            t.keys("q");
            assertThat(t.exitCode()).isZero();
        }
    }

    @Test
    void aMistypedThemeIsOneLineWithExit2() throws Exception {
        Run r = Run.golive("--theme", "solarised");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("golive: --theme solarised: no such theme");
    }

    @Test
    void aResizedTerminalGetsTheWholeFrameRedrawnAtItsNewSize(@TempDir Path tmp) throws Exception {
        Path host = FixtureTrees.capture(tmp, "centos7-v1");
        try (Tmux t = Tmux.start(80, 24, "TERM=xterm-256color", "./scripts/golive --root " + host)) {
            String s = t.waitFor(x -> x.contains("rules checked") && x.contains("q back/quit"), "the Overview after inspection");
            assertThat(s.split("\n")[0].stripTrailing()).hasSizeLessThanOrEqualTo(80);

            // the resize signal alone redraws (no key pressed): header on the right edge, footer on the last row
            t.resize(120, 40);
            s = t.waitFor(x -> x.split("\n").length >= 40 && x.split("\n")[39].contains("q back/quit"), "the frame at 120x40");
            String[] lines = s.split("\n");
            assertThat(lines[0].stripTrailing()).endsWith("[read-only: a capture]").hasSizeGreaterThan(100);

            t.keys("q");
            assertThat(t.exitCode()).isZero();
        }
    }
}
