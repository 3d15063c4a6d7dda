package dev.golive.export;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Quoting for the three languages an export writes: POSIX shell words, YAML scalars and Jinja
 * string literals. Every value that reaches a script or playbook goes through one of these, so
 * a unit name with a backslash or a value with a quote cannot break out of its place.
 */
final class Quoting {
    private Quoting() { }

    /** A POSIX shell word: single quotes, each ' written as '\''. */
    static String sh(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** A YAML double-quoted scalar: exact for any text (control characters escaped). */
    static String yaml(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    /** A Jinja string literal (single quotes), for values compared inside a template expression. */
    static String jinja(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    /**
     * Whether {@code content} can be written as a YAML literal block ({@code |}) and read back
     * byte for byte: printable text, ending in exactly one newline, no line starting with
     * whitespace (which would change the block's indentation), no carriage return.
     */
    static boolean fitsLiteralBlock(String content) {
        if (!content.endsWith("\n") || content.endsWith("\n\n")) return false;
        for (String line : content.substring(0, content.length() - 1).split("\n", -1)) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) return false;
            if (!line.isEmpty() && (line.endsWith(" ") || line.endsWith("\t"))) return false; // survive editors that trim, and YAML folding quirks
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) return false;
            }
        }
        return true;
    }

    /**
     * A here-document delimiter that is not a line of {@code content} (a line equal to it
     * would end the document early): GOLIVE_EOF, else GOLIVE_EOF_2, _3, ...
     */
    static String heredocDelimiter(String content) {
        Set<String> lines = new HashSet<>(Arrays.asList(content.split("\n", -1)));
        String d = "GOLIVE_EOF";
        for (int n = 2; lines.contains(d); n++) d = "GOLIVE_EOF_" + n;
        return d;
    }

    /** Text for a '#' comment line: no newlines (a newline would end the comment and start code). */
    static String comment(String s) {
        return s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }
}
