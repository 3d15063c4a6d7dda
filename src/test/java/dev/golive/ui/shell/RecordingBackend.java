package dev.golive.ui.shell;

import dev.golive.check.CheckReport;
import dev.golive.check.Checker;
import dev.golive.host.Fixtures;
import dev.golive.model.FileChange;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import dev.golive.model.ServiceSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A backend over a real fixture host (real inspection and checks) that records what the
 * flow asked it to plan and apply: the guide's own logic under test, not the planner's.
 * The plan it returns writes one line per fix into the sysctl drop-in.
 */
final class RecordingBackend implements GuideBackend {

    final HostFacts facts;
    List<FixChange> plannedFixes;
    String plannedProfile;
    Optional<ServiceSpec> plannedService;
    final List<String> applied = new ArrayList<>();
    Optional<String> readOnly = Optional.empty();
    /** Extra lines the planned sysctl file gets (a long preview) and conflicts the plan reports. */
    int extraLines;
    List<String> reasons = List.of("listens on TCP ports as a network service");
    List<dev.golive.model.PlanConflict> conflicts = List.of();

    private final String fixture;

    RecordingBackend(String fixture) {
        this.fixture = fixture;
        this.facts = Fixtures.inspect(fixture);
    }

    @Override public HostFacts facts() { return facts; }
    @Override public CheckReport check() { return Checker.run(facts); }
    @Override public List<String> profiles() { return List.of("base", "web-api", "container-limited"); }
    @Override public Optional<Recommendation> recommended() {
        return Optional.of(new Recommendation("web-api", reasons));
    }
    @Override public Optional<String> readOnlyReason() { return readOnly; }
    @Override public List<String> listDir(String path) { return List.of("bin/", "srv/", "usr/"); }
    @Override public List<String> users() { return List.of("root", "www-data"); }
    /** The service settings a test says the profiles give (key → value), as Session.profile resolves them. */
    java.util.Map<String, String> profileSays = java.util.Map.of();

    @Override public Optional<String> profileService(String profile, String key) { return Optional.ofNullable(profileSays.get(key)); }

    /** Binaries a test says are missing on the live host (the backend then answers as Session.previewUnit does there). */
    java.util.Set<String> missingOnLiveHost = java.util.Set.of();

    /** The real validator (as the Session's derivation runs it), with the binary taken as present unless a test says it is missing. */
    @Override public Optional<String> problem(ServiceSpec spec, java.util.function.UnaryOperator<String> labels) {
        validated.add(spec);
        try {
            boolean missing = spec.exec().filter(missingOnLiveHost::contains).isPresent();
            var presence = missing ? new dev.golive.unit.BinaryPresence(true, dev.golive.model.Fact.of(false, new dev.golive.model.Source.File(spec.exec().get(), 0)))
                    : new dev.golive.unit.BinaryPresence(false, dev.golive.model.Fact.unknown("test"));
            // collected, not thrown: what stops an apply but not the preview is the backend's problem all the same
            return dev.golive.unit.SpecValidator.collect(spec, facts, presence, labels).errors().stream().findFirst();
        } catch (dev.golive.model.GoliveException e) {
            return Optional.of(e.getMessage());
        }
    }

    final List<ServiceSpec> validated = new ArrayList<>();

    @Override public List<String> warnings(ServiceSpec spec, java.util.function.UnaryOperator<String> labels) {
        try {
            return dev.golive.unit.SpecValidator.validate(spec, facts, new dev.golive.unit.BinaryPresence(false, dev.golive.model.Fact.unknown("test")), labels).warnings();
        } catch (dev.golive.model.GoliveException e) {
            return List.of();
        }
    }

    /** What the existing unit says, when a test gives it instead of the fixture's unit. */
    java.util.function.UnaryOperator<ServiceSpec> unitSays = u -> u;

    @Override public Optional<ServiceSpec> unitSpec(String unit) {
        return fixtureUnitSpec(unit).map(unitSays);
    }

    private Optional<ServiceSpec> fixtureUnitSpec(String unit) {
        HostFacts f = dev.golive.host.Fixtures.inspectService(fixture + "+" + unit);
        return f.service().filter(s -> s.unit().known()).map(s -> dev.golive.unit.SpecFromUnit.of(s, f).spec());
    }

    @Override public Plan plan(String profile, Optional<ServiceSpec> service, List<FixChange> fixes) {
        plannedProfile = profile;
        plannedService = service;
        plannedFixes = fixes;
        StringBuilder body = new StringBuilder();
        for (FixChange f : fixes) if (f instanceof FixChange.SysctlChange s) body.append(s.key()).append(" = ").append(s.value()).append('\n');
        for (int i = 1; i <= extraLines; i++) body.append("# line ").append(i).append('\n');
        List<FileChange> files = body.isEmpty() ? List.of()
                : List.of(new FileChange("/etc/sysctl.d/60-golive.conf", Optional.empty(), Optional.of(body.toString()), 0644, "root", "root", "fixes"));
        return new Plan("20261123-000000-test", profile, service.map(ServiceSpec::unitName), files, List.of(), List.of(), conflicts, List.of());
    }

    @Override public List<dev.golive.plan.Preview.Section> preview(Plan plan) {
        return dev.golive.plan.Preview.sections(plan, "test", dev.golive.report.Style.PLAIN);
    }

    /** What happens while an apply runs (a test presses Ctrl-C there). */
    Runnable duringApply = () -> { };

    @Override public String apply(Plan plan) {
        duringApply.run();
        applied.add(plan.id());
        return plan.id();
    }

    /** What verify answers after the apply: set by a test; by default every applied file in effect. */
    dev.golive.model.Verification verification;

    @Override public dev.golive.model.Verification verify() {
        if (verification != null) return verification;
        return new dev.golive.model.Verification("snapshot " + applied.get(applied.size() - 1), applied.get(applied.size() - 1),
                Optional.empty(), Optional.empty(), List.of(new dev.golive.model.Verification.Item(dev.golive.model.Verification.Kind.FILE,
                        "/etc/sysctl.d/60-golive.conf", "as planned", "as planned", dev.golive.model.Verification.Status.IN_EFFECT, "as golive wrote it")),
                List.of(), Optional.empty());
    }

    /** The binary the finish was told to install, and what it planned and applied. */
    Optional<String> installing = Optional.empty();
    dev.golive.model.FinishPlan finished;
    boolean live;

    @Override public Optional<String> installing(String binary) {
        if (!binary.startsWith("/")) return Optional.of(binary + ": no such file");
        installing = Optional.of(binary);
        return Optional.empty();
    }

    @Override public Optional<String> healthUrlProblem(String url) { return dev.golive.unit.SpecValidator.healthUrlProblem(url); }

    /** A new unit's finish: its user, the binary when one is given, enable and start. */
    @Override public dev.golive.model.FinishPlan finishPlan(Plan plan, Optional<String> binary, List<Integer> ports, Optional<String> healthUrl) {
        String unit = plan.service().orElseThrow();
        List<dev.golive.model.FinishPlan.Step> steps = new ArrayList<>();
        steps.add(new dev.golive.model.FinishPlan.Step(dev.golive.model.FinishPlan.Kind.CREATE_USER, "api", "api:x:999:999::/nonexistent:/usr/sbin/nologin",
                "", "api", "User=api does not exist"));
        binary.ifPresent(b -> steps.add(new dev.golive.model.FinishPlan.Step(dev.golive.model.FinishPlan.Kind.INSTALL_BINARY, "/srv/api/api", b, "", "",
                "the unit's ExecStart program")));
        steps.add(new dev.golive.model.FinishPlan.Step(dev.golive.model.FinishPlan.Kind.START_UNIT, unit, "", "", "", unit + " is new"));
        return new dev.golive.model.FinishPlan(unit, steps, ports, healthUrl, List.of());
    }

    @Override public dev.golive.apply.ApplyResult applyAndFinish(Plan plan, dev.golive.model.FinishPlan finish) {
        duringApply.run();
        applied.add(plan.id());
        finished = finish;
        return new dev.golive.apply.ApplyResult(plan.id(), plan.files().size(), 0,
                finish.steps().stream().map(s -> s.kind().text() + " " + s.target() + ": done").toList(), 1);
    }

    @Override public boolean live() { return live; }

    @Override public dev.golive.model.ServiceHealth health(dev.golive.model.FinishPlan f) {
        return new dev.golive.model.ServiceHealth(f.unit(), List.of(new dev.golive.model.ServiceHealth.Check("active", true, "active (running)"),
                new dev.golive.model.ServiceHealth.Check("port 8080", false, "nothing listens")), List.of("api[33]: bind: address already in use"), "active");
    }
}
