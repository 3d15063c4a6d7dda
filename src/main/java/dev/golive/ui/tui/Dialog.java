package dev.golive.ui.tui;

import com.googlecode.lanterna.TerminalTextUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * A box over the current screen: an error (the same one line the CLI prints) or a
 * confirmation for an action that changes the host (gitui's ConfirmAction step).
 */
record Dialog(String title, String text, Runnable onConfirm, java.util.function.Consumer<String> onInput, String value) {

    static Dialog error(String oneLine) { return new Dialog("Error", "golive: " + oneLine, null, null, null); }

    static Dialog confirm(String title, String question, Runnable onConfirm) { return new Dialog(title, question, onConfirm, null, null); }

    /** A line for the admin to type (a path, a number); enter hands it to {@code onInput}, esc drops it. */
    static Dialog input(String title, String question, String initial, java.util.function.Consumer<String> onInput) {
        return new Dialog(title, question, null, onInput, initial);
    }

    boolean isConfirm() { return onConfirm != null; }

    boolean isInput() { return onInput != null; }

    Dialog withValue(String v) { return new Dialog(title, text, onConfirm, onInput, v); }

    void draw(Canvas screen) {
        int w = Math.min(screen.width() - 4, 72);
        List<String> lines = wrap(text, w - 4);
        int h = lines.size() + 4 + (isInput() ? 2 : 0);
        int col = (screen.width() - w) / 2;
        int row = Math.max(1, (screen.height() - h) / 2);
        Canvas c = screen.sub(col, row, w, h);
        c.fill(Role.DIALOG);
        c.line(0, " " + title, Role.DIALOG_TITLE);
        for (int i = 0; i < lines.size(); i++) c.text(2, 1 + i + 1, lines.get(i), Role.DIALOG);
        if (isInput()) {
            // the end of a long value stays in sight: that is where the admin types
            c.text(2, lines.size() + 3, Canvas.fitEnd("> " + value + "_", w - 4), Role.FILTER);
        }
        String keys = isInput() ? "enter: ok   esc: cancel   ctrl-u: clear" : isConfirm() ? "y/enter: yes   n/esc: no" : "enter/esc: close";
        c.textRight(h - 1, keys + " ", Role.DIALOG);
    }

    static boolean isUrl(String word) { return word.contains("://"); }

    /** The URL of a word without the punctuation that ends the sentence around it ("…sysctl.html;"). */
    static String urlPart(String word) {
        int end = word.length();
        while (end > 0 && ";,.:)".indexOf(word.charAt(end - 1)) >= 0) end--;
        return word.substring(0, end);
    }

    /** Text wrapped at spaces to {@code width} columns; a longer word is cut, a longer URL keeps a line of its own, whole. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                if (isUrl(word) && TerminalTextUtils.getColumnWidth(word) > width) {
                    // a URL is never broken (a terminal opens only a whole one): its own line, whole,
                    // and the punctuation after it goes on with the text
                    String url = urlPart(word);
                    if (line.length() > 0) out.add(line.toString());
                    out.add(url);
                    line = new StringBuilder();
                    word = word.substring(url.length());
                    if (word.isEmpty()) continue;
                }
                if (line.length() > 0 && TerminalTextUtils.getColumnWidth(line + " " + word) > width) {
                    out.add(line.toString());
                    line = new StringBuilder();
                }
                while (TerminalTextUtils.getColumnWidth(word) > width) {
                    out.add(word.substring(0, width));
                    word = word.substring(width);
                }
                if (line.length() > 0) line.append(' ');
                line.append(word);
            }
            out.add(line.toString());
        }
        return out;
    }
}
