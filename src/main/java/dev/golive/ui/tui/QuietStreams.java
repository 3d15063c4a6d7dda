package dev.golive.ui.tui;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * While the full-screen UI owns the terminal, System.out and System.err go to a buffer, not
 * the screen: a library that prints a warning (SLF4J when two threads use logging while it
 * starts, logback's status messages when the log file cannot be opened) would otherwise
 * paint over the frame. The screen keeps the stream it was given before the swap. What was
 * held back is handed over when the UI ends, for the log file.
 */
final class QuietStreams implements AutoCloseable {

    /** Enough for any warning; a runaway writer must not fill the heap. */
    private static final int LIMIT = 64 * 1024;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();

    QuietStreams() {
        PrintStream sink = new PrintStream(new OutputStream() {
            @Override public void write(int b) { synchronized (held) { if (held.size() < LIMIT) held.write(b); } }

            @Override public void write(byte[] b, int off, int len) {
                synchronized (held) { held.write(b, off, Math.max(0, Math.min(len, LIMIT - held.size()))); }
            }
        }, true, StandardCharsets.UTF_8);
        System.setOut(sink);
        System.setErr(sink);
    }

    /** What was written while the UI ran (empty when nothing). */
    String held() {
        synchronized (held) { return held.toString(StandardCharsets.UTF_8); }
    }

    @Override public void close() {
        System.setOut(out);
        System.setErr(err);
    }
}
