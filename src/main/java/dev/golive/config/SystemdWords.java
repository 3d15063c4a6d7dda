package dev.golive.config;

import dev.golive.model.Printable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word splitting as systemd's extract_first_word() does it with EXTRACT_UNQUOTE and
 * EXTRACT_CUNESCAPE (ExecStart=, Environment=, …): whitespace separates words, "…" and '…'
 * group and are removed (anywhere in a word), and C escapes are decoded inside and outside
 * quotes. Unknown escapes, a trailing backslash and an unterminated quote are errors, as in
 * systemd without the RELAX flags. Specifiers (%n) and $VARIABLES stay as text.
 */
public final class SystemdWords {

    private SystemdWords() { }

    /**
     * One word as it must be written so that {@link #split} gives it back unchanged: as is when
     * it holds only characters with no meaning to the splitter, else in double quotes with
     * '\\' and '"' escaped. Specifiers ('%') and variables ('$') are not touched here: each
     * directive decides (ExecStart= expands both, Environment= only specifiers).
     */
    public static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || "/_.,:=+@%$-~^".indexOf(c) >= 0)) {
            return word;
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\\' || c == '"') b.append('\\');
            b.append(c);
        }
        return b.append('"').toString();
    }

    /** A syntax error at {@code offset} (0-based) in the value. */
    static final class WordException extends Exception {
        private final int offset;

        WordException(int offset, String message) {
            super(message);
            this.offset = offset;
        }

        int offset() { return offset; }
    }

    record Word(String text, int offset) { }

    /** The words of a list setting's value; a syntax error is an IllegalArgumentException with systemd's reason. */
    public static List<String> wordsOf(String value) {
        try {
            return split(value);
        } catch (WordException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static List<String> split(String value) throws WordException {
        return words(value).stream().map(Word::text).toList();
    }

    static List<Word> words(String s) throws WordException {
        List<Word> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && SystemdIni.isWs(s.charAt(i))) i++;
            if (i >= n) return out;
            int start = i;
            StringBuilder w = new StringBuilder();
            char quote = 0;
            int quoteAt = -1;
            while (i < n) {
                char c = s.charAt(i);
                if (quote == 0 && SystemdIni.isWs(c)) break;
                if (c == '\\') {
                    i = unescape(s, i, w);
                    continue;
                }
                if (quote != 0 && c == quote) {
                    quote = 0;
                } else if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                    quoteAt = i;
                } else {
                    w.append(c);
                }
                i++;
            }
            if (quote != 0) throw new WordException(quoteAt, "unterminated quote " + quote);
            out.add(new Word(w.toString(), start));
        }
    }

    /** Decodes the escape starting at the backslash at {@code at}; returns the index after it. */
    private static int unescape(String s, int at, StringBuilder w) throws WordException {
        if (at + 1 >= s.length()) throw new WordException(at, "trailing backslash");
        char c = s.charAt(at + 1);
        switch (c) {
            case 'a': w.append('\u0007'); return at + 2;
            case 'b': w.append('\b'); return at + 2;
            case 'f': w.append('\f'); return at + 2;
            case 'n': w.append('\n'); return at + 2;
            case 'r': w.append('\r'); return at + 2;
            case 't': w.append('\t'); return at + 2;
            case 'v': w.append('\u000b'); return at + 2;
            case 's': w.append(' '); return at + 2;
            case '\\': case '"': case '\'': w.append(c); return at + 2;
            case 'x': return hex(s, at, 2, w);
            case 'u': return hex(s, at, 4, w);
            case 'U': return hex(s, at, 8, w);
            default:
                if (c >= '0' && c <= '7') {
                    if (at + 4 > s.length()) throw new WordException(at, "incomplete octal escape");
                    int v = 0;
                    for (int k = at + 1; k < at + 4; k++) {
                        char d = s.charAt(k);
                        if (d < '0' || d > '7') throw new WordException(at, "invalid octal escape");
                        v = v * 8 + (d - '0');
                    }
                    if (v == 0 || v > 0xff) throw new WordException(at, "invalid octal escape");
                    w.append((char) v);
                    return at + 4;
                }
                throw new WordException(at, "unknown escape \\" + Printable.clip(String.valueOf(c), 80));
        }
    }

    private static int hex(String s, int at, int digits, StringBuilder w) throws WordException {
        int from = at + 2;
        if (from + digits > s.length()) throw new WordException(at, "incomplete \\" + s.charAt(at + 1) + " escape");
        int v = 0;
        for (int k = from; k < from + digits; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) throw new WordException(at, "invalid hex digit in \\" + s.charAt(at + 1) + " escape");
            v = v * 16 + d;
            if (v > Character.MAX_CODE_POINT) throw new WordException(at, "escape beyond Unicode");
        }
        if (v == 0) throw new WordException(at, "NUL escape not allowed");
        if (v >= 0xD800 && v <= 0xDFFF) throw new WordException(at, "escape is a surrogate, not a character");
        w.appendCodePoint(v);
        return from + digits;
    }

    /** Environment= words as NAME=VALUE, in order; a repeated name keeps its first position and last value. */
    static Map<String, String> environment(String value) throws WordException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Word w : words(value)) {
            int eq = w.text().indexOf('=');
            String name = eq < 0 ? w.text() : w.text().substring(0, eq);
            if (eq < 0 || !validEnvName(name)) {
                throw new WordException(w.offset(), "invalid environment assignment \"" + Printable.clip(w.text(), 80)
                        + "\" (expected NAME=VALUE; systemd ignores it)");
            }
            out.put(name, w.text().substring(eq + 1));
        }
        return out;
    }

    /** systemd's env_name_is_valid(): letters, digits and '_', not starting with a digit. */
    static boolean validEnvName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) return false;
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
        }
        return true;
    }
}
