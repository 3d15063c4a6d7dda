package dev.golive.apply;

import dev.golive.host.FaultPoints;
import dev.golive.host.HostWriter;
import dev.golive.host.Perms;
import dev.golive.model.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A target tree's live values are plain files: golive replaces each one whole (temp file,
 * rename), so golive killed while writing one leaves the old value, and recover puts the
 * tree back without --force. (An in-place truncate-then-write left an empty file there.)
 */
class TreeLiveValuesTest {

    /** What a SIGKILL does in-process: nothing of golive's error handling runs (no rollback, no temp clean-up). */
    static final class Killed extends Error {
        Killed(String point) { super("killed at " + point); }
    }

    @TempDir Path dir;
    TestTree tree;
    Map<String, String> pristine;

    @BeforeEach void setUp() {
        tree = TestTree.create(dir);
        pristine = tree.fingerprint();
    }

    @Test
    void aValueIsReplacedWholeKeepingItsModeAndGroupWithNoTempFileLeft() throws Exception {
        Path somaxconn = dir.resolve("proc/sys/net/core/somaxconn");
        Files.setPosixFilePermissions(somaxconn, Perms.of(0600));
        Files.getFileAttributeView(somaxconn, PosixFileAttributeView.class)
                .setGroup(somaxconn.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("daemon"));
        Object inode = Files.getAttribute(somaxconn, "unix:ino");
        pristine = tree.fingerprint();

        new Applier(tree.target(FaultPoints.NONE)).apply(tree.plan("s1", 1), Applier.Options.DEFAULT);

        assertThat(Files.readString(somaxconn)).isEqualTo("65535\n");
        assertThat(Files.getAttribute(somaxconn, "unix:ino")).as("a new file renamed over the old one").isNotEqualTo(inode);
        PosixFileAttributes a = Files.readAttributes(somaxconn, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        assertThat(Perms.toMode(a.permissions())).isEqualTo(0600);
        assertThat(a.group().getName()).isEqualTo("daemon");
        try (var names = Files.list(somaxconn.getParent())) {
            assertThat(names.map(p -> p.getFileName().toString())).doesNotContain(".somaxconn.golive-tmp");
        }
        new Rollback(tree.target(FaultPoints.NONE)).rollback("s1", new Rollback.Options(false));
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void killedBetweenAValuesTempFileAndItsRenameTheValueIsTheOldOneAndRecoverNeedsNoForce() {
        Plan plan = tree.plan("s1", 3);
        FaultPoints kill = p -> {
            if (p.equals("file-write:live:2")) throw new Killed(p);
        };
        assertThatThrownBy(() -> new Applier(tree.target(kill)).apply(plan, Applier.Options.DEFAULT)).isInstanceOf(Killed.class);

        String backlog = TestTree.procPath("net.core.netdev_max_backlog");
        assertThat(tree.read(backlog)).isEqualTo("1000\n");
        assertThat(dir.resolve(HostWriter.tempPath(backlog).substring(1))).exists();
        assertThat(tree.target(FaultPoints.NONE).store().unfinished()).containsExactly("s1");

        new Rollback(tree.target(FaultPoints.NONE)).recover(new Rollback.Options(false));

        tree.assertUnchangedSince(pristine);
        assertThat(tree.liveValues(plan)).isEqualTo(TestTree.before(plan));
    }
}
