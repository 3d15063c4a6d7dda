package dev.golive.ui.tui;

import dev.golive.model.Plan;
import dev.golive.plan.Preview;
import dev.golive.report.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one plan: every file change as a unified diff and every live value old → new, in the
 * same words `golive plan` prints (plan.Preview), coloured here. a applies it, always
 * through a confirm step; on a capture or with --read-only the key says why it cannot.
 */
final class ReviewView extends View {

    record Line(String text, Role role) { }

    /** What a plan was built from: when these change, the plan on screen no longer says what would happen. */
    private record Inputs(List<String> picked, Optional<String> profile, Optional<dev.golive.model.ServiceSpec> service, boolean tightened) { }

    private final ListPane<Line> list = new ListPane<>(Line::text);
    private Plan shownPlan;
    private Inputs shownFrom;
    /** The inputs of the last automatic re-plan, so a failing one is not retried on every visit. */
    private Inputs triedFor;

    ReviewView(TuiApp app) { super(app); }

    @Override String title() { return "Review"; }

    @Override String about() {
        return "The plan for the chosen profile and the fixes you picked: file diffs, live values old → new, "
                + "what runs after. Nothing is written until you apply and confirm; a snapshot comes first.";
    }

    @Override ListPane<?> list() { return list; }

    /**
     * Coming back after picking a fix (or choosing another profile or service) finds the
     * model's plan dropped: plan again with the new inputs rather than forget the plan. After
     * an apply the inputs are the same and the plan is gone for good.
     */
    @Override void shown() {
        sync();
        Inputs now = inputs();
        if (app.model().plan().isEmpty() && shownFrom != null && !shownFrom.equals(now) && !now.equals(triedFor)
                && app.model().profile().isPresent()) {
            triedFor = now; // once per change, also when planning fails
            // on a worker; the stale plan stays on screen, marked, until the new one arrives
            app.worker().run("planning", app.model()::buildPlan, app.model()::plan, app::error);
        }
    }

    private Inputs inputs() {
        HostModel m = app.model();
        return new Inputs(m.picked().stream().map(HostModel::key).toList(), m.profile(), m.service(), m.session().tightened());
    }

    private void sync() {
        Optional<Plan> p = app.model().plan();
        if (p.isPresent() && p.get() != shownPlan) {
            shownPlan = p.get();
            shownFrom = inputs();
            list.items(lines(shownPlan, app.model().loaded().map(l -> l.facts().origin().hostname()).orElse(null)));
            list.home();
        } else if (p.isEmpty() && shownPlan != null && (shownFrom == null || shownFrom.equals(inputs()))) {
            shownPlan = null;
            list.items(List.of());
        }
    }

    /** The plan on screen was built from other fixes or another profile (until r plans again). */
    private boolean stale() { return shownPlan != null && app.model().plan().isEmpty(); }

    static List<Line> lines(Plan plan, String host) {
        List<Line> out = new ArrayList<>();
        for (String l : Preview.render(plan, host == null ? "this host" : host, Style.PLAIN).split("\n", -1)) {
            out.add(new Line(l, roleOf(l)));
        }
        return out;
    }

    private static Role roleOf(String l) {
        Role diff = DiffPane.diffRole(l);
        if (diff != null) return diff;
        if (l.startsWith("Plan ") || l.startsWith("Files (") || l.startsWith("Live values (") || l.equals("Then")
                || l.startsWith("By hand (") || l.startsWith("create ") || l.startsWith("change ") || l.startsWith("remove ")) return Role.TITLE;
        if (l.startsWith("Conflicts (")) return Role.WARN;
        if (l.startsWith("      ") || l.startsWith("  ") && !l.contains("→")) return l.contains("→") ? Role.BASE : Role.DIM;
        if (l.startsWith("Nothing to change")) return Role.OK;
        return Role.BASE;
    }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>(list.moves());
        b.add(Binding.hint("a", "apply", "Apply this plan (asks first; a snapshot is written before any change)", app::applyPlan)
                .unless(this::whyNoApply));
        b.add(Binding.hint("F", "apply+finish", "Apply this plan and finish its service (golive apply --finish): its user and group, "
                + "the binary, directories, enable and start; asks for the binary, then lists the steps before anything is done",
                app::applyAndFinish).unless(this::whyNoFinish));
        b.add(Binding.hint("r", "re-plan", "Plan again (after choosing another profile or picking fixes)", app::planAndReview)
                .unless(() -> app.model().profile().isEmpty() ? "no profile chosen" : null));
        b.add(Binding.quiet("d", "diff view", "The plan on a screen of its own: next/previous file and hunk, search with n/N, wrap",
                () -> app.open(new DiffView(app, "Plan " + shownPlan.id(), "The plan as a diff: every file golive writes, then the live values "
                        + "and what runs after.", List.of(), Role.TITLE, String.join("\n", lines()), List.of())))
                .unless(() -> shownPlan == null ? "no plan yet" : null));
        b.add(Binding.hint("s", "save plan", "Save this plan as JSON to a file you name (what golive apply --plan-file reads; golive plan --json writes the same)",
                this::savePlan).unless(() -> shownPlan == null ? "no plan yet" : stale() ? "plan out of date (r re-plan)" : null));
        b.add(Binding.quiet("R", "save report", "Save the pre-go-live report (golive report: .md, .html or .json by the name you give) to a file you name",
                this::saveReport).unless(() -> app.model().loaded().isEmpty() ? "the host is not read yet" : null));
        // file lines are wider than 80 columns more often than not: read the cut part sideways
        b.add(Binding.quiet("right l", "scroll right", "Show the lines further right (long diff and why lines)", () -> sideways += SIDEWAYS_STEP));
        b.add(Binding.quiet("left h", "scroll left", "Show the lines further left", () -> sideways = Math.max(0, sideways - SIDEWAYS_STEP)));
        return b;
    }

    /** F needs a plan that carries a service (the Unit screen's p); its files may already be as planned. */
    private String whyNoFinish() {
        String ro = app.model().readOnlyReason();
        if (ro != null) return ro;
        Optional<Plan> p = app.model().plan();
        if (p.isEmpty()) return whyNoApply();
        return p.get().service().isPresent() ? null : "the plan has no service (Unit screen: p)";
    }

    /** Every line of the plan on screen (unfiltered). */
    private List<String> lines() {
        return lines(shownPlan, app.model().loaded().map(l -> l.facts().origin().hostname()).orElse(null)).stream().map(Line::text).toList();
    }

    private void savePlan() {
        Plan plan = shownPlan;
        app.ask("Save plan", "Save plan " + plan.id() + " as JSON to (golive apply --plan-file FILE applies it; a file there is replaced):",
                java.nio.file.Path.of("golive-plan-" + plan.id() + ".json").toAbsolutePath().toString(), typed -> {
                    if (typed.isBlank()) return;
                    java.nio.file.Path to = java.nio.file.Path.of(typed.trim());
                    app.worker().run("saving the plan", () -> {
                        dev.golive.app.Session.savePlan(plan, to);
                        return to;
                    }, p -> app.status("saved plan " + plan.id() + " to " + p), app::error);
                });
    }

    private void saveReport() {
        // a capture's hostname is its text: only a file name's safe characters go into the suggested name
        String host = app.model().loaded().map(l -> l.facts().origin().hostname()).orElse("host").replaceAll("[^A-Za-z0-9._-]", "_");
        app.ask("Save report", "Save the pre-go-live report (as golive report writes it: Markdown, or HTML/JSON for a .html/.json name) to "
                + "(a file there is replaced):", java.nio.file.Path.of("golive-report-" + host + ".md").toAbsolutePath().toString(), typed -> {
                    if (typed.isBlank()) return;
                    java.nio.file.Path to = java.nio.file.Path.of(typed.trim());
                    app.worker().run("writing the report", () -> app.model().session().saveReport(to, null, app.model().serviceUnit().orElse(null)),
                            f -> app.status("saved the " + f.label() + " report to " + to), app::error);
                });
    }

    private String whyNoApply() {
        String ro = app.model().readOnlyReason();
        if (ro != null) return ro;
        Optional<Plan> p = app.model().plan();
        if (p.isEmpty()) return stale() ? "plan out of date (r re-plan)" : "no plan yet (r, or p on Profiles)";
        if (p.get().isEmpty() && p.get().actions().isEmpty()) return "nothing to change";
        return null;
    }

    /** How far the lines are shifted left (right arrow), in columns. */
    private int sideways;
    private static final int SIDEWAYS_STEP = 20;

    @Override void draw(Canvas c) {
        sync();
        if (shownPlan == null) {
            c.text(1, 1, "No plan yet.", Role.TITLE);
            c.text(1, 3, "Profiles: choose a profile and press p (plan and review),", Role.BASE);
            int n = app.model().picked().size();
            c.text(1, 4, "or press r here to plan " + app.model().profile()
                    .map(p -> p.equals(dev.golive.app.Session.NO_PROFILE) ? "no profile" : "profile " + p).orElse("the recommended profile")
                    + (n == 0 ? " (no fixes picked yet)." : n == 1 ? " with the fix you picked." : " with the " + n + " fixes you picked."), Role.BASE);
            c.text(1, 5, "or n there to plan only the fixes you picked, with no profile.", Role.BASE);
            String ro = app.model().readOnlyReason();
            if (ro != null) c.text(1, 7, "Applying is off: " + ro + ".", Role.DISABLED);
            return;
        }
        if (stale()) {
            c.line(0, " Out of date: the fixes, profile or service changed since this plan. r re-plan", Role.BANNER);
            c = c.sub(0, 1, c.width(), c.height() - 1);
        }
        // golive --service NAME: the profile's plan leaves the unit alone until the Unit screen puts it in
        Optional<String> unit = app.model().serviceUnit();
        if (unit.isPresent() && shownPlan.service().isEmpty()) {
            c.line(0, " " + unit.get() + " is not in this plan: Unit (6), then p, adds its drop-in", Role.DIM);
            c = c.sub(0, 1, c.width(), c.height() - 1);
        }
        int shift = sideways;
        list.draw(c, (cc, r, l, sel) -> {
            if (sel) cc.fillRow(r, Role.SELECTED);
            String t = l.text();
            // shifted: a leading ellipsis says the line goes on to the left
            if (shift > 0) t = t.length() > shift + 1 ? "…" + t.substring(shift + 1) : "";
            cc.text(1, r, t, sel ? Role.SELECTED : l.role());
        }, "No line matches the filter.");
    }
}
