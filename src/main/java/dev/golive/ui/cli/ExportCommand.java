package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.export.Playbook;
import dev.golive.export.ShellScript;
import dev.golive.host.AdminNamedFiles;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the plan for a profile as an Ansible playbook or a POSIX shell script that makes the same",
                "changes as `golive apply` (files, live values, systemctl), for hosts golive does not run on.",
                "Both are idempotent and take no snapshot: only golive's own apply can be rolled back."},
        footer = {"", "The playbook takes -e golive_root=DIR, the script GOLIVE_ROOT=DIR: write into a target tree as",
                "`golive apply --root DIR` does, without systemctl.",
                "Exit codes: 0 written, 2 bad input (unknown profile, bad --format), 3 environment."})
public final class ExportCommand implements Callable<Integer> {

    enum Format { ansible, shell }

    @Mixin CommonOptions common;
    @Mixin KernelOption kernel;
    @Spec CommandSpec spec;

    @Option(names = "--format", paramLabel = "ansible|shell", required = true, description = "ansible: a playbook; shell: a POSIX sh script.")
    Format format;

    @Option(names = "--profile", paramLabel = "NAME", required = true, description = "The profile (see `golive profiles`, `golive recommend`).")
    String profile;

    /** The service as `golive unit` and `golive plan` take it. */
    @Mixin ServiceOptions service;

    @Option(names = "--id", paramLabel = "ID", description = "The plan id named in the headers (default: time and a random suffix).")
    String id;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (a script gets mode 0755) instead of standard output.")
    String output;

    private final Function<String, Session> sessions;

    public ExportCommand() { this(Session::open); }

    ExportCommand(Function<String, Session> sessions) { this.sessions = sessions; }

    @Override public Integer call() {
        String planId = id == null ? Session.newPlanId() : id;
        if (!planId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw GoliveException.badInput("--id " + planId + ": use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        Plan plan;
        HostFacts facts;
        try (Session s = sessions.apply(common.root)) {
            s.kernel(kernel.kernel);
            Optional<ServiceOptions.Input> svc = service.buildIfGiven();
            facts = s.inspect();
            plan = s.planFor(profile, svc.map(ServiceOptions.Input::spec), List.of(), planId);
        }
        String host = facts.origin().hostname() == null ? facts.origin().root() : facts.origin().hostname();
        String text = format == Format.ansible ? Playbook.render(plan, host) : ShellScript.render(plan, host);
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(text);
        } else {
            AdminNamedFiles.writeText(output, text, format == Format.shell ? 0755 : 0644);
            out.println("wrote " + output + " (" + format + ", plan " + plan.id() + ": " + plan.files().size() + " file(s), "
                    + plan.live().size() + " live value(s))");
        }
        out.flush();
        return 0;
    }
}
