package dev.golive.profile;

import dev.golive.model.Printable;
import dev.golive.model.SystemdValues;

import dev.golive.config.Yaml.Loc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Checking a value against its key's type, and evaluating expressions for a host. */
final class ValueChecks {
    private ValueChecks() { }

    private static final java.util.regex.Pattern LITERAL_INT = java.util.regex.Pattern.compile("-?\\d+");

    /** A name an expression needed that this host does not know (e.g. a capture without /proc/sys). */
    static final class Missing extends RuntimeException {
        Missing(String reason) { super(reason); }
    }

    /** Looks up a name for an expression: a long, or throws {@link Missing} with the reason. */
    interface Env extends Function<String, Long> { }

    /** All names an expression may use (for validation and suggestions). */
    static Set<String> names() {
        Set<String> all = new TreeSet<>(Expr.HOST_NAMES);
        all.add("current");
        all.addAll(Schema.SYSCTL.keySet());
        return all;
    }

    static void check(Schema.Key spec, String raw, Loc at) {
        switch (spec.type()) {
            case INT -> intValue(spec, raw, at);
            case VECTOR -> vector(spec, raw, at);
            case CHOICE -> {
                if (raw.contains(ProfileParser.CHOICE_SEPARATOR)) {
                    for (String o : raw.split(java.util.regex.Pattern.quote(ProfileParser.CHOICE_SEPARATOR))) check(spec, o, at);
                } else if (!spec.choices().contains(raw)) throw ProfileErrors.at(at, spec.name() + ": \"" + raw + "\" is not one of " + String.join(", ", spec.choices()));
            }
            case NOFILE -> nofile(spec, raw, at);
            case DURATION -> {
                if (!SystemdValues.timeSpan(raw)) throw ProfileErrors.at(at, spec.name() + ": \"" + raw + "\" is not a time span (e.g. 2s, 500ms, 1min)");
            }
            case TASKS -> {
                if (!ProfileParser.TASKS.matcher(raw).matches()) {
                    // an expression (max(200% of tasks.peak, 512)); a bare "N%" stays systemd's share of the pid limit
                    if (raw.contains("(") || raw.contains(" of ") || names().contains(raw.trim())) {
                        intValue(Schema.Key.num(spec.name(), 1, Long.MAX_VALUE), raw, at);
                        return;
                    }
                    throw ProfileErrors.at(at, spec.name() + ": \"" + raw + "\" is not a number, N%, infinity or an expression");
                }
                if (raw.endsWith("%") && Long.parseLong(raw.substring(0, raw.length() - 1)) > 100) throw ProfileErrors.at(at, spec.name() + ": " + raw + " is more than 100%");
            }
            case MEMLIMIT -> memLimitPercent(spec, raw, at);
            case GOMAXPROCS -> {
                if (!raw.equals("derive")) intValue(Schema.Key.num(spec.name(), 1, 1_000_000), raw, at);
            }
            case MEMORY -> {
                if (SystemdValues.memory(raw).isEmpty()) throw ProfileErrors.at(at, spec.name() + ": \"" + raw + "\" is not " + ProfileParser.expected(spec)
                        + " (" + SystemdValues.MEMORY_RANGE + ")");
            }
            case CPULIST -> {
                if (SystemdValues.cpuList(raw).isEmpty()) throw ProfileErrors.at(at, spec.name() + ": \"" + raw + "\" is not " + ProfileParser.expected(spec)
                        + " (" + SystemdValues.CPU_LIST_RANGE + ")");
            }
        }
    }

    static int memLimitPercent(Schema.Key spec, String raw, Loc at) {
        var m = ProfileParser.MEMLIMIT.matcher(raw);
        if (!m.matches()) throw ProfileErrors.at(at, spec.name() + ": expected \"N% of memory.max\", found \"" + raw + "\"");
        int p = Integer.parseInt(m.group(1));
        // DOMAIN.md: GOMEMLIMIT ≈ 90–95% of MemoryMax; below half wastes the limit, above 100% is no limit
        if (p < 50 || p > 100) throw ProfileErrors.at(at, spec.name() + ": " + p + "% is outside 50..100");
        return p;
    }

    /** A literal is range-checked; an expression is parsed and its names checked. */
    static Expr intValue(Schema.Key spec, String raw, Loc at) {
        if (LITERAL_INT.matcher(raw).matches()) {
            long v;
            try { v = Long.parseLong(raw); } catch (NumberFormatException e) { throw ProfileErrors.at(at, spec.name() + ": " + raw + " is too large"); }
            range(spec.name(), v, spec.min(), spec.max(), null, at);
            return new Expr.Num(v, 0);
        }
        Expr e;
        try {
            e = Expr.parse(raw);
        } catch (Expr.SyntaxError se) {
            throw ProfileErrors.at(shift(at, se.col), spec.name() + ": " + se.getMessage());
        }
        for (Expr.Name n : e.names()) {
            if (!names().contains(n.name())) {
                throw ProfileErrors.unknownKey(shift(at, n.col()), "name", n.name(), names());
            }
        }
        if (e instanceof Expr.Num n) range(spec.name(), n.value(), spec.min(), spec.max(), null, at);
        return e;
    }

    static void range(String key, long v, long min, long max, String kernel, Loc at) {
        try {
            range(key, v, min, max, kernel);
        } catch (Unfit u) {
            throw ProfileErrors.at(at, u.getMessage());
        }
    }

    private static void range(String key, long v, long min, long max, String kernel) {
        if (v < min || v > max) throw new Unfit(key + ": " + v + " is out of range " + min + ".." + max + (kernel == null ? "" : " on " + kernel));
    }

    static List<Long> vector(Schema.Key spec, String raw, Loc at) {
        try {
            return vector(spec, raw);
        } catch (Unfit u) {
            throw ProfileErrors.at(at, u.getMessage());
        }
    }

    private static List<Long> vector(Schema.Key spec, String raw) {
        String[] parts = raw.trim().split("\\s+");
        if (parts.length != spec.fields()) {
            throw new Unfit(spec.name() + ": expected " + spec.fields() + " numbers, found " + parts.length + " (\"" + raw + "\")");
        }
        List<Long> out = new ArrayList<>();
        for (String p : parts) {
            if (!LITERAL_INT.matcher(p).matches()) throw new Unfit(spec.name() + ": \"" + p + "\" is not a whole number");
            long v;
            try { v = Long.parseLong(p); } catch (NumberFormatException e) { throw new Unfit(spec.name() + ": " + p + " is too large"); }
            range(spec.name(), v, spec.min(), spec.max(), null);
            out.add(v);
        }
        for (int i = 1; i < out.size(); i++) {
            boolean strict = spec.fields() == 2; // a port range needs low < high; buffer sizes min <= default <= max
            if (strict ? out.get(i - 1) >= out.get(i) : out.get(i - 1) > out.get(i)) {
                throw new Unfit(spec.name() + ": " + raw + (strict ? ": low must be below high" : ": must be min <= default <= max"));
            }
        }
        return out;
    }

    /** Why a value does not fit its key; the caller places it (a profile's line:col, a plan file's field). */
    static final class Unfit extends RuntimeException {
        Unfit(String message) { super(message, null, false, false); }
    }

    /**
     * Why {@code raw} is not a value golive would write live for {@code spec}, or empty. Stricter
     * than a profile's value: no expressions, and exactly the form the planner writes (whole
     * numbers in canonical decimal, vector fields separated by one space, one of the choices),
     * because this text goes to the kernel as it is: "010" would be read as octal, a trailing
     * newline or a second line is a second write.
     */
    static Optional<String> liveProblem(Schema.Key spec, String raw) {
        try {
            switch (spec.type()) {
                case INT -> {
                    if (!LITERAL_INT.matcher(raw).matches()) throw new Unfit(spec.name() + ": \"" + raw + "\" is not a whole number");
                    canonical(spec, raw, vector(new Schema.Key(spec.name(), Schema.Type.VECTOR, spec.min(), spec.max(), 1, List.of(), null), raw));
                }
                case VECTOR -> canonical(spec, raw, vector(spec, raw));
                case CHOICE -> {
                    if (!spec.choices().contains(raw)) throw new Unfit(spec.name() + ": \"" + raw + "\" is not one of " + String.join(", ", spec.choices()));
                }
                default -> throw new Unfit(spec.name() + ": not a live value");
            }
            return Optional.empty();
        } catch (Unfit u) {
            return Optional.of(Printable.text(u.getMessage()));
        }
    }

    private static void canonical(Schema.Key spec, String raw, List<Long> fields) {
        String want = String.join(" ", fields.stream().map(String::valueOf).toList());
        if (!raw.equals(want)) throw new Unfit(spec.name() + ": \"" + raw + "\" is not written as golive writes it (\"" + want + "\")");
    }

    static void nofile(Schema.Key spec, String raw, Loc at) {
        if (raw.equals("infinity")) return;
        String[] sides = raw.split(":", -1);
        if (sides.length > 2) throw ProfileErrors.at(at, spec.name() + ": expected SOFT:HARD, found \"" + raw + "\"");
        Schema.Key side = Schema.Key.num(spec.name(), 1, Long.MAX_VALUE);
        int offset = 0;
        List<Long> literal = new ArrayList<>();
        for (String s : sides) {
            String t = s.trim();
            Loc sl = shift(at, offset + (s.length() - s.stripLeading().length()));
            if (!t.equals("infinity")) {
                Expr e = intValue(side, t, sl);
                for (Expr.Name n : e.names()) {
                    if (n.name().equals("current")) throw ProfileErrors.at(shift(sl, n.col()), spec.name() + ": \"current\" is only for sysctl values");
                }
                if (e instanceof Expr.Num n) literal.add(n.value());
            } else literal.add(Long.MAX_VALUE);
            offset += s.length() + 1;
        }
        if (literal.size() == 2 && literal.get(0) > literal.get(1)) throw ProfileErrors.at(at, spec.name() + ": soft limit " + sides[0] + " is above the hard limit " + sides[1]);
    }

    static Loc shift(Loc at, int cols) { return new Loc(at.file(), at.line(), at.col() + cols); }

    /** Evaluates an expression; names come from {@code env} (which throws {@link Missing}). */
    static long eval(Expr e, Env env) {
        if (e instanceof Expr.Num n) return n.value();
        if (e instanceof Expr.Name n) return env.apply(n.name());
        if (e instanceof Expr.Percent p) {
            long base = env.apply(p.of().name());
            // floor(base * p / 100) without overflow for large byte counts
            return base / 100 * p.percent() + base % 100 * p.percent() / 100;
        }
        Expr.Call c = (Expr.Call) e;
        long acc = eval(c.args().get(0), env);
        for (int i = 1; i < c.args().size(); i++) {
            long v = eval(c.args().get(i), env);
            acc = c.function().equals("max") ? Math.max(acc, v) : Math.min(acc, v);
        }
        return acc;
    }
}
