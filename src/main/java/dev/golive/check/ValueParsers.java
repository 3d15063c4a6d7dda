package dev.golive.check;

import dev.golive.model.GoMemLimit;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the value syntaxes the rules read: systemd time spans and sizes, Go's GOMEMLIMIT. */
final class ValueParsers {

    private ValueParsers() { }

    private static final Pattern SPAN_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zµ]*)");

    /** A systemd time span ("100ms", "5s", "1min 30s", "2" = seconds) in milliseconds; "infinity" → empty. */
    static Optional<Double> timeSpanMillis(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("infinity")) return Optional.empty();
        Matcher m = SPAN_PART.matcher(t);
        double total = 0;
        int pos = 0;
        boolean any = false;
        while (m.find()) {
            if (!t.substring(pos, m.start()).isBlank()) return Optional.empty();
            Double unit = spanUnit(m.group(2));
            if (unit == null) return Optional.empty();
            total += Double.parseDouble(m.group(1)) * unit;
            pos = m.end();
            any = true;
        }
        if (!any || !t.substring(pos).isBlank()) return Optional.empty();
        return Optional.of(total);
    }

    private static Double spanUnit(String u) {
        switch (u) {
            case "": case "s": case "sec": case "second": case "seconds": return 1000.0;
            case "ms": case "msec": return 1.0;
            case "us": case "usec": case "µs": return 0.001;
            case "m": case "min": case "minute": case "minutes": return 60_000.0;
            case "h": case "hr": case "hour": case "hours": return 3_600_000.0;
            case "d": case "day": case "days": return 86_400_000.0;
            default: return null;
        }
    }

    /**
     * A systemd size (MemoryMax=): bytes with K/M/G/T suffixes (base 1024), or a percentage
     * of {@code totalBytes}; "infinity" or unparsable → empty.
     */
    static Optional<Long> systemdBytes(String text, Optional<Long> totalBytes) {
        if (text == null) return Optional.empty();
        String t = text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("infinity")) return Optional.empty();
        try {
            if (t.endsWith("%")) {
                double pct = Double.parseDouble(t.substring(0, t.length() - 1));
                return totalBytes.map(tb -> (long) (tb * pct / 100.0));
            }
            char last = Character.toUpperCase(t.charAt(t.length() - 1));
            long mult = switch (last) {
                case 'K' -> 1L << 10; case 'M' -> 1L << 20; case 'G' -> 1L << 30; case 'T' -> 1L << 40;
                default -> 1L;
            };
            String num = mult == 1L ? t : t.substring(0, t.length() - 1);
            return Optional.of((long) (Double.parseDouble(num) * mult));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

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
