package dev.golive.ui.tui;

import dev.golive.model.Finding;
import dev.golive.model.HostFacts;
import dev.golive.model.Severity;
import dev.golive.report.HostSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host at a glance: one line per area (report.HostSummary, the same lines the guide and
 * the report print) with a status mark and its number of findings; the worst findings below
 * when there is room. enter opens Findings for the selected area. Above them, banners: an
 * apply that did not finish, and the restart debt golive verify finds (RestartDebt).
 */
final class OverviewView extends View {

    private static final int STATUS = 10;
    private static final int COUNT = 17;
    private static final int GLANCE = 23;

    private final ListPane<HostSummary.Line> areas = new ListPane<>(HostSummary.Line::label);

    OverviewView(TuiApp app) { super(app); }

    @Override String title() { return "Overview"; }

    @Override String about() {
        return "The host by area. Each line has a status mark (the worst finding in that area) and how many "
                + "findings it has; enter opens Findings for that area.";
    }

    @Override ListPane<?> list() { return areas; }

    @Override void shown() {
        app.model().loaded().ifPresent(l -> areas.items(HostSummary.of(l.facts(), l.report())));
    }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>(areas.moves());
        b.add(Binding.hint("enter", "findings of area", "Open Findings narrowed to the selected area", () -> {
            List<dev.golive.model.Area> only = areas.selected().map(HostSummary.Line::areas).orElse(List.of());
            app.goTab(FindingsView.class);
            ((FindingsView) app.current()).onlyAreas(only);
        }).unless(() -> app.model().loaded().isEmpty() ? "still inspecting" : null));
        b.add(Binding.hint("R", "recover", "Roll back an apply that did not finish (a crash or power loss left it \"applying\")", app::recover)
                .unless(() -> app.model().loaded().map(l -> l.unfinished().isEmpty()).orElse(true) ? "no unfinished apply" : app.model().readOnlyReason()));
        b.add(RestartDebt.binding(app));
        return b;
    }

    @Override void draw(Canvas c) {
        Optional<HostModel.Loaded> loaded = app.model().loaded();
        if (loaded.isEmpty()) {
            c.text(1, 1, "Inspecting " + app.model().rootKind() + "…", Role.DIM);
            return;
        }
        if (areas.total() == 0) shown();
        HostFacts f = loaded.get().facts();
        var report = loaded.get().report();
        int row = 0;
        if (!loaded.get().unfinished().isEmpty()) {
            // the whole instruction, over as many rows as it takes: a cut one would hide the key
            for (String l : Dialog.wrap("An apply or rollback did not finish: snapshot " + String.join(", ", loaded.get().unfinished())
                    + " is still \"applying\". Press R to recover (roll it back).", c.width() - 2)) {
                c.line(row++, " " + l, Role.BANNER);
            }
        }
        // what the last apply has not reached yet (golive verify): a change that "did nothing" shows here
        var debt = RestartDebt.of(app.model());
        if (debt.isPresent()) {
            for (String l : Dialog.wrap(RestartDebt.text(debt.get()), c.width() - 2)) c.line(row++, " " + l, Role.WARN);
        }
        // the count golive check prints: rules that ran, not the catalogue (service rules need --service)
        String counts = HostSummary.rulesChecked(report) + " rules checked"
                + (report.serviceName() == null ? "" : " for " + report.serviceName()) + ": "
                + plural(report.count(Severity.ERROR), "error") + " · "
                + plural(report.count(Severity.WARN), "warning") + " · " + report.count(Severity.INFO) + " info";
        c.text(1, row, counts, Role.BASE);
        // when a capture was taken (the live host and a target tree are read now: nothing to say)
        String when = capturedAt(f);
        if (!when.isEmpty() && counts.length() + when.length() + 3 > c.width()) when = when.substring("captured ".length());
        if (!when.isEmpty() && counts.length() + when.length() + 3 <= c.width()) c.textRight(row, when, Role.DIM);
        row++;
        // all green must not hide that e.g. GOMAXPROCS under a CPU quota was never checked
        int skippedRow = row++;
        HostSummary.skippedText(report).ifPresent(t -> c.text(1, skippedRow, t, Role.WARN));
        c.text(1, row, "Area", Role.TITLE);
        c.text(STATUS, row, "Status", Role.TITLE);
        c.text(COUNT, row, "Find", Role.TITLE);
        c.text(GLANCE, row++, "At a glance", Role.TITLE);
        int listTop = row;
        areas.draw(c.sub(0, listTop, c.width(), areas.shown().size()), (cc, r, line, sel) -> {
            Role base = sel ? Role.SELECTED : Role.BASE;
            if (sel) cc.fillRow(r, Role.SELECTED);
            cc.text(1, r, line.label(), base);
            if (!line.areas().isEmpty()) {
                // no finding on an area whose key fact is Unknown means "not checked", not "ok"
                String status = line.worst().map(OverviewView::mark).orElse(line.unknown() ? "unknown" : "ok");
                Role role = line.worst().map(OverviewView::role).orElse(line.unknown() ? Role.DIM : Role.OK);
                cc.text(STATUS, r, status, sel ? base : role);
                cc.text(COUNT, r, String.format("%4d", line.findings()), base);
            }
            cc.text(GLANCE, r, fit(line.text(), cc.width() - GLANCE - 1), sel ? base : Role.DIM);
        }, "");
        row = listTop + areas.shown().size() + 1;
        if (row < c.height() - 1 && !report.findings().isEmpty()) {
            c.text(1, row++, "Worst first", Role.TITLE);
            Map<String, Integer> times = new LinkedHashMap<>();
            Map<String, Finding> first = new LinkedHashMap<>();
            for (Finding x : report.findings()) {
                times.merge(x.ruleId(), 1, Integer::sum);
                first.putIfAbsent(x.ruleId(), x);
            }
            for (Finding x : first.values()) {
                if (row >= c.height()) break;
                int n = times.get(x.ruleId());
                c.text(1, row, mark(x.severity()), role(x.severity()));
                // several findings of one rule: the rule's own title (a finding's may name just one of them)
                String title = n > 1 ? dev.golive.check.RuleCatalog.byId(x.ruleId()).map(dev.golive.check.Rule::title).orElse(FindingsView.title(x))
                        : FindingsView.title(x);
                c.text(8, row++, FindingsView.cut(x.ruleId() + "  " + title + (n > 1 ? "  (" + n + "×)" : ""), c.width() - 9), Role.BASE);
            }
        }
    }

    /** Cuts a summary at the last ", " that fits, so a narrow terminal loses whole values, not halves. */
    static String fit(String text, int width) {
        if (text.length() <= width) return text;
        int cut = text.lastIndexOf(", ", width - 1);
        return cut > 0 ? text.substring(0, cut) + " …" : text;
    }

    static String plural(long n, String word) { return n + " " + word + (n == 1 ? "" : "s"); }

    static String mark(Severity s) {
        return switch (s) { case ERROR -> "ERROR"; case WARN -> "warn"; case INFO -> "info"; };
    }

    static Role role(Severity s) {
        return switch (s) { case ERROR -> Role.ERROR; case WARN -> Role.WARN; case INFO -> Role.INFO; };
    }

    /** "captured 2024-03-05 09:14 UTC" for a capture, else empty. */
    private String capturedAt(HostFacts f) {
        String at = f.origin().capturedAt();
        var kind = app.model().session().kind();
        if (at == null || (kind != dev.golive.host.RootSpec.Kind.CAPTURE_DIR && kind != dev.golive.host.RootSpec.Kind.CAPTURE_ARCHIVE)) return "";
        String t = at.replace('T', ' ');
        if (t.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ")) t = t.substring(0, 16) + " UTC";
        return "captured " + t;
    }
}
