package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.model.GoliveException;
import dev.golive.report.Fleet;
import dev.golive.report.FleetFormat;
import dev.golive.report.Review;
import dev.golive.report.ReviewFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"A pre-go-live review of the host (or a capture, with --root): host summary, findings with",
                "why and how to fix them, the recommended profile's plan, the service unit and its exposure",
                "score, the snapshot history. Markdown, one self-contained HTML file, or JSON (docs/report-json.md)."},
        footer = {"", "--manifest FILE|DIR reviews Dockerfiles and Kubernetes YAML instead of a host: the findings of",
                "`golive check --manifest` with why, fix and sources (with --go-mod for the Go release).",
                "", "--fleet DIR reviews many hosts side by side: DIR holds one capture (directory or .tar.gz) per host,",
                "named by host. A matrix of hosts x findings (worst first), and for every value that differs the groups",
                "of hosts sharing each value with the outliers named (docs/fleet.md). Text by default, or md, html, json;",
                "volatile facts are left out unless --include-volatile. An entry that is not a readable capture is listed."})
public final class ReportCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--format", paramLabel = "md|html|json",
            description = "Output format (default: from the -o file name's extension, else md; with --fleet also text, the default there).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output (- is standard output).")
    Path output;

    @Option(names = "--service", paramLabel = "NAME", description = "Also review this service's unit (app or app.service).")
    String service;

    @Option(names = "--manifest", paramLabel = "FILE|DIR", description = "Review a Dockerfile or Kubernetes YAML (or every one in DIR) instead of the host.")
    String manifest;

    @Option(names = "--go-mod", paramLabel = "DIR", description = "With --manifest: the service's Go module (its go.mod's go line decides Go 1.25's GOMAXPROCS default).")
    String goModDir;

    @Option(names = "--fleet", paramLabel = "DIR", description = "Review every capture in DIR (one per host, named by host) side by side.")
    String fleet;

    @Mixin FleetFilterOptions compare;

    @Override public Integer call() {
        // "-o -" is standard output, as for most Unix tools, not a file named "-"
        if (output != null && output.toString().equals("-")) output = null;
        if (fleet != null) return fleet();
        if (compare.given()) throw GoliveException.badInput("--include-volatile and --ignore go with --fleet DIR: a single host's report compares nothing");
        ReviewFormat fmt = format != null
                ? ReviewFormat.parse(format).orElseThrow(() -> GoliveException.badInput("--format " + format + ": expected md, html or json"))
                : output == null ? ReviewFormat.MD : ReviewFormat.fromFileName(output.getFileName().toString()).orElse(ReviewFormat.MD);
        if (manifest != null) return manifests(fmt);
        if (goModDir != null) throw GoliveException.badInput("--go-mod goes with --manifest: a host's report reads the service's unit");
        try (Session s = Session.open(common.root)) {
            if (output == null) {
                Review r = s.review(service, Instant.now().truncatedTo(ChronoUnit.SECONDS), Session.goliveVersion());
                var out = spec.commandLine().getOut();
                out.print(fmt.render(r));
                out.flush();
            } else {
                s.saveReport(output, fmt, service);
                spec.commandLine().getOut().println("wrote the " + fmt.label() + " report to " + output);
                spec.commandLine().getOut().flush();
            }
        }
        return 0;
    }

    private int fleet() {
        if (common.root != null) throw GoliveException.badInput("--fleet DIR names the captures; drop --root");
        if (manifest != null) throw GoliveException.badInput("--fleet reviews hosts, --manifest reviews files: give one of them");
        if (goModDir != null) throw GoliveException.badInput("--go-mod goes with --manifest: a fleet's report reads each host's service unit");
        FleetFormat fmt = format != null
                ? FleetFormat.parse(format).orElseThrow(() -> GoliveException.badInput("--format " + format + ": expected text, md, html or json"))
                : output == null ? FleetFormat.TEXT : FleetFormat.fromFileName(output.getFileName().toString()).orElse(FleetFormat.TEXT);
        Fleet f = Session.fleet(fleet, service, compare.filter());
        var out = spec.commandLine().getOut();
        if (output == null) {
            out.print(fmt.render(f, Output.style(common)));
        } else {
            Session.saveFleetReport(output, fmt, f);
            out.println("wrote the " + fmt.label() + " fleet report of " + f.hosts().size() + " hosts to " + output);
        }
        out.flush();
        return 0;
    }

    private int manifests(ReviewFormat fmt) {
        if (service != null) throw GoliveException.badInput("--service reviews a host's service; --manifest reviews files: give one of them");
        if (common.root != null) throw GoliveException.badInput("--manifest reads files, not a host: drop --root");
        var go = java.util.Optional.ofNullable(goModDir).map(Path::of).map(dev.golive.unit.SpecInputs::goModGo);
        var out = spec.commandLine().getOut();
        if (output == null) {
            out.print(fmt.render(Session.manifestReview(manifest, go)));
        } else {
            Session.saveManifestReport(output, fmt, manifest, go);
            out.println("wrote the " + fmt.label() + " report to " + output);
        }
        out.flush();
        return 0;
    }
}
