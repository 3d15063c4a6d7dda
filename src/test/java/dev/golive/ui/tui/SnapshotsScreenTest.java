package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Snapshots screen as an admin uses it after an apply: a rollback refused because someone
 * edited golive's file shows that drift and offers the forced rollback after a confirm; d shows
 * the drift first; enter opens a snapshot's diff to walk by file, hunk and search; m and c
 * compare two snapshots; P prunes by the CLI's rule after two questions.
 */
class SnapshotsScreenTest {

    private static final String SYSCTL_FILE = "etc/sysctl.d/60-golive.conf";

    /** Applies profile web-api through Review, on a copy of ubuntu2004-hybrid, and opens Snapshots. */
    private static TuiDriver applied(String tree) {
        TuiDriver tui = TuiDriver.on(tree, false, 80, 24);
        tui.press("3").type("/web").press("enter", "p", "a", "y", "5");
        assertThat(tui.text()).contains("20260101-000000-test", "applied");
        return tui;
    }

    @Test
    void aRollbackRefusedOverAnEditShowsTheDriftAndRollsBackOnlyWhenForcedAndConfirmed() throws Exception {
        String tree = TuiDriver.targetTree("ubuntu2004-hybrid");
        Map<String, String> before = ReviewApplyRollbackTest.hashes(Path.of(tree));
        try (TuiDriver tui = applied(tree)) {
            Path file = Path.of(tree, SYSCTL_FILE);
            Files.writeString(file, Files.readString(file) + "vm.swappiness = 1\n"); // the admin's own edit, after golive's
            tui.press("r", "y");
            tui.matchesGolden("snapshots-rollback-refused-80x24");
            assertThat(tui.row(1)).contains("Drift 20260101-000000-test");
            assertThat(tui.row(2)).isEqualTo(" Rollback refused. snapshot 20260101-000000-test: changed since golive wrote");
            assertThat(tui.text()).contains("it: /etc/sysctl.d/60-golive.conf; rolling back would lose that", "F rolls back anyway (asks first)", "--- golive-wrote/etc/sysctl.d/60-golive.conf", "+vm.swappiness = 1", "F force rollback");
            assertThat(Files.readString(file)).as("nothing rolled back yet").contains("vm.swappiness = 1");

            tui.press("F");
            assertThat(tui.text()).contains("Roll back snapshot 20260101-000000-test anyway?");
            tui.press("n");
            assertThat(Files.readString(file)).as("no: nothing changes").contains("vm.swappiness = 1");
            tui.press("F", "y");
            assertThat(tui.row(1)).as("back on Snapshots").contains("5 Snapshots").doesNotContain("Drift");
            assertThat(tui.row(22)).contains("rolled back 20260101-000000-test (forced)");
            assertThat(tui.text()).contains("rolled-back");
        }
        Map<String, String> after = ReviewApplyRollbackTest.hashes(Path.of(tree));
        after.keySet().removeIf(k -> k.startsWith("var/lib/golive/") || k.startsWith("var/log/golive/") || k.equals("run/golive.lock"));
        assertThat(after).as("the forced rollback put the tree back as it was before the apply").isEqualTo(before);
    }

    @Test
    void dShowsTheDriftBeforeAnyRollbackAndSaysSoWhenThereIsNone() throws Exception {
        String tree = TuiDriver.targetTree("ubuntu2004-hybrid");
        try (TuiDriver tui = applied(tree)) {
            tui.press("d");
            assertThat(tui.row(22)).contains("no drift: every file and value of 20260101-000000-test is as golive left it");
            Files.writeString(Path.of(tree, "proc/sys/net/core/somaxconn"), "1024\n"); // someone set the value by hand
            tui.press("d");
            assertThat(tui.text()).contains("net.core.somaxconn: golive set 8192, now 1024").doesNotContain("Rollback refused");
            tui.press("esc");
            assertThat(tui.row(1)).contains("5 Snapshots");
        }
    }

    @Test
    void aSnapshotsDiffIsWalkedByFileHunkAndSearchAndWraps() {
        try (TuiDriver tui = applied(TuiDriver.targetTree("ubuntu2004-hybrid"))) {
            tui.press("enter");
            assertThat(tui.row(1)).contains("Snapshot 20260101-000000-test");
            assertThat(tui.row(2)).startsWith(" snapshot 20260101-000000-test (applied, profile web-api");
            tui.press("}");
            assertThat(tui.row(2)).startsWith(" --- ");
            assertThat(tui.row(21)).contains("file 1 of 3");
            tui.press("}");
            assertThat(tui.row(21)).contains("file 2 of 3");
            tui.press("{");
            assertThat(tui.row(21)).contains("file 1 of 3");
            tui.press("]");
            assertThat(tui.row(2)).startsWith(" @@ ");
            assertThat(tui.row(21)).contains("hunk 1 of ");

            tui.press("/").type("somaxconn");
            assertThat(tui.row(21)).startsWith(" /somaxconn_");
            tui.press("enter");
            // the profile's comment says somaxconn too: three lines match
            assertThat(tui.row(21)).contains("match 1 of 3");
            tui.press("n");
            assertThat(tui.row(21)).contains("match 2 of 3");
            assertThat(tui.text()).contains("+net.core.somaxconn = 8192");
            tui.press("n");
            assertThat(tui.row(21)).contains("match 3 of 3");
            assertThat(tui.text()).contains("net.core.somaxconn: 4096 → 8192");
            tui.press("n");
            assertThat(tui.row(21)).contains("match 1 of 3 (from the top)");
            tui.press("N");
            assertThat(tui.row(21)).contains("match 3 of 3 (from the end)");
            tui.press("/").type("no-such-text").press("enter");
            assertThat(tui.row(21)).contains("no line matches \"no-such-text\"");

            tui.press("g", "}");
            String cut = tui.text();
            tui.press("w");
            assertThat(tui.row(21)).contains("wrapped");
            assertThat(tui.text()).isNotEqualTo(cut);
            tui.matchesGolden("snapshot-diff-wrapped-80x24", true);
            tui.press("esc");
            assertThat(tui.row(1)).contains("5 Snapshots");
        }
    }

    @Test
    void withLongLinesWrappedASearchAndTheEndStillBringTheirLineOnScreen() {
        try (TuiDriver tui = applied(TuiDriver.targetTree("ubuntu2004-hybrid"))) {
            tui.press("enter", "w");
            assertThat(tui.row(21)).contains("wrapped");
            // the live values close the diff, below many wrapped comment lines
            tui.press("/").type("somaxconn: 4096").press("enter");
            assertThat(tui.row(21)).contains("match 1 of 1");
            assertThat(tui.text()).contains("net.core.somaxconn: 4096 → 8192");
            tui.press("g", "/").type("+++ b/etc/systemd").press("enter");
            assertThat(tui.text()).as("a match below wrapped lines of the first page").contains("+++ b/etc/systemd/system.conf.d/60-golive.conf");
            tui.press("g", "G");
            List<String> lines = ((DiffView) tui.app.current()).pane.lines();
            String last = lines.get(lines.size() - 1).strip();
            assertThat(tui.text()).as("G shows the last line").contains(last.substring(0, Math.min(40, last.length())));
            StringBuilder paged = new StringBuilder();
            tui.press("g");
            for (int i = 0; i < 20; i++) {
                paged.append(tui.text());
                tui.press("pgdn");
            }
            for (String l : lines) {
                String head = l.strip();
                assertThat(paged.toString()).as("paging down with wrap on skips no line").contains(head.substring(0, Math.min(30, head.length())));
            }
            tui.press("G");
            String end = tui.text();
            tui.press("pgup");
            assertThat(tui.text()).as("pgup shows what was above").isNotEqualTo(end);
            tui.press("g", "]", "]", "]");
            assertThat(tui.text()).as("a hunk jumped to is on screen").contains(lines.get(hunkLine(lines, 3)).strip());
        }
    }

    private static int hunkLine(List<String> lines, int n) {
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("@@") && ++seen == n) return i;
        throw new AssertionError("fewer than " + n + " hunks");
    }

    @Test
    void twoSnapshotsAreComparedAndOldOnesPrunedAfterTwoQuestions() {
        String tree = TuiDriver.targetTree("ubuntu2004-hybrid");
        try (TuiDriver tui = TuiDriver.on(tree, false, 80, 24)) {
            AtomicInteger n = new AtomicInteger();
            tui.app.model().planIds(() -> "20260101-00000" + n.incrementAndGet() + "-test");
            tui.press("3").type("/web").press("enter", "p", "a", "y", "5", "r", "y");
            tui.press("3", "esc").type("/high").press("enter", "p", "a", "y", "5");
            assertThat(tui.text()).contains("20260101-000001-test", "20260101-000002-test");
            tui.press("c");
            assertThat(tui.row(22)).contains("compare: mark a snapshot with m first");
            tui.press("m");
            assertThat(tui.row(22)).contains("marked 20260101-000001-test");
            tui.press("c");
            assertThat(tui.row(22)).contains("compare: select another snapshot than the marked one");
            tui.press("g", "c");
            assertThat(tui.row(1)).contains("Compare");
            assertThat(((DiffView) tui.app.current()).pane.lines().get(0))
                    .isEqualTo("snapshot 20260101-000001-test (web-api, rolled-back) → snapshot 20260101-000002-test (high-connections, applied)");
            assertThat(tui.text()).contains("--- 20260101-000001-test/etc/sysctl.d/60-golive.conf", "+++ 20260101-000002-test/etc/sysctl.d/60-golive.conf");
            tui.press("esc");

            tui.press("P");
            assertThat(tui.text()).contains("Keep how many of the newest finished snapshots?", "> 5_");
            tui.press("ctrl-u").type("x").press("enter");
            assertThat(tui.text()).contains("keep \"x\": a whole number, 0 or more");
            tui.press("esc", "P", "ctrl-u").type("1").press("enter");
            assertThat(tui.text()).contains("Delete 1 snapshot(s): 20260101-000001-test? They can no longer be", "rolled back.");
            tui.press("n");
            assertThat(Path.of(tree, "var/lib/golive/snapshots/20260101-000001-test")).as("no: nothing deleted").exists();
            tui.press("P", "ctrl-u").type("1").press("enter", "y");
            assertThat(tui.row(22)).contains("deleted 1 snapshot(s): 20260101-000001-test");
            assertThat(Path.of(tree, "var/lib/golive/snapshots/20260101-000001-test")).doesNotExist();
            assertThat(Path.of(tree, "var/lib/golive/snapshots/20260101-000002-test")).exists();
        }
    }
}
