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
        // every other rule on a second thread: a cold JVM spends most of a check on first-use
        // work (interpreting and linking each rule's code), which two cores share out; the
        // results are put back in rule order, so the report is the one a single thread makes
        java.util.concurrent.FutureTask<List<List<Finding>>> odd = new java.util.concurrent.FutureTask<>(() -> evaluate(facts, rules, 1));
        Thread t = new Thread(odd, "golive-check");
        t.setDaemon(true);
        t.start();
        List<List<Finding>> even = evaluate(facts, rules, 0);
        List<List<Finding>> others = joined(odd);
        List<Finding> findings = new ArrayList<>();
        List<CheckReport.Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            List<Finding> f = (i % 2 == 0 ? even : others).get(i / 2);
            if (f == null) skipped.add(new CheckReport.Skipped(rules.get(i).id(), NO_SERVICE));
            else findings.addAll(f);
        }
        findings.sort(ORDER);
        return new CheckReport(findings, rules.size(), skipped,
                facts.service().map(s -> s.name()).orElse(null));
    }

    /** The findings of rules {@code first}, {@code first + 2}, …; null for a SERVICE rule without a service. */
    private static List<List<Finding>> evaluate(HostFacts facts, List<Rule> rules, int first) {
        List<List<Finding>> out = new ArrayList<>();
        for (int i = first; i < rules.size(); i += 2) {
            Rule r = rules.get(i);
            out.add(r.scope() == Rule.Scope.SERVICE && facts.service().isEmpty() ? null : r.evaluate(facts));
        }
        return out;
    }

    /** The second thread's result; what a rule threw there is thrown here. */
    private static List<List<Finding>> joined(java.util.concurrent.FutureTask<List<List<Finding>>> task) {
        return dev.golive.model.Joined.get(task, "checking");
    }
}
