package dev.golive.ui.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every diff the full-screen UI shows (a snapshot's changes, the drift since a snapshot, two
 * snapshots compared) is one of these: unified-diff lines coloured by kind, scrolled a line or
 * a page, jumped through by file ({@code } {}) and hunk ({@code ] [}), searched ({@code /}
 * through the frame, then {@code n}/{@code N}), and wrapped or cut ({@code w}; cut lines scroll
 * sideways with left/right). Its keys are a table like every screen's.
 */
final class DiffPane {

    private List<String> lines = List.of();
    private final List<Integer> files = new ArrayList<>();
    private final List<Integer> hunks = new ArrayList<>();
    private int top;
    private int height = 1;
    /** Columns a line has when wrapped (set by the last draw). */
    private int room = Integer.MAX_VALUE;
    private boolean wrap;
    private int sideways;
    private String query = "";
    private boolean typing;
    /** The line the last jump found (highlighted), or -1. */
    private int found = -1;
    private String note = "";

    private static final int SIDEWAYS_STEP = 20;

    void text(String diff) { lines(List.of(diff.split("\n", -1))); }

    void lines(List<String> ls) {
        List<String> l = new ArrayList<>(ls);
        while (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) l.remove(l.size() - 1);
        lines = List.copyOf(l);
        files.clear();
        hunks.clear();
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i);
            if (s.startsWith("--- ") && i + 1 < lines.size() && lines.get(i + 1).startsWith("+++ ")) files.add(i);
            else if (s.startsWith("@@")) hunks.add(i);
        }
        top = 0;
        found = -1;
        note = "";
    }

    List<String> lines() { return lines; }

    int top() { return top; }

    boolean wrapped() { return wrap; }

    /** The colour of a diff line by its kind. */
    static Role role(String l) {
        Role d = diffRole(l);
        if (d != null) return d;
        if (l.startsWith("snapshot ") || l.startsWith("live values:")) return Role.TITLE;
        return Role.BASE;
    }

    /** The colour of a unified diff's own lines (headers, added, removed, hunks); null for any other line. */
    static Role diffRole(String l) {
        if (l.startsWith("+++") || l.startsWith("---")) return Role.DIM;
        if (l.startsWith("+")) return Role.DIFF_ADD;
        if (l.startsWith("-")) return Role.DIFF_DEL;
        if (l.startsWith("@@")) return Role.DIFF_HUNK;
        return null;
    }

    // ---- keys ---------------------------------------------------------------------------

    List<Binding> bindings() {
        return List.of(
                Binding.quiet("j down", "down", "Scroll the diff down one line", () -> scroll(1)),
                Binding.quiet("k up", "up", "Scroll the diff up one line", () -> scroll(-1)),
                Binding.quiet("pgdn space", "page down", "Scroll the diff down one page", this::pageDown),
                Binding.quiet("pgup", "page up", "Scroll the diff up one page", this::pageUp),
                Binding.quiet("g home", "first", "Go to the first line of the diff", () -> scroll(-Integer.MAX_VALUE / 2)),
                Binding.quiet("G end", "last", "Go to the last page of the diff", () -> scroll(Integer.MAX_VALUE / 2)),
                Binding.hint("}", "next file", "Jump to the next file of the diff (its --- line)", () -> jump(files, 1, "file")),
                Binding.quiet("{", "previous file", "Jump to the previous file of the diff", () -> jump(files, -1, "file")),
                Binding.hint("]", "next hunk", "Jump to the next hunk (@@ line)", () -> jump(hunks, 1, "hunk")),
                Binding.quiet("[", "previous hunk", "Jump to the previous hunk", () -> jump(hunks, -1, "hunk")),
                Binding.hint("n", "next match", "Jump to the next line matching the search (/ starts one)", () -> next(1))
                        .unless(() -> query.isEmpty() ? "no search yet (/ starts one)" : null),
                Binding.quiet("N", "previous match", "Jump to the previous line matching the search", () -> next(-1))
                        .unless(() -> query.isEmpty() ? "no search yet (/ starts one)" : null),
                Binding.hint("w", "wrap", "Wrap long lines, or cut them (then left/right scroll sideways)", () -> {
                    wrap = !wrap;
                    sideways = 0;
                }),
                Binding.quiet("right l", "scroll right", "Show the diff further right (long lines, wrap off)", () -> {
                    if (!wrap) sideways += SIDEWAYS_STEP;
                }),
                Binding.quiet("left h", "scroll left", "Show the diff further left", () -> sideways = Math.max(0, sideways - SIDEWAYS_STEP)));
    }

    void scroll(int d) {
        top = Math.max(0, Math.min(top + d, maxTop()));
        note = "";
    }

    /** The first line of the last page: with wrap on, a long line takes more than one row. */
    /** The page's last line becomes the first (with wrap on a page holds fewer lines than rows). */
    private void pageDown() {
        int last = top;
        while (last + 1 < lines.size() && onPage(last + 1)) last++;
        scroll(Math.max(1, last - top));
    }

    /** The page's first line becomes the last. */
    private void pageUp() {
        int t = top;
        int rows = top < lines.size() ? rowsOf(top) : 1;
        while (t > 0 && rows + rowsOf(t - 1) <= height) rows += rowsOf(--t);
        scroll(-Math.max(1, top - t));
    }

    private int maxTop() {
        if (!wrap) return Math.max(0, lines.size() - height);
        int rows = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            rows += rowsOf(i);
            if (rows > height) return Math.min(i + 1, lines.size() - 1);
        }
        return 0;
    }

    /** Whether line {@code i} is on the page that starts at {@code top}. */
    private boolean onPage(int i) {
        if (i < top) return false;
        int rows = 0;
        for (int k = top; k <= i; k++) rows += rowsOf(k);
        return rows <= height;
    }

    private int rowsOf(int i) { return wrap ? chunks(lines.get(i), room).size() : 1; }

    private void jump(List<Integer> at, int dir, String what) {
        int to = -1;
        if (dir > 0) {
            for (int i : at) if (i > top) { to = i; break; }
        } else {
            for (int k = at.size() - 1; k >= 0; k--) if (at.get(k) < top) { to = at.get(k); break; }
        }
        if (to < 0) {
            note = at.isEmpty() ? "no " + what + " in this diff" : dir > 0 ? "no next " + what : "no previous " + what;
            return;
        }
        top = to;
        found = -1;
        note = what + " " + (at.indexOf(to) + 1) + " of " + at.size();
    }

    // ---- search -------------------------------------------------------------------------

    /** {@code /}: start typing a search (the frame's / key comes here on a diff). */
    void startSearch() {
        typing = true;
        query = "";
        found = -1;
    }

    boolean typing() { return typing; }

    String query() { return query; }

    /** A key while the search is typed: each character jumps to the first match from the top of the page. */
    void typed(KeyStroke k) {
        String key = Keys.name(k);
        switch (key) {
            case "enter" -> typing = false;
            case "esc" -> {
                typing = false;
                query = "";
                found = -1;
                note = "";
            }
            case "backspace" -> {
                if (!query.isEmpty()) query = query.substring(0, query.length() - 1);
                find(top, 1);
            }
            case "ctrl-u" -> query = "";
            default -> {
                if (k.getKeyType() == KeyType.Character && !k.isCtrlDown()) {
                    query += k.getCharacter();
                    find(found >= 0 ? found : top, 1);
                }
            }
        }
    }

    private void next(int dir) { find(found >= 0 ? found + dir : top + (dir > 0 ? 1 : -1), dir); }

    /** The first line matching the query from {@code from} in {@code dir}, wrapping around the end. */
    private void find(int from, int dir) {
        if (query.isEmpty() || lines.isEmpty()) {
            found = -1;
            note = "";
            return;
        }
        String q = query.toLowerCase(Locale.ROOT);
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).toLowerCase(Locale.ROOT).contains(q)) matches.add(i);
        if (matches.isEmpty()) {
            found = -1;
            note = "no line matches \"" + query + "\"";
            return;
        }
        int n = lines.size();
        int start = Math.floorMod(from, n);
        for (int step = 0; step < n; step++) {
            int i = Math.floorMod(start + dir * step, n);
            if (matches.contains(i)) {
                boolean wrapped = dir > 0 ? i < start : i > start;
                found = i;
                if (!onPage(found)) top = Math.max(0, Math.min(found, maxTop()));
                note = "match " + (matches.indexOf(i) + 1) + " of " + matches.size() + (wrapped ? " (from the " + (dir > 0 ? "top" : "end") + ")" : "");
                return;
            }
        }
    }

    // ---- drawing ------------------------------------------------------------------------

    /** One line for the bottom of the view: the search being typed, or where the last jump landed. */
    String statusLine() {
        if (typing) return "/" + query + "_";
        String where = lines.isEmpty() ? "" : "line " + (Math.min(top, lines.size() - 1) + 1) + " of " + lines.size();
        return (note.isEmpty() ? where : note + " · " + where) + (wrap ? " · wrapped" : sideways > 0 ? " · shifted " + sideways : "");
    }

    void draw(Canvas c, String emptyText) {
        height = Math.max(1, c.height());
        room = Math.max(1, c.width() - 1);
        if (lines.isEmpty()) {
            c.text(1, 0, emptyText, Role.DIM);
            return;
        }
        top = Math.max(0, Math.min(top, maxTop()));
        int row = 0;
        for (int i = top; i < lines.size() && row < height; i++) {
            String l = lines.get(i);
            Role r = i == found ? Role.SELECTED : role(l);
            if (i == found) c.fillRow(row, Role.SELECTED);
            if (wrap) {
                for (String part : chunks(l, room)) {
                    if (row >= height) break;
                    c.text(1, row++, part, r);
                }
            } else {
                String t = sideways == 0 ? l : l.length() > sideways + 1 ? "…" + l.substring(sideways + 1) : "";
                c.text(1, row++, t, r);
            }
        }
    }

    /** {@code s} cut into pieces of at most {@code width} columns (a wrapped line, not word-wrapped: diffs are code). */
    static List<String> chunks(String s, int width) {
        List<String> out = new ArrayList<>();
        String rest = s;
        while (TerminalTextUtils.getColumnWidth(rest) > width) {
            String head = TerminalTextUtils.fitString(rest, width);
            if (head.isEmpty()) break;
            out.add(head);
            rest = rest.substring(head.length());
        }
        out.add(rest);
        return out;
    }
}
