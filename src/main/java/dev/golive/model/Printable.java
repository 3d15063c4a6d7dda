package dev.golive.model;

/**
 * Text from outside golive (a capture's files and command output, a profile's description and
 * why, an admin's answers) made safe to show on a terminal or to write into a file: every
 * character that would act instead of print is shown as a visible escape. That is C0 (ESC
 * as backslash-e, newline as backslash-n, …), DEL and C1 as backslash-x and two hex digits, and
 * the line separators, byte order mark and bidirectional controls as backslash-u and four, which
 * otherwise clear a screen, set a window title, hide text or show it in another order.
 * A backslash stays as it is: systemd's own escapes (backslash-x2d in unit names) are common
 * in real paths, and golive's output is read by people, not parsed back.
 */
public final class Printable {
    private Printable() { }

    /** One line: every control character escaped, newlines and tabs too. */
    public static String text(String s) { return escape(s, false); }

    /** A block of lines (a file, a diff): newlines and tabs kept, every other control character escaped. */
    public static String lines(String s) { return escape(s, true); }

    /**
     * One line, at most {@code max} characters of it (escapes included) and then an ellipsis: a
     * name or value quoted in an error message, which a hostile file could make endless.
     */
    public static String clip(String s, int max) {
        if (s == null) return null;
        String t = text(s);
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }

    /** True when {@code s} holds nothing {@link #text} would escape. */
    public static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) if (acts(s.charAt(i))) return false;
        return true;
    }

    private static String escape(String s, boolean keepLines) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean kept = keepLines && (c == '\n' || c == '\t');
            if (!acts(c) || kept) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
            switch (c) {
                case 0x1b -> b.append("\\e");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean acts(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                || c == '\u200E' || c == '\u200F' || c == '\u061C'          // LRM, RLM, ALM
                || (c >= '\u202A' && c <= '\u202E')                           // LRE, RLE, PDF, LRO, RLO
                || (c >= '\u2066' && c <= '\u2069');                          // LRI, RLI, FSI, PDI
    }
}
