package dev.golive.ui.shell;

import dev.golive.model.GoliveException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

import java.nio.charset.StandardCharsets;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * The terminal the guide talks to: the real one when there is a tty, else a dumb one on
 * stdin/stdout (a pipe, TERM=dumb). JLine's own warnings go to java.util.logging, which is
 * silenced here so nothing but the guide's lines reaches the screen.
 */
public final class GuideTerminal implements AutoCloseable {

    private final Terminal terminal;
    private final JLinePrompter prompter;

    private GuideTerminal(Terminal terminal, Function<String, List<String>> listDir) {
        this.terminal = terminal;
        this.prompter = new JLinePrompter(terminal, listDir);
    }

    public static GuideTerminal open(Function<String, List<String>> listDir) {
        java.util.logging.Logger.getLogger("org.jline").setLevel(java.util.logging.Level.OFF);
        String term = System.getenv("TERM");
        boolean dumbTerm = term == null || term.isBlank() || term.equals("dumb");
        try {
            Terminal t;
            if (System.console() == null) {
                // a pipe: plain lines on stdin/stdout (a builder would look for a tty and find none)
                t = new DumbTerminal("golive", "dumb", System.in, System.out, StandardCharsets.UTF_8);
            } else if (dumbTerm) {
                // a tty that cannot address the cursor: line editing off, Ctrl-C still a signal JLine turns into a stop
                t = TerminalBuilder.builder().name("golive").system(true).dumb(true).type("dumb").build();
            } else {
                t = TerminalBuilder.builder().name("golive").system(true).build();
            }
            return new GuideTerminal(t, listDir);
        } catch (IOException e) {
            throw GoliveException.environment("terminal: " + e.getMessage());
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
