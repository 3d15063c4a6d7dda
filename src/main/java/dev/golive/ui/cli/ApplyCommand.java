package dev.golive.ui.cli;

import dev.golive.apply.ApplyResult;
import dev.golive.apply.PlanCodec;
import dev.golive.apply.TextDiff;
import dev.golive.app.Session;
import dev.golive.host.LocalFiles;
import dev.golive.model.FileChange;
import dev.golive.model.GoliveException;
import dev.golive.model.LiveChange;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply a plan: snapshot first (/var/lib/golive/snapshots/ID), then the files, live values",
                "and systemctl daemon-reload; verify; roll back by itself if anything fails."},
        footer = {"", "With --root DIR everything goes into the tree DIR (live values into DIR/proc/sys and DIR/sys files,",
                "snapshots into DIR/var/lib/golive/snapshots) and systemctl is not run.",
                "Exit codes: 0 applied, 2 bad plan or no terminal to confirm on, 3 not root / host locked / plan stale,",
                "4 apply failed and was rolled back, 5 the rollback failed too (run golive recover)."})
public final class ApplyCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--plan-file", paramLabel = "PLAN.json", required = true,
            description = "The plan to apply, as `golive plan --json` writes it.")
    String planFile;

    @Option(names = "--yes", description = "Do not ask; apply at once (for scripts).")
    boolean yes;

    @Option(names = "--restart", description = "Also run the restarts the plan proposes (systemctl restart UNIT).")
    boolean restart;

    /** Tests replace these. */
    Confirm confirm = Confirm.terminal();
    Function<String, Session> sessions = Session::open;

    @Override public Integer call() {
        try (Session s = sessions.apply(common.root)) {
            s.requireWritable();
            Plan plan = PlanCodec.fromJson(planFile, LocalFiles.readText(planFile));
            PrintWriter out = spec.commandLine().getOut();
            if (plan.isEmpty() && plan.actions().isEmpty()) {
                out.println("nothing to apply: the host is already as plan " + plan.id() + " asks");
                out.flush();
                return 0;
            }
            if (!yes) {
                out.print(preview(plan));
                out.flush();
            }
            String question = "Apply plan " + plan.id() + " (" + plan.files().size() + " files, " + plan.live().size()
                    + " live values) to " + s.describeRoot() + "?";
            if (!Confirm.confirmed(confirm, yes, question)) {
                out.println("not applied; nothing was changed");
                out.flush();
                return 0;
            }
            ApplyResult r = s.apply(plan, restart);
            r.lines().forEach(l -> out.println("  " + l));
            out.println("applied plan " + r.snapshotId() + " in " + r.millis() + " ms; verified. Undo with: golive rollback "
                    + r.snapshotId() + (common.root == null ? "" : " --root " + common.root));
            out.flush();
            return 0;
        }
    }

    /** The plan as a reviewer reads it: each file as a unified diff, each live value old → new, the actions. */
    static String preview(Plan plan) {
        StringBuilder b = new StringBuilder("plan " + plan.id() + " (profile " + plan.profile()
                + plan.service().map(x -> ", service " + x).orElse("") + ")\n");
        for (FileChange f : plan.files()) b.append(TextDiff.unified(f.path(), f.before().orElse(null), f.after().orElse(null), "a", "b"));
        if (!plan.live().isEmpty()) b.append("live values:\n");
        for (LiveChange l : plan.live()) b.append("  ").append(l.key()).append(": ").append(l.before()).append(" → ").append(l.after()).append('\n');
        for (PlanAction a : plan.actions()) {
            b.append("then: ").append(switch (a.kind()) {
                case DAEMON_RELOAD -> "systemctl daemon-reload";
                case DAEMON_REEXEC -> "systemctl daemon-reexec";
                case RESTART_SERVICE -> "systemctl restart " + a.unit().orElse("?") + " (only with --restart)";
            }).append(" (").append(a.why()).append(")\n");
        }
        plan.conflicts().forEach(c -> b.append("conflict: ").append(c.key()).append(": ").append(c.why()).append('\n'));
        plan.manualSteps().forEach(m -> b.append("manual step: ").append(m).append('\n'));
        return b.toString();
    }

    static GoliveException noTarget() { return GoliveException.badInput("give --plan-file PLAN.json"); }
}
