package dev.golive.ui.tui;

import dev.golive.build.BuildResult;
import dev.golive.build.BuildSpec;
import dev.golive.build.BuildTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Build targets: the checklist with the host's own target marked, b builds the checked ones and shows the results. */
class BuildScreenTest {

    private static final String TAB = "7";
    /** A Go module in the repository, named relative to it, so screens are the same in every checkout. */
    private static final String HELLO = "src/test/resources/gomod/hello";

    @Test
    void whileTheAdminIsIdleTheBuildScreenIsPreparedAndLooksTheSameWhenOpened() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 80, 24)) {
            String overview = tui.text();
            var offscreen = new Canvas(new com.googlecode.lanterna.graphics.BasicTextImage(80, 24).newTextGraphics(),
                    ThemeLoader.shipped("default"));
            long commands = commands(tui);
            int prepared = 0;
            while (tui.app.idle(offscreen)) prepared++;
            assertThat(prepared).as("only the Build screen says it may be prepared unseen").isEqualTo(1);
            assertThat(commands(tui)).as("preparing runs no command").isEqualTo(commands);
            tui.render();
            assertThat(tui.text()).as("the admin still sees the Overview").isEqualTo(overview);
            tui.press(TAB);
            tui.matchesGolden("build-debian12-vm-80x24");
        }
    }

    private static long commands(TuiDriver tui) {
        return tui.app.model().session().log().entries().stream().filter(e -> e.kind() == dev.golive.host.AccessLog.Kind.COMMAND).count();
    }

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

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void afterABuildEveryResultIsOnTheScreen(int cols, int rows) {
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("arm64-server"), false, cols, rows)) {
            fakeBuilds(tui, Map.of(
                    "linux/arm64", ok("linux/arm64", 1_363_148, 700, "aarch64, static", "go1.19.8 linux/arm64 cgo=0"),
                    "linux/amd64/v3", ok("linux/amd64/v3", 1_468_006, 300, "x86-64, static", "go1.19.8 linux/amd64 GOAMD64=v3 cgo=0")));
            typeModule(tui, HELLO);
            tui.press("j", "j", "j", "space", "b");
            tui.matchesGolden("build-results-arm64-server-" + cols + "x" + rows);
            assertThat(tui.text()).contains("2 of 2 target(s) built and verified, into " + HELLO + "/dist/",
                    "linux/arm64", "hello-linux-arm64", "1.3 MiB", "0.7 s", "aarch64, static", "go1.19.8 linux/arm64 cgo=0",
                    "linux/amd64/v3", "hello-linux-amd64-v3", "1.4 MiB", "0.3 s", "x86-64, static", "go1.19.8 linux/amd64 GOAMD64=v3 cgo=0");
            assertThat(footer(tui)).as("the results fit: nothing to scroll").doesNotContain("J scroll");
        }
    }

    @Test
    void at80x24TheResultsOfEveryTargetAndEveryCompilerLineAreReachableWithJ() {
        List<String> compiler = IntStream.rangeClosed(1, 12).mapToObj(i -> "./main.go:" + i + ":2: undefined: thing" + i).toList();
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("arm64-server"), false, 80, 24)) {
            fakeBuilds(tui, Map.of(
                    "linux/arm64", ok("linux/arm64", 1_363_148, 700, "aarch64, static", "go1.19.8 linux/arm64 cgo=0"),
                    "linux/amd64/v1", ok("linux/amd64/v1", 1_468_006, 310, "x86-64, static", "go1.19.8 linux/amd64 GOAMD64=v1 cgo=0"),
                    "linux/amd64/v2", ok("linux/amd64/v2", 1_468_007, 320, "x86-64, static", "go1.19.8 linux/amd64 GOAMD64=v2 cgo=0"),
                    "linux/amd64/v3", ok("linux/amd64/v3", 1_468_008, 330, "x86-64, static", "go1.19.8 linux/amd64 GOAMD64=v3 cgo=0"),
                    "linux/arm/v7", new BuildResult(BuildTarget.parse("linux/arm/v7"), Path.of(HELLO, "dist/hello-linux-arm-v7"), 0,
                            Duration.ofMillis(400), "-", "-", Optional.empty(), compiler, List.of("go build failed: " + compiler.get(0)))));
            typeModule(tui, HELLO);
            for (int i = 0; i < 4; i++) tui.press("j", "space");
            tui.press("b");
            tui.matchesGolden("build-results-five-targets-80x24");
            assertThat(footer(tui)).as("J is offered once the results are taller than their pane").contains(" J scroll ");
            assertThat(tui.text()).contains("lines 1-");

            StringBuilder seen = new StringBuilder(tui.text());
            for (int i = 0; i < 40; i++) seen.append(tui.press("J").text());
            assertThat(seen.toString()).contains(
                    "linux/arm64", "1.3 MiB", "0.7 s", "ELF aarch64, static · build info go1.19.8 linux/arm64 cgo=0",
                    "linux/amd64/v1", "0.3 s", "ELF x86-64, static · build info go1.19.8 linux/amd64 GOAMD64=v1 cgo=0",
                    "linux/amd64/v2", "ELF x86-64, static · build info go1.19.8 linux/amd64 GOAMD64=v2 cgo=0",
                    "linux/amd64/v3", "ELF x86-64, static · build info go1.19.8 linux/amd64 GOAMD64=v3 cgo=0",
                    "linux/arm/v7", "(not built)", "0.4 s", "go build failed: ./main.go:1:2: undefined: thing1",
                    "./main.go:12:2: undefined: thing12");
            assertThat(tui.text()).as("J stops at the last line; the table header stays").contains("./main.go:12:2: undefined: thing12", "TARGET  ")
                    .doesNotContain("linux/arm64     hello-linux-arm64");
            for (int i = 0; i < 40; i++) tui.press("K");
            assertThat(tui.text()).contains("TARGET", "lines 1-");
            assertThat(footer(tui)).as("the footer fits in 80 columns").endsWith(" q back/quit");
        }
    }

    @Test
    void theFooterHoldsEveryHintIn80ColumnsAndOffersNoFilter() {
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("arm64-server"), false, 80, 24)) {
            typeModule(tui, HELLO);
            assertThat(footer(tui)).isEqualTo(" space toggle  b build  m module dir  tab next  ? help  q back/quit");
            tui.press("/");
            assertThat(tui.row(22)).as("a filter could hide a checked target from the build").isEqualTo("filter: no list on this screen");
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
    void typingInTheModuleFieldReplacesTheValueAndEnterChecksIt(@TempDir Path tmp) throws IOException {
        Path one = goModule(tmp.resolve("one"), "example.com/one");
        goModule(tmp.resolve("two"), "example.com/two");
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("arm64-server"), false, 80, 24)) {
            tui.press(TAB, "m");
            assertThat(footer(tui)).as("while typing, only the field's own keys").isEqualTo(" enter done  esc cancel  ctrl-u clear  ctrl-c quit");
            tui.type(one.toString());
            assertThat(moduleRow(tui)).as("typing replaced the prefilled \".\"").startsWith(" module  " + one + "_");
            tui.press("enter");
            assertThat(moduleRow(tui)).isEqualTo(" module  " + one + "  (Go module example.com/one)");
            assertThat(tui.text()).contains("output  dist/one-GOOS-GOARCH[-LEVEL] in the module dir").doesNotContain("b is off");

            tui.press("m", "backspace", "backspace", "backspace").type("two").press("enter");
            assertThat(moduleRow(tui)).as("backspace edits the old value").isEqualTo(" module  " + tmp.resolve("two") + "  (Go module example.com/two)");

            tui.press("m", "ctrl-u").type(one.toString()).press("enter");
            assertThat(moduleRow(tui)).as("ctrl-u cleared the field").startsWith(" module  " + one + "  ");

            tui.press("m").type("/elsewhere").press("esc");
            assertThat(moduleRow(tui)).as("esc keeps the old value").startsWith(" module  " + one + "  ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a directory that does not exist | nonexistent | no such directory
            a directory without go.mod      | empty       | not a Go module directory (no go.mod)
            a file, not a directory         | file.txt    | no such directory
            """)
    void aBadModuleDirIsRefusedOnEnterAndTheOldValueKept(String what, String name, String problem, @TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(tmp.resolve("file.txt"), "not a module\n");
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("arm64-server"), false, 80, 24)) {
            typeModule(tui, HELLO);
            tui.press("m").type(tmp.resolve(name).toString()).press("enter");
            assertThat(tui.app.dialog()).as("a status line, not a dialog").isEmpty();
            assertThat(tui.row(22)).as("what is wrong comes first, cut with an ellipsis at the edge")
                    .startsWith(tmp.resolve(name) + ": " + problem + ";").hasSizeLessThanOrEqualTo(79);
            assertThat(moduleRow(tui)).isEqualTo(" module  " + HELLO + "  (Go module example.com/hello)");
            assertThat(tui.text()).as("b still builds the old module").doesNotContain("b is off");
        }
    }

    @Test
    void whenGoliveRunsOutsideAGoModuleBIsOffBeforeItIsPressed() {
        assumeThat(Path.of("go.mod")).as("the repository root is not a Go module").doesNotExist();
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("arm64-server"), false, 80, 24)) {
            tui.press(TAB);
            assertThat(tui.text()).contains(" module  .  (the current directory; m changes it)",
                    " b is off: module dir .: not a Go module directory (no go.mod)\n");
            tui.press("b");
            assertThat(tui.app.dialog()).isEmpty();
            assertThat(tui.row(22)).startsWith("build: ");
        }
    }

    /** The one real build in this class: hello for arm64 with the go on this machine, at 80x24. */
    @Test
    void bBuildsTheCheckedTargetOnThisMachineAndShowsTheVerifiedBinary(@TempDir Path tmp) throws IOException {
        assumeThat(goOnPath()).as("needs the go toolchain (apt-get install golang-go)").isTrue();
        Path module = tmp.resolve("hello");
        Files.createDirectories(module);
        try (var s = Files.list(Path.of(HELLO))) {
            for (Path p : (Iterable<Path>) s::iterator) Files.copy(p, module.resolve(p.getFileName()));
        }
        // a target tree is not a capture: golive may build; arm64-server's own target is linux/arm64
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("arm64-server"), false, 80, 24)) {
            typeModule(tui, module.toString());
            assertThat(tui.text()).contains("[x] linux/arm64").doesNotContain("b is off");
            tui.press("b");
            assertThat(tui.app.dialog()).as("no error dialog").isEmpty();
            assertThat(tui.text()).contains("1 of 1 target(s) built and verified", "linux/arm64", "hello-linux-arm64", " MiB",
                    "ELF aarch64, static · build info go1.", " linux/arm64 cgo=0");
            assertThat(module.resolve("dist/hello-linux-arm64")).isRegularFile();
        }
    }

    @Test
    void aCompileErrorIsThatTargetsRowWithTheCompilerOutput(@TempDir Path tmp) throws IOException {
        assumeThat(goOnPath()).as("needs the go toolchain (apt-get install golang-go)").isTrue();
        goModule(tmp, "example.com/broken");
        Files.writeString(tmp.resolve("main.go"), "package main\n\nfunc main() { undefinedThing() }\n");
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("arm64-server"), false, 120, 40)) {
            typeModule(tui, tmp.toString());
            tui.press("b");
            assertThat(tui.app.dialog()).as("a failed compile is a result, not an error").isEmpty();
            assertThat(tui.text()).contains("0 of 1 target(s) built", "linux/arm64", "(not built)", "go build failed: ",
                    "undefined: undefinedThing", "built 0 of 1 target(s)");
        }
    }

    // ---- steps and fakes ------------------------------------------------------------------

    private static void typeModule(TuiDriver tui, String dir) {
        tui.press(TAB, "m").type(dir).press("enter");
        assertThat(tui.text()).contains("module  " + dir);
    }

    private static String moduleRow(TuiDriver tui) { return tui.row(3); }

    private static String footer(TuiDriver tui) {
        String[] rows = tui.text().split("\n", -1);
        return rows[rows.length - 2];
    }

    private static Path goModule(Path dir, String module) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("go.mod"), "module " + module + "\n\ngo 1.19\n");
        return dir;
    }

    /** A verified binary of the hello module, as the build layer reports one. */
    private static BuildResult ok(String target, long size, long millis, String elf, String info) {
        BuildTarget t = BuildTarget.parse(target);
        return new BuildResult(t, Path.of(HELLO, "dist", BuildSpec.fileName("hello", t)), size, Duration.ofMillis(millis),
                elf, info, Optional.empty(), List.of(), List.of());
    }

    /** b reports these results (and the progress a real build reports) instead of running go. */
    private static void fakeBuilds(TuiDriver tui, Map<String, BuildResult> byTarget) {
        ((BuildView) tui.app.tabs().get(6)).builder((dir, targets, listener) -> {
            assertThat(dir).isEqualTo(Path.of(HELLO));
            List<BuildResult> out = new ArrayList<>();
            for (BuildTarget t : targets) {
                listener.started(t);
                BuildResult r = byTarget.get(t.text());
                assertThat(r).as("a fake result for %s", t.text()).isNotNull();
                out.add(r);
                listener.finished(r);
            }
            return out;
        });
    }

    private static boolean goOnPath() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "go"))) return true;
        }
        return false;
    }
}
