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

    /**
     * A long text in parts (the preview: files, live values, conflicts, …): paged on a
     * terminal, where skipping ends only the part on screen; printed as it is otherwise.
     */
    void page(java.util.List<dev.golive.plan.Preview.Section> sections);

    /**
     * Runs a change to the host (the apply, the finish): an interrupt meanwhile never stops it
     * half-way; it is said at once and honoured once the change ended ({@link #interrupted}).
     */
    default <T> T changing(java.util.function.Supplier<T> work) { return work.get(); }

    /** Whether the admin interrupted a change while it ran: the guide then stops after saying what it changed. */
    default boolean interrupted() { return false; }

    /** Thrown when the admin stops the flow (Ctrl-C, EOF); nothing has been changed yet. */
    final class Stopped extends RuntimeException {
        public Stopped(String how) { super(how, null, false, false); }
    }
}
