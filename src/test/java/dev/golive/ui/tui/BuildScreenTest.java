package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Build targets: the checklist with the host's own target marked, b builds the checked ones and shows the results. */
class BuildScreenTest {

    private static final String TAB = "7";

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void theChecklistMarksTheHostDefaultAndSaysWhyACaptureCannotBuild(int cols, int rows) {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", cols, rows)) {
            tui.press(TAB);
            tui.matchesGolden("build-debian12-vm-" + cols + "x" + rows);
            assertThat(tui.text()).contains("Build targets", "CGO_ENABLED=0  -trimpath  -ldflags \"-s -w\"",
                    "b is off: the root is a capture", "host default linux/amd64/v3: x86_64 host", "[ ] linux/arm64", "[ ] linux/arm/v7");
        }
    }

    @Test
    void spaceTogglesATargetAndTheHostDefaultStartsChecked() {
        try (TuiDriver tui = TuiDriver.onFixture("arm64-server", 120, 40)) {
            tui.press(TAB);
            assertThat(tui.text()).contains("[x] linux/arm64", "host default linux/arm64: aarch64 host");
            tui.press("space");
            assertThat(tui.text()).contains("[ ] linux/arm64");
            tui.press("j", "space");
            assertThat(tui.text()).contains("[x] linux/amd64/v1");
        }
    }

    @Test
    void bBuildsTheCheckedTargetOnThisMachineAndShowsTheVerifiedBinary(@TempDir Path tmp) throws IOException {
        assumeThat(goOnPath()).as("needs the go toolchain (apt-get install golang-go)").isTrue();
        Path module = tmp.resolve("hello");
        Files.createDirectories(module);
        try (var s = Files.list(Path.of("src/test/resources/gomod/hello"))) {
            for (Path p : (Iterable<Path>) s::iterator) Files.copy(p, module.resolve(p.getFileName()));
        }
        // a target tree is not a capture: golive may build; arm64-server's own target is linux/arm64
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("arm64-server"), false, 120, 40)) {
            typeModule(tui, module.toString());
            assertThat(tui.text()).contains("[x] linux/arm64").doesNotContain("b is off");
            tui.press("b");
            assertThat(tui.app.dialog()).as("no error dialog").isEmpty();
            assertThat(tui.text()).contains("linux/arm64: started", "linux/arm64: ok in ",
                    "hello-linux-arm64", "aarch64, static");
            assertThat(module.resolve("dist/hello-linux-arm64")).isRegularFile();
        }
    }

    @Test
    void aDirectoryWithoutGoModIsReportedInTheErrorDialog(@TempDir Path tmp) {
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("arm64-server"), false, 120, 40)) {
            typeModule(tui, tmp.toString());
            tui.press("b");
            assertThat(tui.app.dialog()).isPresent();
            assertThat(tui.text()).contains("golive: " + tmp + ": not a Go module directory");
        }
    }

    @Test
    void aCompileErrorIsThatTargetsProgressLineAndRow(@TempDir Path tmp) throws IOException {
        assumeThat(goOnPath()).as("needs the go toolchain (apt-get install golang-go)").isTrue();
        Files.writeString(tmp.resolve("go.mod"), "module example.com/broken\n\ngo 1.19\n");
        Files.writeString(tmp.resolve("main.go"), "package main\n\nfunc main() { undefinedThing() }\n");
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("arm64-server"), false, 120, 40)) {
            typeModule(tui, tmp.toString());
            tui.press("b");
            assertThat(tui.app.dialog()).as("a failed compile is a result, not an error").isEmpty();
            assertThat(tui.text()).contains("linux/arm64: failed: ", "undefined: undefinedThing", "built 0 of 1 target(s)");
        }
    }

    private static void typeModule(TuiDriver tui, String dir) {
        tui.press(TAB, "m", "backspace").type(dir).press("enter");
        assertThat(tui.text()).contains("module  " + dir);
    }

    private static boolean goOnPath() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "go"))) return true;
        }
        return false;
    }
}
