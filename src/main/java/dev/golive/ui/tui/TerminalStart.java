package dev.golive.ui.tui;

import com.googlecode.lanterna.TerminalSize;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The terminal made ready on its own thread: raw mode (an stty process) and Lanterna's size
 * query (a round trip through the terminal) are mostly waiting, 20-70 ms of it on a busy
 * machine, and they overlap the theme and the opening of the host on the main thread instead
 * of following them. Nothing is drawn until the screen opens; a start that stops before it
 * ({@link #abandon}) leaves the terminal as it found it.
 */
final class TerminalStart implements Callable<TerminalStart.Ready> {

    /** The terminal in raw mode, and its size. */
    record Ready(RawTerminal terminal, TerminalSize size) { }

    private final OutputStream out;
    private final FutureTask<Ready> task = new FutureTask<>(this);

    private TerminalStart(OutputStream out) { this.out = out; }

    /** Starts setting up the terminal that writes to {@code out}. */
    static TerminalStart begin(OutputStream out) {
        TerminalStart s = new TerminalStart(out);
        Thread t = new Thread(s.task, "golive-terminal");
        t.setDaemon(true);
        t.start();
        return s;
    }

    @Override public Ready call() throws IOException {
        RawTerminal terminal = new RawTerminal(System.in, out, StandardCharsets.UTF_8);
        try {
            return new Ready(terminal, terminal.getTerminalSize());
        } catch (IOException | RuntimeException e) {
            terminal.close();
            throw e;
        }
    }

    /** The ready terminal, once it is; a failure to set it up as it was thrown. */
    Ready await() throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the terminal was set up", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IOException(e.getCause());
        }
    }

    /** golive stops before the screen opens: the terminal's settings as they were. */
    void abandon() {
        try {
            await().terminal().close();
        } catch (IOException | RuntimeException e) {
            // the terminal never reached raw mode, or cannot be restored: nothing more to do here
        }
    }
}
