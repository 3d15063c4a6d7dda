package dev.golive.ui.tui;

import dev.golive.host.AccessLog;

import java.util.ArrayList;
import java.util.List;

/**
 * What golive did in this run, in order: every command (argv, exit code, time) and every
 * file it read, listed or wrote, so an admin can check it did nothing behind their back.
 */
final class CommandLogView extends View {

    private enum Show { ALL, COMMANDS, WRITES }

    private final ListPane<AccessLog.Entry> list = new ListPane<>(e -> e.kind() + " " + e.what() + " " + e.detail());
    private Show show = Show.ALL;
    private int seen = -1;

    CommandLogView(TuiApp app) { super(app); }

    @Override String title() { return "Log"; }

    @Override String about() {
        return "Every command golive ran and every file it read or wrote in this run, oldest first; "
                + "the log file holds the details of errors. a opens the audit trail of every apply, rollback and recover on this host.";
    }

    @Override ListPane<?> list() { return list; }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>(list.moves());
        b.add(Binding.hint("f", "show", "Show everything, only commands, or only writes (cycles)", () -> {
            show = Show.values()[(show.ordinal() + 1) % Show.values().length];
            list.narrow(this::wanted);
        }));
        b.add(Binding.hint("a", "audit trail", "The audit trail: every apply, rollback and recover on this host, who ran it and how it ended",
                () -> app.open(new AuditView(app))).unless(() -> app.model().readOnlyReason()));
        return b;
    }

    private boolean wanted(AccessLog.Entry e) {
        return switch (show) {
            case ALL -> true;
            case COMMANDS -> e.kind() == AccessLog.Kind.COMMAND;
            case WRITES -> e.kind() == AccessLog.Kind.WRITE;
        };
    }

    @Override void draw(Canvas c) {
        List<AccessLog.Entry> entries = app.model().session().log().entries();
        if (entries.size() != seen) {
            seen = entries.size();
            list.items(entries);
        }
        long commands = entries.stream().filter(e -> e.kind() == AccessLog.Kind.COMMAND).count();
        long writes = entries.stream().filter(e -> e.kind() == AccessLog.Kind.WRITE).count();
        c.line(0, " " + commands + " commands · " + (entries.size() - commands - writes) + " reads · " + writes
                + " writes   showing: " + show.name().toLowerCase(java.util.Locale.ROOT), Role.DIM);
        c.line(1, " log file: " + app.logFile(), Role.DIM);
        // the selected entry in full under the list: a row cuts long commands and paths
        int detailRows = 2;
        list.selected().ifPresent(e -> {
            List<String> full = Dialog.wrap(e.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + e.what()
                    + (e.exitCode() == null ? "" : "  exit " + e.exitCode()) + (e.detail() == null || e.detail().isEmpty() ? "" : "  " + e.detail()), c.width() - 2);
            for (int i = 0; i < Math.min(detailRows, full.size()); i++) {
                c.text(1, c.height() - detailRows + i, full.get(i), Role.DIM);
            }
        });
        list.draw(c.sub(0, 2, c.width(), c.height() - 3 - detailRows), (cc, r, e, sel) -> {
            Role base = sel ? Role.SELECTED : Role.BASE;
            if (sel) cc.fillRow(r, Role.SELECTED);
            switch (e.kind()) {
                case COMMAND -> {
                    String tail = "exit " + (e.exitCode() == null || e.exitCode() < 0 ? "-" : e.exitCode())
                            + (e.took() == null ? "" : " " + padLeft(Long.toString(e.took().toMillis()), 4) + " ms") + "  " + e.detail();
                    int col = cc.text(1, r, "$ ", sel ? base : Role.CHANGED);
                    int tailAt = cc.width() * 3 / 5;
                    // the command is cut before the exit column rather than pushing it off the row
                    cc.text(col, r, e.what(), base, tailAt - col - 1);
                    cc.text(tailAt, r, tail,
                            sel ? base : e.exitCode() != null && e.exitCode() == 0 ? Role.DIM : Role.WARN);
                }
                case WRITE -> {
                    // the detail first, then the path in the room left: a long path is cut, never overwritten
                    String detail = " " + e.detail() + " ";
                    cc.textRight(r, detail, base);
                    cc.text(1, r, "write " + e.what(), sel ? base : Role.CHANGED, cc.width() - detail.length() - 2);
                }
                default -> {
                    int col = cc.text(1, r, (e.kind() == AccessLog.Kind.LIST ? "list  " : "read  ") + e.what(),
                            "ok".equals(e.detail()) ? base : sel ? base : Role.DIM);
                    if (!"ok".equals(e.detail())) cc.text(col + 2, r, e.detail(), sel ? base : Role.DIM);
                }
            }
        }, "Nothing yet.");
    }

    private static String padLeft(String s, int width) { return " ".repeat(Math.max(0, width - s.length())) + s; }
}
