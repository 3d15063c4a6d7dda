package dev.golive.apply;

import dev.golive.host.AccessLog;
import dev.golive.host.FaultPoints;
import dev.golive.host.HostWriter;
import dev.golive.host.LiveValues;
import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import dev.golive.model.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * `golive snapshots`, `rollback --last` and the leftovers of a crash: snapshots are listed
 * in the order they were made (not by name), the last applied one is found wherever it is, a
 * plan is applied once, and a snapshot half-built when golive died is neither listed nor in
 * the way of the next apply, and goes at the next prune or recover.
 */
class SnapshotStoreTest {

    @TempDir Path dir;
    TestTree tree;
    Map<String, String> pristine;

    @BeforeEach void setUp() {
        tree = TestTree.create(dir);
        pristine = tree.fingerprint();
    }

    HostTarget at(int second) {
        HostWriter w = new HostWriter(dir, new AccessLog(), FaultPoints.NONE);
        return new HostTarget(w, new LiveValues(w), null, false, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second), ZoneOffset.UTC));
    }

    void applyAt(String id, int second) { new Applier(at(second)).apply(tree.plan(id, 1), Applier.Options.DEFAULT); }

    void rollBack(String id) { new Rollback(at(100)).rollback(id, new Rollback.Options(false)); }

    Path partial(String id) { return dir.resolve("var/lib/golive/snapshots/." + id + ".partial"); }

    @Test
    void snapshotsAreListedInTheOrderTheyWereMadeNotByName() {
        applyAt("s9", 1);
        rollBack("s9");
        applyAt("s10", 2);
        SnapshotStore store = at(3).store();
        assertThat(store.ids()).containsExactly("s10", "s9");
        assertThat(store.all()).extracting(Manifest::id).containsExactly("s9", "s10");
        assertThat(store.lastApplied()).map(Manifest::id).contains("s10");
        assertThat(store.mode()).as("old contents can hold anything an admin put in a unit").isEqualTo(0700);
    }

    @Test
    void rollbackLastFindsTheOnlyAppliedSnapshotEvenWhenItIsTheOldestAndNothingWhenNoneIs() {
        SnapshotStore store = at(3).store();
        assertThat(store.lastApplied()).isEmpty();
        applyAt("s1", 1);
        assertThat(store.lastApplied()).map(Manifest::id).contains("s1");
        rollBack("s1");
        applyAt("s2", 2);
        rollBack("s2");
        assertThat(store.lastApplied()).isEmpty();
        applyAt("s3", 3);
        // the newest is applied, an older one rolled back: --last is the newest
        assertThat(store.lastApplied()).map(Manifest::id).contains("s3");
    }

    @Test
    void theSamePlanIsAppliedOnceTheSecondTimeIsBadInputAndChangesNothing() {
        Plan plan = tree.plan("s1", 1);
        new Applier(at(1)).apply(plan, Applier.Options.DEFAULT);
        rollBack("s1");
        assertThatThrownBy(() -> new Applier(at(2)).apply(plan, Applier.Options.DEFAULT))
                .isInstanceOfSatisfying(GoliveException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
                    assertThat(e.getMessage()).isEqualTo("snapshot s1 exists already: this plan was applied before; make a new plan");
                });
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void aSnapshotHalfBuiltWhenGoliveDiedIsNotListedAndNotInTheWayOfTheNextApply() throws Exception {
        Files.createDirectories(partial("s1"));
        Files.writeString(partial("s1").resolve("manifest.json"), "{\"format\":1,\"id\":\"s1\",\"state\":\"appl");
        Files.writeString(partial("s1").resolve("0.before"), "half");
        SnapshotStore store = at(1).store();
        assertThat(store.ids()).isEmpty();
        assertThat(store.unfinished()).isEmpty();
        assertThat(store.partials()).containsExactly("/var/lib/golive/snapshots/.s1.partial");

        applyAt("s1", 1);

        assertThat(store.ids()).containsExactly("s1");
        assertThat(store.load("s1").state()).isEqualTo(Manifest.State.APPLIED);
        assertThat(Files.readString(dir.resolve("var/lib/golive/snapshots/s1/0.before"))).isEqualTo(TestTree.OLD_SYSCTL);
        assertThat(partial("s1")).doesNotExist();
    }

    @Test
    void pruneClearsWhatACrashLeftHalfBuiltAndOnlyThat() throws Exception {
        applyAt("s1", 1);
        rollBack("s1");
        Files.createDirectories(partial("s2"));
        // a directory that only looks like a leftover is not golive's to delete
        Path notPartial = dir.resolve("var/lib/golive/snapshots/.keep");
        Files.createDirectories(notPartial);
        SnapshotStore store = at(2).store();
        assertThat(store.partials()).containsExactly("/var/lib/golive/snapshots/.s2.partial");

        assertThat(store.prune(1)).isEmpty();

        assertThat(partial("s2")).doesNotExist();
        assertThat(notPartial).exists();
        assertThat(store.ids()).containsExactly("s1");
    }
}
