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
 * <p>The fields have no initialisers on purpose: Lanterna's constructor calls the overridden
 * methods before this class's constructor body runs, and an initialiser would then reset
 * what they recorded.
 *
 * <p>The resize signal is handled directly: Lanterna reaches {@code sun.misc.Signal} through
 * reflection and a generated {@link java.lang.reflect.Proxy}; generating that class took
 * 18-150 ms of the terminal's set-up before the first frame on two busy cores (0-6 ms
 * without it), and a generated class cannot come from the launcher's AppCDS archive
 * ({@link Winch} does).
 */
final class RawTerminal extends UnixTerminal {

    /** What {@code stty -g} printed before the switch; null until saved. */
    private String saved;

    /** The size the terminal last reported; null until it is asked, and again after each resize signal. */
    private TerminalSize known;

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

    /** Off is done by {@link #saveTerminalSettings}; on comes back with the saved settings. */
    @Override protected void canonicalMode(boolean enabled) { }

    @Override protected void keyEchoEnabled(boolean enabled) { }

    @Override protected void keyStrokeSignalsEnabled(boolean enabled) { }

    /**
     * The size, asked of the terminal only when it can have changed. Lanterna asks at every
     * getTerminalSize (a query written to the terminal and its answer read back): three
     * round trips before the first frame, two of them on the thread that draws it (making
     * the screen, starting it). A size changes only with a resize signal, which forgets it.
     */
    @Override protected synchronized TerminalSize findTerminalSize() throws IOException {
        if (known == null) known = super.findTerminalSize();
        return known;
    }

    /** The resize signal came: the next size is asked of the terminal (after a query under way ends). */
    private synchronized void resized() { known = null; }

    /** SIGWINCH forgets the size, then runs Lanterna's resize check, as Lanterna's own registration would. */
    @Override protected void registerTerminalResizeListener(Runnable onResize) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), new Winch(this, onResize));
        } catch (IllegalArgumentException e) {
            // no SIGWINCH on this system: Lanterna then learns the size at its next query, as with its own registration
        }
    }

    /** The resize handler (a class of its own, not a lambda, so the AppCDS archive holds it). */
    record Winch(RawTerminal terminal, Runnable onResize) implements sun.misc.SignalHandler {
        @Override public void handle(sun.misc.Signal signal) {
            terminal.resized();
            onResize.run();
        }
    }
}
