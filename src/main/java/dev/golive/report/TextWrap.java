package dev.golive.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word wrapping for plain-line output (the guide): a line breaks only between words, never
 * inside one, so a URL or a path stays whole and copyable even when it is longer than the
 * line (it then stands alone on its own line). Continuation lines keep the line's
 * indentation; for a list item ({@code - }, {@code 1. }) they line up after the marker, and
 * in a row of aligned columns (two or more spaces between them) under the last column that
 * starts in the left half of the line.
 */
public final class TextWrap {

    private TextWrap() { }

    private static final Pattern LEAD = Pattern.compile("^( *(?:(?:[-*]|\\d{1,3}\\.) +)?)");

    /** {@code line} (no newline in it) wrapped at {@code width} columns; as it is when {@code width} is below 20 or it fits. */
    public static List<String> wrap(String line, int width) {
        if (width < 20 || line.length() <= width) return List.of(line);
        Matcher m = LEAD.matcher(line);
        String lead = m.find() ? m.group(1) : "";
        String hang = " ".repeat(hang(line, lead.length(), width));
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder(lead);
        boolean empty = true;
        for (String word : line.substring(lead.length()).split(" ")) {
            if (word.isEmpty()) {
                if (!empty) cur.append(' '); // keep the admin's double spaces inside a line
                continue;
            }
            if (!empty && cur.length() + 1 + word.length() > width) {
                out.add(stripEnd(cur.toString()));
                cur = new StringBuilder(hang);
                empty = true;
            }
            if (!empty) cur.append(' ');
            cur.append(word);
            empty = false;
        }
        out.add(stripEnd(cur.toString()));
        return out;
    }

    private static final Pattern GAP = Pattern.compile(" {2,}");

    /** The column continuation lines start at. */
    private static int hang(String line, int lead, int width) {
        int at = lead;
        if (line.substring(0, lead).isBlank()) {
            Matcher gap = GAP.matcher(line);
            gap.region(lead, line.length());
            while (gap.find()) if (gap.end() <= width / 2) at = gap.end();
        }
        return at <= width / 2 ? at : 0;
    }

    /** Every line of {@code text} wrapped, joined with newlines. */
    public static String wrapLines(String text, int width) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) out.append('\n');
            out.append(String.join("\n", wrap(lines[i], width)));
        }
        return out.toString();
    }

    private static String stripEnd(String s) { return s.stripTrailing(); }
}
