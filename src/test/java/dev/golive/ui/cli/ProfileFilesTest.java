package dev.golive.ui.cli;

import dev.golive.app.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What an admin's profile directory may hold besides profiles: a FIFO or socket named
 * *.yaml is skipped with a warning (never opened, so no command hangs), a second YAML
 * document or bytes that are not UTF-8 are one located line and exit 2.
 */
class ProfileFilesTest {

    @TempDir Path tmp;
    Path etc, home;

    private static final String DEBIAN = Path.of("src/test/resources/hosts/debian12-vm").toAbsolutePath().toString();

    @BeforeEach
    void dirs() throws IOException {
        etc = Files.createDirectories(tmp.resolve("etc"));
        home = Files.createDirectories(tmp.resolve("home"));
    }

    private Function<String, Session> sessions() {
        return root -> Session.open(root).profileDirs(List.of(etc.toString(), home.toString()));
    }

    private static void mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0).as("mkfifo " + p).isTrue();
    }

    @Test
    void aFifoNamedLikeAProfileIsSkippedWithAWarningAndNothingHangs() throws Exception {
        mkfifo(etc.resolve("stuck.yaml"));
        Path elsewhere = Files.writeString(tmp.resolve("real.yaml"), "description: linked in\ninclude: base\n");
        Files.createSymbolicLink(home.resolve("linked.yaml"), elsewhere);

        CheckCommandTest.Run list = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> CheckCommandTest.run(new ProfilesCommand(sessions()), "--no-color"));
        assertThat(list.code()).isEqualTo(0);
        assertThat(list.err()).isEqualTo("golive: warning: " + etc.resolve("stuck.yaml") + ": skipped: a FIFO, not a profile file\n");
        assertThat(list.out()).containsPattern("\nlinked +linked in\n").doesNotContain("stuck");

        CheckCommandTest.Run plan = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> CheckCommandTest.run(new PlanCommand(sessions()), "--profile", "linked", "--root", DEBIAN, "--no-color"));
        assertThat(plan.code()).as(plan.err()).isEqualTo(0);
        assertThat(plan.out()).startsWith("Plan ");
    }

    @Test
    void aSecondYamlDocumentIsAnErrorAtItsMarker() throws Exception {
        Path f = Files.writeString(etc.resolve("two.yaml"), "description: first\ninclude: base\n---\nsysctl:\n  vm.swappiness: {value: 1, why: x}\n");
        CheckCommandTest.Run r = CheckCommandTest.run(new PlanCommand(sessions()), "--profile", "two", "--root", DEBIAN);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("golive: " + f + ":3:1: a second YAML document (after \"---\"); a profile is one document\n");
    }

    @Test
    void aLeadingDocumentMarkerIsStillOneDocument() throws Exception {
        Files.writeString(etc.resolve("one.yaml"), "---\ndescription: one\ninclude: base\n");
        CheckCommandTest.Run r = CheckCommandTest.run(new ProfilesCommand(sessions()), "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("one ");
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorAtTheirLineAndColumn() throws Exception {
        Path f = etc.resolve("latin.yaml");
        byte[] head = "include: base\ndescription: caf".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xe9; // é in Latin-1
        body[head.length + 1] = '\n';
        Files.write(f, body);
        CheckCommandTest.Run r = CheckCommandTest.run(new ProfilesCommand(sessions()), "--no-color");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("golive: " + f + ":2:17: not UTF-8 text (byte 0xe9)\n");
    }
}
