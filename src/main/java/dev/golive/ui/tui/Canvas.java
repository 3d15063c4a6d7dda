package dev.golive.ui.tui;

import dev.golive.model.Printable;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.graphics.TextGraphics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A clipped rectangle of the screen that draws in roles, never colours: screens stay
 * theme-agnostic and cannot draw outside the area they were given.
 */
final class Canvas {

    private final TextGraphics g;
    private final Theme theme;
    private final int width;
    private final int height;

    Canvas(TextGraphics g, Theme theme) {
        this.g = g;
        this.theme = theme;
        this.width = g.getSize().getColumns();
        this.height = g.getSize().getRows();
    }

    int width() { return width; }

    int height() { return height; }

    Theme theme() { return theme; }

    Canvas sub(int col, int row, int w, int h) {
        int cw = Math.max(0, Math.min(w, width - col));
        int ch = Math.max(0, Math.min(h, height - row));
        return new Canvas(g.newTextGraphics(new TerminalPosition(col, row), new TerminalSize(cw, ch)), theme);
    }

    private void use(Role r) {
        Theme.Look l = theme.look(r);
        g.setForegroundColor(l.fg());
        g.setBackgroundColor(l.bg());
        g.setModifiers(l.styles().isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(l.styles()));
    }

    /**
     * Writes text at (col,row), cut at the right edge with an ellipsis, so a cut is never
     * mistaken for the whole text; returns the column after it.
     */
    int text(int col, int row, String s, Role r) { return text(col, row, s, r, width - col); }

    /** Writes text at (col,row) in at most {@code room} columns (cut with an ellipsis). */
    int text(int col, int row, String s, Role r, int room) {
        room = Math.min(room, width - col);
        if (row < 0 || row >= height || room <= 0) return col;
        // the one place text reaches Lanterna: a capture's or profile's control characters are shown escaped
        String fit = fit(Printable.text(s), room);
        use(r);
        g.putString(col, row, fit);
        return col + TerminalTextUtils.getColumnWidth(fit);
    }

    /** {@code s} in {@code room} columns: whole, without its trailing blanks, or cut with "…". */
    static String fit(String s, int room) {
        if (TerminalTextUtils.getColumnWidth(s) <= room) return s;
        String stripped = s.stripTrailing();
        if (TerminalTextUtils.getColumnWidth(stripped) <= room) return stripped;
        return TerminalTextUtils.fitString(s, room - 1).stripTrailing() + "…";
    }

    /** Like {@link #fit} but keeps the end, "…" at the start: a path's last directories say more than its first. */
    static String fitEnd(String s, int room) {
        if (room <= 0) return "";
        if (TerminalTextUtils.getColumnWidth(s) <= room) return s;
        String tail = s;
        while (!tail.isEmpty() && TerminalTextUtils.getColumnWidth(tail) > room - 1) tail = tail.substring(tail.offsetByCodePoints(0, 1));
        return "…" + tail;
    }

    /** Writes text and pads the rest of the row in the same role (selection bars, headers). */
    void line(int row, String s, Role r) {
        fillRow(row, r);
        text(0, row, s, r);
    }

    void fillRow(int row, Role r) {
        if (row < 0 || row >= height) return;
        use(r);
        g.drawLine(0, row, width - 1, row, ' ');
    }

    void fill(Role r) {
        use(r);
        g.fill(' ');
    }

    void textRight(int row, String s, Role r) {
        int w = TerminalTextUtils.getColumnWidth(s);
        text(Math.max(0, width - w), row, s, r);
    }

    /** Word-wrapped lines of at most {@code width} columns; a word longer than a line is split with "…" at the cut. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (TerminalTextUtils.getColumnWidth(word) > width) {
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                String head = TerminalTextUtils.fitString(word, width - 1);
                out.add(head + "…");
                word = word.substring(head.length());
            }
            if (line.length() > 0 && TerminalTextUtils.getColumnWidth(line + " " + word) > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0 || out.isEmpty()) out.add(line.toString());
        return out;
    }
}
