package dev.golive.unit;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value syntaxes of the directives golive writes, parsed as systemd parses them
 * (systemd.resource-control(5), systemd.time(7)), so a value golive accepts is one systemd
 * accepts: sizes with the base-1024 suffixes K M G T P E (upper case only; "2g" and "2GB"
 * are refused by systemd too), percentages with at most two decimals for CPUQuota=, time
 * spans like {@code 1min 30s}. Each parser returns empty for a value systemd would ignore.
 */
final class SystemdValues {

    private SystemdValues() { }

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGTPE]?)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d{1,2})?)%");
    private static final Pattern TIME_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(usec|us|μs|msec|ms|seconds|second|sec|s|minutes|minute|min|m|hours|hour|hr|h|days|day|d|weeks|week|w|months|month|M|years|year|y)?");

    /** A memory size: bytes, or a percentage of physical RAM, or infinity. */
    sealed interface Size permits Bytes, PercentOfRam, Infinity { }
    record Bytes(long bytes) implements Size { }
    record PercentOfRam(BigDecimal percent) implements Size { }
    record Infinity() implements Size { }

    static Optional<Size> memory(String text) {
        if (text.equals("infinity")) return Optional.of(new Infinity());
        Matcher p = PERCENT.matcher(text);
        if (p.matches()) {
            BigDecimal v = new BigDecimal(p.group(1));
            return v.compareTo(BigDecimal.valueOf(100)) <= 0 ? Optional.of(new PercentOfRam(v)) : Optional.empty();
        }
        OptionalLong b = bytes(text);
        return b.isPresent() ? Optional.of(new Bytes(b.getAsLong())) : Optional.empty();
    }

    /** {@code 2G} → 2147483648; fractions allowed with a suffix ({@code 1.5G}), as systemd's parse_size does. */
    static OptionalLong bytes(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) return OptionalLong.empty();
        int shift = switch (m.group(2)) {
            case "K" -> 10; case "M" -> 20; case "G" -> 30; case "T" -> 40; case "P" -> 50; case "E" -> 60;
            default -> 0;
        };
        try {
            BigDecimal v = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2).pow(shift));
            if (shift == 0 && m.group(1).contains(".")) return OptionalLong.empty();
            return OptionalLong.of(v.toBigInteger().longValueExact());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** CPUQuota=: {@code 150%} → 1.5 CPUs; must be above 0. */
    static Optional<Double> cpuQuota(String text) {
        Matcher p = PERCENT.matcher(text);
        if (!p.matches()) return Optional.empty();
        double cpus = Double.parseDouble(p.group(1)) / 100.0;
        return cpus > 0 ? Optional.of(cpus) : Optional.empty();
    }

    /** TasksMax=: a count ≥ 1, a percentage of the kernel's pid limit, or infinity. */
    static boolean tasksMax(String text) {
        if (text.equals("infinity")) return true;
        Matcher p = PERCENT.matcher(text);
        if (p.matches()) return new BigDecimal(p.group(1)).signum() > 0 && new BigDecimal(p.group(1)).compareTo(BigDecimal.valueOf(100)) <= 0;
        try {
            return Long.parseLong(text) >= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A systemd time span ({@code 2s}, {@code 100ms}, {@code 1min 30s}, a bare number = seconds), or infinity. */
    static boolean timeSpan(String text) {
        if (text.equals("infinity")) return true;
        String t = text.strip();
        if (t.isEmpty() || !t.equals(text)) return false;
        int i = 0;
        Matcher m = TIME_PART.matcher(t);
        while (i < t.length()) {
            if (!m.find(i) || m.start() != i || m.end() == i) return false;
            i = m.end();
            while (i < t.length() && t.charAt(i) == ' ') i++;
        }
        return true;
    }

    /** GOMEMLIMIT syntax (runtime/debug): a byte count with an optional B, KiB, MiB, GiB or TiB suffix, or "off". */
    static boolean goMemLimit(String text) {
        return text.equals("off") || text.matches("\\d+(B|KiB|MiB|GiB|TiB)?");
    }
}
