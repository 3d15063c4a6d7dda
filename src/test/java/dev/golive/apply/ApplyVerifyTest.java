package dev.golive.apply;

import dev.golive.host.FaultPoints;
import dev.golive.host.Perms;
import dev.golive.model.ExitCode;
import dev.golive.model.FileChange;
import dev.golive.model.GoliveException;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A host whose writes do not stick: each write golive makes succeeds, and then something
 * (another agent, a file system that drops it, a kernel that resets a value) undoes it
 * before golive looks again. Only the re-read after all the writes can tell; the apply must
 * fail, roll back and leave the host as before — never report success.
 */
class ApplyVerifyTest {

    @TempDir Path dir;
    TestTree tree;
    Map<String, String> pristine;

    @BeforeEach void setUp() {
        tree = TestTree.create(dir);
        pristine = tree.fingerprint();
    }

    /** At {@code point} (right after golive finished one write), {@code undo} runs. */
    FaultPoints undoAt(String point, IoAction undo) {
        return p -> {
            if (!p.equals(point)) return;
            try {
                undo.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    interface IoAction { void run() throws IOException; }

    void assertFailsAndRollsBack(Plan plan, FaultPoints faults, String verifyLine) {
        assertThatThrownBy(() -> new Applier(tree.target(faults)).apply(plan, Applier.Options.DEFAULT))
                .isInstanceOfSatisfying(GoliveException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.APPLY_ROLLED_BACK);
                    assertThat(e.getMessage()).isEqualTo("apply failed: " + verifyLine + "; rolled back, the host is as before (snapshot " + plan.id() + ")");
                });
        tree.assertUnchangedSince(pristine);
        assertThat(tree.liveValues(plan)).isEqualTo(TestTree.before(plan));
        assertThat(tree.target(FaultPoints.NONE).store().load(plan.id()).state()).isEqualTo(Manifest.State.ROLLED_BACK);
    }

    @Test
    void aFileWriteThatIsLostFailsTheApply() {
        Path manager = dir.resolve(OwnedFiles.MANAGER_DROPIN.substring(1));
        assertFailsAndRollsBack(tree.plan("s1", 2), undoAt("rename:2", () -> Files.delete(manager)),
                "verify: " + OwnedFiles.MANAGER_DROPIN + " does not hold what golive wrote");
    }

    @Test
    void aFileWhoseBytesAreChangedBackFailsTheApply() {
        Path sysctl = dir.resolve(OwnedFiles.SYSCTL_DROPIN.substring(1));
        assertFailsAndRollsBack(tree.plan("s1", 2), undoAt("rename:3", () -> Files.writeString(sysctl, TestTree.OLD_SYSCTL)),
                "verify: " + OwnedFiles.SYSCTL_DROPIN + " does not hold what golive wrote");
    }

    @Test
    void aModeThatDoesNotStickFailsTheApply() {
        Path drop = dir.resolve(TestTree.DROPIN.substring(1));
        assertFailsAndRollsBack(tree.plan("s1", 2), undoAt("rename:3", () -> Files.setPosixFilePermissions(drop, Perms.of(0666))),
                "verify: " + TestTree.DROPIN + " has mode 0666, planned 0644");
    }

    @Test
    void anOwnerThatDoesNotStickFailsTheApply() {
        Path drop = dir.resolve(TestTree.DROPIN.substring(1));
        assertFailsAndRollsBack(tree.plan("s1", 2), undoAt("rename:3", () -> {
            PosixFileAttributeView v = Files.getFileAttributeView(drop, PosixFileAttributeView.class);
            v.setGroup(drop.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("daemon"));
        }), "verify: " + TestTree.DROPIN + " is owned by root:daemon, planned root:root");
    }

    @Test
    void aFileGoliveRemovedThatComesBackFailsTheApply() {
        Plan plan = new Plan("s1", "web", Optional.empty(),
                List.of(new FileChange(OwnedFiles.SYSCTL_DROPIN, Optional.of(TestTree.OLD_SYSCTL), Optional.empty(), 0644, "root", "root", "no longer needed")),
                List.of(), List.of(), List.of(), List.of());
        Path sysctl = dir.resolve(OwnedFiles.SYSCTL_DROPIN.substring(1));
        assertFailsAndRollsBack(plan, undoAt("rename:1", () -> Files.writeString(sysctl, TestTree.OLD_SYSCTL + "# back\n")),
                "verify: " + OwnedFiles.SYSCTL_DROPIN + " still exists");
    }

    @Test
    void aLiveValueResetAfterItsReadBackFailsTheApply() {
        Plan plan = tree.plan("s1", 2);
        // net.core.netdev_max_backlog read back as 16384, then something set it back to 1000
        assertFailsAndRollsBack(plan, undoAt("live-write:2", () -> tree.file(TestTree.procPath("net.core.netdev_max_backlog"), "1000\n", 0644)),
                "verify: net.core.netdev_max_backlog reads 1000, planned 16384");
    }
}
