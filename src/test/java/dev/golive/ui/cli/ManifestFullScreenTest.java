package dev.golive.ui.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.golive.ui.cli.ExportCommandTest.host;
import static org.assertj.core.api.Assertions.assertThat;

/** `golive --manifest FILE|DIR` as typed at a shell, where the test has no terminal. */
class ManifestFullScreenTest {

    @TempDir Path tmp;

    record Out(int code, String out, String err) { }

    /** golive as typed at a shell, stdout and stderr captured (no terminal: System.console() is null here). */
    static Out golive(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Cli.run(args);
            return new Out(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aManifestThatDoesNotParseIsOneLineWithItsPositionBeforeAnyScreen() throws Exception {
        Path bad = tmp.resolve("web.yaml");
        Files.writeString(bad, "apiVersion: v1\nkind: Pod\nspec: [\n");
        Out r = golive("--manifest", bad.toString(), "--root", host("debian12-vm"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1).first().asString().startsWith("golive: " + bad + ":");
        assertThat(r.err()).doesNotContain("guide");
    }

    @Test
    void withoutATerminalTheContainerFindingsComeAsCheckManifestPrintsThem() {
        Out r = golive("--manifest", "src/test/resources/manifests/traps", "--root", host("debian12-vm"));
        assertThat(r.err()).startsWith("golive: the full-screen UI needs a terminal")
                .contains("checking --manifest on plain lines instead (golive check --manifest)");
        assertThat(r.out()).contains("DOCKERFILE-CGO-BINARY-ON-MUSL", "src/test/resources/manifests/traps/Dockerfile:");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void anEmptyManifestIsRefused() {
        Out r = golive("--manifest=", "--root", host("debian12-vm"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("golive: --manifest is empty");
    }
}
