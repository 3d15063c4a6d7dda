package dev.golive.ui.cli;

import dev.golive.app.FleetCapture;
import dev.golive.host.CaptureWants;
import dev.golive.host.AdminNamedFiles;
import dev.golive.model.GoliveException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "assemble", mixinStandardHelpOptions = true,
        description = {"The controller's side of `golive export --format ansible-capture`: the playbook runs it to start a",
                "host's capture, to merge each round it gathered into it and to learn what the next round reads",
                "(printed as JSON), and at the end to list every host whose capture is not complete."},
        footer = {"", "Exit codes: 0 done (--summary: every capture complete), 1 (--summary) a capture is partial or a",
                "host stopped, 2 bad input (a directory not empty, a round that is not the playbook's), 3 environment."})
public final class AssembleCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--into", paramLabel = "DIR", description = "The host's capture: started when --round is not given (DIR must not exist or be empty).")
    Path into;

    @Option(names = "--round", paramLabel = "FILE", description = "A round the playbook gathered, merged into --into (then removed).")
    Path round;

    @Option(names = "--recipe", paramLabel = "FILE", description = "When starting: the recipe the playbook was written with; refused when it is not what this golive reads first.")
    Path recipe;

    @Option(names = "--service", paramLabel = "NAME", description = "The service the capture also covers (NAME or NAME.service), as the export named it.")
    String service;

    @Option(names = "--summary", paramLabel = "DIR", description = "List the captures in DIR: complete, or partial and what each lacks.")
    Path summary;

    @Option(names = "--stopped", paramLabel = "HOST", description = "With --summary: a host Ansible took out of the play (unreachable or failed).")
    List<String> stopped = List.of();

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (summary != null) {
            if (into != null || round != null || recipe != null || service != null) {
                throw GoliveException.badInput("--summary lists captures; --into, --round, --recipe and --service are for one host's capture");
            }
            FleetCapture.Summary s = FleetCapture.summary(summary, stopped);
            s.lines().forEach(out::println);
            out.flush();
            return s.ok() ? 0 : 1;
        }
        if (into == null) throw GoliveException.badInput("give --into DIR (a host's capture) or --summary DIR");
        if (!stopped.isEmpty()) throw GoliveException.badInput("--stopped goes with --summary");
        if (service != null) ExportCommand.checkCaptureService(service);
        FleetCapture.Step step;
        if (round == null) {
            Optional<CaptureWants> r = Optional.ofNullable(recipe).map(p -> CaptureWants.parse(p.toString(), AdminNamedFiles.readText(p.toString())));
            step = FleetCapture.start(into, r, service);
        } else {
            if (recipe != null) throw GoliveException.badInput("--recipe goes with starting a capture, not with --round");
            step = FleetCapture.step(into, Optional.of(round), service);
        }
        out.print(step.toJson());
        out.flush();
        return 0;
    }
}
