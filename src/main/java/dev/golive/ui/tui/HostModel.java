package dev.golive.ui.tui;

import dev.golive.app.Session;
import dev.golive.check.CheckReport;
import dev.golive.check.Checker;
import dev.golive.host.RootSpec;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import dev.golive.profile.Profile;
import dev.golive.profile.ProfileCatalog;
import dev.golive.profile.Recommender;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the screens share: the session, the inspected facts and check report once loaded,
 * why the host may not be changed, and the findings whose fixes the admin picked for the
 * pending plan. Touched on the GUI thread only; workers hand results back through it.
 */
final class HostModel {

    /**
     * What one inspection gives the screens, published together: facts, findings, the
     * profiles with the recommendation, snapshots left in "applying" by a crash, and what
     * golive verify says of the last applied snapshot (empty: none, or not readable here).
     */
    record Loaded(HostFacts facts, CheckReport report, List<ProfileCatalog.Listing> profiles,
                  List<Recommender.Recommendation> ranking, List<String> unfinished,
                  Optional<dev.golive.model.Verification> verification) {

        Optional<Recommender.Recommendation> recommended() { return ranking.isEmpty() ? Optional.empty() : Optional.of(ranking.get(0)); }
    }

    private final Session session;
    private final String rootArg;
    private final boolean readOnlyFlag;
    private Loaded loaded;
    private String profile;
    private Plan plan;
    private dev.golive.model.ServiceSpec service;
    private final Map<String, Profile> resolved = new java.util.HashMap<>();
    private java.util.function.Supplier<String> planIds = Session::newPlanId;
    private final Map<String, Finding> picked = new LinkedHashMap<>();
    private String serviceUnit;
    private String goModDir;
    /** The findings of the Dockerfiles and Kubernetes YAML named with --manifest, or null. */
    private CheckReport manifests;
    /** Changes of fixes picked and applied in this session: the host has them now, so a re-plan keeps them instead of undoing them. */
    private final List<FixChange> applied = new ArrayList<>();
    /** What this session changed on the host, one line per apply, rollback, recover or restart, oldest first. */
    private final List<String> changed = new ArrayList<>();
    /** Counts the inspections published: a screen that showed the host from an older one reads it again. */
    private int inspections;
    /** "fleet DIR › NAME" when this host was opened from a fleet's host picker, else null. */
    private String fleetMember;

    HostModel(Session session, String rootArg, boolean readOnlyFlag) {
        this.session = session;
        this.rootArg = rootArg;
        this.readOnlyFlag = readOnlyFlag;
    }

    /**
     * The service the screens are about (--service): inspection then includes its unit,
     * binary and cgroup limits, so the service rules run too. Null for the host alone.
     */
    HostModel forService(String name, String goModDir) {
        this.serviceUnit = name == null ? null : Session.serviceUnit(name);
        this.goModDir = goModDir;
        return this;
    }

    /** --manifest: these container findings join the host's (read once, before the screen opened). */
    HostModel manifests(CheckReport report) {
        manifests = report;
        return this;
    }

    /** This host is capture {@code name} of the fleet in {@code dir} (the header names both). */
    HostModel inFleet(String dir, String name) {
        fleetMember = "fleet " + dir + " › " + name;
        return this;
    }

    Optional<String> serviceUnit() { return Optional.ofNullable(serviceUnit); }

    /** The service's Go module directory (--go-mod), if the session was started with one. */
    Optional<String> goModDir() { return Optional.ofNullable(goModDir); }

    Session session() { return session; }

    /** Slow: runs on a worker. */
    Loaded inspectAndCheck() {
        HostFacts f = serviceUnit == null ? session.inspect() : session.inspectService(serviceUnit, goModDir);
        CheckReport host = Checker.run(f);
        return new Loaded(f, manifests == null ? host : host.with(manifests), session.profiles().list(), session.recommend(),
                readOnlyReason() == null ? Session.unfinishedApplies(rootArg) : List.of(), verification());
    }

    /** golive verify of the last applied snapshot, for the restart debt; empty when there is none or it cannot be read. */
    private Optional<dev.golive.model.Verification> verification() {
        try {
            return Optional.of(session.verify(Optional.ofNullable(serviceUnit), Optional.empty()));
        } catch (dev.golive.model.GoliveException e) {
            return Optional.empty(); // no applied snapshot, or not root: no debt to show
        }
    }

    /** The profile the plan uses: the admin's choice, else the recommended one. */
    Optional<String> profile() {
        if (profile != null) return Optional.of(profile);
        return loaded().flatMap(Loaded::recommended).map(Recommender.Recommendation::profile);
    }

    void chooseProfile(String name) {
        profile = name;
        plan = null;
    }

    /** A profile resolved for this host (pure and quick; kept for the session). */
    Profile resolve(String name) { return resolved.computeIfAbsent(name, session::profile); }

    /** Slow: runs on a worker. The plan for the chosen profile plus the picked fixes. */
    Plan buildPlan() {
        String p = profile().orElseThrow(() -> dev.golive.model.GoliveException.badInput("no profile chosen (Profiles: enter)"));
        return session.planFor(p, Optional.ofNullable(service), pickedChanges(), planIds.get());
    }

    void plan(Plan p) { plan = p; }

    /** The admin confirmed tightening (the TUI's --tighten): units golive did not write get the left-out directives; the plan derives again. */
    void tighten() {
        session.tighten(true);
        plan = null;
    }

    /** The service the plan includes (from the unit editor), or none. */
    void service(dev.golive.model.ServiceSpec s) {
        service = s;
        plan = null;
    }

    Optional<dev.golive.model.ServiceSpec> service() { return Optional.ofNullable(service); }

    /** The binary the Build screen built last without a problem: what a finish installs unless the admin names another. */
    private java.nio.file.Path built;

    void built(List<dev.golive.build.BuildResult> results) {
        results.stream().filter(r -> r.problems().isEmpty()).map(dev.golive.build.BuildResult::output).findFirst().ifPresent(p -> built = p);
    }

    Optional<java.nio.file.Path> built() { return Optional.ofNullable(built); }

    /** Where plan ids come from (time and a random suffix; fixed in golden-screen tests). */
    HostModel planIds(java.util.function.Supplier<String> ids) {
        planIds = ids;
        return this;
    }

    Optional<Plan> plan() { return Optional.ofNullable(plan); }

    /** After an apply or rollback: the snapshot list and the unfinished ones change. */
    void refreshSnapshots() {
        if (loaded != null) {
            loaded = new Loaded(loaded.facts(), loaded.report(), loaded.profiles(), loaded.ranking(),
                    readOnlyReason() == null ? Session.unfinishedApplies(rootArg) : List.of(), loaded.verification());
        }
    }

    void loaded(Loaded l) { loaded = l; }

    /** Slow: runs on a worker. Reads the host afresh: after an apply, a rollback, a recover, or ctrl-r. */
    Loaded reinspectAndCheck() {
        session.forgetFacts();
        return inspectAndCheck();
    }

    /**
     * A fresh inspection replaces the old one (GUI thread): profiles resolve again against the
     * new facts, a plan made from the old facts is dropped (it would be stale at apply), and a
     * picked fix stays picked only while its finding is still there.
     */
    void reloaded(Loaded l) {
        loaded = l;
        inspections++;
        resolved.clear();
        plan = null;
        java.util.Set<String> still = new java.util.HashSet<>();
        for (Finding f : l.report().findings()) still.add(key(f));
        picked.keySet().retainAll(still);
    }

    Optional<Loaded> loaded() { return Optional.ofNullable(loaded); }

    /** Why nothing may be written to this host, or null when writing is allowed. */
    String readOnlyReason() {
        if (readOnlyFlag) return "read-only: --read-only";
        RootSpec.Kind k = session.kind();
        if (k == RootSpec.Kind.CAPTURE_ARCHIVE) return "read-only: a .tar.gz capture";
        if (k == RootSpec.Kind.CAPTURE_DIR) return "read-only: a capture";
        return null;
    }

    /** The root is a capture (a directory or a .tar.gz, alone or in a fleet): nothing runs or is built for it here. */
    boolean capture() { return session.kind() == RootSpec.Kind.CAPTURE_DIR || session.kind() == RootSpec.Kind.CAPTURE_ARCHIVE; }

    String rootKind() {
        if (fleetMember != null) return fleetMember;
        return switch (session.kind()) {
            case LIVE -> "live host";
            case CAPTURE_DIR -> "capture " + session.describeRoot();
            case CAPTURE_ARCHIVE -> "capture " + session.describeRoot();
            case TARGET_TREE -> "target tree " + session.describeRoot();
        };
    }

    static String key(Finding f) { return f.ruleId() + "|" + f.message(); }

    /** golive can make (part of) the fix itself; a fix that is only the admin's step (a line in a vendor file) is not picked. */
    boolean fixable(Finding f) { return Session.fixReach(f).goliveCanFix(); }

    boolean isPicked(Finding f) { return picked.containsKey(key(f)); }

    /** Adds the finding's changes to the pending plan, or takes them out again; true when now picked. */
    boolean togglePick(Finding f) {
        plan = null;
        if (picked.remove(key(f)) != null) return false;
        picked.put(key(f), f);
        return true;
    }

    List<Finding> picked() { return List.copyOf(picked.values()); }

    /** How many fresh inspections replaced the first one (after apply, rollback, recover, ctrl-r). */
    int inspections() { return inspections; }

    /**
     * The plan was applied: its picked fixes are on the host now. Their findings go away with
     * the next inspection, but the fixes stay in every later plan, so that plan keeps golive's
     * files as they are instead of proposing to undo what was just applied.
     */
    void appliedPicked() {
        applied.addAll(pickedChanges());
        picked.clear();
    }

    /** A rollback put files back as they were: fixes applied before are no longer on the host. */
    void rolledBack() { applied.clear(); }

    /** Notes a change this session made to the host (GUI thread), for the quit question and the lines printed on exit. */
    void changed(String what) { changed.add(what); }

    /** What this session changed on the host, oldest first; empty when it changed nothing. */
    List<String> changes() { return List.copyOf(changed); }

    /** One sentence for the quit question: what this session changed on the host, from {@link #changes}. */
    String changesSentence() {
        return changed.isEmpty() ? "Nothing was changed on the host." : "This session changed the host: " + String.join("; ", changed) + ".";
    }

    /** The line an apply leaves in {@link #changes}: its snapshot, the files written and the live values, and how to undo it. */
    static String appliedLine(Plan p, dev.golive.apply.ApplyResult r) {
        List<String> paths = p.files().stream().map(dev.golive.model.FileChange::path).toList();
        return "applied snapshot " + r.snapshotId() + " (" + (paths.isEmpty() ? "no files" : String.join(", ", paths))
                + (r.liveValuesSet() > 0 ? "; " + r.liveValuesSet() + " live values" : "") + "; undo: golive rollback " + r.snapshotId() + ")";
    }

    List<FixChange> pickedChanges() {
        List<FixChange> out = new ArrayList<>(applied);
        for (Finding f : picked.values()) f.fix().ifPresent(x -> out.addAll(x.changes()));
        return out;
    }
}
