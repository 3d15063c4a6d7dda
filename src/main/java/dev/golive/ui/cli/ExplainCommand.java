package dev.golive.ui.cli;

import dev.golive.check.Rule;
import dev.golive.check.RuleCatalog;
import dev.golive.model.GoliveException;
import dev.golive.report.CheckText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain one check: why it matters, how to fix it, where to read more.",
                "Without an ID, list every rule with its severity and title."})
public final class ExplainCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A rule ID such as NET-SOMAXCONN-LOW (case does not matter).")
    String id;

    @Override public Integer call() {
        if (common.root != null) throw GoliveException.badInput("explain reads no host, only golive's rules; drop --root");
        var out = spec.commandLine().getOut();
        if (id == null) {
            for (Rule r : RuleCatalog.all()) {
                out.printf("%-32s %-5s %s%n", r.id(), r.severity().label(), r.title());
            }
            for (Rule r : dev.golive.check.ManifestRules.all()) { // golive check --manifest
                out.printf("%-32s %-5s %s%n", r.id(), r.severity().label(), r.title());
            }
            out.flush();
            return 0;
        }
        Rule r = RuleCatalog.byId(id).orElseThrow(() -> GoliveException.badInput("unknown rule " + id
                + RuleCatalog.suggest(id).map(s -> " (did you mean " + s + "?)").orElse(" (golive explain lists them)")));
        out.print(CheckText.explain(r, Output.style(common)));
        out.flush();
        return 0;
    }
}
