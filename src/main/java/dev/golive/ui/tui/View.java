package dev.golive.ui.tui;

import java.util.List;

/**
 * One screen. Its key table is built once (data, not a switch) and is the only way keys
 * reach it; {@link #list()} is the list the global / filter types into, if any.
 */
abstract class View {

    protected final TuiApp app;
    private List<Binding> table;

    View(TuiApp app) { this.app = app; }

    abstract String title();

    /** A sentence or two the help screen puts first when opened from here. */
    abstract String about();

    abstract void draw(Canvas c);

    protected abstract List<Binding> buildBindings();

    final List<Binding> bindings() {
        if (table == null) table = List.copyOf(buildBindings());
        return table;
    }

    ListPane<?> list() { return null; }

    /**
     * esc: clears every filter this screen has (the / text, and a screen's own narrowing);
     * true when there was one, so the same press does not also close the screen.
     */
    boolean clearFilters() {
        ListPane<?> l = list();
        if (l == null || l.filter().isEmpty()) return false;
        l.filter("");
        return true;
    }

    /** True when {@code /} searches this screen's own text (a diff) instead of filtering a list. */
    boolean searches() { return false; }

    /** {@code /} on a screen that {@link #searches}: start typing the search. */
    void search() { }

    /** True while the screen takes every key itself (a form field being edited). */
    boolean capturesKeys() { return false; }

    /**
     * The keys a field takes while {@link #capturesKeys()}, as key/what pairs for the footer
     * (the screen's and the global hints would only type into the field then).
     */
    List<String[]> fieldKeys() {
        return List.of(new String[] {"enter", "done"}, new String[] {"esc", "cancel"}, new String[] {"ctrl-u", "clear"},
                new String[] {"ctrl-c", "quit"});
    }

    /** A key while {@link #capturesKeys()}. */
    void typed(com.googlecode.lanterna.input.KeyStroke k) { }

    /** Called when the screen becomes visible (refresh data the others may have changed). */
    void shown() { }

    /**
     * True when {@link #shown} and {@link #draw} only compute from what is loaded (no worker,
     * no command, nothing written): the frame may then prepare this screen while the admin is
     * idle, so its first visit does not pay for cold code (see {@link TuiApp#idle}).
     */
    boolean preparable() { return false; }
}
