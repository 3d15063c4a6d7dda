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

    static void draw(App app, Canvas c) {
        c.fill(Role.BASE);
        if (c.width() < App.MIN_COLUMNS || c.height() < App.MIN_ROWS) {
            c.text(0, 0, "golive needs " + App.MIN_COLUMNS + "x" + App.MIN_ROWS + "; this terminal is " + c.width() + "x" + c.height(), Role.WARN);
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

    private static void header(App app, Canvas c) {
        c.fillRow(0, Role.HEADER);
        String host = app.model().loaded().map(l -> l.facts().origin().hostname()).orElse(null);
        String ro = app.model().readOnlyReason();
        List<String> running = app.worker().running();
        // the right side (what is running, why nothing can be changed) matters more than a long root path
        String right = (running.isEmpty() ? "" : SPINNER.charAt(app.spinFrame() % SPINNER.length()) + " " + running.get(0) + "…  ")
                + (ro == null ? "" : "[" + ro + "] ");
        String left = " golive  " + (host == null ? "" : host + " · ") + app.model().rootKind();
        int room = c.width() - right.length() - 1;
        if (left.length() > room) left = left.substring(0, Math.max(0, room - 1)) + "…";
        c.text(0, 0, left, Role.HEADER);
        c.textRight(0, right, Role.HEADER);
    }

    private static void tabsRow(App app, Canvas c) {
        c.fillRow(1, Role.TABS);
        int col = 0;
        int wide = app.stacked() ? app.top().title().length() + 5 : 0;
        for (View v : app.tabs()) wide += v.title().length() + 4;
        // 80 columns do not hold every tab with a blank either side: then one blank between tabs
        boolean compact = wide > c.width();
        if (compact) col = c.text(col, 1, " ", Role.TABS);
        for (int i = 0; i < app.tabs().size(); i++) {
            String t = (compact ? "" : " ") + (i + 1) + " " + app.tabs().get(i).title() + (compact ? "" : " ");
            col = c.text(col, 1, t, i == app.tabIndex() && !app.stacked() ? Role.TAB_ACTIVE : Role.TABS);
            if (compact) col = c.text(col, 1, " ", Role.TABS);
        }
        if (app.stacked()) col = c.text(col, 1, " > " + app.top().title() + " ", Role.TAB_ACTIVE);
        int n = app.model().picked().size();
        if (n > 0) c.textRight(1, " plan: " + n + (n == 1 ? " fix" : " fixes") + " picked ", Role.CHANGED);
    }

    private static void statusRow(App app, Canvas c, int row) {
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

    private static void footer(App app, Canvas c, int row) {
        c.fillRow(row, Role.FOOTER);
        int col = 0;
        List<Binding> hints = new ArrayList<>();
        for (Binding b : app.current().bindings()) if (b.footer()) hints.add(b);
        for (Binding b : app.globals()) if (b.footer()) hints.add(b);
        for (Binding b : hints) {
            String blocked = b.blockedReason();
            // an action that does not apply here is left out; one the host forbids says why, where it would be
            if (blocked != null && !blocked.startsWith("read-only")) continue;
            col = c.text(col, row, " " + b.keyText(), blocked == null ? Role.FOOTER_KEY : Role.DISABLED);
            col = c.text(col, row, " " + b.label() + (blocked == null ? "" : " (" + blocked + ")") + " ",
                    blocked == null ? Role.FOOTER : Role.DISABLED);
        }
    }
}
