package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.host.AdminNamedFiles;
import dev.golive.model.Verification;
import dev.golive.verify.VerifyText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Did the change reach what runs? For the last applied snapshot (or --plan-file), each change with what was "
                + "planned, what is there now and its status: in effect, needs service restart, needs daemon-reload, needs "
                + "daemon-reexec, applies at next boot, drifted, did not reach the process; what the next boot will set; and the "
                + "service's process as it runs (open files, GOMAXPROCS/GOMEMLIMIT/GODEBUG, listen backlogs, AnonHugePages, cgroup limits)."},
        footer = {"", "Exit codes: 0 everything in effect, 1 something is not (or cannot be shown), 2 bad input (no applied snapshot, "
                + "bad plan file), 3 not root on the live host (snapshots and /proc/PID are root's). JSON: docs/verify-json.md."})
public final class VerifyCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--service", paramLabel = "NAME", description = "The service whose process to read (default: the plan's service).")
    String service;

    @Option(names = "--plan-file", paramLabel = "PLAN.json", description = "Verify this plan (as `golive plan --json` writes it) instead of the last applied snapshot.")
    String planFile;

    @Option(names = "--json", description = "Print JSON (docs/verify-json.md).")
    boolean json;

    /** Tests replace this. */
    Function<String, Session> sessions = Session::open;

    @Override public Integer call() {
        String planText = planFile == null ? null : AdminNamedFiles.readText(planFile);
        try (Session s = sessions.apply(common.root)) {
            var plan = Optional.ofNullable(planText).map(t -> s.readPlanFile(planFile, t));
            Verification v = s.verify(Optional.ofNullable(service), plan);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? VerifyText.json(v) : VerifyText.render(v, Output.style(common)));
            out.flush();
            return v.inEffect() ? 0 : 1;
        }
    }
}
