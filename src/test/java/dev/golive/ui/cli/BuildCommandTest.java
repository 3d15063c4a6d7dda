package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.build.RealGo;
import dev.golive.host.AccessLog;
import dev.golive.host.CommandResult;
import dev.golive.host.CommandRunner;
import dev.golive.host.DirectoryHostRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** `golive build` as an admin runs it: real Go where the step needs it. */
class BuildCommandTest {

    @TempDir Path work;

    record Run(int exit, String out, String err) { }

    static Run golive(Supplier<BuildCommand.Host> host, String... args) {
        CommandLine cl = Cli.commandLine();
        if (host != null) ((BuildCommand) cl.getSubcommands().get("build").getCommand()).hosts = host;
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void buildsTwoTargetsAndPrintsAVerifiedTable() {
        RealGo.require();
        Path mod = RealGo.copyFixture("hello", work);
        Run r = golive(null, "build", "--module", mod.toString(), "--target", "linux/amd64/v3", "--target", "linux/arm64", "--version", "1.0.0");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("building example.com/hello with go1.")
                .contains("  linux/amd64/v3 …").contains("linux/amd64/v3 ok in ")
                .containsPattern("(?m)^TARGET +OUTPUT +SIZE +TIME +ELF +BUILDINFO$")
                .containsPattern("(?m)^linux/amd64/v3 +\\S*hello-linux-amd64-v3 +\\d+\\.\\d MiB +\\d+\\.\\d s +x86-64, static +go1\\.\\S+ linux/amd64 GOAMD64=v3 cgo=0$")
                .containsPattern("(?m)^linux/arm64 +\\S*hello-linux-arm64 .* aarch64, static +go1\\.\\S+ linux/arm64 cgo=0$");
    }

    /** linux/386 and windows/386 are first-class ports in Go's port policy: golive builds and verifies them. */
    @Test
    void thirtyTwoBitX86TargetsBuildForLinuxAndWindows() {
        RealGo.require();
        Path mod = RealGo.copyFixture("hello", work);
        Run r = golive(null, "build", "--module", mod.toString(), "--target", "linux/386", "--target", "windows/386");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .containsPattern("(?m)^linux/386 +\\S*hello-linux-386 .* i386, static +go1\\.\\S+ linux/386 cgo=0$")
                .containsPattern("(?m)^windows/386 +\\S*hello-windows-386\\.exe .* go1\\.\\S+ windows/386 cgo=0$");
    }

    @Test
    void jsonIsStableAndComplete() throws Exception {
        RealGo.require();
        Path mod = RealGo.copyFixture("hello", work);
        Run r = golive(null, "build", "--module", mod.toString(), "--target", "linux/amd64", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("module").asText()).isEqualTo("example.com/hello");
        assertThat(j.get("ok").asBoolean()).isTrue();
        JsonNode t = j.get("results").get(0);
        assertThat(t.get("target").asText()).isEqualTo("linux/amd64");
        assertThat(t.get("level").isNull()).isTrue();
        assertThat(t.get("output").asText()).isEqualTo(mod.resolve("dist/hello-linux-amd64").toString());
        assertThat(t.get("sizeBytes").asLong()).isGreaterThan(1_000_000);
        assertThat(t.get("elf").asText()).isEqualTo("x86-64, static");
        assertThat(t.get("buildInfo").get("settings").get("CGO_ENABLED").asText()).isEqualTo("0");
        assertThat(t.get("problems")).isEmpty();
        List<String> names = new java.util.ArrayList<>();
        t.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("target", "goos", "goarch", "level", "output", "sizeBytes", "durationMs", "ok",
                "elf", "buildInfoCheck", "buildInfo", "compilerOutput", "problems");
    }

    @Test
    void aCompileErrorShowsTheCompilerAndExits1() {
        RealGo.require();
        Path mod = RealGo.copyFixture("broken", work);
        Run r = golive(null, "build", "--module", mod.toString(), "--target", "linux/amd64");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("linux/amd64 FAILED").contains("./main.go:6:14: cannot use \"not a number\"")
                .contains("linux/amd64: go build failed: # example.com/broken");
    }

    @Test
    void aModuleDirectoryThatDoesNotExistIsOneLineExit2() {
        Path missing = work.resolve("no-such-module");
        Run r = golive(null, "build", "--module", missing.toString(), "--target", "linux/amd64");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: " + missing.toAbsolutePath().normalize() + ": no such directory\n");
    }

    @Test
    void aTargetTheToolchainCannotBuildIsExit2() {
        RealGo.require();
        Path mod = RealGo.copyFixture("hello", work);
        Run r = golive(null, "build", "--module", mod.toString(), "--target", "linux/arm64/v8.2");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).matches("golive: target linux/arm64/v8.2: GOARM64 needs Go 1.23 or later; the toolchain is go1\\.\\d+\\.\\d+\\n");
        assertThat(RealGo.filesUnder(mod)).containsExactly("go.mod", "main.go");
    }

    @Test
    void badTargetTextIsExit2BeforeAnythingRuns() {
        Run r = golive(() -> new BuildCommand.Host(DirectoryHostRoot.live(new AccessLog()), failOnAnyCommand()),
                "build", "--target", "linux");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: bad target \"linux\": expected GOOS/GOARCH[/LEVEL], e.g. linux/amd64, linux/amd64/v3, linux/arm/7, linux/arm64/v8.2\n");
    }

    @Test
    void missingGoIsExit3WithTheInstallHint() {
        Path mod = RealGo.copyFixture("hello", work);
        CommandRunner noGo = new CommandRunner() {
            @Override public CommandResult run(List<String> argv, Duration timeout) { return CommandResult.failed(argv, "not found or not executable"); }
            @Override public boolean startsProcesses() { return true; }
        };
        Run r = golive(() -> new BuildCommand.Host(DirectoryHostRoot.live(new AccessLog()), noGo),
                "build", "--module", mod.toString(), "--target", "linux/amd64");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("golive: go: not found on PATH; install golang-go\n");
    }

    @Test
    void aDirectoryWithoutGoModIsExit2() {
        Run r = golive(() -> new BuildCommand.Host(DirectoryHostRoot.live(new AccessLog()), failOnAnyCommand()),
                "build", "--module", work.toString(), "--target", "linux/amd64");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: " + work + ": not a Go module directory (no go.mod)\n");
    }

    private static CommandRunner failOnAnyCommand() {
        return new CommandRunner() {
            @Override public CommandResult run(List<String> argv, Duration timeout) { throw new AssertionError("unexpected command " + argv); }
            @Override public boolean startsProcesses() { return true; }
        };
    }
}
