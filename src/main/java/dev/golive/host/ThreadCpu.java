package dev.golive.host;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * CPU time of the calling thread, for --timing: the first field of Linux's
 * /proc/thread-self/schedstat (nanoseconds on a CPU, user and kernel; the kernel brings a running
 * thread's count up to date at each scheduler tick, so a difference is exact to a tick, which a
 * median over several runs evens out). This is golive's own
 * process on the machine it runs on, whatever root is inspected, and never goes to the access
 * log (a capture must not copy it). Reading it costs a few microseconds; java.lang.management
 * would load its own subsystem into every cold start.
 */
public final class ThreadCpu {
    private ThreadCpu() { }

    /** Nanoseconds, or -1 where the kernel does not say (no schedstat, not Linux). */
    public static long nanos() {
        try (FileInputStream in = new FileInputStream("/proc/thread-self/schedstat")) {
            String s = new String(in.readNBytes(128), StandardCharsets.US_ASCII);
            int sp = s.indexOf(' ');
            return Long.parseLong(sp < 0 ? s.trim() : s.substring(0, sp));
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
