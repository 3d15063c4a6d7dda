package dev.golive.scripts;

import dev.golive.host.AccessLog;
import dev.golive.host.CommandResult;
import dev.golive.host.ProcessCommandRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/golive builds again exactly when what the jar is built from changed in content
 * (scripts/lib/inputs.sh): not when a file is only touched, but also when an edit carries an
 * older mtime than the jar (a `git checkout` of older files, a clock set back), which the
 * mtime rule it replaced missed. Run on a small tree of the same shape with a stand-in jar.
 */
class GoliveStalenessTest {

    @TempDir Path tree;

    static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @BeforeEach
    void aBuiltTree() throws IOException {
        write("src/main/java/App.java", "class App {}\n");
        write("profiles/web-api.yaml", "name: web-api\n");
        write("themes/dark.yaml", "name: dark\n");
        write("pom.xml", "<project/>\n");
        write("target/golive.jar", "jar");
        assertThat(stale()).as("a jar built outside the script (mvn package), no input newer: taken, and stamped").isEqualTo("fresh");
        assertThat(tree.resolve("target/golive.inputs")).exists();
    }

    @Test
    void anUnchangedTreeIsFresh() throws IOException {
        assertThat(stale()).isEqualTo("fresh");
    }

    @Test
    void aTouchedFileWithTheSameContentIsFresh() throws IOException {
        Files.setLastModifiedTime(tree.resolve("src/main/java/App.java"), FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(stale()).isEqualTo("fresh");
        assertThat(stale()).as("the listing was refreshed").isEqualTo("fresh");
    }

    @Test
    void anEditWithAnOlderMtimeThanTheJarIsStale() throws IOException {
        write("src/main/java/App.java", "class App { int changed; }\n");
        Files.setLastModifiedTime(tree.resolve("src/main/java/App.java"), FileTime.from(LONG_AGO));
        assertThat(stale()).isEqualTo("stale");
    }

    @Test
    void aNewOrRemovedInputIsStale() throws IOException {
        write("profiles/batch.yaml", "name: batch\n");
        assertThat(stale()).isEqualTo("stale");
        Files.delete(tree.resolve("profiles/batch.yaml"));
        assertThat(stale()).as("back to what the jar was built from").isEqualTo("fresh");
        Files.delete(tree.resolve("themes/dark.yaml"));
        assertThat(stale()).isEqualTo("stale");
    }

    @Test
    void noJarIsStale() throws IOException {
        Files.delete(tree.resolve("target/golive.jar"));
        assertThat(stale()).isEqualTo("stale");
    }

    private void write(String rel, String text) throws IOException {
        Path p = tree.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** "stale" or "fresh", as scripts/golive decides before it starts the JVM. */
    private String stale() {
        Path lib = Path.of("scripts/lib/inputs.sh").toAbsolutePath();
        CommandResult r = new ProcessCommandRunner(new AccessLog()).run(List.of("bash", "-c",
                "set -euo pipefail; here=\"$1\"; jar=\"$here/target/golive.jar\"; . \"$2\"; if stale; then echo stale; else echo fresh; fi",
                "_", tree.toString(), lib.toString()), Duration.ofSeconds(30));
        assertThat(r.ok()).as(r.stderr()).isTrue();
        return r.stdout().strip();
    }
}
