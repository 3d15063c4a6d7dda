package dev.golive.binfmt;

import dev.golive.model.GoliveException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go string literals as cmd/go writes them into build info ({@code strconv.Quote}):
 * interpreted {@code "..."} with Go escapes, or raw {@code `...`}. {@code \x} and octal
 * escapes are bytes, so the result is assembled as bytes and decoded as UTF-8.
 */
final class GoQuote {
    private GoQuote() { }

    /** End index (exclusive) of the quoted literal at the start of {@code s}, or -1. */
    static int quotedPrefixEnd(String s) {
        if (s.isEmpty()) return -1;
        char q = s.charAt(0);
        if (q == '`') {
            int e = s.indexOf('`', 1);
            return e < 0 ? -1 : e + 1;
        }
        if (q != '"') return -1;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') return i + 1;
            else if (c == '\n') return -1;
        }
        return -1;
    }

    static String unquote(String lit, String where) {
        int end = quotedPrefixEnd(lit);
        if (end != lit.length()) throw GoliveException.badInput(where + ": not a Go quoted string: " + lit);
        if (lit.charAt(0) == '`') return lit.substring(1, lit.length() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = lit.substring(1, lit.length() - 1);
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c != '\\') {
                int cp = s.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
                continue;
            }
            if (i + 1 >= s.length()) throw GoliveException.badInput(where + ": bad escape at end of " + lit);
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write(10);
                case 'r' -> out.write(13);
                case 't' -> out.write(9);
                case 'v' -> out.write(11);
                case '\\', '"', '\'' -> out.write(e);
                case 'x' -> { out.write(hex(s, i, 2, where)); i += 2; }
                case 'u' -> { utf8(out, hex(s, i, 4, where)); i += 4; }
                case 'U' -> { utf8(out, hex(s, i, 8, where)); i += 8; }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 2 > s.length() || !s.substring(i - 1, i + 2).matches("[0-7]{3}")) {
                        throw GoliveException.badInput(where + ": bad octal escape in " + lit);
                    }
                    int v = Integer.parseInt(s.substring(i - 1, i + 2), 8);
                    if (v > 255) throw GoliveException.badInput(where + ": bad octal escape in " + lit);
                    out.write(v);
                    i += 2;
                }
                default -> throw GoliveException.badInput(where + ": unknown escape \\" + e + " in " + lit);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(String s, int at, int n, String where) {
        if (at + n > s.length() || !s.substring(at, at + n).matches("[0-9a-fA-F]+")) {
            throw GoliveException.badInput(where + ": bad hex escape");
        }
        long v = Long.parseLong(s.substring(at, at + n), 16);
        // Go rejects surrogates and anything past U+10FFFF in 4- and 8-digit escapes.
        if (n > 2 && (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))) throw GoliveException.badInput(where + ": escape is not a Unicode character");
        return (int) v;
    }

    private static void utf8(ByteArrayOutputStream out, int cp) {
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
    }
}
