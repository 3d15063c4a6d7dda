package dev.golive.model;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GOMEMLIMIT's syntax as the Go runtime reads it (runtime package documentation, GOMEMLIMIT;
 * runtime/debug.SetMemoryLimit): a whole number of bytes with an optional B, KiB, MiB, GiB or
 * TiB suffix, nothing between number and suffix, at most math.MaxInt64 bytes. The runtime
 * refuses anything else at start ("malformed GOMEMLIMIT"), so the service does not run.
 * "off" means no limit and is no byte count.
 */
public final class GoMemLimit {

    private GoMemLimit() { }

    private static final Pattern SYNTAX = Pattern.compile("(\\d+)(B|KiB|MiB|GiB|TiB|)");

    /** The bytes, however large; empty when the text is not a GOMEMLIMIT byte count (or is off). */
    public static Optional<BigInteger> bytes(String text) {
        if (text == null) return Optional.empty();
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) return Optional.empty();
        int shift = switch (m.group(2)) {
            case "KiB" -> 10; case "MiB" -> 20; case "GiB" -> 30; case "TiB" -> 40;
            default -> 0;
        };
        return Optional.of(new BigInteger(m.group(1)).shiftLeft(shift));
    }

    private static final long MIB = 1L << 20;

    /**
     * The GOMEMLIMIT golive proposes for a memory limit: {@code percent} of it, in whole MiB
     * (rounded down, so it stays below the limit). Empty when that share is under 1 MiB: it would
     * read "0MiB", and a limit that small cannot run a Go service at all (the binary's own pages
     * and the runtime's first heap arena and stacks exceed it); see {@link #tooSmall}.
     */
    public static Optional<String> target(long limitBytes, int percent) {
        long bytes = BigInteger.valueOf(limitBytes).multiply(BigInteger.valueOf(percent))
                .divide(BigInteger.valueOf(100)).longValue();
        return bytes < MIB ? Optional.empty() : Optional.of((bytes / MIB) + "MiB");
    }

    /** Why no GOMEMLIMIT is proposed for a limit {@link #target} refuses. */
    public static String tooSmall(long limitBytes, int percent) {
        return "a memory limit of " + limitBytes + " bytes leaves under 1 MiB at " + percent + "%: too small to run a Go service "
                + "(its binary and runtime alone need more); raise the memory limit instead of setting GOMEMLIMIT";
    }

    /** The bytes the runtime would use: empty when it is not a byte count or more than math.MaxInt64. */
    public static Optional<Long> value(String text) {
        return bytes(text).filter(b -> b.bitLength() < 64).map(BigInteger::longValueExact);
    }
}
