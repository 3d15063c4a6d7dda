package dev.golive.ui.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A scrolling, filterable selection over a list: the one list behaviour every screen shares
 * (j/k, pages, home/end, the / filter). Rows are drawn by the screen that owns the list.
 */
final class ListPane<T> {

    interface RowPainter<T> {
        void paint(Canvas c, int row, T item, boolean selected);
    }

    private final Function<T, String> searchText;
    private List<T> all = List.of();
    private List<T> shown = List.of();
    private Predicate<T> narrow = t -> true;
    private String filter = "";
    private int selected;
    private int top;
    private int lastHeight = 10;

    ListPane(Function<T, String> searchText) { this.searchText = searchText; }

    /** New items; keeps the selection on the same item when it is still there. */
    void items(List<T> items) {
        T before = selected().orElse(null);
        all = List.copyOf(items);
        refilter(before);
    }

    /** A screen's own narrowing (severity, area) on top of the typed filter. */
    void narrow(Predicate<T> p) {
        T before = selected().orElse(null);
        narrow = p;
        refilter(before);
    }

    void filter(String text) {
        T before = selected().orElse(null);
        filter = text == null ? "" : text;
        refilter(before);
    }

    String filter() { return filter; }

    private void refilter(T keep) {
        String q = filter.toLowerCase(Locale.ROOT);
        List<T> out = new ArrayList<>();
        for (T t : all) {
            if (narrow.test(t) && (q.isEmpty() || searchText.apply(t).toLowerCase(Locale.ROOT).contains(q))) out.add(t);
        }
        shown = out;
        int i = keep == null ? -1 : shown.indexOf(keep);
        selected = i >= 0 ? i : Math.min(selected, Math.max(0, shown.size() - 1));
        top = Math.min(top, selected);
    }

    List<T> shown() { return shown; }

    int total() { return all.size(); }

    Optional<T> selected() { return shown.isEmpty() ? Optional.empty() : Optional.of(shown.get(selected)); }

    int selectedIndex() { return selected; }

    void move(int delta) {
        if (shown.isEmpty()) return;
        selected = Math.max(0, Math.min(shown.size() - 1, selected + delta));
    }

    void page(int dir) { move(dir * Math.max(1, lastHeight - 1)); }

    /** Selects the first shown item that matches; false (selection unchanged) when none does. */
    boolean select(Predicate<T> p) {
        for (int i = 0; i < shown.size(); i++) {
            if (p.test(shown.get(i))) {
                selected = i;
                return true;
            }
        }
        return false;
    }

    void home() { selected = 0; }

    void end() { selected = Math.max(0, shown.size() - 1); }

    /** Draws the visible window, scrolling just enough to keep the selection in view. */
    void draw(Canvas c, RowPainter<T> painter, String emptyText) {
        lastHeight = Math.max(1, c.height());
        if (shown.isEmpty()) {
            c.text(1, 0, emptyText, Role.DIM);
            return;
        }
        if (selected < top) top = selected;
        if (selected >= top + lastHeight) top = selected - lastHeight + 1;
        top = Math.max(0, Math.min(top, Math.max(0, shown.size() - lastHeight)));
        for (int r = 0; r < lastHeight && top + r < shown.size(); r++) {
            painter.paint(c, r, shown.get(top + r), top + r == selected);
        }
    }

    /** The movement bindings every list shares: in each list screen's table. */
    List<Binding> moves() {
        return List.of(
                Binding.quiet("j down", "down", "Move the selection down one line", () -> move(1)),
                Binding.quiet("k up", "up", "Move the selection up one line", () -> move(-1)),
                Binding.quiet("pgdn space", "page down", "Move down one page", () -> page(1)),
                Binding.quiet("pgup", "page up", "Move up one page", () -> page(-1)),
                Binding.quiet("g home", "first", "Go to the first line", this::home),
                Binding.quiet("G end", "last", "Go to the last line", this::end));
    }
}
