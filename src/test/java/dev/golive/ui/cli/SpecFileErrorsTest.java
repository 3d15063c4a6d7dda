package dev.golive.ui.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value in a spec file that the unit cannot hold is reported where it stands in the file
 * (file:line:col and the field) by `golive plan`, `export` and `apply` alike, as `golive unit`
 * reports it: one spec reader, one validator, one way to name the place.
 */
class SpecFileErrorsTest {

    static final String DEBIAN = Path.of("src/test/resources/hosts/debian12-vm").toAbsolutePath().toString();

    @TempDir Path dir;

    private Path spec(String text) throws Exception {
        Path s = dir.resolve("hello.yaml");
        Files.writeString(s, text);
        return s;
    }

    @Test
    void planAndExportNameTheSpecFilesLineAndColumn() throws Exception {
        Path s = spec("name: hello\nexec: /usr/local/bin/hello\nresources:\n  memoryMax: 2g\n");
        String expected = "golive: " + s + ":4:14: resources.memoryMax: \"2g\" is not a memory size";
        var plan = CheckCommandTest.run(new PlanCommand(), "--root", DEBIAN, "--profile", "none", "--spec", s.toString());
        assertThat(plan.code()).isEqualTo(2);
        assertThat(plan.err()).startsWith(expected).doesNotContain("\n\tat ");
        assertThat(plan.out()).isEmpty();
        var export = CheckCommandTest.run(new ExportCommand(), "--root", DEBIAN, "--profile", "none", "--spec", s.toString(), "--format", "shell");
        assertThat(export.code()).isEqualTo(2);
        assertThat(export.err()).startsWith(expected);
    }

    @Test
    void anOptionOnTopOfTheSpecIsNamedAsTheOption() throws Exception {
        Path s = spec("name: hello\nexec: /usr/local/bin/hello\nresources:\n  memoryMax: 2G\n");
        var plan = CheckCommandTest.run(new PlanCommand(), "--root", DEBIAN, "--profile", "none", "--spec", s.toString(), "--memory-max", "2g");
        assertThat(plan.code()).isEqualTo(2);
        assertThat(plan.err()).startsWith("golive: --memory-max: \"2g\" is not a memory size");
    }

    @Test
    void applyRefusesAtTheSpecFilesLineAndChangesNothing() throws Exception {
        Path host = dir.resolve("host");
        dev.golive.host.Fixtures.targetTree("debian12-vm", host);
        var tree = dev.golive.apply.TestTree.of(host);
        var before = tree.fingerprint();
        Path s = spec("name: hello\nexec: /usr/local/bin/hello\nuser: hello\ngroup: \"we b\"\n");
        var a = ApplyCommandsTest.golive("apply", "--profile", "none", "--spec", s.toString(), "--yes", "--root", host.toString());
        assertThat(a.exit()).isEqualTo(2);
        assertThat(a.err()).isEqualTo("golive: " + s + ":4:8: group: \"we b\" is not a valid group name\n");
        tree.assertUnchangedSince(before);
    }
}
