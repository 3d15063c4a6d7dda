package dev.golive.host;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything golive read, wrote or ran in this process, in order. The capture command
 * copies exactly what inspection read; the TUI's command log shows it to the admin.
 * Thread-safe: probes and UI workers append from several threads.
 */
public final class AccessLog {

    public enum Kind { READ, LIST, WRITE, COMMAND }

    /** One entry; {@code exitCode} and {@code took} are set for commands only. */
    public record Entry(Instant at, Kind kind, String what, Integer exitCode, Duration took, String detail) { }

    private final List<Entry> entries = new ArrayList<>();
    /** Entries of a thread that works apart ({@link #collectApart}); null on every other thread. */
    private final ThreadLocal<List<Entry>> apart = new ThreadLocal<>();

    public void add(Entry e) {
        List<Entry> held = apart.get();
        if (held != null) {
            held.add(e);
            return;
        }
        synchronized (this) {
            entries.add(e);
        }
    }

    /**
     * Runs {@code work} on this thread with what it logs held apart, and returns those entries for
     * {@link #addAll}: a probe running beside the main thread logs in a place the main thread
     * chooses, so the log (and a capture's list of absent paths) has the same order on every run.
     */
    public List<Entry> collectApart(Runnable work) {
        List<Entry> held = new ArrayList<>();
        apart.set(held);
        try {
            work.run();
        } finally {
            apart.remove();
        }
        return held;
    }

    public synchronized void addAll(List<Entry> held) { entries.addAll(held); }

    public void read(String path, boolean found) {
        add(new Entry(Instant.now(), Kind.READ, path, null, null, found ? "ok" : "missing"));
    }

    /**
     * A read of bytes {@code start}..{@code end} of a file only (a version banner in a binary):
     * a capture copies that excerpt, not the file. Its detail is "excerpt START-END".
     */
    public void excerpt(String path, int start, int end) {
        add(new Entry(Instant.now(), Kind.READ, path, null, null, EXCERPT + start + "-" + end));
    }

    /** The detail of an {@link #excerpt} entry starts with this. */
    public static final String EXCERPT = "excerpt ";

    /**
     * A read for an excerpt that found nothing to search (no such file, larger than
     * {@code maxBytes}, unreadable, not in a capture): detail "missing excerpt MAX PATTERN". A
     * capture records the path absent, as for any failed read; a capture being assembled asks
     * the host for the excerpt, cut there, and not for the file.
     */
    public void excerptMissing(String path, long maxBytes, String pattern) {
        add(new Entry(Instant.now(), Kind.READ, path, null, null, MISSING_EXCERPT + maxBytes + " " + pattern));
    }

    /** The detail of an {@link #excerptMissing} entry starts with this. */
    public static final String MISSING_EXCERPT = "missing excerpt ";

    public void list(String dir, boolean found) {
        add(new Entry(Instant.now(), Kind.LIST, dir, null, null, found ? "ok" : "missing"));
    }

    public void write(String path, String detail) {
        add(new Entry(Instant.now(), Kind.WRITE, path, null, null, detail));
    }

    public void command(String argv, int exit, Duration took, String detail) {
        add(new Entry(Instant.now(), Kind.COMMAND, argv, exit, took, detail));
    }

    public synchronized List<Entry> entries() { return List.copyOf(entries); }
}
