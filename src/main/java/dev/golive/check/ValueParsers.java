package dev.golive.check;

import dev.golive.model.GoMemLimit;

import java.util.Locale;
import java.util.Optional;

/**
 * Small value helpers of the rules. systemd time spans and sizes are parsed by
 * {@link dev.golive.model.SystemdValues}, the one parser the unit validator uses too.
 */
final class ValueParsers {

    private ValueParsers() { }

    /** GOMEMLIMIT as the Go runtime reads it; "off", a malformed value or one above MaxInt64 → empty. */
    static Optional<Long> goMemLimit(String text) { return GoMemLimit.value(text); }

    static Optional<Long> parseLong(String s) {
        try { return Optional.of(Long.parseLong(s.trim())); } catch (RuntimeException e) { return Optional.empty(); }
    }

    static boolean yes(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        return t.equals("yes") || t.equals("true") || t.equals("on") || t.equals("1");
    }

    static String mib(long bytes) { return (bytes >> 20) + " MiB"; }

    static String cpus(double c) {
        return c == Math.rint(c) ? Long.toString((long) c) : String.format(Locale.ROOT, "%.2f", c);
    }
}
