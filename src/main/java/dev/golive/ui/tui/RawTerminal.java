package dev.golive.ui.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * Lanterna's Unix terminal with one stty process instead of five. Lanterna saves the tty
 * settings and then switches off canonical mode, the read minimum, echo and the interrupt key
 * with one {@code stty} each; every process start costs the JVM 5-10 ms, and all of them sit
 * before the first frame (300 ms budget from launch). Here {@link #saveTerminalSettings} saves
 * and switches in one shell, and the switches Lanterna asks for afterwards are already done.
 * Leaving restores the saved settings as they were, the interrupt key included (Lanterna
 * would set it to ^C whatever it was before).
 *
 * <p>Lanterna asks the terminal for its size (a cursor report, a round trip through the
 * terminal) every time the size is wanted, twice before the first frame. Here the answer is
 * kept until the terminal says it changed (SIGWINCH, on which Lanterna asks again).
 *
 * <p>The fields have no initialisers on purpose: Lanterna's constructor calls the overridden
 * methods before this class's constructor body runs, and an initialiser would then reset
 * what they recorded.
 */
final class RawTerminal extends UnixTerminal {

    /** What {@code stty -g} printed before the switch; null until saved. */
    private String saved;

    /** The size the terminal last reported (null until asked), and the resize signals counted when it was asked. */
    private volatile TerminalSize known;
    private volatile int knownAt;
    /** Resize signals so far. */
    private volatile int resizes;

    RawTerminal(InputStream in, OutputStream out, Charset charset) throws IOException {
        super(in, out, charset, CtrlCBehaviour.TRAP);
    }

    @Override protected void saveTerminalSettings() throws IOException {
        String printed = exec("/bin/sh", "-c", "stty -g && stty -icanon min 1 -echo intr undef").trim();
        if (printed.isEmpty()) throw new IOException("stty could not read the terminal's settings");
        saved = printed;
    }

    @Override protected void restoreTerminalSettings() throws IOException {
        if (saved != null) exec("/bin/sh", "-c", "stty \"$0\"", saved);
    }

    /** Asks the terminal only when it has not been asked since the last resize signal (one that comes mid-question counts too). */
    @Override protected TerminalSize findTerminalSize() throws IOException {
        int at = resizes;
        TerminalSize size = known;
        if (size == null || knownAt != at) {
            size = super.findTerminalSize();
            known = size;
            knownAt = at;
        }
        return size;
    }

    @Override protected void registerTerminalResizeListener(Runnable onResize) throws IOException {
        super.registerTerminalResizeListener(new Resized(this, onResize));
    }

    /** A resize signal: the size is asked again (a named class, so the launcher's CDS archive holds it). */
    private record Resized(RawTerminal terminal, Runnable then) implements Runnable {
        @Override public void run() {
            terminal.resizes++;
            then.run();
        }
    }

    /** Off is done by {@link #saveTerminalSettings}; on comes back with the saved settings. */
    @Override protected void canonicalMode(boolean enabled) { }

    @Override protected void keyEchoEnabled(boolean enabled) { }

    @Override protected void keyStrokeSignalsEnabled(boolean enabled) { }
}
