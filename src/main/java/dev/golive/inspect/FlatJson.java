package dev.golive.inspect;

import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON object `go env -json` prints ({"GOROOT": "/usr/lib/go", …}) as a map, read by
 * hand: Jackson's parser, first used here on a cold JVM, cost ~2.6 ms of the probing thread's
 * CPU. Strict RFC 8259 as Jackson reads it by default; a member whose value is a string, number,
 * true or false gives its text, null gives "", a nested object or array is skipped (after being
 * read through); anything that is not such an object (bad syntax anywhere up to its closing
 * brace, a control character inside a string, nesting deeper than Jackson's 1000) gives an
 * empty map. Text after the closing brace is not read, as Jackson's token loop never reached it.
 * Jackson's length limits (numbers over 1000 digits, strings over millions of characters) are
 * not copied: go env prints neither.
 */
final class FlatJson {
    private FlatJson() { }

    private static final int MAX_DEPTH = 1000;

    static Map<String, String> read(String text) {
        Cursor c = new Cursor(text);
        try {
            c.skipWs();
            if (!c.take('{')) return Map.of();
            Map<String, String> out = new TreeMap<>();
            c.skipWs();
            if (c.take('}')) return out;
            while (true) {
                c.skipWs();
                String key = c.string();
                c.skipWs();
                c.expect(':');
                c.skipWs();
                char first = c.peek();
                if (first == '{' || first == '[') c.value(2);
                else if (first == '"') out.put(key, c.string());
                else {
                    String literal = c.literal();
                    out.put(key, literal.equals("null") ? "" : literal);
                }
                c.skipWs();
                if (c.take('}')) return out;
                c.expect(',');
            }
        } catch (Bad e) {
            return Map.of();
        }
    }

    /** Not the JSON golive reads: the whole object counts as unreadable. */
    private static final class Bad extends Exception {
        Bad() { super(null, null, false, false); }
    }

    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) { this.s = s; }

        char peek() throws Bad {
            if (i >= s.length()) throw new Bad();
            return s.charAt(i);
        }

        boolean take(char want) {
            if (i < s.length() && s.charAt(i) == want) {
                i++;
                return true;
            }
            return false;
        }

        void expect(char want) throws Bad { if (!take(want)) throw new Bad(); }

        void skipWs() {
            while (i < s.length()) {
                char ch = s.charAt(i);
                if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') return;
                i++;
            }
        }

        /** Any value, checked and dropped; {@code depth} is its depth as a container (the outer object is 1). */
        void value(int depth) throws Bad {
            char first = peek();
            if (first == '"') {
                string();
            } else if (first == '{' || first == '[') {
                if (depth > MAX_DEPTH) throw new Bad();
                char close = first == '{' ? '}' : ']';
                i++;
                skipWs();
                if (take(close)) return;
                while (true) {
                    skipWs();
                    if (close == '}') {
                        string();
                        skipWs();
                        expect(':');
                        skipWs();
                    }
                    value(depth + 1);
                    skipWs();
                    if (take(close)) return;
                    expect(',');
                }
            } else {
                literal();
            }
        }

        String string() throws Bad {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char ch = peek();
                i++;
                if (ch == '"') return b.toString();
                if (ch < 0x20) throw new Bad();
                if (ch != '\\') {
                    b.append(ch);
                    continue;
                }
                char e = peek();
                i++;
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) throw new Bad();
                        int cp = 0;
                        for (int k = 0; k < 4; k++) {
                            int d = Character.digit(s.charAt(i++), 16);
                            if (d < 0) throw new Bad();
                            cp = cp * 16 + d;
                        }
                        b.append((char) cp);
                    }
                    default -> throw new Bad();
                }
            }
        }

        /** true, false, null or a number (-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?), as written. */
        String literal() throws Bad {
            int start = i;
            for (String word : new String[] {"true", "false", "null"}) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return endOfLiteral(start);
                }
            }
            take('-');
            if (!take('0')) {
                if (digits() == 0) throw new Bad();
            }
            if (take('.') && digits() == 0) throw new Bad();
            if (take('e') || take('E')) {
                if (!take('+')) take('-');
                if (digits() == 0) throw new Bad();
            }
            return endOfLiteral(start);
        }

        private int digits() {
            int n = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                n++;
            }
            return n;
        }

        /** A literal runs into nothing but a separator ("truex", "01" and "1x" are not JSON). */
        private String endOfLiteral(int start) throws Bad {
            if (i < s.length()) {
                char ch = s.charAt(i);
                if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r' && ch != ',' && ch != '}' && ch != ']') throw new Bad();
            }
            return s.substring(start, i);
        }
    }
}
