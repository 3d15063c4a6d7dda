package dev.golive.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * `golive guide` as an admin over a plain terminal uses it: the real launcher in tmux at
 * 80×24 (and TERM=dumb), keys typed, the screen read back; the target tree's bytes checked
 * before and after. The same flow replayed from an answers file without a terminal.
 */
class GuideIT {

    @TempDir Path tmp;

    @BeforeAll
    static void tools() { assumeTrue(Run.hasCommand("tmux"), "tmux is not installed (scripts/test installs it)"); }

    /** The screen with tmux's line wrapping undone (an 80-column line breaks long messages). */
    private static String joined(String screen) { return screen.replace("\n", ""); }

    /** No service unit, every page of the preview, then "yes" to the apply question. */
    private static void noServiceThroughThePreviewThenYes(Tmux t) throws Exception {
            t.waitFor(s -> s.contains("Set up the Go service's systemd unit too?"), "the service question");
            t.keys("Enter");
            t.waitFor(s -> s.contains("-- more") || s.contains("Apply these changes now"), "the paged preview");
            for (int i = 0; i < 20 && !t.screen().contains("Apply these changes now"); i++) t.keys("Enter");
            t.waitFor(s -> s.contains("Apply these changes now"), "the confirmation");
            t.type("yes");
            t.keys("Enter");
    }

    @Test
    void ctrl_c_while_the_apply_runs_on_term_dumb_lets_it_end_then_the_guide_stops() throws Exception {
        Path host = FixtureTrees.targetTree(tmp, "debian12-vm");
        Path ready = tmp.resolve("apply-paused");
        // the apply stops after its snapshot manifest until the test lets it go on
        try (Tmux t = Tmux.start(80, 24, "TERM=dumb GOLIVE_FAULT=after-manifest:pause GOLIVE_FAULT_READY=" + ready,
                "./scripts/golive guide --root " + host)) {
            t.waitFor(s -> s.contains("Profile (tab completes)"), "the profile question");
            t.keys("Enter");
            noServiceThroughThePreviewThenYes(t);
            for (int i = 0; i < 300 && !Files.exists(ready); i++) Thread.sleep(100);
            assertThat(ready).as("the apply reached its pause").exists();
            t.keys("C-c");
            t.waitFor(s -> joined(s).contains("the guide stops when it ends"), "the not-now line");
            Files.delete(ready);
            String end = t.waitFor(s -> s.contains("stopped (interrupted) once the apply ended"), "the stop after the apply");
            assertThat(joined(end)).contains("Applied. Snapshot").contains("golive rollback ");
            assertThat(t.exitCode()).isZero();
        }
        assertThat(host.resolve("etc/sysctl.d/60-golive.conf")).content().contains("Managed by golive");
    }

    @Test
    void an_admin_takes_every_default_then_confirms_and_is_told_how_to_roll_back() throws Exception {
        Path host = FixtureTrees.targetTree(tmp, "ubuntu2004-hybrid");
        Map<String, String> before = FixtureTrees.hashes(host);
        try (Tmux t = Tmux.start(80, 24, "TERM=xterm-256color", "./scripts/golive guide --root " + host)) {
            t.waitFor(s -> s.contains("Fix which"), "the findings question");
            t.keys("Enter");
            t.waitFor(s -> s.contains("Profile (tab completes) [web-api]"), "the profile question with the recommendation as default");
            t.type("high-");
            t.keys("Tab");
            t.waitFor(s -> s.contains("high-connections"), "tab completing the profile name");
            t.keys("C-u", "Enter");
            noServiceThroughThePreviewThenYes(t);
            String end = t.waitFor(s -> s.contains("golive rollback "), "how to roll back");
            assertThat(t.exitCode()).isZero();
            assertThat(end).contains("Applied. Snapshot");
        }
        // every default: every fix picked, syncookies back on, so the SYN backlog (read only without them) is not written
        assertThat(Files.readString(host.resolve("etc/sysctl.d/60-golive.conf"))).contains("net.ipv4.tcp_syncookies = 1")
                .doesNotContain("net.ipv4.tcp_max_syn_backlog");
        assertThat(FixtureTrees.hashes(host)).isNotEqualTo(before);

        Run back = Run.golive("rollback", "--last", "--yes", "--root", host.toString());
        assertThat(back.exit()).as(back.err()).isZero();
        Map<String, String> after = FixtureTrees.hashes(host);
        assertThat(after.keySet()).as("rolled back: the same paths").isEqualTo(before.keySet());
        assertThat(after.entrySet()).as("rolled back byte for byte").isEqualTo(before.entrySet());
    }

    @Test
    void ctrl_c_at_a_question_stops_with_one_line_and_changes_nothing() throws Exception {
        Path host = FixtureTrees.targetTree(tmp, "ubuntu2004-hybrid");
        Map<String, String> before = FixtureTrees.hashes(host);
        try (Tmux t = Tmux.start(80, 24, "TERM=xterm-256color", "./scripts/golive guide --root " + host)) {
            t.waitFor(s -> s.contains("Fix which"), "the findings question");
            t.keys("Enter");
            t.waitFor(s -> s.contains("Profile (tab completes)"), "the profile question");
            t.keys("C-c");
            String s = t.waitFor(x -> joined(x).contains("nothing was changed"), "the one-line stop message");
            assertThat(joined(s)).contains("golive guide: stopped (interrupted); nothing was changed on the host.");
            assertThat(t.exitCode()).isEqualTo(130);
        }
        assertThat(FixtureTrees.hashes(host)).isEqualTo(before);
    }

    @Test
    void on_a_dumb_terminal_the_guide_prints_plain_lines_completes_with_tab_and_pages_at_the_terminal_height() throws Exception {
        Path host = FixtureTrees.targetTree(tmp, "ubuntu2004-hybrid");
        Map<String, String> before = FixtureTrees.hashes(host);
        try (Tmux t = Tmux.start(80, 24, "TERM=dumb", "./scripts/golive guide --root " + host)) {
            t.waitFor(s -> s.contains("Fix which"), "the findings question");
            assertThat(t.screenWithEscapes()).doesNotContain("\u001b[");
            t.keys("Enter");
            t.waitFor(s -> s.contains("Profile"), "the profile question");
            // the tty stays cooked on a dumb terminal: the Tab reaches golive with the Enter
            t.type("high-");
            t.keys("Tab", "Enter");
            t.waitFor(s -> s.contains("high- → high-connections"), "the completed profile name");
            t.waitFor(s -> s.contains("Set up the Go service's systemd unit too?"), "the service question");
            t.keys("Enter");
            String page = t.waitFor(s -> s.contains("-- more (enter: next page, q: skip the rest of this part) --"), "the first page of the preview");
            assertThat(page).as("the first page starts at the top of the preview, nothing scrolled away")
                    .contains("Preview (nothing has been written yet):");
            assertThat(t.screenWithEscapes()).doesNotContain("\u001b[");
            t.type("q");
            t.keys("Enter");
            t.waitFor(s -> s.contains("lines skipped)"), "the rest of the files skipped");
            for (int i = 0; i < 20 && !t.screen().contains("Apply these changes now"); i++) {
                t.waitFor(s -> s.endsWith("-- ") || s.contains("Apply these changes now") || s.contains("-- more"), "more");
                t.type("q");
                t.keys("Enter");
            }
            t.waitFor(x -> x.contains("Apply these changes now"), "the confirmation after the preview");
            t.keys("C-d");
            t.waitFor(x -> joined(x).contains("nothing was changed"), "the stop on end of input");
            assertThat(t.exitCode()).isEqualTo(130);
        }
        assertThat(FixtureTrees.hashes(host)).isEqualTo(before);
    }

    @Test
    void a_new_service_answered_by_default_gets_a_user_its_systemd_knows() throws Exception {
        // a target tree: its systemd version is unknown, so golive writes for 219, which has no DynamicUser=
        Path host = FixtureTrees.targetTree(tmp, "ubuntu2004-hybrid");
        Path answers = tmp.resolve("setup.yaml");
        Files.writeString(answers, "fix: none\nprofile: none\nservice: yes\nservice.name: api\nservice.exec: /srv/api/api\napply: yes\n");
        Run r = Run.golive("guide", "--root", host.toString(), "--answers", answers.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Run as user (a login name): root  (default)").contains("Applied. Snapshot");
        assertThat(Files.readString(host.resolve("etc/systemd/system/api.service"))).contains("User=root\n").doesNotContain("DynamicUser");
    }

    @Test
    void under_lc_all_c_the_output_spells_its_symbols_in_ascii() throws Exception {
        Path host = FixtureTrees.targetTree(tmp, "ubuntu2004-hybrid");
        Path answers = tmp.resolve("setup.yaml");
        Files.writeString(answers, "fix: all\nprofile: base\nservice: no\napply: no\n");
        Run r = Run.run(List.of(Run.root().resolve("scripts/golive").toString(), "guide", "--root", host.toString(),
                "--answers", answers.toString()), java.time.Duration.ofSeconds(120), Map.of("LC_ALL", "C"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("golive guide - ").contains("-> sysctl net.ipv4.tcp_syncookies = 1")
                .doesNotContain("golive guide ?").doesNotContain("? sysctl");
        // the CLI's output goes through the same table
        Run plan = Run.run(List.of(Run.root().resolve("scripts/golive").toString(), "plan", "--profile", "base", "--root", host.toString()),
                java.time.Duration.ofSeconds(120), Map.of("LC_ALL", "C"));
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains(" - profile base - ").contains("256     -> 4096").doesNotContain("?");
    }

    @Test
    void no_arguments_on_a_dumb_terminal_falls_back_to_the_guide_with_the_reason() throws Exception {
        Path host = FixtureTrees.targetTree(tmp, "ubuntu2004-hybrid");
        try (Tmux t = Tmux.start(80, 24, "TERM=dumb", "./scripts/golive --root " + host)) {
            String s = t.waitFor(x -> x.contains("Fix which"), "the guide");
            assertThat(joined(s)).contains("TERM=dumb cannot run the full-screen UI; starting the guided setup");
            t.keys("C-c");
            assertThat(t.exitCode()).isEqualTo(130);
        }
    }

    @Test
    void an_answers_file_replays_the_setup_without_a_terminal() throws Exception {
        Path host = FixtureTrees.targetTree(tmp, "ubuntu2004-hybrid");
        Path answers = tmp.resolve("setup.yaml");
        Files.writeString(answers, "fix: all\nprofile: base\nservice: no\napply: yes\n");
        Run r = Run.golive("guide", "--root", host.toString(), "--answers", answers.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Profile (tab completes): base").contains("Applied. Snapshot");
        assertThat(r.err()).isEmpty();

        Files.writeString(answers, "fix: all\nprofile: bse\n");
        Run bad = Run.golive("guide", "--root", host.toString(), "--answers", answers.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("golive: " + answers + ":2:10: profile: no profile \"bse\" (did you mean \"base\"?)");
        assertThat(List.of(bad.err().strip().split("\n"))).hasSize(1);

        // a service value is checked where it is answered, by the unit derivation every front end uses
        Files.writeString(answers, "fix: none\nprofile: none\nservice: yes\nservice.name: api\nservice.exec: /srv/api/api\n"
                + "service.user: www-data\nservice.cpu-quota: 2 CPUs\napply: yes\n");
        Map<String, String> before = FixtureTrees.hashes(host);
        Run quota = Run.golive("guide", "--root", host.toString(), "--answers", answers.toString());
        assertThat(quota.exit()).isEqualTo(2);
        assertThat(quota.err().strip()).isEqualTo("golive: " + answers + ":7:20: service.cpu-quota: \"2 CPUs\" is not a CPU quota "
                + "(a percentage above 0 with at most two decimals, e.g. 200% for two CPUs, or infinity: no quota)");
        assertThat(FixtureTrees.hashes(host)).isEqualTo(before);
    }
}
