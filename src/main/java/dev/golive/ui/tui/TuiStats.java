package dev.golive.ui.tui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The budgets, measured in the running program (scripts/bench reads the summary from the log
 * file): first frame after JVM start, time from key press to the refreshed screen, and the
 * bytes each key press wrote to the terminal (through {@link Counting}).
 */
final class TuiStats {

    /**
     * The logger, made on first use: the first call starts logback (~50 ms cold), which must
     * not happen before the first frame.
     */
    private static Logger logger() { return LoggerFactory.getLogger(TuiStats.class); }

    /** Counts what goes to the terminal. */
    static final class Counting extends FilterOutputStream {
        private long bytes;

        Counting(OutputStream out) { super(out); }

        @Override public void write(int b) throws IOException { out.write(b); bytes++; }

        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); bytes += len; }

        long bytes() { return bytes; }
    }

    record Key(String name, long nanos, long bytes) { }

    private final List<Key> keys = new ArrayList<>();
    private final List<String> phaseNames = new ArrayList<>();
    private final List<Long> phaseTimes = new ArrayList<>();
    private long firstFrameAt = -1;

    /**
     * Marks the end of a start-up phase, for the log. Only the wall clock is read here: the
     * JVM's start time comes from java.lang.management, whose first use costs ~20 ms of class
     * loading, so it is asked for after the first frame (in {@link #log}).
     */
    void phase(String name) {
        phaseNames.add(name);
        phaseTimes.add(System.currentTimeMillis());
    }

    /** The first complete frame is on the terminal (wall clock, ms). */
    void firstFrame() { if (firstFrameAt < 0) firstFrameAt = System.currentTimeMillis(); }

    void key(String name, long nanos, long bytes) { keys.add(new Key(name, nanos, bytes)); }

    String summary() {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long firstFrameMs = firstFrameAt < 0 ? -1 : firstFrameAt - jvmStart;
        Key slowest = keys.stream().max(java.util.Comparator.comparingLong(Key::nanos)).orElse(null);
        List<Long> ns = keys.stream().map(Key::nanos).sorted().toList();
        List<Long> moves = keys.stream().filter(k -> List.of("j", "k", "down", "up").contains(k.name())).map(Key::bytes).sorted().toList();
        return String.format(java.util.Locale.ROOT,
                "tui stats: first frame %d ms after JVM start (at %d); %d keys; redraw median %.2f ms max %.2f ms (%s); "
                        + "list move bytes median %d max %d (%d moves)",
                firstFrameMs, firstFrameAt, keys.size(), med(ns) / 1e6, max(ns) / 1e6, slowest == null ? "-" : slowest.name(),
                med(moves), max(moves), moves.size());
    }

    /** The start-up phases, each as ms after JVM start. */
    String phases() {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < phaseNames.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(phaseNames.get(i)).append(' ').append(phaseTimes.get(i) - jvmStart);
        }
        return b.toString();
    }

    void log() {
        logger().info("tui start (ms after JVM start): {}", phases());
        logger().info(summary());
        logger().info("keys (name ms bytes): {}", detail());
    }

    /** Every key with its redraw time and bytes, for a closer look (debug log). */
    String detail() {
        StringBuilder b = new StringBuilder();
        for (Key k : keys) b.append(k.name()).append(' ').append(String.valueOf(Math.round(k.nanos() / 1e5) / 10.0)).append(' ').append(k.bytes()).append(", ");
        return b.toString();
    }

    private static long med(List<Long> l) { return l.isEmpty() ? 0 : l.get(l.size() / 2); }

    private static long max(List<Long> l) { return l.isEmpty() ? 0 : l.get(l.size() - 1); }
}
