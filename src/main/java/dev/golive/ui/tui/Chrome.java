package dev.golive.ui.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame's fixed rows around the current screen: the header (host, root, read-only
 * reason, spinner), the tabs, the status line (messages, the / filter) and the footer of key
 * hints taken from the same binding tables that dispatch the keys.
 */
final class Chrome {

    private static final String SPINNER = "|/-\\";

    private Chrome() { }

    static void draw(TuiApp app, Canvas c) {
        c.fill(Role.BASE);
        if (c.width() < TuiApp.MIN_COLUMNS || c.height() < TuiApp.MIN_ROWS) {
            c.text(0, 0, "golive needs " + TuiApp.MIN_COLUMNS + "x" + TuiApp.MIN_ROWS + "; this terminal is " + c.width() + "x" + c.height(), Role.WARN);
            c.text(0, 1, "Enlarge it, or press q to quit.", Role.BASE);
            return;
        }
        header(app, c);
        tabsRow(app, c);
        app.current().draw(c.sub(0, 2, c.width(), c.height() - 4));
        statusRow(app, c, c.height() - 2);
        footer(app, c, c.height() - 1);
        app.dialog().ifPresent(d -> d.draw(c));
    }

    private static void header(TuiApp app, Canvas c) {
        c.fillRow(0, Role.HEADER);
        HostModel model = app.model();
        String host = model == null ? null : model.loaded().map(l -> l.facts().origin().hostname()).orElse(null);
        // before a host is picked from a fleet: every entry is a capture, so nothing can be changed
        String ro = model == null ? "read-only: captures" : model.readOnlyReason();
        List<String> running = app.worker().running();
        // the right side (what is running, why nothing can be changed) matters more than a long root path
        int picked = model == null ? 0 : model.picked().size();
        String right = (running.isEmpty() ? "" : SPINNER.charAt(app.spinFrame() % SPINNER.length()) + " " + running.get(0) + "…  ")
                + (picked == 0 ? "" : "plan: " + picked + (picked == 1 ? " fix" : " fixes") + " picked  ")
                + (ro == null ? "" : "[" + ro + "] ");
        String kind = model == null ? "fleet " + app.hosts().orElseThrow().dir() : model.rootKind();
        String left = " golive  " + (host == null ? "" : host + " · ") + kind;
        int room = c.width() - right.length() - 1;
        if (left.length() > room) {
            // a long root path loses its start, not its end: the end names which capture or tree is open
            int pathAt = left.length() - kind.length() + (kind.startsWith("target tree ") ? "target tree ".length() : kind.indexOf(' ') + 1);
            int tail = room - pathAt - 1;
            left = tail >= 8 ? left.substring(0, pathAt) + "…" + left.substring(left.length() - tail) : left.substring(0, Math.max(0, room - 1)) + "…";
        }
        c.text(0, 0, left, Role.HEADER);
        c.textRight(0, right, Role.HEADER);
    }

    /**
     * The tabs; with a screen opened on top (help, apply), a breadcrumb instead: the tab it was
     * opened from and the screen's name (80 columns do not hold all tabs and a name).
     */
    private static void tabsRow(TuiApp app, Canvas c) {
        c.fillRow(1, Role.TABS);
        if (app.model() == null && !app.stacked()) {
            // a fleet's host picker, before a host is open: no host screens to go to yet
            int col = c.text(0, 1, " Hosts ", Role.TAB_ACTIVE);
            c.text(col, 1, "  pick a host; enter opens it with every screen", Role.TABS);
            return;
        }
        if (app.stacked()) {
            View from = app.base();
            String number = app.model() == null ? "" : (app.tabIndex() + 1) + " ";
            int col = c.text(0, 1, " " + number + from.title() + " › ", Role.TABS);
            col = c.text(col, 1, app.top().title(), Role.TAB_ACTIVE);
            c.text(col, 1, "   q back", Role.TABS);
            return;
        }
        int col = 0;
        int wide = 0;
        for (View v : app.tabs()) wide += v.title().length() + 4;
        // 80 columns do not hold every tab with a blank either side: then one blank between tabs
        boolean compact = wide > c.width();
        if (compact) col = c.text(col, 1, " ", Role.TABS);
        for (int i = 0; i < app.tabs().size(); i++) {
            String t = (compact ? "" : " ") + (i + 1) + " " + app.tabs().get(i).title() + (compact ? "" : " ");
            col = c.text(col, 1, t, i == app.tabIndex() ? Role.TAB_ACTIVE : Role.TABS);
            if (compact) col = c.text(col, 1, " ", Role.TABS);
        }
    }

    private static void statusRow(TuiApp app, Canvas c, int row) {
        c.fillRow(row, Role.BASE);
        ListPane<?> list = app.current().list();
        if (app.editingFilter() && list != null) {
            c.text(0, row, "/" + list.filter() + "_", Role.FILTER);
            c.textRight(row, list.shown().size() + " of " + list.total() + "  enter: keep  esc: clear ", Role.DIM);
        } else if (!app.statusText().isEmpty()) {
            c.text(0, row, app.statusText(), Role.STATUS);
        } else if (list != null && !list.filter().isEmpty()) {
            c.text(0, row, "filter: " + list.filter() + "  (" + list.shown().size() + " of " + list.total() + "; esc clears)", Role.FILTER);
        }
    }

    /**
     * The key hints: the screen's own first, then the global ones. When they do not fit, the
     * global hints go first (tab, /), then the screen's from the end; "? help", which lists
     * every key, always stays.
     */
    private static void footer(TuiApp app, Canvas c, int row) {
        c.fillRow(row, Role.FOOTER);
        if (app.current().capturesKeys() || app.editingFilter()) {
            // every key types into the field now: its own keys only
            List<String[]> keys = app.editingFilter()
                    ? List.of(new String[] {"enter", "keep"}, new String[] {"esc", "clear"}, new String[] {"backspace", "delete"})
                    : app.current().fieldKeys();
            int col = 0;
            for (String[] k : keys) {
                col = c.text(col, row, " " + k[0], Role.FOOTER_KEY);
                col = c.text(col, row, " " + k[1] + " ", Role.FOOTER);
            }
            return;
        }
        List<Binding> hints = new ArrayList<>();
        for (Binding b : app.current().bindings()) if (shown(b)) hints.add(b);
        int screenHints = hints.size();
        for (Binding b : app.globals()) if (shown(b)) hints.add(b);
        // of the globals only tab and / may go: ? help and q back/quit stay
        while (width(hints) > c.width()) {
            int drop = -1;
            for (int i = hints.size() - 1; i >= screenHints && drop < 0; i--) {
                String k = hints.get(i).keys().get(0);
                if (k.equals("tab") || k.equals("/")) drop = i;
            }
            if (drop < 0 && screenHints > 0) drop = --screenHints;
            if (drop < 0) break;
            hints.remove(drop);
        }
        int col = 0;
        for (Binding b : hints) {
            String blocked = b.blockedReason();
            col = c.text(col, row, " " + b.keyText(), blocked == null ? Role.FOOTER_KEY : Role.DISABLED);
            col = c.text(col, row, hintText(b), blocked == null ? Role.FOOTER : Role.DISABLED);
        }
    }

    /** An action that does not apply here is left out; one the host forbids says why, where it would be. */
    private static boolean shown(Binding b) {
        if (!b.footer()) return false;
        String blocked = b.blockedReason();
        return blocked == null || blocked.startsWith("read-only");
    }

    private static String hintText(Binding b) {
        String blocked = b.blockedReason();
        return " " + b.label() + (blocked == null ? "" : " (" + blocked + ")") + " ";
    }

    private static int width(List<Binding> hints) {
        int w = 0;
        for (Binding b : hints) w += 1 + b.keyText().length() + hintText(b).length();
        return w;
    }
}
