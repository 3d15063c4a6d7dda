package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.apply.PlanCodec;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import dev.golive.plan.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what golive would change for a profile: a unified diff per file it owns, every live value",
                "old → new with the reason, the actions after, conflicts and manual steps. Writes nothing."})
public final class PlanCommand implements Callable<Integer> {


    @Mixin CommonOptions common;
    @Mixin KernelOption kernel;
    @Spec CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", required = true, description = "The profile (see `golive profiles`, `golive recommend`).")
    String profile;

    /** The service as `golive unit` takes it: --service NAME, --spec FILE.yaml and the unit options. */
    @Mixin ServiceOptions service;

    @Option(names = "--tighten", description = "Also add sandboxing, a task limit and restart changes to a unit golive did not write "
            + "(never to a container runtime, never replacing Restart=always); see docs/unit.md.")
    boolean tighten;

    @Option(names = "--json", description = "Print the plan as JSON (the same document `golive apply --plan-file FILE` reads).")
    boolean json;

    @Option(names = "--id", paramLabel = "ID", description = "The snapshot id the plan will use (default: time and a random suffix).")
    String id;

    private final Function<String, Session> sessions;

    public PlanCommand() { this(Session::open); }

    PlanCommand(Function<String, Session> sessions) { this.sessions = sessions; }

    @Override public Integer call() {
        // the same unit-name rules as check, apply and export (config.UnitNames)
        Optional<ServiceOptions.Input> svc = service.buildIfGiven();
        String planId = id == null ? Session.newPlanId() : id;
        if (!planId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw GoliveException.badInput("--id " + planId + ": use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        Plan plan;
        HostFacts facts;
        try (Session s = sessions.apply(common.root)) {
            s.kernel(kernel.kernel);
            facts = s.inspect();
            if (tighten) s.tighten(true);
            plan = s.planFor(profile, svc.map(ServiceOptions.Input::spec), List.of(), planId,
                    svc.map(ServiceOptions.Input::labels).orElse(UnaryOperator.identity()));
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.print(PlanCodec.toJson(plan)); // the document `golive apply --plan-file` reads back exactly
        } else {
            String host = facts.origin().hostname() == null ? facts.origin().root() : facts.origin().hostname() + " (" + facts.origin().root() + ")";
            out.print(Preview.render(plan, host, Output.style(common)));
        }
        out.flush();
        return 0;
    }
}
