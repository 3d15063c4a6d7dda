package dev.golive.ui.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import dev.golive.app.Session;
import dev.golive.check.Rule;
import dev.golive.check.RuleCatalog;
import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.Severity;
import dev.golive.model.Source;
import dev.golive.plan.FixReach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Findings worst first, with the selected one explained beside (wide) or below (80×24):
 * why, the fix, where to read more, and the file:line or command that shows it. enter puts
 * a fixable finding's changes into the pending plan.
 */
final class FindingsView extends View {

    private final ListPane<Finding> list = new ListPane<>(f -> f.ruleId() + " " + title(f) + " " + f.message());
    private Severity minSeverity = Severity.INFO;
    private Area area;
    private List<Area> areas = List.of();
    private int detailTop;
    private Finding detailOf;

    FindingsView(TuiApp app) { super(app); }

    @Override String title() { return "Findings"; }

    @Override String about() {
        return "Every finding of the check, worst first. The pane shows why it matters, the fix and where the "
                + "value was read. enter on a finding golive can fix adds its changes to the pending plan (again: takes them out).";
    }

    @Override ListPane<?> list() { return list; }

    @Override void shown() {
        app.model().loaded().ifPresent(l -> list.items(l.report().findings()));
    }

    /** From the Overview: only these areas (one summary line may cover two, e.g. network and sysctl files). */
    void onlyAreas(List<Area> only) {
        area = null;
        areas = List.copyOf(only);
        renarrow();
    }

    private void renarrow() {
        list.narrow(f -> f.severity().atLeast(minSeverity) && (area == null || f.area() == area)
                && (areas.isEmpty() || areas.contains(f.area())));
    }

    /** True when severity or area hide some findings (the / text is the list's own). */
    private boolean narrowed() { return minSeverity != Severity.INFO || area != null || !areas.isEmpty(); }

    @Override boolean clearFilters() {
        boolean had = narrowed() || !list.filter().isEmpty();
        minSeverity = Severity.INFO;
        area = null;
        areas = List.of();
        list.filter("");
        renarrow();
        return had;
    }

    private String areaText() {
        if (area != null) return area.label();
        if (areas.isEmpty()) return "all";
        return String.join("+", areas.stream().map(Area::label).toList());
    }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>(list.moves());
        b.add(Binding.hint("enter", "pick fix", "Add the selected finding's changes to the pending plan, or take them out", this::pick)
                .unless(() -> list.selected().isEmpty() ? "no finding selected" : notFixable(list.selected().get())));
        b.add(Binding.hint("s", "severity", "Show only findings at or above a severity: all, warn, error (cycles)", () -> {
            minSeverity = Severity.values()[(minSeverity.ordinal() + 1) % Severity.values().length];
            renarrow();
        }));
        b.add(Binding.hint("a", "area", "Show only one area (cycles through the areas, then all)", () -> {
            Area[] all = Area.values();
            areas = List.of();
            area = area == null ? all[0] : area.ordinal() + 1 < all.length ? all[area.ordinal() + 1] : null;
            renarrow();
        }));
        b.add(Binding.quiet("J", "detail down", "Scroll the detail pane down", () -> detailTop++));
        b.add(Binding.quiet("K", "detail up", "Scroll the detail pane up", () -> detailTop = Math.max(0, detailTop - 1)));
        return b;
    }

    /**
     * Why enter picks nothing on this finding, or null: the footer then leaves "pick fix" out
     * and the key says why on the status line ("pick fix: …"; the finding is the selected one).
     */
    private String notFixable(Finding f) {
        if (app.model().fixable(f)) return null;
        return Session.fixReach(f).manual().isEmpty() ? "golive cannot change this itself; see Fix" : "a step for you, not golive; see Fix";
    }

    private void pick() {
        Finding f = list.selected().orElseThrow();
        boolean now = app.model().togglePick(f);
        app.status(f.ruleId() + (now ? ": added to the pending plan (" : ": taken out of the pending plan (")
                + OverviewView.plural(app.model().pickedChanges().size(), "change") + " picked)");
    }

    @Override void draw(Canvas c) {
        if (app.model().loaded().isEmpty()) {
            c.text(1, 1, "Inspecting " + app.model().rootKind() + "…", Role.DIM);
            return;
        }
        String narrowing = "severity ≥ " + minSeverity.label() + " · area " + areaText()
                + " · " + list.shown().size() + " of " + list.total();
        c.line(0, " " + narrowing, Role.DIM);
        if (narrowed() || !list.filter().isEmpty()) c.textRight(0, "esc: show all ", Role.DIM);
        boolean wide = c.width() >= 110;
        Canvas listArea;
        Canvas detail;
        // the detail's rows across the whole width: a URL wider than the pane reaches left into them
        Canvas detailRows;
        int detailLeft;
        if (wide) {
            int lw = c.width() * 11 / 20;
            listArea = c.sub(0, 1, lw, c.height() - 1);
            detail = c.sub(lw + 1, 1, c.width() - lw - 1, c.height() - 1);
            detailRows = c.sub(0, 1, c.width(), c.height() - 1);
            detailLeft = lw + 1;
        } else {
            int lh = Math.max(4, Math.min(list.shown().size(), (c.height() - 1) * 2 / 5));
            listArea = c.sub(0, 1, c.width(), lh);
            detail = c.sub(0, 2 + lh, c.width(), c.height() - 2 - lh);
            detailRows = detail;
            detailLeft = 0;
        }
        int idWidth = Math.min(30, list.shown().stream().mapToInt(f -> f.ruleId().length()).max().orElse(10) + 1);
        list.draw(listArea, (cc, r, f, sel) -> {
            Role base = sel ? Role.SELECTED : Role.BASE;
            if (sel) cc.fillRow(r, Role.SELECTED);
            cc.text(0, r, app.model().isPicked(f) ? "+" : app.model().fixable(f) ? "·" : " ", sel ? base : Role.CHANGED);
            cc.text(2, r, OverviewView.mark(f.severity()), sel ? base : OverviewView.role(f.severity()));
            // the container rules' IDs run past the column (K8S-MEMORY-LIMIT-WITHOUT-GOMEMLIMIT): cut, so the title stays apart
            cc.text(8, r, cut(f.ruleId(), idWidth - 1), base);
            cc.text(8 + idWidth, r, cut(title(f), cc.width() - 8 - idWidth), base);
        }, "No findings" + (list.total() > 0 ? " match: esc shows all " + list.total() + " again" : ": nothing to fix on this host"));
        Optional<Finding> sel = list.selected();
        if (sel.isEmpty()) return;
        if (sel.get() != detailOf) {
            detailOf = sel.get();
            detailTop = 0;
        }
        drawDetail(detail, detailRows, detailLeft, sel.get(), title(sel.get()).length() > listArea.width() - 8 - idWidth);
    }

    /** {@code rows}: the same rows as {@code c} from the left edge of the screen, where {@code c} starts at column {@code left}. */
    private void drawDetail(Canvas c, Canvas rows, int left, Finding f, boolean titleCut) {
        List<String[]> lines = new ArrayList<>(); // {role, text}
        Optional<Rule> rule = RuleCatalog.byId(f.ruleId());
        int w = Math.max(20, c.width() - 3);
        lines.add(new String[] {"TITLE", f.ruleId() + " · " + f.severity().label() + " · " + f.area().label()
                + (app.model().isPicked(f) ? " · in the pending plan" : "")});
        // the whole title, when the list had to cut it
        if (titleCut) for (String l : Dialog.wrap(title(f), w)) lines.add(new String[] {"TITLE", l});
        for (String l : Dialog.wrap(f.message(), w)) lines.add(new String[] {"BASE", l});
        // where it was read and what to do come first: at 80x24 that is what fits
        if (!f.sources().isEmpty()) {
            lines.add(new String[] {"TITLE", "Source"});
            for (Source s : f.sources()) lines.add(new String[] {"BASE", "  " + s.describe()});
        }
        f.fix().ifPresent(fix -> {
            section(lines, "Fix", fix.text(), w);
            FixReach reach = Session.fixReach(f);
            for (FixChange ch : reach.golive()) {
                for (String l : Dialog.wrap(ch.describe(), w - 4)) lines.add(new String[] {"CHANGED", "  " + l});
            }
            // a change golive never makes (a line in a file it does not own) is the admin's step, said as one
            for (String step : reach.manual()) {
                for (String l : Dialog.wrap("manual: " + step, w - 4)) lines.add(new String[] {"WARN", "  " + l});
            }
            if (fix.changes().isEmpty()) lines.add(new String[] {"DIM", "  (advice: golive does not change this itself)"});
        });
        // a finding without a proposed fix (a container manifest's, say) still has its rule's fix, as check and explain print it
        if (f.fix().isEmpty()) {
            rule.ifPresent(r -> {
                section(lines, "Fix", r.fixText(), w);
                lines.add(new String[] {"DIM", "  (advice: golive does not change this itself)"});
            });
        }
        rule.ifPresent(r -> section(lines, "Why", r.why(), w));
        rule.ifPresent(r -> section(lines, "Read", r.reference(), w));
        detailTop = Math.max(0, Math.min(detailTop, lines.size() - c.height() + 1));
        c.line(0, lines.get(0)[1], Role.TITLE);
        boolean more = detailTop + c.height() < lines.size();
        int shown = more ? c.height() - 1 : c.height();
        for (int i = 1; i < shown && detailTop + i < lines.size(); i++) {
            String[] l = lines.get(detailTop + i);
            String text = l[1].strip();
            int width = TerminalTextUtils.getColumnWidth(text);
            if (Dialog.isUrl(text) && 1 + TerminalTextUtils.getColumnWidth(l[1]) > c.width()) {
                // a URL is opened only whole: one wider than the pane ends at its right edge and starts further left
                rows.text(Math.max(0, left + c.width() - width), i, text, Role.valueOf(l[0]));
            } else {
                c.text(1, i, l[1], Role.valueOf(l[0]));
            }
        }
        if (more) c.text(1, c.height() - 1, "… " + (lines.size() - detailTop - shown) + " more lines (J/K scroll)", Role.DIM);
    }

    private static void section(List<String[]> lines, String head, String text, int w) {
        lines.add(new String[] {"TITLE", head});
        for (String l : Dialog.wrap(text, w - 2)) lines.add(new String[] {"BASE", "  " + l});
    }

    /** Text cut to {@code width} columns with an ellipsis, so a cut never looks whole (the detail pane has all of it). */
    static String cut(String s, int width) {
        if (width <= 0) return "";
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }

    static String title(Finding f) { return f.title() == null ? f.message() : f.title(); }
}
