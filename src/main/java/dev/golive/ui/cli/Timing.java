package dev.golive.ui.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Wall and CPU time of one operation, for scripts/bench (hidden --timing). CPU time of this
 * thread tells golive's own work from time spent waiting for fsync or for a busy machine.
 * ThreadMXBean is loaded only when asked: it costs class loading a normal run must not pay.
 */
final class Timing {
    private final boolean on;
    private final long wall0, cpu0;

    private Timing(boolean on) {
        this.on = on;
        this.wall0 = System.nanoTime();
        this.cpu0 = on ? bean().getCurrentThreadCpuTime() : 0;
    }

    static Timing start(boolean on) { return new Timing(on); }

    void report(PrintWriter err, String what) {
        if (!on) return;
        double wall = (System.nanoTime() - wall0) / 1e6, cpu = (bean().getCurrentThreadCpuTime() - cpu0) / 1e6;
        err.printf(Locale.ROOT, "timing: %s %.1f ms wall, %.1f ms CPU%n", what, wall, cpu);
        err.flush();
    }

    private static ThreadMXBean bean() { return ManagementFactory.getThreadMXBean(); }
}
