package dev.golive.apply;

import dev.golive.host.FaultPoints;
import dev.golive.model.Plan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.golive.model.FileChange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * golive killed for real: a child JVM runs `golive apply --root TREE` with
 * GOLIVE_FAULT=POINT:pause, stops at that point, and this test sends it SIGKILL from outside
 * ({@link ChildGolive.Paused}). Then a recover must leave every file hashing as before and
 * every live value reading as before. Also killed in the middle of the rollback after a
 * failure, in the middle of recover itself, in the middle of an admin's rollback, half-way
 * through one large file, and at random moments of whole applies. A plan with 3 files and 3
 * live values keeps the enumeration to one JVM per point (the recover after it runs
 * in-process: the same code `golive recover` runs, which the notice tests run for real); the
 * exception variant of every point of the full plan is {@link FaultInjectionTest}.
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
        System.out.println("crash recovery (SIGKILL): " + applyPoints.size() + " apply points, " + rollbackPoints.size()
                + " rollback points, " + kills.get() + " kills");
    }

    static Plan plan(TestTree t) { return t.plan("s1", 1); }

    @TestFactory
    Stream<DynamicTest> killedAtAnyApplyStepThenRecovered() {
        // every write boundary: between files, between a temp file and its rename, between the rename and the
        // directory's fsync, between a tree value's temp file and its rename, between values
        assertThat(applyPoints).hasSize(24).contains("file-write:2", "dir-sync:2", "rename:2", "file-write:live:2", "rename:live:2", "live-write:2");
        return applyPoints.stream().map(point -> DynamicTest.dynamicTest(point, () -> {
            Case c = new Case("apply-" + point);
            c.killAt(ChildGolive.Paused.start(work, point + ":pause", c.applyArgs()), point);
            c.recoverAndCheck();
        }));
    }

    @TestFactory
    Stream<DynamicTest> killedDuringTheRollbackAfterAFailureThenRecovered() {
        return rollbackPoints.stream().map(point -> DynamicTest.dynamicTest(point, () -> {
            Case c = new Case("auto-" + point);
            c.killAt(ChildGolive.Paused.start(work, "verify:throw," + point + ":pause", c.applyArgs()), point);
            c.recoverAndCheck();
        }));
    }

    @TestFactory
    Stream<DynamicTest> killedDuringRecoverThenRecoveredAgain() {
        return rollbackPoints.stream().map(point -> DynamicTest.dynamicTest(point, () -> {
            Case c = new Case("recover-" + point);
            c.killAt(ChildGolive.Paused.start(work, "verify:pause", c.applyArgs()), "verify");
            c.killAt(ChildGolive.Paused.start(work, point + ":pause", "recover", "--root", c.tree.dir.toString()), point);
            c.recoverAndCheck();
        }));
    }

    @Test
    void aStartAfterACrashSaysSoOnOneLineUntilRecovered() throws Exception {
        Case c = new Case("notice");
        c.killAt(ChildGolive.Paused.start(work, "live-write:2:pause", c.applyArgs()), "live-write:2");
        ChildGolive list = ChildGolive.run(Map.of(), "snapshots", "--root", c.tree.dir.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.err()).isEqualTo("golive: snapshot s1: an apply or rollback did not finish (golive stopped half-way): the host may be half-changed; run golive recover --root "
                + c.tree.dir + "\n");
        assertThat(list.out()).containsPattern("(?m)^s1 +applying ");
        c.recoverWithGoliveAndCheck();
        ChildGolive after = ChildGolive.run(Map.of(), "snapshots", "--root", c.tree.dir.toString());
        assertThat(after.err()).isEmpty();
        assertThat(after.out()).containsPattern("(?m)^s1 +rolled-back ");
    }

    @Test
    void pruneDuringARollbackIsRefusedAndARollbackKilledHalfWayIsFinishedByRecover() throws Exception {
        Case c = new Case("prune-during-rollback");
        new Applier(c.tree.target(FaultPoints.NONE)).apply(c.plan, Applier.Options.DEFAULT);
        String root = c.tree.dir.toString();
        ChildGolive.Paused rollback = ChildGolive.Paused.start(work, "rollback:2:pause", "rollback", "s1", "--yes", "--root", root);
        assertThat(rollback.awaitPause()).isEqualTo("rollback:2");

        ChildGolive prune = ChildGolive.run(Map.of(), "snapshots", "prune", "--keep", "0", "--root", root);
        assertThat(prune.exit()).as(prune.toString()).isEqualTo(3);
        assertThat(prune.err()).isEqualTo("golive: the host is locked by another golive run (pid " + rollback.process.pid()
                + ", /run/golive.lock); wait for it to finish\n");
        assertThat(c.tree.target(FaultPoints.NONE).store().ids()).containsExactly("s1");

        assertThat(rollback.kill()).isEqualTo(FaultPoints.KILLED_STATUS);
        kills.incrementAndGet();
        ChildGolive list = ChildGolive.run(Map.of(), "snapshots", "--root", root);
        assertThat(list.err()).startsWith("golive: snapshot s1: an apply or rollback did not finish").endsWith("run golive recover --root " + root + "\n");
        assertThat(list.out()).containsPattern("(?m)^s1 +rolling-back ");
        c.recoverWithGoliveAndCheck();
        assertThat(c.tree.target(FaultPoints.NONE).store().load("s1").state()).isEqualTo(Manifest.State.ROLLED_BACK);
    }

    @Test
    void killedHalfWayThroughWritingOneLargeFileThenRecovered() throws Exception {
        Case c = new Case("large-file", CrashRecoveryTest::withLargeDropIn);
        Path temp = c.tree.dir.resolve(HostWriterTemp.of(TestTree.DROPIN));
        ChildGolive.Paused child = ChildGolive.Paused.start(work, "mid-write:3:pause", c.applyArgs());
        assertThat(child.awaitPause()).isEqualTo("mid-write:3");
        long written = Files.size(temp), full = c.plan.files().get(2).after().orElseThrow().getBytes(StandardCharsets.UTF_8).length;
        assertThat(written).as("the temp file is half-written").isPositive().isLessThan(full);
        assertThat(child.kill()).isEqualTo(FaultPoints.KILLED_STATUS);
        kills.incrementAndGet();
        c.recoverAndCheck();
    }

    @Test
    void killedAtRandomMomentsOfWholeAppliesThenRecovered() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        // how long an apply takes from its journal to its end, here and now
        Case timed = new Case("random-timed", CrashRecoveryTest::withLargeDropIn);
        ChildGolive.Paused first = ChildGolive.Paused.start(work, "after-manifest:pause", timed.applyArgs());
        first.awaitPause();
        long t0 = System.nanoTime();
        first.resume();
        assertThat(first.waitFor()).as(first.output()).isZero();
        long window = System.nanoTime() - t0;

        int runs = 6, halfWay = 0;
        for (int run = 0; run < runs; run++) {
            Case c = new Case("random-" + run, CrashRecoveryTest::withLargeDropIn);
            ChildGolive.Paused child = ChildGolive.Paused.start(work, "after-manifest:pause", c.applyArgs());
            child.awaitPause();
            long delay = run == 0 ? 0 : (long) (random.nextDouble() * window);
            child.resume();
            LockSupport.parkNanos(delay);
            int exit = child.kill();
            kills.incrementAndGet();
            SnapshotStore store = c.tree.target(FaultPoints.NONE).store();
            String why = "seed " + seed + ", run " + run + ", killed " + delay / 1000 + " µs into a " + window / 1000 + " µs apply, exit " + exit;
            if (!store.unfinished().isEmpty()) halfWay++;
            new Rollback(c.tree.target(FaultPoints.NONE)).recover(new Rollback.Options(false));
            // the kill came after the apply had finished (or golive was exiting): an admin's rollback undoes it
            if (store.load("s1").state() == Manifest.State.APPLIED) new Rollback(c.tree.target(FaultPoints.NONE)).rollback("s1", new Rollback.Options(false));
            c.check(why);
        }
        System.out.println("random kills: " + halfWay + " of " + runs + " landed while the apply ran (seed " + seed + ", window " + window / 1000 + " µs)");
        assertThat(halfWay).as("the kill with no delay lands while the apply runs").isPositive();
    }

    @Test
    void twoAppliesAtOnceOneRunsTheOtherExits3NamingItsPid() throws Exception {
        Case c = new Case("concurrent");
        // the first holds the lock (paused after its journal); the second starts meanwhile
        ChildGolive.Paused first = ChildGolive.Paused.start(work, "after-manifest:pause", c.applyArgs());
        assertThat(first.awaitPause()).isEqualTo("after-manifest");
        ChildGolive second = ChildGolive.run(Map.of(), c.applyArgs());
        first.resume();

        assertThat(second.exit()).as(second.toString()).isEqualTo(3);
        assertThat(second.err()).isEqualTo("golive: the host is locked by another golive run (pid " + first.process.pid() + ", /run/golive.lock); wait for it to finish\n");
        assertThat(first.waitFor()).as(first.output()).isZero();
        assertThat(c.tree.liveValues(c.plan)).isEqualTo(TestTree.after(c.plan));
        // nothing lost: the one snapshot rolls everything back
        ChildGolive back = ChildGolive.run(Map.of(), "rollback", "--last", "--yes", "--root", c.tree.dir.toString());
        assertThat(back.exit()).as(back.toString()).isZero();
        c.tree.assertUnchangedSince(c.before);
    }

    @Test
    void ctrlCDuringAnApplyIsHeldUntilItEndsAndASecondOneStopsItAtOnce() throws Exception {
        Case held = new Case("ctrl-c");
        ChildGolive.Paused child = ChildGolive.Paused.start(work, "after-manifest:pause", held.applyArgs());
        assertThat(child.awaitPause()).isEqualTo("after-manifest");
        interrupt(child);
        awaitSaid(child, "golive: not now: the apply is changing the host; golive stops when it ends");
        child.resume();
        assertThat(child.waitFor()).as(child.output()).isEqualTo(130);
        assertThat(child.output()).contains("applied plan ").doesNotContain("recover --root");
        assertThat(held.tree.target(FaultPoints.NONE).store().unfinished()).as("the apply ended: nothing for recover").isEmpty();

        Case twice = new Case("ctrl-c-twice");
        ChildGolive.Paused again = ChildGolive.Paused.start(work, "after-manifest:pause", twice.applyArgs());
        assertThat(again.awaitPause()).isEqualTo("after-manifest");
        interrupt(again);
        awaitSaid(again, "golive: not now");
        interrupt(again);
        assertThat(again.waitFor()).as("the second Ctrl-C ends golive at once, at its pause").isEqualTo(130);
        assertThat(twice.tree.target(FaultPoints.NONE).store().unfinished()).isNotEmpty();
        twice.recoverWithGoliveAndCheck();
    }

    /** Ctrl-C from the terminal: SIGINT to the process. */
    private static void interrupt(ChildGolive.Paused child) throws Exception {
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(child.process.pid())).start().waitFor()).isZero();
    }

    private static void awaitSaid(ChildGolive.Paused child, String text) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!child.output().contains(text)) {
            if (System.nanoTime() > deadline || !child.process.isAlive()) throw new AssertionError("never said \"" + text + "\"\n" + child.output());
            Thread.sleep(10);
        }
    }

    /** The full test plan, one of its new drop-ins 1.5 MiB long: its write takes several write(2) calls and some time. */
    static Plan withLargeDropIn(TestTree t) {
        Plan p = plan(t);
        FileChange f = p.files().get(2);
        StringBuilder big = new StringBuilder(f.after().orElseThrow());
        for (int i = 0; big.length() < 1_500_000; i++) big.append("# padding so that the write is long ").append(i).append('\n');
        List<FileChange> files = new ArrayList<>(p.files());
        files.set(2, new FileChange(f.path(), f.before(), Optional.of(big.toString()), f.mode(), f.owner(), f.group(), f.why()));
        return new Plan(p.id(), p.profile(), p.service(), files, p.live(), p.actions(), p.conflicts(), p.manualSteps());
    }

    /** The temp file name golive writes beside a file before renaming it over it (a test cannot reach host's helper). */
    static final class HostWriterTemp {
        static String of(String path) { return dev.golive.host.HostWriter.tempPath(path).substring(1); }
    }

    /** One fresh tree, its fingerprint, its plan file. */
    static final class Case {
        final TestTree tree;
        final Map<String, String> before;
        final Plan plan;

        Case(String name) throws Exception { this(name, CrashRecoveryTest::plan); }

        Case(String name, java.util.function.Function<TestTree, Plan> planFor) throws Exception {
            tree = TestTree.create(Files.createDirectory(work.resolve(name.replace(':', '_'))));
            before = tree.fingerprint();
            plan = planFor.apply(tree);
        }

        Path planFile() throws Exception {
            Path f = tree.dir.resolveSibling(tree.dir.getFileName() + ".plan.json");
            Files.writeString(f, PlanCodec.toJson(plan));
            return f;
        }

        String[] applyArgs() throws Exception {
            return new String[] {"apply", "--plan-file", planFile().toString(), "--yes", "--root", tree.dir.toString()};
        }

        /** Waits for {@code child} to stand at {@code point}, then SIGKILLs it. */
        void killAt(ChildGolive.Paused child, String point) throws Exception {
            assertThat(child.awaitPause()).isEqualTo(point);
            assertThat(child.kill()).as(child.output()).isEqualTo(FaultPoints.KILLED_STATUS);
            kills.incrementAndGet();
        }

        /** What `golive recover` runs, in this JVM. */
        void recoverAndCheck() {
            new Rollback(tree.target(FaultPoints.NONE)).recover(new Rollback.Options(false));
            check("");
        }

        void recoverWithGoliveAndCheck() throws Exception {
            ChildGolive r = ChildGolive.run(Map.of(), "recover", "--root", tree.dir.toString());
            assertThat(r.exit()).as(r.toString()).isZero();
            check("");
        }

        void check(String why) {
            try {
                tree.assertUnchangedSince(before);
            } catch (AssertionError e) {
                throw new AssertionError(why + "\n" + e.getMessage(), e);
            }
            assertThat(tree.liveValues(plan)).as(why).isEqualTo(TestTree.before(plan));
            assertThat(tree.target(FaultPoints.NONE).store().unfinished()).as(why).isEmpty();
            assertThat(tree.target(FaultPoints.NONE).store().partials()).as(why).isEmpty();
        }
    }
}
