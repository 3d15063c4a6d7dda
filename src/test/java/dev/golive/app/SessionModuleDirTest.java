package dev.golive.app;

import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module directory a build will use, checked on this machine whatever the root (the TUI's m field). */
class SessionModuleDirTest {

    @Test
    void aDirectoryWithGoModGivesItsModulePathEvenWhenTheRootIsACapture(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("go.mod"), "module example.com/api/v2 // the service\n\ngo 1.22\n");
        try (Session s = Session.open(SessionReviewTest.fixture("debian12-vm").toString())) {
            assertThat(s.checkModuleDir(tmp)).isEqualTo("example.com/api/v2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing directory  | nonexistent | no such directory
            a file             | file.txt    | no such directory
            no go.mod          | empty       | not a Go module directory (no go.mod)
            """)
    void whatIsNotAModuleIsOneLineWithExit2(String what, String name, String problem, @TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(tmp.resolve("file.txt"), "x\n");
        try (Session s = Session.open(SessionReviewTest.fixture("debian12-vm").toString())) {
            assertThatThrownBy(() -> s.checkModuleDir(tmp.resolve(name)))
                    .isInstanceOfSatisfying(GoliveException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                    .hasMessage(tmp.resolve(name) + ": " + problem);
        }
    }
}
