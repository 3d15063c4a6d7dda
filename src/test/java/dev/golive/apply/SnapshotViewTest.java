package dev.golive.apply;

import dev.golive.host.FaultPoints;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** `golive snapshots show ID` and the listing: what a snapshot changed, read by a person. */
class SnapshotViewTest {

    @TempDir Path dir;

    @Test
    void showsEachFileAsADiffEachValueOldToNewTheActionsAndWhatWentWrong() {
        TestTree tree = TestTree.create(dir);
        Plan plan = tree.plan("s1", 1);
        assertThatThrownBy(() -> new Applier(tree.target(FaultPoints.throwAt("verify"))).apply(plan, Applier.Options.DEFAULT))
                .hasMessageContaining("rolled back");
        SnapshotStore store = tree.target(FaultPoints.NONE).store();
        Manifest m = store.load("s1").withNote("checked by ops");

        String shown = SnapshotView.diff(store, m);

        assertThat(shown).startsWith("snapshot s1 (rolled-back, profile web, service app.service, created " + m.createdAt() + ")\n"
                + "failure: injected fault at verify\n");
        // the file that existed: old → new; the created files: from nothing
        assertThat(shown).contains("--- a" + OwnedFiles.SYSCTL_DROPIN, "-net.core.somaxconn = 1024", "+net.core.somaxconn = 65535",
                "--- /dev/null", "+++ b" + TestTree.DROPIN, "+LimitNOFILE=1048576");
        assertThat(shown).contains("live values:\n  net.core.somaxconn: 4096 → 65535\n  transparent_hugepage.enabled: madvise → never\n");
        assertThat(shown).contains("systemctl daemon-reload: skipped: target tree, no systemd runs for it\n",
                "systemctl restart app.service: not asked (apply --restart to run it)\n");
        assertThat(shown).endsWith("note: checked by ops\n");

        assertThat(SnapshotView.row(m)).containsExactly("s1", "rolled-back", m.createdAt().toString(), "3", "3", "web (app.service)");
    }

    @Test
    void aSnapshotWithNoLiveValuesAndNoServiceSaysNeither() {
        TestTree tree = TestTree.create(dir);
        Plan full = tree.plan("s2", 1);
        Plan filesOnly = new Plan("s2", "base", java.util.Optional.empty(), full.files().subList(0, 1), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.List.of());
        new Applier(tree.target(FaultPoints.NONE)).apply(filesOnly, Applier.Options.DEFAULT);
        SnapshotStore store = tree.target(FaultPoints.NONE).store();
        Manifest m = store.load("s2");

        String shown = SnapshotView.diff(store, m);

        assertThat(shown).startsWith("snapshot s2 (applied, profile base, created " + m.createdAt() + ")\n--- a");
        assertThat(shown).doesNotContain("live values", "failure", "note:");
        assertThat(SnapshotView.row(m)).containsExactly("s2", "applied", m.createdAt().toString(), "1", "0", "base");
    }
}
