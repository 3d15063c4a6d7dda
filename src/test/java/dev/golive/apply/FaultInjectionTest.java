package dev.golive.apply;

import dev.golive.host.FaultPoints;
import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import dev.golive.model.Plan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fault at every named point of an apply and of a rollback, as an exception in-process
 * (the child-JVM SIGKILL variant is {@link CrashRecoveryTest}). The points are not listed by
 * hand: a recording run of the full plan (3 files, 31 live values, 3 actions) enumerates
 * them, so a new step is covered the day it is added. After each fault: every file of the
 * tree hashes as before and every live value reads as before.
 */
class FaultInjectionTest {

    @TempDir static Path work;
    static List<String> applyPoints, rollbackPoints;
    static final AtomicInteger injected = new AtomicInteger();

    @BeforeAll static void enumeratePoints() throws Exception {
        TestTree t = TestTree.create(Files.createDirectory(work.resolve("enumerate")));
        FaultPoints.Recorder apply = new FaultPoints.Recorder(), rollback = new FaultPoints.Recorder();
        new Applier(t.target(apply)).apply(t.fullPlan("s1"), Applier.Options.DEFAULT);
        new Rollback(t.target(rollback)).rollback("s1", new Rollback.Options(false));
        applyPoints = apply.hits();
        rollbackPoints = rollback.hits();
    }

    @AfterAll static void report() {
        System.out.println("fault injection (exception): " + applyPoints.size() + " apply points, " + rollbackPoints.size()
                + " rollback points, " + injected.get() + " injections");
    }

    @TestFactory
    Stream<DynamicTest> theRecordingRunSeesEveryKindOfStep() {
        return Stream.of(DynamicTest.dynamicTest("points", () -> {
            // 2 journal points, 3 per file, 3 per live value of the tree (its atomic replace, then the read-back), 3 actions, verify
            assertThat(applyPoints).startsWith("before-manifest", "after-manifest", "file-write:1", "dir-sync:1", "rename:1", "file-write:2")
                    .contains("rename:3", "file-write:live:1", "rename:live:1", "live-write:1", "live-write:31",
                            "daemon-reload", "daemon-reexec", "restart:app.service")
                    .endsWith("verify").hasSize(2 + 3 * 3 + 3 * 31 + 3 + 1).doesNotHaveDuplicates();
            assertThat(rollbackPoints).hasSize(34).startsWith("rollback:1").endsWith("rollback:34");
        }));
    }

    @TestFactory
    Stream<DynamicTest> aFaultAtAnyApplyStepLeavesTheHostAsBefore() {
        return applyPoints.stream().map(point -> DynamicTest.dynamicTest(point, () -> {
            TestTree t = fresh(point);
            Map<String, String> before = t.fingerprint();
            Plan plan = t.fullPlan("s1");
            injected.incrementAndGet();
            assertThatThrownBy(() -> new Applier(t.target(FaultPoints.throwAt(point))).apply(plan, Applier.Options.DEFAULT))
                    .isInstanceOfSatisfying(GoliveException.class, e -> {
                        if (point.equals("before-manifest")) {
                            assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
                            assertThat(e.getMessage()).isEqualTo("cannot write the snapshot s1: injected fault at before-manifest; nothing was changed");
                        } else {
                            assertThat(e.exitCode()).isEqualTo(ExitCode.APPLY_ROLLED_BACK);
                            assertThat(e.getMessage()).isEqualTo("apply failed: injected fault at " + point + "; rolled back, the host is as before (snapshot s1)");
                        }
                    });
            t.assertUnchangedSince(before);
            assertThat(t.liveValues(plan)).isEqualTo(TestTree.before(plan));
            assertThat(t.target(FaultPoints.NONE).store().unfinished()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> aFaultInTheRollbackAfterAFailureIsFinishedByRecover() {
        return rollbackPoints.stream().map(point -> DynamicTest.dynamicTest(point, () -> {
            TestTree t = fresh("after-failure-" + point);
            Map<String, String> before = t.fingerprint();
            Plan plan = t.fullPlan("s1");
            injected.incrementAndGet();
            FaultPoints faults = FaultPoints.throwAt("verify").and(FaultPoints.throwAt(point));
            assertThatThrownBy(() -> new Applier(t.target(faults)).apply(plan, Applier.Options.DEFAULT))
                    .isInstanceOfSatisfying(GoliveException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.INTERNAL);
                        assertThat(e.getMessage()).isEqualTo("apply failed: injected fault at verify; the rollback failed too (injected fault at "
                                + point + "); the host is half-changed: run golive recover");
                    });
            SnapshotStore store = t.target(FaultPoints.NONE).store();
            assertThat(store.unfinished()).containsExactly("s1");
            assertThat(store.load("s1").state()).isEqualTo(Manifest.State.FAILED);

            List<RollbackResult> rs = new Rollback(t.target(FaultPoints.NONE)).recover(new Rollback.Options(false));
            assertThat(rs).hasSize(1);
            t.assertUnchangedSince(before);
            assertThat(t.liveValues(plan)).isEqualTo(TestTree.before(plan));
            assertThat(store.unfinished()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> aFaultInAnAdminsRollbackIsFinishedByRunningItAgain() {
        return rollbackPoints.stream().map(point -> DynamicTest.dynamicTest(point, () -> {
            TestTree t = fresh("manual-" + point);
            Map<String, String> before = t.fingerprint();
            Plan plan = t.fullPlan("s1");
            new Applier(t.target(FaultPoints.NONE)).apply(plan, Applier.Options.DEFAULT);
            injected.incrementAndGet();
            assertThatThrownBy(() -> new Rollback(t.target(FaultPoints.throwAt(point))).rollback("s1", new Rollback.Options(false)))
                    .isInstanceOf(FaultPoints.InjectedFault.class);
            // marked before the first write: a start-up notice and recover find a rollback that stopped half-way
            assertThat(t.target(FaultPoints.NONE).store().load("s1").state()).isEqualTo(Manifest.State.ROLLING_BACK);
            assertThat(t.target(FaultPoints.NONE).store().unfinished()).containsExactly("s1");

            new Rollback(t.target(FaultPoints.NONE)).rollback("s1", new Rollback.Options(false));
            t.assertUnchangedSince(before);
            assertThat(t.liveValues(plan)).isEqualTo(TestTree.before(plan));
        }));
    }

    private static TestTree fresh(String name) throws Exception {
        return TestTree.create(Files.createDirectory(work.resolve(name.replace(':', '_'))));
    }
}
