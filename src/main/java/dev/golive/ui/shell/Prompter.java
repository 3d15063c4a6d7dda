package dev.golive.ui.shell;

/**
 * Where the guide's answers come from and where its lines go: a terminal (JLine) or an
 * answers file (a repeatable, non-interactive setup). Both ask the same questions.
 */
public interface Prompter {

    /** The answer to {@code q}, already checked (an empty answer means the default). */
    String ask(Question q);

    /** One line of output. */
    void say(String line);

    /** A long text (a diff): paged on a terminal, printed as it is otherwise. */
    void page(String text);

    /** Thrown when the admin stops the flow (Ctrl-C, EOF); nothing has been changed yet. */
    final class Stopped extends RuntimeException {
        public Stopped(String how) { super(how, null, false, false); }
    }
}
