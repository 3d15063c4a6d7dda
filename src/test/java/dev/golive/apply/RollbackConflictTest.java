package dev.golive.apply;

import dev.golive.host.FaultPoints;
import dev.golive.model.ExitCode;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After an apply, someone changes what golive wrote: a live value, or a file that existed
 * before the apply. A rollback would silently lose that change, so it refuses as a whole
 * (exit 3, the item named, nothing written) until the admin says --force.
 */
class RollbackConflictTest {

    @TempDir Path dir;
    TestTree tree;
    Map<String, String> pristine;
    Plan plan;

    @BeforeEach void setUp() {
        tree = TestTree.create(dir);
        pristine = tree.fingerprint();
        plan = tree.plan("s1", 3);
        new Applier(tree.target(FaultPoints.NONE)).apply(plan, Applier.Options.DEFAULT);
    }

    void assertRefusedNaming(String item, String diffLine) {
        Map<String, String> edited = tree.fingerprint();
        assertThatThrownBy(() -> new Rollback(tree.target(FaultPoints.NONE)).rollback("s1", new Rollback.Options(false)))
                .isInstanceOfSatisfying(RollbackRefused.class, r -> {
                    assertThat(r.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
                    assertThat(r.getMessage()).isEqualTo("snapshot s1: changed since golive wrote it: " + item
                            + "; rolling back would lose that (see the diff); use --force to roll back anyway");
                    assertThat(r.diff()).contains(diffLine);
                });
        tree.assertUnchangedSince(edited);
        assertThat(tree.target(FaultPoints.NONE).store().load("s1").state()).isEqualTo(Manifest.State.APPLIED);
    }

    void assertForcedRollbackRestoresAll() {
        new Rollback(tree.target(FaultPoints.NONE)).rollback("s1", new Rollback.Options(true));
        tree.assertUnchangedSince(pristine);
        assertThat(tree.liveValues(plan)).isEqualTo(TestTree.before(plan));
    }

    @Test
    void aLiveValueChangedAfterTheApplyIsNotOverwrittenWithoutForce() {
        tree.file(TestTree.procPath("net.core.netdev_max_backlog"), "5000\n", 0644);
        assertRefusedNaming("net.core.netdev_max_backlog", "net.core.netdev_max_backlog: golive set 16384, now 5000");
        assertThat(tree.read(TestTree.procPath("net.core.somaxconn"))).isEqualTo("65535\n");
        assertForcedRollbackRestoresAll();
    }

    @Test
    void aFileThatExistedBeforeAndWasEditedAfterTheApplyIsNotOverwrittenWithoutForce() {
        tree.file(OwnedFiles.SYSCTL_DROPIN, tree.read(OwnedFiles.SYSCTL_DROPIN) + "vm.swappiness = 1\n", 0644);
        assertRefusedNaming(OwnedFiles.SYSCTL_DROPIN, "+vm.swappiness = 1");
        assertForcedRollbackRestoresAll();
    }

    @Test
    void aFileThatExistedBeforeAndWasDeletedAfterTheApplyIsNotRestoredWithoutForce() throws Exception {
        Files.delete(dir.resolve(OwnedFiles.SYSCTL_DROPIN.substring(1)));
        assertRefusedNaming(OwnedFiles.SYSCTL_DROPIN, "--- golive-wrote" + OwnedFiles.SYSCTL_DROPIN);
        assertForcedRollbackRestoresAll();
    }
}
