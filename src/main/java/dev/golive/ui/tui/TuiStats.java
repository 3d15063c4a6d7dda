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
    private long firstFrameMs = -1;

    private final StringBuilder phases = new StringBuilder();

    /** Marks the end of a start-up phase (ms after JVM start), for the log. */
    void phase(String name) {
        long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        phases.append(phases.length() == 0 ? "" : ", ").append(name).append(" ").append(ms);
    }

    void firstFrame(long msAfterStart) { if (firstFrameMs < 0) firstFrameMs = msAfterStart; }

    void key(String name, long nanos, long bytes) { keys.add(new Key(name, nanos, bytes)); }

    String summary() {
        List<Long> ns = keys.stream().map(Key::nanos).sorted().toList();
        List<Long> moves = keys.stream().filter(k -> List.of("j", "k", "down", "up").contains(k.name())).map(Key::bytes).sorted().toList();
        return String.format(java.util.Locale.ROOT,
                "tui stats: first frame %d ms after JVM start; %d keys; redraw median %.2f ms max %.2f ms; "
                        + "list move bytes median %d max %d (%d moves)",
                firstFrameMs, keys.size(), med(ns) / 1e6, max(ns) / 1e6, med(moves), max(moves), moves.size());
    }

    void log() {
        logger().info("tui start (ms after JVM start): {}", phases);
        logger().info(summary());
    }

    private static long med(List<Long> l) { return l.isEmpty() ? 0 : l.get(l.size() / 2); }

    private static long max(List<Long> l) { return l.isEmpty() ? 0 : l.get(l.size() - 1); }
}
