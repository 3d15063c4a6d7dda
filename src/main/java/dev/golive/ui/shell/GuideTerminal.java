package dev.golive.ui.shell;

import dev.golive.model.GoliveException;
import dev.golive.report.Glyphs;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Function;

/**
 * The terminal the guide talks to: the real one when there is a tty, else a dumb one on
 * stdin/stdout (a pipe). JLine's own warnings go to java.util.logging, which is silenced
 * here so nothing but the guide's lines reaches the screen. Text is written in the charset
 * of the locale ({@link Glyphs#stdout}).
 *
 * <p>A tty with TERM=dumb (the case the guide exists for): JLine's builder gives a
 * {@link DumbTerminal} that knows no size, so nothing would be paged. The native provider's
 * system terminal of type dumb reads the tty's real size and still edits no line itself
 * (JLine keeps a dumb terminal in cooked mode). Where the provider is missing the dumb
 * terminal is used and pages at 80×24, the size the guide is made for.
 */
public final class GuideTerminal implements AutoCloseable {

    /** The size the guide is made for, used on a tty that does not tell its own. */
    static final int ROWS = 24, COLUMNS = 80;

    private final Terminal terminal;
    private final JLinePrompter prompter;

    private GuideTerminal(Terminal terminal, Function<String, List<String>> listDir, boolean tty) {
        this.terminal = terminal;
        this.prompter = new JLinePrompter(terminal, listDir, tty ? ROWS : 0, tty ? COLUMNS : 0);
    }

    public static GuideTerminal open(Function<String, List<String>> listDir) {
        java.util.logging.Logger.getLogger("org.jline").setLevel(java.util.logging.Level.OFF);
        String term = System.getenv("TERM");
        boolean dumbTerm = term == null || term.isBlank() || term.equals("dumb");
        Charset cs = Glyphs.stdout();
        try {
            if (System.console() == null) {
                // a pipe: plain lines on stdin/stdout (a builder would look for a tty and find none)
                return new GuideTerminal(new DumbTerminal("golive", "dumb", System.in, System.out, cs), listDir, false);
            }
            if (dumbTerm) return new GuideTerminal(dumbTty(cs), listDir, true);
            return new GuideTerminal(TerminalBuilder.builder().name("golive").system(true).encoding(cs).build(), listDir, true);
        } catch (IOException e) {
            throw GoliveException.environment("terminal: " + e.getMessage());
        }
    }

    /** A tty that cannot address the cursor: no line editing by JLine, Ctrl-C still a signal JLine turns into a stop. */
    private static Terminal dumbTty(Charset cs) throws IOException {
        try {
            return TerminalProvider.load("jni").sysTerminal("golive", "dumb", false, cs, true,
                    Terminal.SignalHandler.SIG_DFL, false, SystemStream.Output);
        } catch (IOException | RuntimeException | LinkageError e) {
            return TerminalBuilder.builder().name("golive").system(true).dumb(true).type("dumb").encoding(cs).build();
        }
    }

    public Prompter prompter() { return prompter; }

    @Override public void close() {
        try {
            terminal.close();
        } catch (IOException ignored) {
            // closing a terminal we are done with: nothing left to tell the admin
        }
    }
}
