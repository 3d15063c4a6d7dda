package dev.golive.inspect;

import dev.golive.model.Fact;
import dev.golive.model.Source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Small parsing helpers shared by the probes: numbers, key: value files, line lookups. */
final class Text {
    private Text() { }

    static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    // These helpers run for most files inspection reads, on a cold JVM: plain branches rather
    // than Optional/Fact.map with lambdas, each of which costs ~85 µs to link the first time.

    static Optional<Integer> parseInt(String s) {
        Optional<Long> n = parseLong(s);
        return n.isPresent() ? Optional.of(n.get().intValue()) : Optional.empty();
    }

    static Fact<Long> longFact(Fact<String> f) {
        if (!(f instanceof Fact.Known<String> k)) return Fact.unknown(((Fact.Unknown<String>) f).reason());
        String v = k.value().trim();
        Optional<Long> n = parseLong(v);
        return n.isPresent() ? Fact.of(n.get(), k.source()) : Fact.unknown(k.source().describe() + ": not a number: \"" + v + "\"");
    }

    /** {@code v} read from {@code src}, or {@code otherwise} when there is none. */
    static <T> Fact<T> factOr(Optional<T> v, Source src, Fact<T> otherwise) {
        return v.isPresent() ? Fact.of(v.get(), src) : otherwise;
    }

    static Fact<Integer> intFact(Fact<String> f) {
        Fact<Long> n = longFact(f);
        return n instanceof Fact.Known<Long> k ? Fact.of(k.value().intValue(), k.source()) : Fact.unknown(((Fact.Unknown<Long>) n).reason());
    }

    static Fact<String> trimmed(Fact<String> f) {
        return f instanceof Fact.Known<String> k ? Fact.of(k.value().trim(), k.source()) : Fact.unknown(((Fact.Unknown<String>) f).reason());
    }

    /** The line number (1-based) and value of the first line {@code key<sep>value} in text. */
    static Optional<Map.Entry<Integer, String>> field(String text, String key, char sep) {
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            int i = line.indexOf(sep);
            if (i > 0 && line.substring(0, i).trim().equals(key)) return Optional.of(Map.entry(n, line.substring(i + 1).trim()));
        }
        return Optional.empty();
    }

    /** A fact for {@code key<sep>value} inside a file fact, pointing at the exact line. */
    static Fact<String> fieldFact(Fact<String> file, String key, char sep) {
        if (!file.known()) return Fact.unknown(((Fact.Unknown<String>) file).reason());
        String path = ((Source.File) file.src().get()).path();
        Optional<Map.Entry<Integer, String>> e = field(file.orElse(""), key, sep);
        return e.isPresent() ? Fact.of(e.get().getValue(), new Source.File(path, e.get().getKey())) : Fact.unknown(path + ": no " + key);
    }

    /** os-release style KEY=value with optional quotes. */
    static Map<String, Map.Entry<Integer, String>> shellVars(String text) {
        Map<String, Map.Entry<Integer, String>> m = new LinkedHashMap<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int eq = t.indexOf('=');
            if (eq <= 0) continue;
            String v = t.substring(eq + 1).trim();
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            m.put(t.substring(0, eq).trim(), Map.entry(n, v));
        }
        return m;
    }

    /**
     * The words of {@code s}: exactly {@code s.trim().split("\\s+")} ({@code [""]} for a blank
     * string) without the regex, which String.split compiles anew on every call for this pattern
     * (once per line of /proc/net/tcp, which has a line per socket).
     */
    static String[] fields(String s) {
        String t = s.trim();
        if (t.isEmpty()) return new String[] {""};
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = 0, n = t.length();
        while (i < n) {
            int j = i;
            while (j < n && !space(t.charAt(j))) j++;
            out.add(t.substring(i, j));
            while (j < n && space(t.charAt(j))) j++;
            i = j;
        }
        return out.toArray(new String[0]);
    }

    /** The characters of the regex class \s: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Counts CPUs in a kernel cpu list such as "0-3,8,10-11". Empty on a malformed list. */
    static Optional<Integer> countCpuList(String list) {
        String t = list.trim();
        if (t.isEmpty()) return Optional.of(0);
        int count = 0;
        for (String part : t.split(",")) {
            String[] r = part.trim().split("-");
            try {
                if (r.length == 1) count += 1;
                else if (r.length == 2) {
                    int a = Integer.parseInt(r[0].trim()), b = Integer.parseInt(r[1].trim());
                    if (b < a) return Optional.empty();
                    count += b - a + 1;
                } else return Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(count);
    }

    /** The value of {@code name=} on a kernel command line, if present. */
    static Optional<String> cmdlineParam(String cmdline, String name) {
        // the kernel stops at " -- ": what follows belongs to init
        String k = cmdline;
        int dd = k.indexOf(" -- ");
        if (dd >= 0) k = k.substring(0, dd);
        String found = null;
        for (String tok : fields(k)) {
            if (tok.equals(name)) found = "";
            else if (tok.startsWith(name + "=")) found = tok.substring(name.length() + 1);
        }
        return Optional.ofNullable(found);
    }

    /** "always [madvise] never" → "madvise". */
    static Optional<String> bracketed(String s) {
        int a = s.indexOf('['), b = s.indexOf(']');
        return a >= 0 && b > a ? Optional.of(s.substring(a + 1, b)) : Optional.empty();
    }
}
