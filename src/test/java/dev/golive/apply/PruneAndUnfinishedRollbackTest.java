package dev.golive.apply;

import dev.golive.host.AccessLog;
import dev.golive.host.FaultPoints;
import dev.golive.host.HostLock;
import dev.golive.host.HostWriter;
import dev.golive.host.LiveValues;
import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import dev.golive.model.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An admin prunes old snapshots while golive's own state holds unfinished work, and a
 * rollback that stops half-way is found again: prune never deletes what recover needs,
 * counts only finished snapshots towards --keep, and waits for no one (it refuses while
 * another run holds the host lock).
 */
class PruneAndUnfinishedRollbackTest {

    @TempDir java.nio.file.Path dir;
    TestTree tree;
    Map<String, String> pristine;

    @BeforeEach void setUp() {
        tree = TestTree.create(dir);
        pristine = tree.fingerprint();
    }

    /** A target whose clock reads {@code second} seconds after an epoch: snapshots sort by it, not by luck. */
    HostTarget at(int second, FaultPoints faults) {
        HostWriter w = new HostWriter(dir, new AccessLog(), faults);
        return new HostTarget(w, new LiveValues(w), null, false, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second), ZoneOffset.UTC));
    }

    void applyAndRollBack(String id, int second) {
        new Applier(at(second, FaultPoints.NONE)).apply(tree.plan(id, 2), Applier.Options.DEFAULT);
        new Rollback(at(second, FaultPoints.NONE)).rollback(id, new Rollback.Options(false));
    }

    @Test
    void pruneKeep1BesideAnUnfinishedSnapshotDeletesOnlyTheOlderFinishedOnes() {
        applyAndRollBack("s1", 1);
        applyAndRollBack("s2", 2);
        applyAndRollBack("s3", 3);
        // s1, the oldest, as a rollback killed half-way leaves it
        SnapshotStore store = at(4, FaultPoints.NONE).store();
        store.update(store.load("s1").withState(Manifest.State.ROLLING_BACK, Instant.parse("2026-01-01T00:00:04Z")));
        assertThat(store.unfinished()).containsExactly("s1");

        assertThat(store.prune(1)).containsExactly("s2");
        assertThat(store.ids()).containsExactly("s1", "s3");
        assertThat(store.prune(1)).isEmpty();
        assertThat(store.prune(0)).containsExactly("s3");
        assertThat(store.ids()).containsExactly("s1");
    }

    @Test
    void pruneKeepsAnUnfinishedApplyNewerThanEveryFinishedOne() {
        applyAndRollBack("s1", 1);
        applyAndRollBack("s2", 2);
        // s3 fails and so does the rollback after it: unfinished, the newest
        FaultPoints twice = FaultPoints.throwAt("verify").and(FaultPoints.throwAt("rollback:1"));
        assertThatThrownBy(() -> new Applier(at(3, twice)).apply(tree.plan("s3", 2), Applier.Options.DEFAULT))
                .hasMessageContaining("the rollback failed too");
        SnapshotStore store = at(4, FaultPoints.NONE).store();

        assertThat(store.prune(1)).containsExactly("s1");
        assertThat(store.ids()).containsExactly("s2", "s3");
        new Rollback(at(5, FaultPoints.NONE)).recover(new Rollback.Options(false));
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void pruneRefusesWhileAnotherRunHoldsTheHostLockAndDeletesNothing() {
        applyAndRollBack("s1", 1);
        SnapshotStore store = at(2, FaultPoints.NONE).store();
        try (HostLock held = HostLock.acquire(new HostWriter(dir, new AccessLog(), FaultPoints.NONE))) {
            assertThatThrownBy(() -> store.prune(0)).isInstanceOfSatisfying(GoliveException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
                assertThat(e.getMessage()).isEqualTo("the host is locked by another golive run (pid " + ProcessHandle.current().pid()
                        + ", /run/golive.lock); wait for it to finish");
            });
            assertThat(store.ids()).containsExactly("s1");
        }
        assertThat(store.prune(0)).containsExactly("s1");
    }

    @Test
    void aRollbackThatStopsHalfWayIsMarkedRollingBackAndRecoverFinishesIt() {
        Plan plan = tree.plan("s1", 3);
        new Applier(at(1, FaultPoints.NONE)).apply(plan, Applier.Options.DEFAULT);
        assertThatThrownBy(() -> new Rollback(at(2, FaultPoints.throwAt("rollback:2"))).rollback("s1", new Rollback.Options(false)))
                .isInstanceOf(FaultPoints.InjectedFault.class);
        SnapshotStore store = at(3, FaultPoints.NONE).store();
        assertThat(store.load("s1").state()).isEqualTo(Manifest.State.ROLLING_BACK);
        assertThat(store.unfinished()).containsExactly("s1");
        assertThat(store.lastApplied()).isEmpty();

        List<RollbackResult> rs = new Rollback(at(3, FaultPoints.NONE)).recover(new Rollback.Options(false));

        assertThat(rs).extracting(RollbackResult::snapshotId).containsExactly("s1");
        tree.assertUnchangedSince(pristine);
        assertThat(tree.liveValues(plan)).isEqualTo(TestTree.before(plan));
        assertThat(store.load("s1").state()).isEqualTo(Manifest.State.ROLLED_BACK);
        assertThat(store.unfinished()).isEmpty();
    }

    @Test
    void theRollingBackStateIsInTheManifestsFirstBytesWhereEveryStartPeeksAtIt() {
        new Applier(at(1, FaultPoints.NONE)).apply(tree.plan("s1", 1), Applier.Options.DEFAULT);
        SnapshotStore store = at(2, FaultPoints.NONE).store();
        Manifest m = store.load("s1").withState(Manifest.State.ROLLING_BACK, Instant.parse("2026-01-01T00:00:02Z"));
        String json = ManifestCodec.toJson(m);
        assertThat(ManifestCodec.peekState(json.substring(0, 256).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .contains(Manifest.State.ROLLING_BACK);
        assertThat(json).contains("\"state\" : \"rolling-back\"");
        assertThat(ManifestCodec.fromJson("manifest.json", json)).isEqualTo(m);
    }
}
