package dev.golive.ui.cli;

import dev.golive.apply.ApplyResult;
import dev.golive.app.Session;
import dev.golive.host.AdminNamedFiles;
import dev.golive.model.GoliveException;
import dev.golive.model.FinishPlan;
import dev.golive.model.Plan;
import dev.golive.plan.FinishPlanner;
import dev.golive.plan.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply a plan: snapshot first (/var/lib/golive/snapshots/ID), then the files, live values and systemctl daemon-reload; verify; roll back by itself if anything fails."},
        footer = {"", "With --root DIR everything goes into the tree DIR (live values into DIR/proc/sys and DIR/sys files, snapshots into DIR/var/lib/golive/snapshots) and systemctl is not run. Exit codes: 0 applied, 2 bad plan or no terminal to confirm on, 3 not root / host locked / plan stale, 4 apply failed and was rolled back, 5 the rollback failed too (run golive recover)."})
public final class ApplyCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Mixin KernelOption kernel;
    @Spec CommandSpec spec;

    @Option(names = "--plan-file", paramLabel = "PLAN.json",
            description = "The plan to apply, as `golive plan --json` writes it (reviewed before, applied exactly).")
    String planFile;

    @Option(names = "--profile", paramLabel = "NAME", description = "Plan for this profile now and apply that (see `golive plan`).")
    String profile;

    /** With --profile: the service as `golive unit` and `golive plan` take it. */
    @Mixin ServiceOptions service;

    @Option(names = "--tighten", description = "Also add sandboxing, a task limit and restart changes to a unit golive did not write "
            + "(never to a container runtime, never replacing Restart=always); see docs/unit.md.")
    boolean tighten;

    @Option(names = "--yes", description = "Do not ask; apply at once (for scripts).")
    boolean yes;

    @Option(names = "--restart", description = "Also run the restarts the plan proposes (systemctl restart UNIT).")
    boolean restart;

    @Option(names = "--finish", description = "Also finish the service, in the same snapshot: create its system user and group when "
            + "missing, install --binary, create the directories systemd will not, enable and start a new unit or restart a running one; "
            + "then check its health (docs/snapshots.md, \"Finishing a service\").")
    boolean finish;

    @Option(names = "--binary", paramLabel = "FILE", description = "With --finish: the binary to install as the unit's ExecStart program "
            + "(0755 root:root, atomically; the one it replaces is kept in the snapshot).")
    String binary;

    @Option(names = "--health-url", paramLabel = "URL", description = "With --finish: an http:// URL that must answer 2xx or 3xx once the service runs.")
    String healthUrl;

    @Option(names = "--timing", hidden = true, description = "Print the apply's wall and CPU time to stderr (for scripts/bench).")
    boolean timing;

    /** The service as asked (its ports are what the health step checks). */
    private Optional<dev.golive.model.ServiceSpec> svcSpec = Optional.empty();

    /** The exit status after a Ctrl-C held until the apply ended. */
    static final int INTERRUPTED = 130;

    /** Tests replace these. */
    Confirm confirm = Confirm.terminal();
    Function<String, Session> sessions = Session::open;

    @Override public Integer call() {
        try (Session s = sessions.apply(common.root)) {
            s.requireWritable();
            if (kernel.kernel != null && planFile != null) throw GoliveException.badInput("--kernel goes with --profile; a plan file was checked when it was made");
            s.kernel(kernel.kernel);
            if (!finish && (binary != null || healthUrl != null)) throw GoliveException.badInput("--binary and --health-url go with --finish");
            if (finish && restart) throw GoliveException.badInput("--finish restarts or starts the service itself; leave out --restart");
            Plan plan = plan(s);
            PrintWriter out = spec.commandLine().getOut();
            Optional<FinishPlan> fin = finish ? Optional.of(s.finishPlan(plan, Optional.ofNullable(binary),
                    svcSpec.map(sp -> sp.ports()).orElse(List.of()), Optional.ofNullable(healthUrl).map(ApplyCommand::checkUrl)
                            .or(() -> svcSpec.flatMap(dev.golive.model.ServiceSpec::healthUrl)))) : Optional.empty();
            if (plan.isEmpty() && plan.actions().isEmpty() && fin.map(FinishPlan::isEmpty).orElse(true)) {
                out.println("nothing to apply: the host is already as plan " + plan.id() + " asks");
                out.flush();
                return 0;
            }
            if (!yes) {
                out.print(Preview.render(plan, s.describeRoot(), Output.style(common)));
                fin.ifPresent(f -> {
                    out.println("Finish " + f.unit() + ":");
                    FinishPlanner.describe(f).forEach(l -> out.println("  " + l));
                });
                out.flush();
            }
            String question = "Apply plan " + plan.id() + " (" + plan.files().size() + " files, " + plan.live().size()
                    + " live values" + fin.map(f -> ", " + f.steps().size() + " steps to finish " + f.unit()).orElse("") + ") to " + s.describeRoot() + "?";
            if (!Confirm.confirmed(confirm, yes, question)) {
                out.println("not applied; nothing was changed");
                out.flush();
                return 0;
            }
            Timing t = Timing.start(timing);
            ApplyResult r;
            boolean interrupted;
            try (InterruptDeferred held = InterruptDeferred.hold(spec.commandLine().getErr())) {
                r = fin.isPresent() ? s.applyAndFinish(plan, fin.get(), l -> { }) : s.apply(plan, restart);
                interrupted = held.interrupted();
            }
            t.report(spec.commandLine().getErr(), "apply");
            r.lines().forEach(l -> out.println("  " + l));
            // an image tree: nothing was set live; say what its first boot gets and what it was checked against
            plan.firstBoot().ifPresent(fb -> {
                out.println("  no running kernel in " + s.describeRoot() + ": no live values set; sysctl keys checked against " + fb.checkedAgainst());
                out.println("  the tree's systemd: " + fb.systemd());
                fb.values().forEach(v -> out.println("  applies at first boot: " + v));
            });
            // applied anyway, as for every conflict: golive's files are right; the other file is the admin's to fix
            plan.conflicts().forEach(c -> out.println("  conflict, still there: " + c.key() + ": " + c.winner().describe() + " " + c.winnerSays()
                    + " and wins " + c.when() + " over golive's " + c.wanted()));
            Output.warnUnrecorded(s, spec.commandLine().getErr());
            String undo = "golive rollback " + r.snapshotId() + (common.root == null ? "" : " --root " + common.root);
            out.println("applied plan " + r.snapshotId() + " in " + r.millis() + " ms; verified. Undo with: " + undo);
            out.flush();
            // Ctrl-C was held until the apply ended: golive stops now, before the health step (128 + SIGINT, as a shell reports it)
            if (interrupted) return INTERRUPTED;
            if (fin.isEmpty()) return 0;
            if (!s.live()) {
                out.println("health: skipped: " + s.describeRoot() + " is a target tree, nothing runs in it");
                out.flush();
                return 0;
            }
            var h = s.health(fin.get().unit(), fin.get().ports(), fin.get().healthUrl(), Session.HEALTH_WITHIN, Session.HEALTH_SETTLE);
            out.println("health of " + h.unit() + ":");
            dev.golive.verify.HealthJudge.lines(h).forEach(l -> out.println("  " + l));
            out.flush();
            if (h.ok()) return 0;
            spec.commandLine().getErr().println("golive: " + h.unit() + " is not healthy; the apply stands (snapshot " + r.snapshotId()
                    + "): fix it and run golive health --service " + h.unit() + " --wait 20, or undo with: " + undo);
            spec.commandLine().getErr().flush();
            return dev.golive.model.ExitCode.FINDINGS.code();
        }
    }

    static String checkUrl(String url) {
        dev.golive.unit.SpecValidator.healthUrlProblem(url).ifPresent(p -> { throw GoliveException.badInput("--health-url " + p); });
        return url;
    }

    private Plan plan(Session s) {
        if ((planFile == null) == (profile == null)) throw GoliveException.badInput("give --plan-file PLAN.json or --profile NAME (one of them)");
        if (tighten && planFile != null) throw GoliveException.badInput("--tighten goes with --profile; a plan file carries its units as planned");
        if (planFile != null) {
            if (service.given()) throw GoliveException.badInput("--service and the unit options go with --profile; a plan file carries its units as planned");
            return s.readPlanFile(planFile, AdminNamedFiles.readText(planFile));
        }
        Optional<ServiceOptions.Input> svc = service.buildIfGiven();
        svcSpec = svc.map(ServiceOptions.Input::spec);
        if (tighten) s.tighten(true);
        if (finish && binary != null) s.installing(Optional.of(binary));
        return s.planFor(profile, svc.map(ServiceOptions.Input::spec), List.of(), Session.newPlanId(),
                svc.map(ServiceOptions.Input::labels).orElse(UnaryOperator.identity()));
    }
}
