package dev.golive.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * THE parser of systemd's value syntaxes that golive reads and writes: time spans
 * (systemd.time(7): "2s", "100ms", "1min 30s", "1w", a bare number is seconds), sizes
 * (systemd.resource-control(5): base-1024 suffixes K M G T P E, upper case only, so "1g" and
 * "2GB" are refused as systemd refuses them), percentages of physical memory, TasksMax=,
 * CPUQuota=. The check rules (which read what a unit says) and the unit validator and
 * derivation (which decide what golive writes) both call these, so golive and systemd read
 * a value the same way. Every parser takes the value as systemd's unit file parser hands it
 * over (surrounding blanks already removed) and returns empty for a value systemd refuses
 * and ignores ("Failed to parse …, ignoring"), including a well-formed number outside what
 * systemd (or golive's own {@code long}) can hold: the {@code *_RANGE} texts say which, for
 * the one-line error that refuses it. Units and suffixes are case-sensitive as in systemd:
 * "m" is a minute, "M" a month.
 */
public final class SystemdValues {

    private SystemdValues() { }

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d{1,2})?)%");
    /** One part of a size: a number, an optional fraction (systemd also takes "10.M"), blanks, a suffix. */
    private static final Pattern SIZE_PART = Pattern.compile("[ \\t]*(\\d+)(?:\\.(\\d*))?[ \\t]*([EPTGMKB]?)");
    /** parse_size's suffixes, largest first; each part of "1G 512M" must use a smaller one than the last. */
    private static final List<String> SIZE_SUFFIXES = List.of("E", "P", "T", "G", "M", "K", "B", "");
    /**
     * One part of a time span. The longer spelling of a unit comes first so that "5ms" is not
     * read as five minutes and a stray "s"; "μs" is GREEK MU and "µs" MICRO SIGN, systemd knows both.
     */
    private static final Pattern TIME_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)[ \\t]*"
            + "(usec|us|μs|µs|msec|ms|seconds|second|sec|s|minutes|minute|min|months|month|m|M|hours|hour|hr|h"
            + "|days|day|d|weeks|week|w|years|year|y)?");

    /** systemd keeps a CPUQuota= in an int of hundredths of a percent (parse_permyriad_unbounded). */
    public static final long CPU_QUOTA_MAX_PERMYRIAD = Integer.MAX_VALUE;
    public static final String CPU_QUOTA_RANGE = "0.01%..21474836.47%";
    /** MemoryMax=/MemoryHigh=: systemd refuses 0 ("out of range"); golive holds bytes in a long. */
    /**
     * "No limit", as the admin asks for it: systemd's own word for MemoryMax=, TasksMax= and
     * LimitNOFILE=; for CPUQuota=, which has no such word, golive writes the empty assignment
     * that removes the quota (systemd.resource-control(5)).
     */
    public static final String INFINITY = "infinity";
    public static final String MEMORY_RANGE = "1.." + Long.MAX_VALUE + " bytes (below 8E), 0.01%..100% of RAM, or infinity";
    public static final String TASKS_RANGE = "1.." + Long.MAX_VALUE + ", 0.01%..100%, or infinity";
    /** systemd's usec_t is 64 bits and all ones means infinity: a longer span is ERANGE in parse_sec. */
    public static final BigInteger TIME_MAX_USEC = BigInteger.TWO.pow(64).subtract(BigInteger.TWO);
    public static final String TIME_RANGE = "0.." + TIME_MAX_USEC + "us, about 584542 years, or infinity";
    /** The Go runtime's parseByteCount refuses a GOMEMLIMIT above math.MaxInt64 and the service then fails to start. */
    public static final String GOMEMLIMIT_RANGE = "0.." + Long.MAX_VALUE + " bytes, or off";

    /** A memory size: bytes, or a percentage of physical RAM, or infinity. */
    public sealed interface Size permits Bytes, PercentOfRam, Infinity { }
    public record Bytes(long bytes) implements Size { }
    public record PercentOfRam(BigDecimal percent) implements Size {
        /** The share of {@code ramBytes}, rounded down to a whole byte. */
        public long of(long ramBytes) {
            return percent.multiply(BigDecimal.valueOf(ramBytes)).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValue();
        }
    }
    public record Infinity() implements Size { }

    /** MemoryMax=, MemoryHigh=: a size ≥ 1 byte, a percentage of physical RAM, or infinity. */
    public static Optional<Size> memory(String text) {
        if (text == null) return Optional.empty();
        if (text.equals("infinity")) return Optional.of(new Infinity());
        Matcher p = PERCENT.matcher(text);
        if (p.matches()) {
            BigDecimal v = new BigDecimal(p.group(1));
            return v.signum() > 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0 ? Optional.of(new PercentOfRam(v)) : Optional.empty();
        }
        OptionalLong b = bytes(text);
        return b.isPresent() && b.getAsLong() >= 1 ? Optional.of(new Bytes(b.getAsLong())) : Optional.empty();
    }

    /**
     * A memory limit in bytes: a percentage is taken of {@code ramBytes}; empty for infinity,
     * for a value systemd ignores, and for a percentage when the host's RAM is unknown.
     */
    public static Optional<Long> memoryBytes(String text, Optional<Long> ramBytes) {
        Optional<Size> size = memory(text);
        if (size.isPresent() && size.get() instanceof Bytes b) return Optional.of(b.bytes());
        if (size.isPresent() && size.get() instanceof PercentOfRam p) return ramBytes.map(p::of);
        return Optional.empty();
    }

    /**
     * A size in bytes: {@code 2G} → 2147483648, {@code 1.5G}, {@code 1024B}, {@code 1G 512M}
     * (parts with ever smaller suffixes add up), as systemd's parse_size reads them; empty
     * when it is no size or above {@link Long#MAX_VALUE}.
     */
    public static OptionalLong bytes(String text) {
        Optional<BigInteger> b = sizeBytes(text);
        if (b.isEmpty() || b.get().bitLength() > 63) return OptionalLong.empty();
        return OptionalLong.of(b.get().longValue());
    }

    /** The value has the form of a size ({@code 2G}, {@code 512}), whatever its magnitude. */
    public static boolean isSize(String text) { return sizeBytes(text).isPresent(); }

    private static Optional<BigInteger> sizeBytes(String text) {
        if (text == null || text.isEmpty() || !text.strip().equals(text)) return Optional.empty();
        Matcher m = SIZE_PART.matcher(text);
        BigInteger total = BigInteger.ZERO;
        int next = 0;
        int i = 0;
        while (i < text.length()) {
            if (!m.find(i) || m.start() != i) return Optional.empty();
            int suffix = SIZE_SUFFIXES.indexOf(m.group(3));
            if (suffix < next) return Optional.empty();
            // golive is stricter than parse_size here: a fraction of a byte without a suffix is refused, not truncated
            if (m.group(2) != null && m.group(3).isEmpty()) return Optional.empty();
            int shift = 10 * Math.max(0, 6 - suffix);
            BigDecimal n = new BigDecimal(m.group(1) + (m.group(2) == null || m.group(2).isEmpty() ? "" : "." + m.group(2)));
            total = total.add(n.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(shift))).toBigInteger());
            next = suffix + 1;
            i = m.end();
        }
        return Optional.of(total);
    }

    /** CPUQuota=: {@code 150%} → 1.5 CPUs; above 0 and within {@link #CPU_QUOTA_RANGE}. */
    public static Optional<Double> cpuQuota(String text) {
        Matcher p = PERCENT.matcher(text);
        if (!p.matches()) return Optional.empty();
        BigDecimal permyriad = new BigDecimal(p.group(1)).movePointRight(2);
        if (permyriad.signum() <= 0 || permyriad.compareTo(BigDecimal.valueOf(CPU_QUOTA_MAX_PERMYRIAD)) > 0) return Optional.empty();
        return Optional.of(permyriad.doubleValue() / 10000.0);
    }

    /** The value has the form {@code N%} (then an empty parse means it is out of range, not misspelt). */
    public static boolean isPercent(String text) { return PERCENT.matcher(text).matches(); }

    /** TasksMax=: a count ≥ 1, a percentage of the kernel's pid limit, or infinity. */
    public static boolean tasksMax(String text) {
        if (text.equals("infinity")) return true;
        Matcher p = PERCENT.matcher(text);
        if (p.matches()) return new BigDecimal(p.group(1)).signum() > 0 && new BigDecimal(p.group(1)).compareTo(BigDecimal.valueOf(100)) <= 0;
        if (!text.matches("\\d+")) return false;
        BigInteger n = new BigInteger(text);
        return n.signum() > 0 && n.bitLength() < 64;
    }

    /** A systemd time span ({@code 2s}, {@code 100ms}, {@code 1min 30s}, a bare number = seconds) within {@link #TIME_RANGE}, or infinity. */
    public static boolean timeSpan(String text) {
        if (text == null) return false;
        Optional<BigDecimal> usec = timeSpanUsec(text);
        return text.equals("infinity") || usec.isPresent() && usec.get().compareTo(new BigDecimal(TIME_MAX_USEC)) <= 0;
    }

    /**
     * A time span in milliseconds, for the rules that compare spans; empty for infinity, for a
     * span systemd refuses, and for one beyond {@link #TIME_RANGE}.
     */
    public static Optional<Double> timeSpanMillis(String text) {
        if (!timeSpan(text) || text.equals("infinity")) return Optional.empty();
        return timeSpanUsec(text).map(u -> u.doubleValue() / 1000.0);
    }

    /** The span in microseconds, however large; empty when it is not a time span (or is infinity). */
    public static Optional<BigDecimal> timeSpanUsec(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        if (t.isEmpty() || !t.equals(text)) return Optional.empty();
        int i = 0;
        BigDecimal usec = BigDecimal.ZERO;
        Matcher m = TIME_PART.matcher(t);
        while (i < t.length()) {
            if (!m.find(i) || m.start() != i || m.end() == i) return Optional.empty();
            usec = usec.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(usecPer(m.group(2)))));
            i = m.end();
            while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) i++;
        }
        return Optional.of(usec);
    }

    /** systemd.time(7)'s units; a bare number is seconds. A month is 30.44 days, a year 365.25 days. */
    private static long usecPer(String unit) {
        if (unit == null) return 1_000_000L;
        return switch (unit) {
            case "usec", "us", "μs", "µs" -> 1L;
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
    public static boolean goMemLimit(String text) {
        if (text.equals("off")) return true;
        return GoMemLimit.value(text).isPresent();
    }

    /** A GOMEMLIMIT's bytes, however large; empty when it is not GOMEMLIMIT syntax (or is off). */
    public static Optional<BigInteger> goMemLimitBytes(String text) { return GoMemLimit.bytes(text); }

    /** parse_cpu_set refuses a CPU index of 8192 or more ("Too large CPU index"). */
    public static final int CPU_INDEX_LIMIT = 8192;
    public static final String CPU_LIST_RANGE = "CPU indices 0.." + (CPU_INDEX_LIMIT - 1);
    private static final Pattern CPU_ITEM = Pattern.compile("(\\d+)(?:-(\\d+))?");

    /**
     * AllowedCPUs=, CPUAffinity= (systemd.resource-control(5), systemd.exec(5)): CPU indices and
     * ranges ({@code 0-3}) separated by commas or blanks; the CPUs it names, in order; empty when
     * systemd refuses it (a range running backwards, an index of {@link #CPU_INDEX_LIMIT} or more,
     * anything but digits, '-', ',' and blanks, or no CPU at all).
     */
    public static Optional<java.util.BitSet> cpuList(String text) {
        if (text == null) return Optional.empty();
        java.util.BitSet cpus = new java.util.BitSet();
        for (String item : text.split("[,\\s]+")) {
            if (item.isEmpty()) continue;
            Matcher m = CPU_ITEM.matcher(item);
            if (!m.matches() || m.group(1).length() > 5 || (m.group(2) != null && m.group(2).length() > 5)) return Optional.empty();
            int lo = Integer.parseInt(m.group(1));
            int hi = m.group(2) == null ? lo : Integer.parseInt(m.group(2));
            if (hi < lo || hi >= CPU_INDEX_LIMIT) return Optional.empty();
            cpus.set(lo, hi + 1);
        }
        return cpus.isEmpty() ? Optional.empty() : Optional.of(cpus);
    }

    /** One IOReadBandwidthMax=/IOWriteBandwidthMax= line: an absolute path and a rate in bytes per second. */
    public record Bandwidth(String path, OptionalLong bytesPerSecond) {
        /** As systemd writes it back: the path, a blank, the rate (or infinity). */
        public String text() { return path + " " + (bytesPerSecond.isPresent() ? Long.toString(bytesPerSecond.getAsLong()) : "infinity"); }
    }

    public static final String BANDWIDTH_FORM = "a device path and a rate in bytes per second, K, M, G or T to the base 1000 "
            + "(e.g. \"/dev/sda 50M\"), or infinity";

    /**
     * IOReadBandwidthMax=/IOWriteBandwidthMax= ({@code PATH BYTES}, systemd.resource-control(5)):
     * the path is a block device node or a file on the file system whose device is meant; the
     * rate's suffixes K, M, G, T count to the base 1000, unlike a memory size. Empty for what
     * systemd refuses: a relative path, no rate, a rate of 0, lower-case suffixes.
     */
    public static Optional<Bandwidth> bandwidth(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        int blank = t.lastIndexOf(' ');
        if (blank < 0 || !t.startsWith("/")) return Optional.empty();
        String path = t.substring(0, blank).strip(), rate = t.substring(blank + 1);
        if (path.isEmpty() || path.chars().anyMatch(Character::isWhitespace)) return Optional.empty();
        if (rate.equals("infinity")) return Optional.of(new Bandwidth(path, OptionalLong.empty()));
        Matcher m = Pattern.compile("(\\d+)([KMGT]?)").matcher(rate);
        if (!m.matches() || m.group(1).length() > 18) return Optional.empty();
        BigInteger n = new BigInteger(m.group(1)).multiply(BigInteger.TEN.pow(3 * "_KMGT".indexOf(m.group(2).isEmpty() ? "_" : m.group(2))));
        if (n.signum() <= 0 || n.bitLength() > 63) return Optional.empty();
        return Optional.of(new Bandwidth(path, OptionalLong.of(n.longValue())));
    }
}
