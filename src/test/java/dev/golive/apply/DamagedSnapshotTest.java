package dev.golive.apply;

import dev.golive.host.FaultPoints;
import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import dev.golive.model.OwnedFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A snapshot that is not what golive wrote — asked for by a wrong id, its copy of an old
 * file deleted, its manifest edited by hand — is refused with one line that names the
 * snapshot and the field, and nothing on the host is touched. A manifest golive did write
 * reads back as exactly what it holds.
 */
class DamagedSnapshotTest {

    @TempDir Path dir;
    TestTree tree;
    Path manifest;

    @BeforeEach void setUp() {
        tree = TestTree.create(dir);
        new Applier(tree.target(FaultPoints.NONE)).apply(tree.plan("s1", 1), Applier.Options.DEFAULT);
        manifest = dir.resolve("var/lib/golive/snapshots/s1/manifest.json");
    }

    SnapshotStore store() { return tree.target(FaultPoints.NONE).store(); }

    @Test
    void aSnapshotThatDoesNotExistIsBadInputPointingAtTheList() {
        assertThatThrownBy(() -> store().load("s2")).isInstanceOfSatisfying(GoliveException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(e.getMessage()).isEqualTo("no snapshot s2 (see golive snapshots)");
        });
    }

    @Test
    void aRollbackWhoseCopyOfTheOldFileIsGoneStopsNamingBoth() throws Exception {
        Files.delete(dir.resolve("var/lib/golive/snapshots/s1/0.before"));
        String golivesFile = tree.read(OwnedFiles.SYSCTL_DROPIN);
        assertThatThrownBy(() -> new Rollback(tree.target(FaultPoints.NONE)).rollback("s1", new Rollback.Options(false)))
                .isInstanceOfSatisfying(GoliveException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
                    assertThat(e.getMessage()).isEqualTo("snapshot s1: 0.before is missing; cannot restore " + OwnedFiles.SYSCTL_DROPIN);
                });
        // the live values and the files after it in reverse order were put back first; the old file was not touched
        assertThat(tree.read(OwnedFiles.SYSCTL_DROPIN)).isEqualTo(golivesFile);
        assertThat(store().load("s1").state()).isEqualTo(Manifest.State.ROLLING_BACK);
    }

    void edit(String from, String to) throws Exception {
        String json = Files.readString(manifest);
        assertThat(json).contains(from);
        Files.writeString(manifest, json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    String path() { return "/var/lib/golive/snapshots/s1/manifest.json"; }

    @Test
    void anUnknownStateIsNamed() throws Exception {
        edit("\"state\" : \"applied\"", "\"state\" : \"done\"");
        assertThatThrownBy(() -> store().load("s1")).isInstanceOf(GoliveException.class)
                .hasMessage(path() + ": state: unknown state \"done\"");
    }

    @Test
    void aNumberWhereAStringBelongsAndAMissingFieldAreToldApart() throws Exception {
        edit("\"id\" : \"s1\"", "\"id\" : 1");
        assertThatThrownBy(() -> store().load("s1")).hasMessage(path() + ": id: expected a string");
        edit("\"id\" : 1,", "");
        assertThatThrownBy(() -> store().load("s1")).hasMessage(path() + ": id: missing");
    }

    @Test
    void aBadFieldInsideAFileEntryIsNamedWithItsWholePath() throws Exception {
        edit("\"mode\" : \"0644\"", "\"mode\" : \"644x\"");
        assertThatThrownBy(() -> store().load("s1"))
                .hasMessage(path() + ": files[0].after.mode: expected an octal mode like \"0644\", got \"644x\"");
    }

    @Test
    void whatGoliveWroteReadsBackAsExactlyWhatItHolds() {
        Manifest m = store().load("s1").withAction(2, "done").withFailure("verify: x").withNote("first").withNote("second")
                .withState(Manifest.State.FAILED, Instant.parse("2026-01-01T00:00:09Z"));
        store().update(m);
        Manifest back = store().load("s1");
        assertThat(back).isEqualTo(m);
        assertThat(back.actions().get(2).unit()).contains("app.service");
        assertThat(back.notes()).containsExactly("first", "second");
        assertThat(back.failure()).contains("verify: x");
    }
}
