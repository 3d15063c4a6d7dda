package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main job, on a target tree (a copy of a fixture golive may write into): choose a
 * profile, review the plan, apply it through the confirm step, find the snapshot, roll it
 * back, and end with the tree as it was.
 */
class ReviewApplyRollbackTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void theReviewShowsFileDiffsAndLiveValues(int cols, int rows) {
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("centos7-v1"), false, cols, rows)) {
            tui.press("3").type("/web").press("enter", "p");
            tui.matchesGolden("review-centos7-v1-" + cols + "x" + rows);
            assertThat(tui.text()).contains("Plan 20260101-000000-test · profile web-api", "/etc/sysctl.d/60-golive.conf");
            tui.press("G");
            tui.matchesGolden("review-centos7-v1-" + cols + "x" + rows + "-end");
            assertThat(tui.text()).contains("net.core.somaxconn", "→ 8192", "systemctl daemon-reexec");
        }
    }

    @Test
    void anAdminAppliesTheReviewedPlanAndRollsItBack() throws Exception {
        String tree = TuiDriver.targetTree("ubuntu2004-hybrid");
        Map<String, String> before = hashes(Path.of(tree));
        try (TuiDriver tui = TuiDriver.on(tree, false, 80, 24)) {
            tui.press("3").type("/web").press("enter", "p");
            tui.type("/somaxconn").press("enter");
            assertThat(tui.text()).contains("net.core.somaxconn", "→", "8192");
            tui.press("esc", "a");
            tui.matchesGolden("apply-confirm-80x24");
            assertThat(tui.text()).contains("Apply plan 20260101-000000-test (profile web-api:", "y/enter: yes");

            tui.press("y");
            tui.matchesGolden("apply-done-80x24", true);
            assertThat(tui.row(3)).contains("applied 20260101-000000-test: 3 files, 6 live values, verified in");
            assertThat(Path.of(tree, "etc/sysctl.d/60-golive.conf")).content().contains("net.core.somaxconn = 8192");
            assertThat(Path.of(tree, "proc/sys/net/core/somaxconn")).content().isEqualToIgnoringWhitespace("8192");

            tui.press("S");
            assertThat(tui.row(1)).contains("5 Snapshots");
            tui.matchesGolden("snapshots-after-apply-80x24", true);
            assertThat(tui.text()).contains("20260101-000000-test", "applied", "web-api", "+net.core.somaxconn = 8192");

            tui.press("r");
            assertThat(tui.text()).contains("Roll back snapshot 20260101-000000-test");
            tui.press("y");
            assertThat(tui.row(22)).contains("rolled back 20260101-000000-test");
            assertThat(tui.text()).contains("rolled-back");
            tui.press("r");
            assertThat(tui.row(22)).contains("roll back: already rolled back");
        }
        Map<String, String> after = hashes(Path.of(tree));
        // the snapshot history and the (empty) lock file stay, by design
        after.keySet().removeIf(k -> k.startsWith("var/lib/golive/") || k.startsWith("var/log/golive/") || k.equals("run/golive.lock"));
        assertThat(after).as("the tree is byte for byte as before").isEqualTo(before);
    }

    @Test
    void theOverviewShowsTheHostAsItIsAfterAnApplyAndAfterTheRollback() {
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("ubuntu2004-hybrid"), false, 80, 24)) {
            tui.press("1");
            assertThat(tui.text()).contains("somaxconn 4096");
            tui.press("3").type("/web").press("enter", "p", "a", "y", "1");
            assertThat(tui.text()).as("read again after the apply").contains("somaxconn 8192").doesNotContain("somaxconn 4096");
            tui.press("5", "r", "y", "1");
            assertThat(tui.text()).as("read again after the rollback").contains("somaxconn 4096");
        }
    }

    @Test
    void quittingWithAPickedFixAsksFirstAndCtrlCDoesNot() {
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("ubuntu2004-hybrid"), false, 80, 24)) {
            tui.press("2", "G", "enter", "q");
            assertThat(tui.text()).contains("Quit with 1 picked fix not applied?", "Nothing was changed on the host.");
            tui.press("n");
            assertThat(tui.quitRequested()).isFalse();
            tui.press("q", "y");
            assertThat(tui.quitRequested()).isTrue();
        }
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("ubuntu2004-hybrid"), false, 80, 24)) {
            tui.press("2", "G", "enter", "ctrl-c");
            assertThat(tui.quitRequested()).isTrue();
        }
    }

    @Test
    void pickedFixesApplyWithoutAProfile() throws Exception {
        String tree = TuiDriver.targetTree("ubuntu2004-hybrid");
        try (TuiDriver tui = TuiDriver.on(tree, false, 80, 24)) {
            tui.press("3", "n");
            assertThat(tui.row(22)).contains("fixes only: no fixes picked (Findings: enter)");
            tui.press("2").type("/NET-SYNCOOKIES-NOT-DEFAULT").press("enter", "enter", "3", "n");
            assertThat(tui.row(1)).contains("4 Review");
            assertThat(tui.text()).contains("Plan 20260101-000000-test · profile none");
            tui.press("a", "y");
            assertThat(tui.text()).contains("applied 20260101-000000-test");
        }
        String sysctl = Files.readString(Path.of(tree, "etc/sysctl.d/60-golive.conf"));
        assertThat(sysctl).contains("net.ipv4.tcp_syncookies = 1").doesNotContain("somaxconn");
        assertThat(Path.of(tree, "etc/systemd/system.conf.d/60-golive.conf")).as("no profile: no manager defaults").doesNotExist();
    }

    @Test
    void ctrlCDuringAnApplyQuitsWhenTheApplyEnds() {
        String tree = TuiDriver.targetTree("ubuntu2004-hybrid");
        try (TuiDriver tui = TuiDriver.holdingWork(tree, 80, 24)) {
            tui.press("3").type("/web").press("enter", "p").finishWork();
            tui.press("a", "y", "ctrl-c");
            assertThat(tui.row(22)).contains("golive quits when it ends");
            assertThat(tui.quitRequested()).as("not half-way through the apply").isFalse();
            tui.finishWork();
            assertThat(tui.quitRequested()).as("the apply ended").isTrue();
            assertThat(Path.of(tree, "etc/sysctl.d/60-golive.conf")).content().contains("net.core.somaxconn = 8192");
            assertThat(tui.app.model().changes()).singleElement().asString()
                    .startsWith("applied snapshot 20260101-000000-test (/etc/sysctl.d/60-golive.conf, ")
                    .endsWith("undo: golive rollback 20260101-000000-test)");
        }
    }

    @Test
    void afterAnApplyTheQuitQuestionSaysWhatWasChanged() {
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("ubuntu2004-hybrid"), false, 120, 40)) {
            tui.press("3").type("/web").press("enter", "p", "a", "y");
            tui.press("2", "G", "enter", "q");
            assertThat(tui.text()).contains("This session changed the host:");
            assertThat(tui.app.dialog().orElseThrow().text()).contains("Quit with 1 picked fix not applied? This session changed the host: applied snapshot 20260101-000000-test "
                    + "(/etc/sysctl.d/60-golive.conf,").doesNotContain("Nothing was changed");
        }
    }

    @Test
    void applyAndSnapshotsUseTheRoomOfA120x40Terminal() {
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("ubuntu2004-hybrid"), false, 120, 40)) {
            tui.press("3").type("/web").press("enter", "p", "a", "y");
            tui.matchesGolden("apply-done-120x40", true);
            tui.press("S");
            tui.matchesGolden("snapshots-after-apply-120x40", true);
            assertThat(tui.text()).contains("applied", "+net.core.somaxconn = 8192");
        }
    }

    @Test
    void whileTheApplyRunsEachStepTicksOffAsTheApplierReportsIt() {
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", 80, 24)) {
            var plan = new dev.golive.model.Plan("20260101-000000-test", "web-api", java.util.Optional.empty(),
                    java.util.List.of(new dev.golive.model.FileChange("/etc/sysctl.d/60-golive.conf", java.util.Optional.empty(),
                            java.util.Optional.of(dev.golive.model.OwnedFiles.header("20260101-000000-test") + "net.core.somaxconn = 8192\n"),
                            0644, "root", "root", "why")),
                    java.util.List.of(new dev.golive.model.LiveChange("net.core.somaxconn", "/proc/sys/net/core/somaxconn",
                            dev.golive.model.LiveChange.Format.SYSCTL, "4096", "8192", true, "why")),
                    java.util.List.of(), java.util.List.of(), java.util.List.of());
            ApplyView view = new ApplyView(tui.app, plan, "a tree");
            tui.app.open(view);
            tui.render();
            assertThat(tui.text()).contains("… write /etc/sysctl.d/60-golive.conf", "… set net.core.somaxconn 4096 → 8192");
            view.progress("created /etc/sysctl.d/60-golive.conf (0644 root:root)");
            tui.render();
            assertThat(tui.text()).contains("✓ snapshot 20260101-000000-test written", "✓ created /etc/sysctl.d/60-golive.conf",
                    "… set net.core.somaxconn 4096 → 8192").doesNotContain("… write /etc/sysctl.d/60-golive.conf");
        }
    }

    @Test
    void aFailedApplyIsShownAsRolledBackAutomatically() throws Exception {
        String tree = TuiDriver.targetTree("ubuntu2004-hybrid");
        Map<String, String> before = hashes(Path.of(tree));
        try (TuiDriver tui = TuiDriver.on(tree, false, 80, 24)) {
            tui.session().withFaults(dev.golive.host.FaultPoints.throwAt("live-write:1"));
            tui.press("3").type("/web").press("enter", "p", "a", "y");
            assertThat(tui.text()).as("the error dialog").contains("Error", "injected fault at live-write:1", "enter/esc: close");
            tui.press("esc");
            tui.matchesGolden("apply-rolled-back-80x24");
            assertThat(tui.row(3)).startsWith(" ROLLED BACK AUTOMATICALLY: the host is as before.");
            assertThat(tui.text()).contains("golive: apply failed:", "injected fault at live-write:1",
                    "↺ created /etc/sysctl.d/60-golive.conf (0644 root:root) (undone)",
                    "↺ set net.core.somaxconn 4096 → 8192 (undone)", "✗ set net.ipv4.tcp_max_syn_backlog 256 → 8192 (failed)",
                    "· daemon-reexec (not run)");
        }
        Map<String, String> after = hashes(Path.of(tree));
        after.keySet().removeIf(k -> k.startsWith("var/lib/golive/") || k.startsWith("var/log/golive/") || k.equals("run/golive.lock"));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aSnapshotThatCannotBeWrittenStopsTheApplyBeforeAnyChange() throws Exception {
        String tree = TuiDriver.targetTree("ubuntu2004-hybrid");
        Map<String, String> before = hashes(Path.of(tree));
        try (TuiDriver tui = TuiDriver.on(tree, false, 80, 24)) {
            tui.session().withFaults(dev.golive.host.FaultPoints.throwAt("before-manifest"));
            tui.press("3").type("/web").press("enter", "p", "a", "y");
            assertThat(tui.text()).contains("Error", "cannot write the snapshot 20260101-000000-test");
            tui.press("esc");
            assertThat(tui.text()).contains("Nothing was changed on the host.", "· write /etc/sysctl.d/60-golive.conf (not run)")
                    .doesNotContain("✓", "↺");
        }
        Map<String, String> after = hashes(Path.of(tree));
        after.keySet().removeIf(k -> k.startsWith("var/lib/golive/") || k.startsWith("var/log/golive/") || k.equals("run/golive.lock"));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void onACaptureApplyIsOffAndTheFooterSaysWhy() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("3", "p");
            assertThat(tui.row(23)).contains("a apply (read-only: a capture)");
            tui.press("a");
            assertThat(tui.row(22)).isEqualTo("apply: read-only: a capture");
            assertThat(tui.app.dialog()).isEmpty();
            tui.press("5");
            assertThat(tui.text()).contains("No snapshots here: read-only: a capture");
        }
    }

    @Test
    void readOnlyFlagTurnsApplyOffOnAWritableTreeToo() {
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("debian12-vm"), true, 80, 24)) {
            assertThat(tui.row(0)).endsWith("[read-only: --read-only]");
            tui.press("4");
            assertThat(tui.text()).contains("Applying is off: read-only: --read-only.");
        }
    }

    static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    out.put(root.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                }
            }
        }
        return out;
    }
}
