package dev.golive.model;

/**
 * A soft:hard RLIMIT_NOFILE pair. {@link #INFINITY} stands for "infinity"/"unlimited".
 */
public record NofileLimit(long soft, long hard) {

    public static final long INFINITY = Long.MAX_VALUE;

    public NofileLimit {
        if (soft < 0 || hard < 0) throw new IllegalArgumentException("negative limit");
    }

    /** Parses {@code 1024:524288}, {@code 65536} (both), {@code infinity}. */
    public static java.util.Optional<NofileLimit> parse(String text) {
        if (text == null) return java.util.Optional.empty();
        String t = text.trim();
        if (t.isEmpty()) return java.util.Optional.empty();
        String[] parts = t.split(":", -1);
        if (parts.length > 2) return java.util.Optional.empty();
        try {
            long soft = one(parts[0]);
            long hard = parts.length == 2 ? one(parts[1]) : soft;
            return java.util.Optional.of(new NofileLimit(soft, hard));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static long one(String s) {
        String v = s.trim();
        if (v.equalsIgnoreCase("infinity") || v.equalsIgnoreCase("unlimited")) return INFINITY;
        long n = Long.parseLong(v);
        if (n < 0) throw new NumberFormatException(v);
        return n;
    }

    @Override public String toString() { return fmt(soft) + ":" + fmt(hard); }

    private static String fmt(long v) { return v == INFINITY ? "infinity" : Long.toString(v); }
}
