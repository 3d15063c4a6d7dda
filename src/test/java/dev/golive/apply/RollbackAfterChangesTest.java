package dev.golive.apply;

import dev.golive.host.AccessLog;
import dev.golive.host.FakeCommandRunner;
import dev.golive.host.FaultPoints;
import dev.golive.host.HostWriter;
import dev.golive.host.LiveValues;
import dev.golive.host.Perms;
import dev.golive.model.FileChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What happened to the host between an apply and its rollback decides what the rollback
 * does: an admin who already put a file back by hand, edited a file golive created, wrote a
 * file golive had removed, or a plan that changed only a file's mode; systemctl that is
 * skipped in a target tree or fails on a live host; and a recover that finds two unfinished
 * applies stacked on the same file.
 */
class RollbackAfterChangesTest {

    @TempDir Path dir;
    TestTree tree;
    Map<String, String> pristine;

    @BeforeEach void setUp() {
        tree = TestTree.create(dir);
        pristine = tree.fingerprint();
    }

    Rollback rollback() { return new Rollback(tree.target(FaultPoints.NONE)); }

    void apply(Plan plan) { new Applier(tree.target(FaultPoints.NONE)).apply(plan, Applier.Options.DEFAULT); }

    @Test
    void aFileTheAdminAlreadyPutBackByHandIsLeftAloneAndReported() throws Exception {
        apply(tree.plan("s1", 1));
        tree.file(OwnedFiles.SYSCTL_DROPIN, TestTree.OLD_SYSCTL, 0640);

        RollbackResult r = rollback().rollback("s1", new Rollback.Options(false));

        assertThat(r.reported()).contains(OwnedFiles.SYSCTL_DROPIN + " is already as before: left alone");
        assertThat(r.restored()).doesNotContain("restored " + OwnedFiles.SYSCTL_DROPIN);
        tree.assertUnchangedSince(pristine);
        assertThat(tree.target(FaultPoints.NONE).store().load("s1").notes())
                .contains(OwnedFiles.SYSCTL_DROPIN + " is already as before: left alone");
    }

    @Test
    void aFileGoliveCreatedAndTheAdminEditedIsNotDeletedWithoutForceAndTheDiffShowsThatFile() {
        Plan plan = tree.plan("s1", 1);
        apply(plan);
        String wrote = plan.files().get(2).after().orElseThrow();
        tree.file(TestTree.DROPIN, wrote.replace("GOMAXPROCS=2", "GOMAXPROCS=4"), 0644);

        assertThatThrownBy(() -> rollback().rollback("s1", new Rollback.Options(false)))
                .isInstanceOfSatisfying(RollbackRefused.class, e -> {
                    assertThat(e.getMessage()).startsWith("snapshot s1: changed since golive wrote it: " + TestTree.DROPIN + ";");
                    assertThat(e.diff()).contains("-Environment=GOMAXPROCS=2", "+Environment=GOMAXPROCS=4")
                            .doesNotContain("net.core.somaxconn");
                });
        assertThat(tree.read(TestTree.DROPIN)).contains("GOMAXPROCS=4");
    }

    @Test
    void aFileGoliveRemovedThatSomeoneWroteAgainIsNotOverwrittenWithoutForce() {
        Plan plan = new Plan("s1", "web", Optional.empty(),
                List.of(new FileChange(OwnedFiles.SYSCTL_DROPIN, Optional.of(TestTree.OLD_SYSCTL), Optional.empty(), 0644, "root", "root", "no longer needed")),
                List.of(), List.of(), List.of(), List.of());
        apply(plan);
        tree.file(OwnedFiles.SYSCTL_DROPIN, OwnedFiles.header("by-hand") + "vm.swappiness = 1\n", 0644);

        assertThatThrownBy(() -> rollback().rollback("s1", new Rollback.Options(false)))
                .isInstanceOfSatisfying(RollbackRefused.class, e -> {
                    assertThat(e.getMessage()).startsWith("snapshot s1: changed since golive wrote it: " + OwnedFiles.SYSCTL_DROPIN + ";");
                    assertThat(e.diff()).contains("+vm.swappiness = 1");
                });
        assertThat(tree.read(OwnedFiles.SYSCTL_DROPIN)).contains("vm.swappiness = 1");

        rollback().rollback("s1", new Rollback.Options(true));
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void aPlanThatChangedOnlyAFilesModeIsRolledBackToTheOldMode() throws Exception {
        Plan plan = new Plan("s1", "web", Optional.empty(),
                List.of(new FileChange(OwnedFiles.SYSCTL_DROPIN, Optional.of(TestTree.OLD_SYSCTL), Optional.of(TestTree.OLD_SYSCTL), 0644, "root", "root", "readable")),
                List.of(), List.of(), List.of(), List.of());
        apply(plan);
        assertThat(Perms.toMode(Files.getPosixFilePermissions(dir.resolve(OwnedFiles.SYSCTL_DROPIN.substring(1))))).isEqualTo(0644);

        RollbackResult r = rollback().rollback("s1", new Rollback.Options(false));

        assertThat(r.restored()).containsExactly("restored " + OwnedFiles.SYSCTL_DROPIN);
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void inATargetTreeTheRollbackSaysTheReloadsAreSkippedAndRunsNoRestart() {
        apply(tree.plan("s1", 1));
        RollbackResult r = rollback().rollback("s1", new Rollback.Options(false));
        assertThat(r.restored()).contains("systemctl daemon-reload: skipped: target tree, no systemd runs for it",
                "systemctl daemon-reexec: skipped: target tree, no systemd runs for it");
        assertThat(r.restored()).noneMatch(l -> l.contains("restart"));
    }

    @Test
    void aSystemctlThatFailsDuringTheRollbackIsReportedAndTheFilesAreStillRestored() {
        FakeCommandRunner applyRuns = new FakeCommandRunner().expect("", "systemctl", "daemon-reload").expect("", "systemctl", "daemon-reexec")
                .expect("", "systemctl", "restart", "app.service");
        new Applier(tree.target(FaultPoints.NONE, applyRuns, true)).apply(tree.plan("s1", 1), new Applier.Options(true));
        FakeCommandRunner rollbackRuns = new FakeCommandRunner()
                .expectExit(1, "", "Failed to reload daemon: Access denied\n", "systemctl", "daemon-reload")
                .expect("", "systemctl", "daemon-reexec").expect("", "systemctl", "restart", "app.service");

        RollbackResult r = new Rollback(tree.target(FaultPoints.NONE, rollbackRuns, true)).rollback("s1", new Rollback.Options(false));

        assertThat(r.restored()).contains("systemctl daemon-reload: exit 1: Failed to reload daemon: Access denied (files are restored; run it by hand)",
                "systemctl daemon-reexec: done", "systemctl restart app.service: done");
        rollbackRuns.assertAllUsed();
        tree.assertUnchangedSince(pristine);
        assertThat(tree.target(FaultPoints.NONE).store().load("s1").state()).isEqualTo(Manifest.State.ROLLED_BACK);
    }

    HostTarget at(int second) {
        HostWriter w = new HostWriter(dir, new AccessLog(), FaultPoints.NONE);
        return new HostTarget(w, new LiveValues(w), null, false, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second), ZoneOffset.UTC));
    }

    @Test
    void recoverUndoesTwoUnfinishedAppliesNewestFirstAndClearsAHalfBuiltSnapshot() throws Exception {
        // s1 sets somaxconn 4096 → 65535, s2 (later) 65535 → 1000; both were killed before they finished
        Plan first = tree.plan("s1", 1);
        new Applier(at(1)).apply(first, Applier.Options.DEFAULT);
        String h = OwnedFiles.header("s2");
        Plan second = new Plan("s2", "web", Optional.empty(),
                List.of(new FileChange(OwnedFiles.SYSCTL_DROPIN, first.files().get(0).after(), Optional.of(h + "net.core.somaxconn = 1000\n"), 0644, "root", "root", "x")),
                List.of(new dev.golive.model.LiveChange("net.core.somaxconn", TestTree.procPath("net.core.somaxconn"), dev.golive.model.LiveChange.Format.SYSCTL,
                        "65535", "1000", true, "x")),
                List.of(), List.of(), List.of());
        new Applier(at(2)).apply(second, Applier.Options.DEFAULT);
        SnapshotStore store = at(3).store();
        for (String id : List.of("s1", "s2")) store.update(store.load(id).withState(Manifest.State.APPLYING, Instant.parse("2026-01-01T00:00:03Z")));
        Files.createDirectories(dir.resolve("var/lib/golive/snapshots/.s3.partial"));
        Files.writeString(dir.resolve("var/lib/golive/snapshots/.s3.partial/manifest.json"), "{");

        List<RollbackResult> rs = new Rollback(at(4)).recover(new Rollback.Options(false));

        assertThat(rs).extracting(RollbackResult::snapshotId).containsExactly("s2", "s1");
        tree.assertUnchangedSince(pristine);
        assertThat(tree.liveValues(first)).isEqualTo(TestTree.before(first));
        assertThat(store.partials()).isEmpty();
        assertThat(dir.resolve("var/lib/golive/snapshots/.s3.partial")).doesNotExist();
        assertThat(store.unfinished()).isEmpty();
    }

    @Test
    void anEditWithoutAFinalNewlineShowsInTheDiffAsTheLineItAdded() {
        apply(tree.plan("s1", 1));
        tree.file(OwnedFiles.SYSCTL_DROPIN, tree.read(OwnedFiles.SYSCTL_DROPIN) + "vm.swappiness = 1", 0644);
        assertThatThrownBy(() -> rollback().rollback("s1", new Rollback.Options(false)))
                .isInstanceOfSatisfying(RollbackRefused.class, e -> assertThat(e.diff()).contains("+vm.swappiness = 1").doesNotContain("-net.core"));
    }
}
