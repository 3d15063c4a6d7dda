package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.HostFacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every rule of the catalogue against one host's facts. Pure: same facts, same report. */
public final class Checker {

    /** The reason a SERVICE rule is skipped; the screens turn it into "start with --service NAME". */
    public static final String NO_SERVICE = "no service given";

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity).reversed()
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    private Checker() { }

    public static CheckReport run(HostFacts facts) { return run(facts, RuleCatalog.all()); }

    public static CheckReport run(HostFacts facts, List<Rule> rules) {
        List<Finding> findings = new ArrayList<>();
        List<CheckReport.Skipped> skipped = new ArrayList<>();
        for (Rule r : rules) {
            if (r.scope() == Rule.Scope.SERVICE && facts.service().isEmpty()) {
                skipped.add(new CheckReport.Skipped(r.id(), NO_SERVICE));
                continue;
            }
            findings.addAll(r.evaluate(facts));
        }
        findings.sort(ORDER);
        return new CheckReport(findings, rules.size(), skipped,
                facts.service().map(s -> s.name()).orElse(null));
    }
}
