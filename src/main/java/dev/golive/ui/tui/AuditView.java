package dev.golive.ui.tui;

import dev.golive.apply.AuditLog;
import dev.golive.model.AuditEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail of this host (/var/log/golive/audit.log, what {@code golive snapshots log}
 * prints), newest first: every apply, rollback and recover, who ran it, on which snapshot, and
 * how it ended. Opened from the Log screen.
 */
final class AuditView extends View {

    private final ListPane<AuditLog.Line> list = new ListPane<>(AuditLog.Line::text);
    private String problem;

    AuditView(TuiApp app) { super(app); }

    @Override String title() { return "Audit trail"; }

    @Override String about() {
        return "Every apply, rollback and recover on this host, newest first, also those that failed: when (UTC), what, which snapshot, "
                + "the result and exit code, who (user, uid, and the sudo user). From " + AuditLog.PATH + "; golive snapshots log prints it.";
    }

    @Override ListPane<?> list() { return list; }

    @Override void shown() {
        app.worker().run("reading the audit trail", () -> {
            List<AuditLog.Line> l = new ArrayList<>(app.model().session().auditTrail());
            java.util.Collections.reverse(l);
            return l;
        }, l -> {
            problem = null;
            list.items(l);
        }, e -> problem = "golive: " + TuiApp.firstLine(e.getMessage()));
    }

    @Override protected List<Binding> buildBindings() { return list.moves(); }

    @Override void draw(Canvas c) {
        if (problem != null) {
            c.text(1, 1, problem, Role.ERROR);
            return;
        }
        c.line(0, " " + ProfilesView.pad("time (UTC)", 21) + ProfilesView.pad("action", 9) + ProfilesView.pad("snapshot", 23)
                + ProfilesView.pad("result", 8) + "who", Role.TITLE);
        int detailRows = 2;
        list.selected().ifPresent(l -> {
            String full = l.entry().map(e -> e.detail() + "  (" + e.who().describe() + ")").orElse(l.text());
            List<String> lines = Dialog.wrap(full, c.width() - 2);
            for (int i = 0; i < Math.min(detailRows, lines.size()); i++) c.text(1, c.height() - detailRows + i, lines.get(i), Role.DIM);
        });
        list.draw(c.sub(0, 1, c.width(), c.height() - 2 - detailRows), (cc, r, l, sel) -> {
            if (sel) cc.fillRow(r, Role.SELECTED);
            if (l.entry().isEmpty()) {
                cc.text(1, r, "(not golive's) " + l.text(), sel ? Role.SELECTED : Role.DIM);
                return;
            }
            AuditEntry e = l.entry().get();
            Role base = sel ? Role.SELECTED : Role.BASE;
            cc.text(1, r, ProfilesView.pad(e.at().toString(), 21), sel ? base : Role.DIM);
            cc.text(22, r, ProfilesView.pad(e.action().word(), 9), base);
            cc.text(31, r, ProfilesView.pad(e.snapshots().isEmpty() ? "-" : String.join(",", e.snapshots()), 23), base, 22);
            cc.text(54, r, e.ok() ? "ok" : "exit " + e.exit(), sel ? base : e.ok() ? Role.OK : Role.WARN);
            cc.text(62, r, e.who().sudoUser().map(s -> s + " (sudo)").orElse(e.who().user()), base);
        }, "No entries yet: golive has not applied, rolled back or recovered anything here.");
    }
}
