package dev.golive.apply;

import dev.golive.host.AccessLog;
import dev.golive.host.FakeCommandRunner;
import dev.golive.host.FaultPoints;
import dev.golive.host.HostWriter;
import dev.golive.model.ExitCode;
import dev.golive.model.FileChange;
import dev.golive.model.GoliveException;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an admin and the crash tests see of an apply's steps: each step named in the
 * output as it is done, every step a named point (the kill tests stop golive at each), the
 * journal saying that systemctl ran as soon as it did, an apply whose rollback fails too
 * marked for recover, and the time it took.
 */
class ApplyStepsTest {

    @TempDir Path dir;
    TestTree tree;
    Map<String, String> pristine;

    @BeforeEach void setUp() {
        tree = TestTree.create(dir);
        pristine = tree.fingerprint();
    }

    @Test
    void everyStepOfAnApplyAndOfItsRollbackIsANamedPointInOrder() {
        FaultPoints.Recorder apply = new FaultPoints.Recorder(), rollback = new FaultPoints.Recorder();
        new Applier(tree.target(apply)).apply(tree.plan("s1", 1), Applier.Options.DEFAULT);
        assertThat(apply.hits()).containsExactly(
                "before-manifest", "after-manifest",
                "file-write:1", "dir-sync:1", "rename:1", "file-write:2", "dir-sync:2", "rename:2", "file-write:3", "dir-sync:3", "rename:3",
                "file-write:live:1", "rename:live:1", "live-write:1", "file-write:live:2", "rename:live:2", "live-write:2",
                "file-write:live:3", "rename:live:3", "live-write:3",
                "daemon-reload", "daemon-reexec", "restart:app.service", "verify");

        new Rollback(tree.target(rollback)).rollback("s1", new Rollback.Options(false));
        // 3 live values, then 3 files, each once
        assertThat(rollback.hits()).containsExactly("rollback:1", "rollback:2", "rollback:3", "rollback:4", "rollback:5", "rollback:6");
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void theOutputSaysWhichFilesWereWrittenCreatedOrRemovedAndEachValueOldToNew() {
        String h = OwnedFiles.header("s1");
        Plan plan = new Plan("s1", "web", Optional.empty(), List.of(
                new FileChange(OwnedFiles.SYSCTL_DROPIN, Optional.of(TestTree.OLD_SYSCTL), Optional.empty(), 0644, "root", "root", "no longer needed"),
                new FileChange(OwnedFiles.MANAGER_DROPIN, Optional.empty(), Optional.of(h + "[Manager]\nDefaultLimitNOFILE=1024:1048576\n"), 0644, "root", "root", "fd limits")),
                tree.plan("s1", 1).live().subList(0, 1), List.of(), List.of(), List.of());
        ApplyResult r = new Applier(tree.target(FaultPoints.NONE)).apply(plan, Applier.Options.DEFAULT);
        assertThat(r.lines()).containsExactly(
                "removed " + OwnedFiles.SYSCTL_DROPIN,
                "created " + OwnedFiles.MANAGER_DROPIN + " (0644 root:root)",
                "set net.core.somaxconn 4096 → 65535");

        String h2 = OwnedFiles.header("s2");
        Plan rewrite = new Plan("s2", "web", Optional.empty(), List.of(
                new FileChange(OwnedFiles.MANAGER_DROPIN, plan.files().get(1).after(), Optional.of(h2 + "[Manager]\n"), 0640, "root", "adm", "fd limits")),
                List.of(), List.of(), List.of(), List.of());
        assertThat(new Applier(tree.target(FaultPoints.NONE)).apply(rewrite, Applier.Options.DEFAULT).lines())
                .containsExactly("wrote " + OwnedFiles.MANAGER_DROPIN + " (0640 root:adm)");
    }

    @Test
    void theJournalSaysSystemctlRanAsSoonAsItDidSoAKillAfterItLeavesRecoverKnowingIt() {
        FakeCommandRunner systemctl = new FakeCommandRunner().expect("", "systemctl", "daemon-reload")
                .expect("", "systemctl", "daemon-reexec").expect("", "systemctl", "restart", "app.service");
        List<Manifest> atVerify = new ArrayList<>();
        HostTarget t = tree.target(p -> {
            if (p.equals("verify")) atVerify.add(new SnapshotStore(new HostWriter(dir, new AccessLog(), FaultPoints.NONE)).load("s1"));
        }, systemctl, true);
        new Applier(t).apply(tree.plan("s1", 1), new Applier.Options(true));

        Manifest journal = atVerify.get(0);
        assertThat(journal.state()).isEqualTo(Manifest.State.APPLYING);
        assertThat(journal.actions()).extracting(Manifest.ActionEntry::status).containsExactly("done", "done", "done");
    }

    @Test
    void whenNoSystemctlRanTheJournalIsNotRewrittenBeforeTheEnd() {
        List<String> writes = new ArrayList<>();
        AccessLog log = new AccessLog();
        HostWriter w = new HostWriter(dir, log, FaultPoints.NONE);
        new Applier(new HostTarget(w, new dev.golive.host.LiveValues(w), null, false, java.time.Clock.systemUTC()))
                .apply(tree.plan("s1", 1), Applier.Options.DEFAULT);
        for (AccessLog.Entry e : log.entries()) {
            if (e.kind() == AccessLog.Kind.WRITE && e.what().endsWith("/s1/manifest.json")) writes.add(e.what());
        }
        // published once inside the new snapshot directory, rewritten once: state applied
        assertThat(writes).hasSize(1);
    }

    @Test
    void anApplyWhoseRollbackFailsTooIsMarkedFailedWithWhyAndRecoverFinishesIt() {
        Plan plan = tree.plan("s1", 3);
        FaultPoints twice = FaultPoints.throwAt("verify").and(FaultPoints.throwAt("rollback:2"));
        assertThatThrownBy(() -> new Applier(tree.target(twice)).apply(plan, Applier.Options.DEFAULT))
                .isInstanceOfSatisfying(GoliveException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INTERNAL);
                    assertThat(e.getMessage()).isEqualTo("apply failed: injected fault at verify; the rollback failed too (injected fault at rollback:2);"
                            + " the host is half-changed: run golive recover");
                });
        SnapshotStore store = tree.target(FaultPoints.NONE).store();
        Manifest m = store.load("s1");
        assertThat(m.state()).isEqualTo(Manifest.State.FAILED);
        assertThat(m.failure()).contains("injected fault at verify");
        assertThat(m.notes()).containsExactly("rollback after the failure did not finish: injected fault at rollback:2");

        assertThat(new Rollback(tree.target(FaultPoints.NONE)).recover(new Rollback.Options(false)))
                .extracting(RollbackResult::snapshotId).containsExactly("s1");
        tree.assertUnchangedSince(pristine);
        assertThat(tree.liveValues(plan)).isEqualTo(TestTree.before(plan));
    }

    @Test
    void aFaultBeforeTheJournalChangesNothingAndSaysSo() {
        assertThatThrownBy(() -> new Applier(tree.target(FaultPoints.throwAt("before-manifest"))).apply(tree.plan("s1", 1), Applier.Options.DEFAULT))
                .isInstanceOfSatisfying(GoliveException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
                    assertThat(e.getMessage()).isEqualTo("cannot write the snapshot s1: injected fault at before-manifest; nothing was changed");
                });
        tree.assertUnchangedSince(pristine);
        assertThat(tree.target(FaultPoints.NONE).store().ids()).isEmpty();
    }

    @Test
    void applyAndRollbackReportTheTimeTheyTook() {
        long t0 = System.nanoTime();
        ApplyResult a = new Applier(tree.target(FaultPoints.NONE)).apply(tree.plan("s1", 1), Applier.Options.DEFAULT);
        long applyMs = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        RollbackResult r = new Rollback(tree.target(FaultPoints.NONE)).rollback("s1", new Rollback.Options(false));
        long rollbackMs = (System.nanoTime() - t1) / 1_000_000;
        assertThat(a.millis()).isBetween(0L, applyMs);
        assertThat(r.millis()).isBetween(0L, rollbackMs);
    }

    @Test
    void anErrorWithoutAMessageIsNamedByItsKindAndStaysOnOneLine() {
        assertThat(Applier.oneLine(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(Applier.oneLine(new IllegalStateException("disk\nfull"))).isEqualTo("IllegalStateException: disk full");
        assertThat(Applier.oneLine(GoliveException.environment("/etc: read-only\nfile system"))).isEqualTo("/etc: read-only file system");
    }
}
