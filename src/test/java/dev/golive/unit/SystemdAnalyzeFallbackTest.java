package dev.golive.unit;

import dev.golive.host.CommandResult;
import dev.golive.host.CommandRunner;
import dev.golive.host.ProcessCommandRunner;
import dev.golive.model.Fact;
import dev.golive.model.GoBuildInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Where systemd-analyze is missing or too old golive says so; it never makes a score up. The parser reads both glyph sets. */
class SystemdAnalyzeFallbackTest {

    /** Answers by subcommand (the scratch path in argv is random); fails on anything else. */
    static final class ScriptedRunner implements CommandRunner {
        final Function<List<String>, CommandResult> answer;
        final List<List<String>> ran = new ArrayList<>();

        ScriptedRunner(Function<List<String>, CommandResult> answer) { this.answer = answer; }

        @Override public CommandResult run(List<String> argv, Duration timeout) {
            ran.add(argv);
            CommandResult r = answer.apply(argv);
            if (r == null) throw new AssertionError("unexpected command: " + argv);
            return r;
        }

        @Override public boolean startsProcesses() { return true; }
    }

    static CommandResult out(List<String> argv, int exit, String stdout, String stderr) {
        return new CommandResult(argv, exit, stdout, stderr, Duration.ofMillis(1), Optional.empty());
    }

    static RenderedUnit unit() {
        var f = UnitHosts.debian12();
        var spec = Specs.app().build();
        return UnitRenderer.render(f, spec, GoRuntimeDerivation.derive(spec,
                new GoRuntimeDerivation.Inputs(Fact.<GoBuildInfo>unknown("x"), Optional.empty(), f.cpu(), f.memory())), CurrentUnitFiles.none("app.service"), "t");
    }

    @Test
    void notInstalledMeansUnknownWithTheReason() {
        ScriptedRunner r = new ScriptedRunner(argv -> CommandResult.failed(argv, ProcessCommandRunner.NOT_FOUND));
        UnitAnalysis a = new SystemdAnalyze(r).analyze(unit());
        assertThat(a.security()).isEqualTo(Fact.unknown("systemd-analyze is not installed on this machine (Debian: apt-get install systemd)"));
        assertThat(a.verify().known()).isFalse();
        assertThat(r.ran).hasSize(1);
    }

    @Test
    void systemd245VerifiesButHasNoOfflineScore() {
        ScriptedRunner r = new ScriptedRunner(argv -> switch (argv.get(1)) {
            case "--version" -> out(argv, 0, "systemd 245 (245.4-4ubuntu3.22)\n+PAM +AUDIT\n", "");
            case "verify" -> out(argv, 0, "", argv.get(argv.size() - 1) + ":14: Unknown key 'Foo' in section [Service], ignoring.\n");
            default -> null;
        });
        UnitAnalysis a = new SystemdAnalyze(r).analyze(unit());
        assertThat(a.version().opt()).contains(245);
        assertThat(a.security()).isEqualTo(Fact.unknown("systemd-analyze 245 has no security --offline (needs systemd 250); no exposure score"));
        assertThat(a.verify().opt().orElseThrow()).extracting(UnitAnalysis.VerifyMessage::describe)
                .containsExactly("/etc/systemd/system/app.service:14: Unknown key 'Foo' in section [Service], ignoring. [exec]");
        assertThat(r.ran).noneMatch(argv -> argv.contains("security"));
    }

    @Test
    void aCaptureRunnerStartsNothing() {
        CommandRunner capture = new CommandRunner() {
            @Override public CommandResult run(List<String> argv, Duration timeout) { throw new AssertionError("ran " + argv); }
            @Override public boolean startsProcesses() { return false; }
        };
        assertThat(new SystemdAnalyze(capture).analyze(unit()).security().known()).isFalse();
    }

    @Test
    void theTableParsesInUtf8AndInTheAsciiFallback() {
        String utf8 = """
                  NAME                                                        DESCRIPTION                                                             EXPOSURE
                ✗ RootDirectory=/RootImage=                                   Service runs within the host's root directory                                0.1
                  SupplementaryGroups=                                        Service runs as root, option does not matter
                ✓ NoNewPrivileges=                                            Service processes cannot acquire new privileges
                ✗ CapabilityBoundingSet=~CAP_(DAC_*|FOWNER|IPC_OWNER)         Service may override UNIX file/IPC permission checks                         0.2

                → Overall exposure level for demo.service: 9.2 UNSAFE 😨
                """;
        String ascii = utf8.replace('✗', '-').replace('✓', '+').replace("→", "->").replace("😨", ":-{");
        for (String text : List.of(utf8, ascii)) {
            UnitAnalysis.Security s = SystemdAnalyze.parseSecurity(text).orElseThrow();
            assertThat(s.exposure()).isEqualTo(9.2);
            assertThat(s.rating()).isEqualTo("UNSAFE");
            assertThat(s.items()).containsExactly(
                    new UnitAnalysis.SecurityItem(Optional.of(false), "RootDirectory=/RootImage=", "Service runs within the host's root directory", Optional.of(0.1)),
                    new UnitAnalysis.SecurityItem(Optional.empty(), "SupplementaryGroups=", "Service runs as root, option does not matter", Optional.empty()),
                    new UnitAnalysis.SecurityItem(Optional.of(true), "NoNewPrivileges=", "Service processes cannot acquire new privileges", Optional.empty()),
                    new UnitAnalysis.SecurityItem(Optional.of(false), "CapabilityBoundingSet=~CAP_(DAC_*|FOWNER|IPC_OWNER)",
                            "Service may override UNIX file/IPC permission checks", Optional.of(0.2)));
        }
        assertThat(SystemdAnalyze.parseSecurity("Failed to load unit\n")).isEmpty();
    }
}
