package dev.golive.ui.tui;

import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.HostFacts;
import dev.golive.model.Severity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The host at a glance: one line per area with a status mark and its findings, worst findings below. */
final class OverviewView extends View {

    private final ListPane<Area> areas = new ListPane<>(AreaGlance::label);

    OverviewView(App app) {
        super(app);
        areas.items(Arrays.asList(Area.values()));
    }

    @Override String title() { return "Overview"; }

    @Override String about() {
        return "The host by area. Each line has a status mark (the worst finding in that area) and how many "
                + "findings it has; enter opens Findings for that area.";
    }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new java.util.ArrayList<>(areas.moves());
        b.add(Binding.hint("enter", "findings of area", "Open Findings narrowed to the selected area", () -> {
            app.goTab(FindingsView.class);
            areas.selected().ifPresent(a -> ((FindingsView) app.current()).onlyArea(a));
        }).unless(() -> app.model().loaded().isEmpty() ? "still inspecting" : null));
        return b;
    }

    @Override void draw(Canvas c) {
        Optional<HostModel.Loaded> loaded = app.model().loaded();
        if (loaded.isEmpty()) {
            c.text(1, 1, "Inspecting " + app.model().rootKind() + "…", Role.DIM);
            return;
        }
        HostFacts f = loaded.get().facts();
        List<Finding> findings = loaded.get().report().findings();
        int row = 0;
        c.text(1, row++, f.os().prettyName().orElse("unknown OS") + " · kernel " + f.os().kernelRelease().orElse("?")
                + " · " + f.os().architecture().orElse("?") + f.os().virtualization().opt().map(v -> " · " + v).orElse(""), Role.TITLE);
        var report = loaded.get().report();
        c.text(1, row++, report.rulesTotal() + " rules checked: " + plural(report.count(Severity.ERROR), "error") + " · "
                + plural(report.count(Severity.WARN), "warning") + " · " + report.count(Severity.INFO) + " info"
                + (f.origin().capturedAt() == null ? "" : "   captured " + f.origin().capturedAt()), Role.BASE);
        row++;
        int glanceCol = 31;
        c.text(1, row, "Area", Role.TITLE);
        c.text(19, row, "Status", Role.TITLE);
        c.text(26, row, "Find", Role.TITLE);
        c.text(glanceCol, row++, "At a glance", Role.TITLE);
        int listTop = row;
        areas.draw(c.sub(0, listTop, c.width(), Area.values().length), (cc, r, area, sel) -> {
            List<Finding> in = findings.stream().filter(x -> x.area() == area).toList();
            Optional<Severity> worst = in.stream().map(Finding::severity).max(Enum::compareTo);
            Role base = sel ? Role.SELECTED : Role.BASE;
            if (sel) cc.fillRow(r, Role.SELECTED);
            cc.text(1, r, AreaGlance.label(area), base);
            cc.text(19, r, worst.map(OverviewView::mark).orElse("ok"), sel ? Role.SELECTED : worst.map(OverviewView::role).orElse(Role.OK));
            cc.text(26, r, String.format("%4d", in.size()), base);
            cc.text(glanceCol, r, AreaGlance.fit(AreaGlance.of(area, f), cc.width() - glanceCol - 1), sel ? Role.SELECTED : Role.DIM);
        }, "");
        row = listTop + Area.values().length + 1;
        if (row < c.height() - 1 && !findings.isEmpty()) {
            c.text(1, row++, "Worst first", Role.TITLE);
            java.util.Map<String, Integer> times = new java.util.LinkedHashMap<>();
            java.util.Map<String, Finding> first = new java.util.LinkedHashMap<>();
            for (Finding x : findings) {
                times.merge(x.ruleId(), 1, Integer::sum);
                first.putIfAbsent(x.ruleId(), x);
            }
            for (Finding x : first.values()) {
                if (row >= c.height()) break;
                int n = times.get(x.ruleId());
                c.text(1, row, mark(x.severity()), role(x.severity()));
                c.text(8, row++, x.ruleId() + "  " + FindingsView.title(x) + (n > 1 ? "  (" + n + "×)" : ""), Role.BASE);
            }
        }
    }

    static String plural(long n, String word) { return n + " " + word + (n == 1 ? "" : "s"); }

    static String mark(Severity s) {
        return switch (s) { case ERROR -> "ERROR"; case WARN -> "warn"; case INFO -> "info"; };
    }

    static Role role(Severity s) {
        return switch (s) { case ERROR -> Role.ERROR; case WARN -> Role.WARN; case INFO -> Role.INFO; };
    }
}
