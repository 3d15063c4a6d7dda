package dev.golive.ui.shell;

import dev.golive.app.Session;
import dev.golive.check.CheckReport;
import dev.golive.check.Checker;
import dev.golive.model.FixChange;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import dev.golive.model.ServiceSpec;
import dev.golive.plan.Preview;
import dev.golive.profile.Recommender;
import dev.golive.report.Style;

import java.util.List;
import java.util.Optional;

/** The guide on a real Session: the host it inspects, its profiles, the planner and the applier. */
public final class SessionGuideBackend implements GuideBackend {

    private final Session session;
    private final Optional<String> readOnly;
    private final String planId;
    private CheckReport report;

    /** {@code readOnlyReason}: why the admin asked for no changes (--read-only), if so. */
    public SessionGuideBackend(Session session, Optional<String> readOnlyReason) {
        this.session = session;
        this.readOnly = readOnlyReason.or(() -> session.readOnly()
                ? Optional.of(session.describeRoot() + " is a capture, which golive never changes") : Optional.empty());
        this.planId = Session.newPlanId();
    }

    @Override public HostFacts facts() { return session.inspect(); }

    @Override public synchronized CheckReport check() {
        if (report == null) report = Checker.run(facts());
        return report;
    }

    @Override public List<String> profiles() { return session.profiles().names(); }

    @Override public Optional<Recommendation> recommended() {
        List<Recommender.Recommendation> ranked = session.recommend();
        return ranked.isEmpty() ? Optional.empty()
                : Optional.of(new Recommendation(ranked.get(0).profile(), ranked.get(0).reasons()));
    }

    @Override public Optional<String> readOnlyReason() { return readOnly; }

    @Override public List<String> listDir(String path) { return session.listDir(path); }

    @Override public List<String> users() { return session.users(); }

    /**
     * The same derivation as golive unit and the TUI's Unit screen (Session.previewUnit), without
     * systemd-analyze; what stops an apply but not the preview (the binary missing on the live
     * host, as the TUI marks it) is a problem here too, so the guide asks again at once.
     */
    @Override public Optional<String> problem(ServiceSpec spec, java.util.function.UnaryOperator<String> labels) {
        try {
            var errors = session.previewUnit(spec, Optional.empty(), labels, planId, false).check().errors();
            return errors.stream().findFirst();
        } catch (GoliveException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override public List<String> warnings(ServiceSpec spec, java.util.function.UnaryOperator<String> labels) {
        try {
            return session.previewUnit(spec, Optional.empty(), labels, planId, false).check().warnings();
        } catch (GoliveException e) {
            return List.of(); // refused: problem() says why
        }
    }

    /** As the TUI fills its unit form: the service's unit read from the host, then unit.SpecFromUnit. */
    @Override public Optional<ServiceSpec> unitSpec(String unit) {
        HostFacts f = session.inspectService(unit, null);
        return f.service().filter(s -> s.unit().known()).map(s -> dev.golive.unit.SpecFromUnit.of(s, f).spec());
    }

    @Override public Optional<String> profileService(String profile, String key) {
        if (Session.NO_PROFILE.equals(profile)) return Optional.empty();
        return session.profile(profile).service().get(key);
    }

    @Override public Plan plan(String profile, Optional<ServiceSpec> service, List<FixChange> fixes) {
        return session.planFor(profile, service, fixes, planId, Guide::label); // a note on a spec field names the question
    }

    @Override public List<Preview.Section> preview(Plan plan) {
        HostFacts f = facts();
        String host = f.origin().hostname() == null ? f.origin().root() : f.origin().hostname();
        return Preview.sections(plan, host, new Style(false));
    }

    @Override public String apply(Plan plan) { return session.apply(plan, false).snapshotId(); }

    @Override public dev.golive.model.Verification verify() { return session.verify(Optional.empty(), Optional.empty()); }

    @Override public Optional<String> installing(String binary) {
        try {
            session.installing(Optional.of(binary));
            return Optional.empty();
        } catch (GoliveException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override public Optional<String> healthUrlProblem(String url) { return dev.golive.unit.SpecValidator.healthUrlProblem(url); }

    @Override public dev.golive.model.FinishPlan finishPlan(Plan plan, Optional<String> binary, List<Integer> ports, Optional<String> healthUrl) {
        return session.finishPlan(plan, binary, ports, healthUrl);
    }

    @Override public dev.golive.apply.ApplyResult applyAndFinish(Plan plan, dev.golive.model.FinishPlan finish) {
        return session.applyAndFinish(plan, finish, line -> { });
    }

    @Override public boolean live() { return session.live(); }

    @Override public dev.golive.model.ServiceHealth health(dev.golive.model.FinishPlan f) {
        return session.health(f.unit(), f.ports(), f.healthUrl(), Session.HEALTH_WITHIN, Session.HEALTH_SETTLE);
    }
}
