package dev.golive.apply;

import dev.golive.host.FaultPoints;
import dev.golive.model.Plan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * golive killed for real: a child JVM runs `golive apply --root TREE` with
 * GOLIVE_FAULT=POINT:kill, which halts it at that point as SIGKILL would (no finally, no
 * shutdown hook). Then `golive recover --root TREE` must leave every file hashing as before
 * and every live value reading as before. Also killed in the middle of the rollback after a
 * failure, and in the middle of recover itself. A plan with 3 files and 3 live values keeps
 * it to ~60 JVM runs; the exception variant of every point of the full plan is
 * {@link FaultInjectionTest}.
 */
class CrashRecoveryTest {

    @TempDir static Path work;
    static List<String> applyPoints, rollbackPoints;
    static final AtomicInteger kills = new AtomicInteger();

    @BeforeAll static void enumeratePoints() throws Exception {
        TestTree t = TestTree.create(Files.createDirectory(work.resolve("enumerate")));
        FaultPoints.Recorder apply = new FaultPoints.Recorder(), rollback = new FaultPoints.Recorder();
        new Applier(t.target(apply)).apply(plan(t), Applier.Options.DEFAULT);
        new Rollback(t.target(rollback)).rollback("s1", new Rollback.Options(false));
        applyPoints = apply.hits();
        rollbackPoints = rollback.hits();
    }

    @AfterAll static void report() {
        System.out.println("crash recovery (real kill): " + applyPoints.size() + " apply points, " + rollbackPoints.size()
                + " rollback points, " + kills.get() + " kills");
    }

    static Plan plan(TestTree t) { return t.plan("s1", 1); }

    @TestFactory
    Stream<DynamicTest> killedAtAnyApplyStepThenRecovered() {
        assertThat(applyPoints).hasSize(15);
        return applyPoints.stream().map(point -> DynamicTest.dynamicTest(point, () -> {
            Case c = new Case("apply-" + point);
            ChildGolive killed = c.apply(point + ":kill");
            assertThat(killed.exit()).as(killed.toString()).isEqualTo(FaultPoints.KILLED_STATUS);
            kills.incrementAndGet();
            c.recoverAndCheck();
        }));
    }

    @TestFactory
    Stream<DynamicTest> killedDuringTheRollbackAfterAFailureThenRecovered() {
        return rollbackPoints.stream().map(point -> DynamicTest.dynamicTest(point, () -> {
            Case c = new Case("auto-" + point);
            ChildGolive killed = c.apply("verify:throw," + point + ":kill");
            assertThat(killed.exit()).as(killed.toString()).isEqualTo(FaultPoints.KILLED_STATUS);
            kills.incrementAndGet();
            c.recoverAndCheck();
        }));
    }

    @TestFactory
    Stream<DynamicTest> killedDuringRecoverThenRecoveredAgain() {
        return rollbackPoints.stream().map(point -> DynamicTest.dynamicTest(point, () -> {
            Case c = new Case("recover-" + point);
            assertThat(c.apply("verify:kill").exit()).isEqualTo(FaultPoints.KILLED_STATUS);
            ChildGolive killed = ChildGolive.run(Map.of(FaultPoints.ENV, point + ":kill"), "recover", "--root", c.tree.dir.toString());
            assertThat(killed.exit()).as(killed.toString()).isEqualTo(FaultPoints.KILLED_STATUS);
            kills.addAndGet(2);
            c.recoverAndCheck();
        }));
    }

    @Test
    void aStartAfterACrashSaysSoOnOneLineUntilRecovered() throws Exception {
        Case c = new Case("notice");
        assertThat(c.apply("live-write:2:kill").exit()).isEqualTo(FaultPoints.KILLED_STATUS);
        ChildGolive list = ChildGolive.run(Map.of(), "snapshots", "--root", c.tree.dir.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.err()).isEqualTo("golive: apply s1 did not finish (golive stopped half-way): the host may be half-changed; run golive recover --root "
                + c.tree.dir + "\n");
        assertThat(list.out()).containsPattern("(?m)^s1 +applying ");
        c.recoverAndCheck();
        ChildGolive after = ChildGolive.run(Map.of(), "snapshots", "--root", c.tree.dir.toString());
        assertThat(after.err()).isEmpty();
        assertThat(after.out()).containsPattern("(?m)^s1 +rolled-back ");
    }

    @Test
    void twoAppliesAtOnceOneRunsTheOtherExits3NamingItsPid() throws Exception {
        Case c = new Case("concurrent");
        Path planFile = c.planFile();
        Path out = work.resolve("first.out"), err = work.resolve("first.err");
        // the first holds the lock (paused after its journal); the second starts meanwhile
        Process first = ChildGolive.start(Map.of(FaultPoints.ENV, "after-manifest:sleep=4000"), out, err,
                "apply", "--plan-file", planFile.toString(), "--yes", "--root", c.tree.dir.toString());
        Path lock = c.tree.dir.resolve("run/golive.lock");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!(Files.exists(lock) && Files.readString(lock).strip().equals(String.valueOf(first.pid())))) {
            assertThat(System.currentTimeMillis()).as("first apply never took the lock").isLessThan(deadline);
            Thread.sleep(20);
        }
        ChildGolive second = ChildGolive.run(Map.of(), "apply", "--plan-file", planFile.toString(), "--yes", "--root", c.tree.dir.toString());
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(second.exit()).as(second.toString()).isEqualTo(3);
        assertThat(second.err()).isEqualTo("golive: the host is locked by another golive run (pid " + first.pid() + ", /run/golive.lock); wait for it to finish\n");
        assertThat(first.exitValue()).as(Files.readString(err)).isZero();
        assertThat(c.tree.liveValues(c.plan)).isEqualTo(TestTree.after(c.plan));
        // nothing lost: the one snapshot rolls everything back
        ChildGolive back = ChildGolive.run(Map.of(), "rollback", "--last", "--yes", "--root", c.tree.dir.toString());
        assertThat(back.exit()).as(back.toString()).isZero();
        c.tree.assertUnchangedSince(c.before);
    }

    /** One fresh tree, its fingerprint, its plan file. */
    static final class Case {
        final TestTree tree;
        final Map<String, String> before;
        final Plan plan;

        Case(String name) throws Exception {
            tree = TestTree.create(Files.createDirectory(work.resolve(name.replace(':', '_'))));
            before = tree.fingerprint();
            plan = plan(tree);
        }

        Path planFile() throws Exception {
            Path f = tree.dir.resolveSibling(tree.dir.getFileName() + ".plan.json");
            Files.writeString(f, PlanCodec.toJson(plan));
            return f;
        }

        ChildGolive apply(String fault) throws Exception {
            return ChildGolive.run(Map.of(FaultPoints.ENV, fault), "apply", "--plan-file", planFile().toString(), "--yes", "--root", tree.dir.toString());
        }

        void recoverAndCheck() throws Exception {
            ChildGolive r = ChildGolive.run(Map.of(), "recover", "--root", tree.dir.toString());
            assertThat(r.exit()).as(r.toString()).isZero();
            tree.assertUnchangedSince(before);
            assertThat(tree.liveValues(plan)).isEqualTo(TestTree.before(plan));
            assertThat(tree.target(FaultPoints.NONE).store().unfinished()).isEmpty();
            assertThat(tree.target(FaultPoints.NONE).store().partials()).isEmpty();
        }
    }
}
