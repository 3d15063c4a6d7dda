package dev.golive.apply;

import dev.golive.host.FakeCommandRunner;
import dev.golive.host.FaultPoints;
import dev.golive.host.HostWriter;
import dev.golive.host.Perms;
import dev.golive.model.ExitCode;
import dev.golive.model.FileChange;
import dev.golive.model.GoliveException;
import dev.golive.model.LiveChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An admin applies a full plan into a target tree, looks at the snapshot, and rolls it back. */
class ApplierTest {

    @TempDir Path dir;
    TestTree tree;
    Map<String, String> pristine;

    @BeforeEach void setUp() {
        tree = TestTree.create(dir);
        pristine = tree.fingerprint();
    }

    @Test
    void appliesEveryFileAndValueAsPlannedThenRollsBackByteForByte() {
        Plan plan = tree.fullPlan("s1");
        ApplyResult r = new Applier(tree.target(FaultPoints.NONE)).apply(plan, Applier.Options.DEFAULT);

        assertThat(r.filesWritten()).isEqualTo(3);
        assertThat(r.liveValuesSet()).isEqualTo(31);
        for (FileChange f : plan.files()) assertThat(tree.read(f.path())).isEqualTo(f.after().orElseThrow());
        assertThat(tree.liveValues(plan)).isEqualTo(TestTree.after(plan));
        assertThat(tree.read(TestTree.THP_ENABLED)).isEqualTo("always madvise [never]\n");
        assertThat(tree.read("/proc/sys/net/ipv4/tcp_rmem")).isEqualTo("4096\t131072\t16777216\n"); // as the kernel prints it
        assertThat(r.lines()).contains("systemctl daemon-reload: skipped: target tree, no systemd runs for it",
                "systemctl restart app.service: not asked (apply --restart to run it)");
        Manifest m = tree.target(FaultPoints.NONE).store().load("s1");
        assertThat(m.state()).isEqualTo(Manifest.State.APPLIED);

        RollbackResult back = new Rollback(tree.target(FaultPoints.NONE)).rollback("s1", new Rollback.Options(false));
        tree.assertUnchangedSince(pristine);
        assertThat(tree.liveValues(plan)).isEqualTo(TestTree.before(plan));
        assertThat(back.restored()).contains("removed directory /etc/systemd/system/app.service.d", "restored " + OwnedFiles.SYSCTL_DROPIN);
        assertThat(tree.target(FaultPoints.NONE).store().load("s1").state()).isEqualTo(Manifest.State.ROLLED_BACK);
    }

    @Test
    void eachStepIsReportedAsItIsDoneAndAFailedStepIsTheLastReported() {
        Plan plan = tree.fullPlan("s1");
        List<String> seen = new ArrayList<>();
        ApplyResult r = new Applier(tree.target(FaultPoints.NONE)).withProgress(seen::add).apply(plan, Applier.Options.DEFAULT);
        assertThat(seen).as("the same steps, in the same order, as the result").isEqualTo(r.lines());

        Plan again = tree.fullPlan("s2");
        new Rollback(tree.target(FaultPoints.NONE)).rollback("s1", new Rollback.Options(false));
        List<String> partial = new ArrayList<>();
        assertThatThrownBy(() -> new Applier(tree.target(FaultPoints.throwAt("live-write:2"))).withProgress(partial::add)
                .apply(again, Applier.Options.DEFAULT)).isInstanceOf(dev.golive.model.GoliveException.class);
        // 3 files, then live values 1 and 2 were written before the fault after the second
        assertThat(partial).hasSize(5).last().asString().startsWith("set ");
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void theSnapshotIsPrivateAndRecordsTheHostAsFoundBeforeTheFirstChange() throws Exception {
        Plan plan = tree.fullPlan("s1");
        // at the first file write, the journal must already be on disk, complete, in state applying
        List<Manifest> seen = new ArrayList<>();
        HostTarget t = tree.target(p -> {
            if (p.equals("file-write:1")) seen.add(new SnapshotStore(new HostWriter(dir, new dev.golive.host.AccessLog(), FaultPoints.NONE)).load("s1"));
        });
        new Applier(t).apply(plan, Applier.Options.DEFAULT);

        Manifest m = seen.get(0);
        assertThat(m.state()).isEqualTo(Manifest.State.APPLYING);
        Manifest.FileEntry sysctl = m.files().get(0);
        assertThat(sysctl.existed()).isTrue();
        assertThat(sysctl.mode()).isEqualTo(0640);
        assertThat(sysctl.owner()).isEqualTo("root");
        assertThat(sysctl.sha256()).isEqualTo(dev.golive.host.Sha256.of(TestTree.OLD_SYSCTL.getBytes()));
        assertThat(m.files().get(1).existed()).isFalse();
        assertThat(m.createdDirs()).containsExactly("/etc/systemd/system.conf.d", "/etc/systemd/system/app.service.d");
        assertThat(m.live()).hasSize(31);
        assertThat(m.live().get(4).before()).isEqualTo("32768 60999");
        assertThat(m.plan()).isEqualTo(plan);

        Path snap = dir.resolve("var/lib/golive/snapshots/s1");
        assertThat(mode(dir.resolve("var/lib/golive/snapshots"))).isEqualTo(0700);
        assertThat(mode(snap)).isEqualTo(0700);
        assertThat(mode(snap.resolve("manifest.json"))).isEqualTo(0600);
        assertThat(Files.readString(snap.resolve("0.before"))).isEqualTo(TestTree.OLD_SYSCTL);
        assertThat(Files.readString(snap.resolve("manifest.json"))).startsWith("{\n  \"format\" : 1,\n  \"id\" : \"s1\",\n  \"state\" : \"applied\"");
    }

    @Test
    void filesGetExactlyThePlannedModeAndOwnerWhateverTheUmask() throws Exception {
        String h = OwnedFiles.header("s2");
        Plan plan = new Plan("s2", "web", Optional.empty(), List.of(
                new FileChange(OwnedFiles.TMPFILES_DROPIN, Optional.empty(), Optional.of(h + "w /sys/kernel/mm/transparent_hugepage/enabled - - - - madvise\n"), 0600, "nobody", "daemon", "thp"),
                new FileChange(OwnedFiles.SYSCTL_DROPIN, Optional.of(TestTree.OLD_SYSCTL), Optional.of(h), 0664, "root", "adm", "x")),
                List.of(), List.of(), List.of(), List.of());
        new Applier(tree.target(FaultPoints.NONE)).apply(plan, Applier.Options.DEFAULT);

        PosixFileAttributes a = attrs(dir.resolve("etc/tmpfiles.d/60-golive.conf"));
        assertThat(Perms.toMode(a.permissions())).isEqualTo(0600);
        assertThat(a.owner().getName()).isEqualTo("nobody");
        assertThat(a.group().getName()).isEqualTo("daemon");
        PosixFileAttributes b = attrs(dir.resolve("etc/sysctl.d/60-golive.conf"));
        assertThat(Perms.toMode(b.permissions())).isEqualTo(0664);
        assertThat(b.group().getName()).isEqualTo("adm");
        assertThat(mode(dir.resolve("etc/tmpfiles.d"))).isEqualTo(0755);

        new Rollback(tree.target(FaultPoints.NONE)).rollback("s2", new Rollback.Options(false));
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void anOwnerThatDoesNotExistIsRefusedBeforeAnythingIsWritten() {
        Plan plan = withFile(new FileChange(OwnedFiles.TMPFILES_DROPIN, Optional.empty(), Optional.of(OwnedFiles.header("s3")), 0644, "golive-nobody", "root", "x"));
        assertThatThrownBy(() -> apply(plan)).hasMessage("/etc/tmpfiles.d/60-golive.conf: no user \"golive-nobody\" on this machine; nothing was changed");
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void aStalePlanIsRefusedBeforeAnythingIsWritten() {
        Plan plan = tree.fullPlan("s1");
        tree.file("/proc/sys/net/core/somaxconn", "8192\n", 0644);
        Map<String, String> now = tree.fingerprint();
        assertThatThrownBy(() -> new Applier(tree.target(FaultPoints.NONE)).apply(plan, Applier.Options.DEFAULT))
                .isInstanceOf(GoliveException.class)
                .hasMessage("the plan is stale: net.core.somaxconn is 8192 now, the plan saw 4096; nothing was changed; make a new plan")
                .extracting(e -> ((GoliveException) e).exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        tree.assertUnchangedSince(now);
        assertThat(dir.resolve("var/lib/golive/snapshots/s1")).doesNotExist();

        tree.file("/proc/sys/net/core/somaxconn", "4096\n", 0644);
        tree.file(OwnedFiles.SYSCTL_DROPIN, TestTree.OLD_SYSCTL + "# edited\n", 0640);
        assertThatThrownBy(() -> new Applier(tree.target(FaultPoints.NONE)).apply(plan, Applier.Options.DEFAULT))
                .hasMessageContaining("the plan is stale: /etc/sysctl.d/60-golive.conf changed since the plan was made");
    }

    @Test
    void refusesAFileGoliveDidNotWriteAPathItDoesNotOwnAndALinkOnTheWay() throws Exception {
        tree.file(OwnedFiles.SYSCTL_DROPIN, "net.core.somaxconn = 1\n", 0644);
        Plan adminsFile = withFile(new FileChange(OwnedFiles.SYSCTL_DROPIN, Optional.of("net.core.somaxconn = 1\n"),
                Optional.of(OwnedFiles.header("s3")), 0644, "root", "root", "x"));
        assertThatThrownBy(() -> apply(adminsFile)).hasMessage("/etc/sysctl.d/60-golive.conf: exists and was not written by golive (no \"# Managed by golive\" header); refusing to overwrite it");

        Plan vendor = withFile(new FileChange("/etc/sysctl.conf", Optional.of("# vendor\n"), Optional.of(OwnedFiles.header("s3")), 0644, "root", "root", "x"));
        assertThatThrownBy(() -> apply(vendor)).hasMessage("/etc/sysctl.conf: not a file golive owns; golive writes only its own drop-ins");

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.move(dir.resolve("etc/systemd/system"), dir.resolve("etc/systemd/real-system"));
        Files.createSymbolicLink(dir.resolve("etc/systemd/system"), elsewhere);
        Plan viaLink = withFile(new FileChange(TestTree.DROPIN, Optional.empty(), Optional.of(OwnedFiles.header("s3")), 0644, "root", "root", "x"));
        Map<String, String> before = tree.fingerprint();
        assertThatThrownBy(() -> apply(viaLink)).hasMessage("/etc/systemd/system/app.service.d/60-golive.conf: refusing to write through a symbolic link (/etc/systemd/system is a link)");
        tree.assertUnchangedSince(before);
        try (var s = Files.list(elsewhere)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void aValueTheKernelRefusesFailsTheApplyWhichRollsBackAndExits4() {
        Plan good = tree.fullPlan("s4");
        List<LiveChange> live = new ArrayList<>(good.live());
        live.add(new LiveChange("thp.shmem", "/sys/kernel/mm/transparent_hugepage/enabled", LiveChange.Format.SYSFS_CHOICE, "madvise", "sometimes", false, "bad"));
        Plan plan = new Plan("s4", "web", good.service(), good.files(), live.subList(0, 30), good.actions(), List.of(), List.of());
        Plan bad = new Plan("s4", "web", good.service(), good.files(),
                List.of(live.get(0), live.get(1), new LiveChange("thp", TestTree.THP_DEFRAG, LiveChange.Format.SYSFS_CHOICE, "madvise", "sometimes", false, "bad")),
                good.actions(), List.of(), List.of());
        assertThat(plan.live()).hasSize(30);
        assertThatThrownBy(() -> apply(bad))
                .hasMessage("apply failed: \"sometimes\" is not one of the choices \"always defer defer+madvise [madvise] never\"; rolled back, the host is as before (snapshot s4)")
                .extracting(e -> ((GoliveException) e).exitCode()).isEqualTo(ExitCode.APPLY_ROLLED_BACK);
        tree.assertUnchangedSince(pristine);
        Manifest m = tree.target(FaultPoints.NONE).store().load("s4");
        assertThat(m.state()).isEqualTo(Manifest.State.ROLLED_BACK);
        assertThat(m.failure()).hasValueSatisfying(f -> assertThat(f).contains("sometimes"));
    }

    @Test
    void systemctlRunsThroughTheCommandRunnerOnALiveSystemAndRestartsOnlyWhenAsked() {
        FakeCommandRunner systemctl = new FakeCommandRunner()
                .expect("", "systemctl", "daemon-reload")
                .expect("", "systemctl", "daemon-reexec");
        ApplyResult r = new Applier(tree.target(FaultPoints.NONE, systemctl, true)).apply(tree.plan("s5", 3), Applier.Options.DEFAULT);
        assertThat(r.lines()).contains("systemctl daemon-reload: done", "systemctl daemon-reexec: done",
                "systemctl restart app.service: not asked (apply --restart to run it)");
        assertThat(systemctl.ran()).containsExactly(List.of("systemctl", "daemon-reload"), List.of("systemctl", "daemon-reexec"));

        FakeCommandRunner again = new FakeCommandRunner().expect("", "systemctl", "daemon-reload").expect("", "systemctl", "daemon-reexec");
        new Rollback(tree.target(FaultPoints.NONE, again, true)).rollback("s5", new Rollback.Options(false));
        assertThat(again.ran()).containsExactly(List.of("systemctl", "daemon-reload"), List.of("systemctl", "daemon-reexec"));
        tree.assertUnchangedSince(pristine);

        FakeCommandRunner withRestart = new FakeCommandRunner().expect("", "systemctl", "daemon-reload")
                .expect("", "systemctl", "daemon-reexec").expect("", "systemctl", "restart", "app.service");
        new Applier(tree.target(FaultPoints.NONE, withRestart, true)).apply(tree.plan("s6", 3), new Applier.Options(true));
        withRestart.assertAllUsed();
    }

    @Test
    void aFailingDaemonReloadRollsBackAndReloadsTheOldFiles() {
        FakeCommandRunner systemctl = new FakeCommandRunner().expectExit(1, "", "Failed to reload daemon: Access denied\n", "systemctl", "daemon-reload")
                .expect("", "systemctl", "daemon-reexec");
        assertThatThrownBy(() -> new Applier(tree.target(FaultPoints.NONE, systemctl, true)).apply(tree.plan("s7", 3), Applier.Options.DEFAULT))
                .hasMessage("apply failed: systemctl daemon-reload: exit 1: Failed to reload daemon: Access denied; rolled back, the host is as before (snapshot s7)");
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void rollbackRefusesToOverwriteALaterEditAndShowsTheDiffUnlessForced() throws Exception {
        Plan plan = tree.fullPlan("s8");
        new Applier(tree.target(FaultPoints.NONE)).apply(plan, Applier.Options.DEFAULT);
        String edited = tree.read(TestTree.DROPIN) + "Nice=5\n";
        tree.file(TestTree.DROPIN, edited, 0644);
        Map<String, String> now = tree.fingerprint();

        assertThatThrownBy(() -> new Rollback(tree.target(FaultPoints.NONE)).rollback("s8", new Rollback.Options(false)))
                .isInstanceOfSatisfying(RollbackRefused.class, r -> {
                    assertThat(r.getMessage()).isEqualTo("snapshot s8: changed since golive wrote it: /etc/systemd/system/app.service.d/60-golive.conf;"
                            + " rolling back would lose that (see the diff); use --force to roll back anyway");
                    assertThat(r.diff()).contains("--- golive-wrote/etc/systemd/system/app.service.d/60-golive.conf",
                            "+++ now/etc/systemd/system/app.service.d/60-golive.conf", "+Nice=5");
                    assertThat(r.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
                });
        tree.assertUnchangedSince(now);

        new Rollback(tree.target(FaultPoints.NONE)).rollback("s8", new Rollback.Options(true));
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void afterARebootResetTheLiveValuesRollbackReportsThemAndRestoresOnlyTheFiles() {
        Plan plan = tree.fullPlan("s9");
        new Applier(tree.target(FaultPoints.NONE)).apply(plan, Applier.Options.DEFAULT);
        // reboot: the kernel starts from its defaults; the files golive wrote stay
        for (String[] s : TestTree.SYSCTLS) tree.file(TestTree.procPath(s[0]), s[1] + "\n", 0644);
        tree.file(TestTree.THP_ENABLED, "always [madvise] never\n", 0644);
        tree.file(TestTree.THP_DEFRAG, "always defer defer+madvise [madvise] never\n", 0644);
        var writes = new dev.golive.host.AccessLog();
        HostWriter w = new HostWriter(dir, writes, FaultPoints.NONE);
        HostTarget t = new HostTarget(w, new dev.golive.host.LiveValues(w), null, false, java.time.Clock.systemUTC());

        RollbackResult r = new Rollback(t).rollback("s9", new Rollback.Options(false));

        assertThat(r.reported()).hasSize(31).contains("net.core.somaxconn is already 4096 (its value before the apply; reset by a reboot, or never set): left alone");
        assertThat(writes.entries()).noneMatch(e -> e.kind() == dev.golive.host.AccessLog.Kind.WRITE && e.what().startsWith("/proc/"));
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void aKeyThatVanishedBeforeTheRollbackIsReportedAndTheRestRestored() throws Exception {
        Plan plan = tree.plan("s12", 3);
        new Applier(tree.target(FaultPoints.NONE)).apply(plan, Applier.Options.DEFAULT);
        Files.delete(dir.resolve("proc/sys/net/ipv4/tcp_max_syn_backlog"));
        RollbackResult r = new Rollback(tree.target(FaultPoints.NONE)).rollback("s12", new Rollback.Options(false));
        assertThat(r.reported()).contains("net.ipv4.tcp_max_syn_backlog: /proc/sys/net/ipv4/tcp_max_syn_backlog no longer exists; its value before the apply was 512");
        tree.file("/proc/sys/net/ipv4/tcp_max_syn_backlog", "512\n", 0644);
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void removingAFileGoliveOwnsIsUndoneToo() {
        Plan plan = withFile(new FileChange(OwnedFiles.SYSCTL_DROPIN, Optional.of(TestTree.OLD_SYSCTL), Optional.empty(), 0644, "root", "root", "no longer needed"));
        apply(plan);
        assertThat(dir.resolve("etc/sysctl.d/60-golive.conf")).doesNotExist();
        new Rollback(tree.target(FaultPoints.NONE)).rollback("s3", new Rollback.Options(false));
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void aSecondApplyWhileOneHoldsTheLockExits3NamingThePid() {
        Plan plan = tree.fullPlan("s10");
        List<Throwable> second = new ArrayList<>();
        HostTarget first = tree.target(p -> {
            if (p.equals("after-manifest")) {
                try {
                    new Applier(tree.target(FaultPoints.NONE)).apply(tree.fullPlan("s11"), Applier.Options.DEFAULT);
                } catch (GoliveException e) {
                    second.add(e);
                }
            }
        });
        new Applier(first).apply(plan, Applier.Options.DEFAULT);
        assertThat(second).singleElement().satisfies(e -> {
            assertThat(e.getMessage()).isEqualTo("the host is locked by another golive run (pid " + ProcessHandle.current().pid() + ", /run/golive.lock); wait for it to finish");
            assertThat(((GoliveException) e).exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        });
        assertThat(tree.liveValues(plan)).isEqualTo(TestTree.after(plan));
    }

    private Plan withFile(FileChange f) {
        return new Plan("s3", "web", Optional.empty(), List.of(f), List.of(), List.of(), List.of(), List.of());
    }

    private ApplyResult apply(Plan p) { return new Applier(tree.target(FaultPoints.NONE)).apply(p, Applier.Options.DEFAULT); }

    static int mode(Path p) throws Exception { return Perms.toMode(attrs(p).permissions()); }

    static PosixFileAttributes attrs(Path p) throws Exception {
        return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
