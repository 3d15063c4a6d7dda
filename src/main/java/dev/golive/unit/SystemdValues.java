package dev.golive.unit;

import dev.golive.model.GoMemLimit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value syntaxes of the directives golive writes, parsed as systemd parses them
 * (systemd.resource-control(5), systemd.time(7)), so a value golive accepts is one systemd
 * accepts: sizes with the base-1024 suffixes K M G T P E (upper case only; "2g" and "2GB"
 * are refused by systemd too), percentages with at most two decimals for CPUQuota=, time
 * spans like {@code 1min 30s}. Each parser returns empty for a value systemd would ignore,
 * including a well-formed number outside what systemd (or golive's own {@code long}) can hold:
 * the {@code *_RANGE} texts say which, for the one-line error that refuses it.
 */
final class SystemdValues {

    private SystemdValues() { }

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGTPE]?)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d{1,2})?)%");
    private static final Pattern TIME_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(usec|us|μs|msec|ms|seconds|second|sec|s|minutes|minute|min|m|hours|hour|hr|h|days|day|d|weeks|week|w|months|month|M|years|year|y)?");

    /** systemd keeps a CPUQuota= in an int of hundredths of a percent (parse_permyriad_unbounded). */
    static final long CPU_QUOTA_MAX_PERMYRIAD = Integer.MAX_VALUE;
    static final String CPU_QUOTA_RANGE = "0.01%..21474836.47%";
    /** MemoryMax=/MemoryHigh=: systemd refuses 0 ("out of range"); golive holds bytes in a long. */
    static final String MEMORY_RANGE = "1.." + Long.MAX_VALUE + " bytes (below 8E), 0.01%..100% of RAM, or infinity";
    static final String TASKS_RANGE = "1.." + Long.MAX_VALUE + ", 0.01%..100%, or infinity";
    /** systemd's usec_t is 64 bits and all ones means infinity: a longer span is ERANGE in parse_sec. */
    static final BigInteger TIME_MAX_USEC = BigInteger.TWO.pow(64).subtract(BigInteger.TWO);
    static final String TIME_RANGE = "0.." + TIME_MAX_USEC + "us, about 584542 years, or infinity";
    /** The Go runtime's parseByteCount refuses a GOMEMLIMIT above math.MaxInt64 and the service then fails to start. */
    static final String GOMEMLIMIT_RANGE = "0.." + Long.MAX_VALUE + " bytes, or off";

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
            return v.signum() > 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0 ? Optional.of(new PercentOfRam(v)) : Optional.empty();
        }
        OptionalLong b = bytes(text);
        return b.isPresent() && b.getAsLong() >= 1 ? Optional.of(new Bytes(b.getAsLong())) : Optional.empty();
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

    /** CPUQuota=: {@code 150%} → 1.5 CPUs; above 0 and within {@link #CPU_QUOTA_RANGE}. */
    static Optional<Double> cpuQuota(String text) {
        Matcher p = PERCENT.matcher(text);
        if (!p.matches()) return Optional.empty();
        BigDecimal permyriad = new BigDecimal(p.group(1)).movePointRight(2);
        if (permyriad.signum() <= 0 || permyriad.compareTo(BigDecimal.valueOf(CPU_QUOTA_MAX_PERMYRIAD)) > 0) return Optional.empty();
        return Optional.of(permyriad.doubleValue() / 10000.0);
    }

    /** The value has the form {@code N%} (then an empty parse means it is out of range, not misspelt). */
    static boolean isPercent(String text) { return PERCENT.matcher(text).matches(); }

    /** The value has the form of a size ({@code 2G}, {@code 512}), whatever its magnitude. */
    static boolean isSize(String text) {
        Matcher m = SIZE.matcher(text);
        return m.matches() && !(m.group(2).isEmpty() && m.group(1).contains(".")); // systemd takes fractions only with a suffix
    }

    /** TasksMax=: a count ≥ 1, a percentage of the kernel's pid limit, or infinity. */
    static boolean tasksMax(String text) {
        if (text.equals("infinity")) return true;
        Matcher p = PERCENT.matcher(text);
        if (p.matches()) return new BigDecimal(p.group(1)).signum() > 0 && new BigDecimal(p.group(1)).compareTo(BigDecimal.valueOf(100)) <= 0;
        if (!text.matches("\\d+")) return false;
        BigInteger n = new BigInteger(text);
        return n.signum() > 0 && n.bitLength() < 64;
    }

    /** A systemd time span ({@code 2s}, {@code 100ms}, {@code 1min 30s}, a bare number = seconds) within {@link #TIME_RANGE}, or infinity. */
    static boolean timeSpan(String text) {
        Optional<BigDecimal> usec = timeSpanUsec(text);
        return text.equals("infinity") || usec.isPresent() && usec.get().compareTo(new BigDecimal(TIME_MAX_USEC)) <= 0;
    }

    /** The span in microseconds, however large; empty when it is not a time span (or is infinity). */
    static Optional<BigDecimal> timeSpanUsec(String text) {
        String t = text.strip();
        if (t.isEmpty() || !t.equals(text)) return Optional.empty();
        int i = 0;
        BigDecimal usec = BigDecimal.ZERO;
        Matcher m = TIME_PART.matcher(t);
        while (i < t.length()) {
            if (!m.find(i) || m.start() != i || m.end() == i) return Optional.empty();
            usec = usec.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(usecPer(m.group(2)))));
            i = m.end();
            while (i < t.length() && t.charAt(i) == ' ') i++;
        }
        return Optional.of(usec);
    }

    /** systemd.time(7)'s units; a bare number is seconds. A month is 30.44 days, a year 365.25 days. */
    private static long usecPer(String unit) {
        if (unit == null) return 1_000_000L;
        return switch (unit) {
            case "usec", "us", "μs" -> 1L;
            case "msec", "ms" -> 1_000L;
            case "seconds", "second", "sec", "s" -> 1_000_000L;
            case "minutes", "minute", "min", "m" -> 60_000_000L;
            case "hours", "hour", "hr", "h" -> 3_600_000_000L;
            case "days", "day", "d" -> 86_400_000_000L;
            case "weeks", "week", "w" -> 604_800_000_000L;
            case "months", "month", "M" -> 2_629_800_000_000L;
            default -> 31_557_600_000_000L; // years, year, y
        };
    }

    /** GOMEMLIMIT syntax (runtime/debug): a byte count with an optional B, KiB, MiB, GiB or TiB suffix, or "off". */
    static boolean goMemLimit(String text) {
        if (text.equals("off")) return true;
        return GoMemLimit.value(text).isPresent();
    }

    /** A GOMEMLIMIT's bytes, however large; empty when it is not GOMEMLIMIT syntax (or is off). */
    static Optional<BigInteger> goMemLimitBytes(String text) { return GoMemLimit.bytes(text); }
}
