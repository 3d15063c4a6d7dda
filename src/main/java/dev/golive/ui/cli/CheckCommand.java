package dev.golive.ui.cli;

import dev.golive.check.CheckReport;
import dev.golive.check.Checker;
import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.Severity;
import dev.golive.report.CheckJson;
import dev.golive.report.CheckText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the host (and optionally one service) against golive's rules: findings by severity,",
                "each with its ID, what was found where, and the fix. `golive explain ID` tells why."},
        footer = {"", "--manifest FILE|DIR checks Dockerfiles and Kubernetes YAML instead of a host (with --go-mod for the Go release).",
                "Exit 1 when a finding is at or above --fail-on (default: error), 0 otherwise; 2 for malformed input."})
public final class CheckCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Mixin KernelOption kernel;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print stable JSON (schema in docs/check-json.md).")
    boolean json;

    @Option(names = "--fail-on", paramLabel = "info|warn|error", defaultValue = "error",
            description = "Exit 1 when a finding is at or above this severity (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--service", paramLabel = "NAME", description = "Also check this service (its unit, environment, binary, cgroup).")
    String service;

    @Option(names = "--go-mod", paramLabel = "DIR", description = "The service's Go module directory (its go.mod's go line decides Go 1.25's GOMAXPROCS default).")
    String goModDir;

    @Option(names = "--manifest", paramLabel = "FILE|DIR", description = "Check a Dockerfile or Kubernetes YAML (or every one in DIR) instead of the host.")
    String manifest;

    private final FactsSource source;

    public CheckCommand() { this(FactsSource.session()); }

    CheckCommand(FactsSource source) { this.source = source; }

    @Override public Integer call() {
        Severity threshold = Severity.parse(failOn)
                .orElseThrow(() -> GoliveException.badInput("--fail-on " + failOn + ": expected info, warn or error"));
        if (manifest != null) return manifests(threshold);
        if (goModDir != null && service == null) throw GoliveException.badInput("--go-mod needs --service NAME");
        String unit = service == null ? null : dev.golive.app.Session.serviceUnit(service);
        HostFacts facts = source.facts(common.root, unit, goModDir, kernel.kernel);
        CheckReport report = Checker.run(facts);
        var out = spec.commandLine().getOut();
        if (json) {
            out.print(CheckJson.render(report, facts.origin(), threshold));
        } else {
            String label = facts.origin().hostname() == null ? facts.origin().root()
                    : facts.origin().hostname() + " (" + facts.origin().root() + ")";
            if (!facts.sysctls().kernel().running()) label += " · sysctl keys checked against " + facts.sysctls().kernel().describe();
            out.print(CheckText.render(report, label, Output.style(common)));
        }
        out.flush();
        return report.failsAt(threshold) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    private int manifests(Severity threshold) {
        if (service != null) throw GoliveException.badInput("--service checks a host's service; --manifest checks files: give one of them");
        if (common.root != null) throw GoliveException.badInput("--manifest reads files, not a host: drop --root");
        if (kernel.kernel != null) throw GoliveException.badInput("--manifest reads files, not a host: drop --kernel");
        var go = java.util.Optional.ofNullable(goModDir).map(java.nio.file.Path::of).map(dev.golive.unit.SpecInputs::goModGo);
        CheckReport report = dev.golive.app.Session.checkManifests(manifest, go);
        var out = spec.commandLine().getOut();
        if (json) {
            out.print(CheckJson.render(report, new dev.golive.model.CaptureInfo(manifest, false, null, null), threshold));
        } else {
            out.print(CheckText.render(report, manifest, Output.style(common)));
        }
        out.flush();
        return report.failsAt(threshold) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }
}
