package dev.golive.report;

import dev.golive.check.CheckReport;
import dev.golive.check.Rule;
import dev.golive.check.RuleCatalog;
import dev.golive.model.Fact;
import dev.golive.model.FileChange;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.LiveChange;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;
import dev.golive.model.PlanConflict;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Severity;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;
import dev.golive.report.Review.FactRow;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the {@link Review} document from what the app layer gathered. Pure: the pieces
 * that come from other layers (the plan of the recommended profile, the snapshot history)
 * arrive as {@link Part}s, so a piece that is missing in this build or on this host becomes
 * a section that says why, never an invented one.
 */
public final class ReviewBuilder {

    /** The recommended profile's plan and why that profile was recommended. */
    public record RecommendedPlan(Plan plan, String reason) { }

    /** Everything a review is made of; {@code service} is the unit asked for with --service, if any. */
    public record Inputs(HostFacts facts, CheckReport check, Optional<String> service,
                         Part<RecommendedPlan> plan, Part<List<Review.SnapshotRow>> snapshots,
                         String generatedAt, String golive) { }

    private ReviewBuilder() { }

    public static Review build(Inputs in) {
        HostFacts f = in.facts();
        var o = f.origin();
        Review.Host host = new Review.Host(o.root(), o.live(), Optional.ofNullable(o.hostname()), Optional.ofNullable(o.capturedAt()), false);
        List<Review.Glance> overview = HostSummary.of(f, in.check()).stream()
                .map(l -> new Review.Glance(l.label(), l.text(), l.worst().map(Severity::label), l.findings())).toList();
        return new Review(in.generatedAt(), in.golive(), host, in.service(), overview, ReviewFacts.of(f), findings(in.check()),
                plan(in.plan()), unit(f, in.service()), in.snapshots());
    }

    /**
     * The review of the Dockerfiles and Kubernetes YAML at {@code fileOrDir} (`golive report
     * --manifest`): the findings `golive check --manifest` gives; the host's parts say why they
     * are not there.
     */
    public static Review forManifests(String fileOrDir, CheckReport check, String generatedAt, String golive) {
        String why = "a manifest review reads Dockerfiles and Kubernetes YAML, not a host";
        return new Review(generatedAt, golive, new Review.Host(fileOrDir, false, Optional.empty(), Optional.empty(), true),
                Optional.empty(), List.of(), List.of(), findings(check), Part.unavailable(why), Part.unavailable(why), Part.unavailable(why));
    }

    static Review.Findings findings(CheckReport r) {
        List<String> skipped = r.skipped().stream().map(s -> s.ruleId() + ": " + s.reason()).toList();
        List<Review.FindingView> items = r.findings().stream().map(ReviewBuilder::finding).toList();
        return new Review.Findings((int) r.count(Severity.ERROR), (int) r.count(Severity.WARN), (int) r.count(Severity.INFO),
                r.rulesTotal(), skipped, items);
    }

    private static Review.FindingView finding(Finding f) {
        Optional<Rule> rule = RuleCatalog.byId(f.ruleId());
        return new Review.FindingView(f.ruleId(), f.severity().label(), f.area().label(), f.title(), f.message(),
                f.sources().stream().map(Source::describe).toList(),
                f.fix().map(x -> x.text()),
                f.fix().map(x -> x.changes().stream().map(FixChange::describe).toList()).orElse(List.of()),
                rule.map(Rule::why).orElse(""), rule.map(Rule::reference).orElse(""));
    }

    static Part<Review.PlanView> plan(Part<RecommendedPlan> in) {
        if (in instanceof Part.Unavailable<RecommendedPlan> u) return Part.unavailable(u.reason());
        RecommendedPlan rp = ((Part.Available<RecommendedPlan>) in).value();
        return Part.of(planView(rp.plan(), rp.reason()));
    }

    public static Review.PlanView planView(Plan p, String reason) {
        List<Review.FileView> files = p.files().stream().map(ReviewBuilder::fileView).toList();
        List<Review.LiveView> live = p.live().stream().map(ReviewBuilder::liveView).toList();
        List<String> actions = p.actions().stream().map(ReviewBuilder::action).toList();
        List<String> conflicts = p.conflicts().stream().map(ReviewBuilder::conflict).toList();
        return new Review.PlanView(p.profile(), reason, p.id(), files, live, actions, conflicts, p.manualSteps());
    }

    private static Review.FileView fileView(FileChange c) {
        return new Review.FileView(c.path(), c.kind().name().toLowerCase(Locale.ROOT), c.why(), UnifiedDiff.of(c.path(), c.before(), c.after()));
    }

    private static Review.LiveView liveView(LiveChange c) {
        return new Review.LiveView(c.key(), c.before(), c.after(), c.why());
    }

    private static String action(PlanAction a) {
        String what = switch (a.kind()) {
            case DAEMON_RELOAD -> "systemctl daemon-reload";
            case DAEMON_REEXEC -> "systemctl daemon-reexec";
            case RESTART_SERVICE -> "systemctl restart " + a.unit().orElse("");
        };
        return what + ": " + a.why();
    }

    private static String conflict(PlanConflict c) {
        return c.key() + ": golive would set " + c.wanted() + ", but " + c.winner().describe() + " " + c.winnerSays()
                + " and wins " + c.when() + " (" + c.why() + ")";
    }

    static Part<Review.UnitView> unit(HostFacts f, Optional<String> service) {
        if (service.isEmpty()) return Part.unavailable("no service given: run `golive report --service NAME` to review its unit");
        Optional<ServiceFacts> sf = f.service();
        if (sf.isEmpty()) {
            return Part.unavailable("service " + service.get() + " was not inspected");
        }
        ServiceFacts s = sf.get();
        Optional<String> path = s.unit().opt().map(u -> u.path());
        List<String> dropIns = s.unit().opt().map(u -> u.dropIns()).orElse(List.of());
        List<FactRow> directives = new java.util.ArrayList<>(s.directives().stream().map(ReviewBuilder::directive).toList());
        if (s.unit().known()) {
            for (dev.golive.model.ServiceDefaults.Effective e : dev.golive.model.ServiceDefaults.of(s, f.systemd().version(), f.fds().systemdDefaultLimitNofile())) {
                directives.add(FactRow.known("[Service] " + e.key(), e.value(), InspectText.defaultSource(e.source())));
            }
        }
        Fact<Double> exp = s.securityExposure();
        Optional<String> expUnknown = exp instanceof Fact.Unknown<Double> u ? Optional.of(u.reason()) : Optional.empty();
        if (s.unit() instanceof Fact.Unknown<?> u && directives.isEmpty()) {
            return Part.unavailable("service " + s.name() + ": " + u.reason());
        }
        return Part.of(new Review.UnitView(s.name(), path, dropIns, directives, exp.opt(), expUnknown,
                s.verifyMessages().orElse(List.of())));
    }

    private static FactRow directive(UnitDirective d) {
        return FactRow.known("[" + d.section() + "] " + d.key(), d.value(), d.source().describe());
    }
}
