package dev.golive.ui.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * A diff on a screen of its own, opened on top (esc or q closes it): a snapshot's changes, the
 * drift since a snapshot, two snapshots compared. A few lines above the diff say what it is;
 * {@code extra} are the actions that go with it (the forced rollback on a drift).
 */
final class DiffView extends View {

    private final String title;
    private final String about;
    private final List<String> header;
    private final Role headerRole;
    private final List<Binding> extra;
    final DiffPane pane = new DiffPane();

    DiffView(TuiApp app, String title, String about, List<String> header, Role headerRole, String diff, List<Binding> extra) {
        super(app);
        this.title = title;
        this.about = about;
        this.header = List.copyOf(header);
        this.headerRole = headerRole;
        this.extra = List.copyOf(extra);
        pane.text(diff);
    }

    @Override String title() { return title; }

    @Override String about() { return about; }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>(extra);
        b.addAll(pane.bindings());
        return b;
    }

    @Override boolean searches() { return true; }

    @Override void search() { pane.startSearch(); }

    @Override boolean capturesKeys() { return pane.typing(); }

    @Override void typed(com.googlecode.lanterna.input.KeyStroke k) { pane.typed(k); }

    @Override List<String[]> fieldKeys() {
        return List.of(new String[] {"enter", "keep"}, new String[] {"esc", "cancel"}, new String[] {"ctrl-u", "clear"},
                new String[] {"ctrl-c", "quit"});
    }

    @Override void draw(Canvas c) {
        int row = 0;
        for (String h : header) {
            for (String l : Canvas.wrap(h, c.width() - 2)) {
                if (row < c.height() - 3) c.line(row++, " " + l, headerRole);
            }
        }
        if (row > 0) row++;
        pane.draw(c.sub(0, row, c.width(), c.height() - row - 1), "No difference.");
        c.text(1, c.height() - 1, pane.statusLine(), pane.typing() ? Role.FILTER : Role.DIM);
    }
}
