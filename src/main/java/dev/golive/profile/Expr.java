package dev.golive.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tiny expression language for values derived from the host (docs/profiles.md):
 * <pre>
 *   expr    := percent | call | number | name
 *   percent := number "%" "of" name            90% of memory.max
 *   call    := ("max" | "min") "(" expr ("," expr)* ")"
 *   number  := digits [K | M | G | T]          binary multiples: 4K = 4096
 *   name    := "current" | a sysctl key | memory.max | memory.total | cpu.count | tasks.peak
 * </pre>
 * Whole numbers only (64-bit); a percentage (0..1000) rounds down. Nothing else (no arithmetic, no
 * conditionals): a profile stays readable as data.
 */
sealed interface Expr permits Expr.Num, Expr.Name, Expr.Call, Expr.Percent {

    /** Host names an expression may use besides {@code current} and sysctl keys. */
    Set<String> HOST_NAMES = Set.of("memory.max", "memory.total", "cpu.count", "tasks.peak");
    Set<String> FUNCTIONS = Set.of("max", "min");

    /** The largest percentage of a name: ten times a peak is room enough for any sizing. */
    long MAX_PERCENT = 1000;

    /** {@code col} is the offset of the token in the expression text (0-based), for errors. */
    record Num(long value, int col) implements Expr { }

    record Name(String name, int col) implements Expr { }

    record Call(String function, List<Expr> args, int col) implements Expr {
        public Call { args = List.copyOf(args); }
    }

    record Percent(long percent, Name of, int col) implements Expr { }

    /** A syntax error at {@code col} (0-based offset in the text). */
    final class SyntaxError extends RuntimeException {
        final int col;
        SyntaxError(int col, String message) { super(message); this.col = col; }
    }

    /** Every name the expression reads (for dependency order and validation). */
    default List<Name> names() {
        List<Name> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(Expr e, List<Name> out) {
        if (e instanceof Name n) out.add(n);
        else if (e instanceof Percent p) out.add(p.of());
        else if (e instanceof Call c) for (Expr a : c.args()) collect(a, out);
    }

    static Expr parse(String text) {
        Parser p = new Parser(text);
        Expr e = p.expr();
        p.skipSpace();
        if (p.pos < text.length()) throw new SyntaxError(p.pos, "unexpected \"" + text.substring(p.pos) + "\"");
        return e;
    }

    /** Recursive descent over the grammar above. */
    final class Parser {
        private final String s;
        private int pos;

        Parser(String s) { this.s = s; }

        void skipSpace() { while (pos < s.length() && s.charAt(pos) == ' ') pos++; }

        Expr expr() {
            skipSpace();
            if (pos >= s.length()) throw new SyntaxError(pos, "expected a number, a name or max(...)/min(...)");
            char c = s.charAt(pos);
            if (Character.isDigit(c)) {
                int start = pos;
                long n = number();
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == '%') {
                    pos++;
                    skipSpace();
                    int ofAt = pos;
                    if (!s.startsWith("of", pos) || (pos + 2 < s.length() && s.charAt(pos + 2) != ' ')) {
                        throw new SyntaxError(ofAt, "expected \"of\" after \"" + n + "%\"");
                    }
                    pos += 2;
                    skipSpace();
                    Expr target = expr();
                    if (!(target instanceof Name name)) throw new SyntaxError(ofAt, "a percentage applies to a name, e.g. 90% of memory.max");
                    // above 100 is room over a measured value (200% of tasks.peak); a key's own range bounds the result
                    if (n < 0 || n > MAX_PERCENT) throw new SyntaxError(start, "a percentage is 0.." + MAX_PERCENT + ", not " + n);
                    return new Percent(n, name, start);
                }
                return new Num(n, start);
            }
            if (Character.isLetter(c)) {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "._-/".indexOf(s.charAt(pos)) >= 0)) pos++;
                String word = s.substring(start, pos);
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == '(') {
                    if (!FUNCTIONS.contains(word)) {
                        String hint = ProfileErrors.suggest(word, FUNCTIONS).map(x -> " (did you mean \"" + x + "\"?)").orElse("");
                        throw new SyntaxError(start, "unknown function \"" + word + "\"" + hint + "; functions: max, min");
                    }
                    pos++;
                    List<Expr> args = new ArrayList<>();
                    args.add(expr());
                    skipSpace();
                    while (pos < s.length() && s.charAt(pos) == ',') {
                        pos++;
                        args.add(expr());
                        skipSpace();
                    }
                    if (pos >= s.length() || s.charAt(pos) != ')') throw new SyntaxError(pos, "expected \",\" or \")\"");
                    pos++;
                    if (args.size() < 2) throw new SyntaxError(start, word + "() needs at least two arguments");
                    return new Call(word, args, start);
                }
                return new Name(word, start);
            }
            throw new SyntaxError(pos, "unexpected \"" + c + "\"");
        }

        private long number() {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            long n;
            try {
                n = Long.parseLong(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new SyntaxError(start, "number too large");
            }
            if (pos < s.length()) {
                int shift = switch (s.charAt(pos)) { case 'K' -> 10; case 'M' -> 20; case 'G' -> 30; case 'T' -> 40; default -> 0; };
                if (shift > 0) {
                    pos++;
                    if (n > (Long.MAX_VALUE >> shift)) throw new SyntaxError(start, "number too large");
                    n <<= shift;
                }
            }
            return n;
        }
    }
}
