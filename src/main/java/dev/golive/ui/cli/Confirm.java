package dev.golive.ui.cli;

import dev.golive.model.GoliveException;

import java.io.Console;

/**
 * The confirm step before a change to a host (gitui's ConfirmAction): a terminal is asked,
 * a script passes --yes, and without either golive refuses rather than guessing.
 */
@FunctionalInterface
public interface Confirm {

    /** True to go ahead. {@code what} is the question, e.g. "Apply 3 files and 30 live values to /?". */
    boolean ask(String what);

    /** The real terminal (System.console()); none → exit 2 naming --yes. */
    static Confirm terminal() {
        return what -> {
            Console c = System.console();
            if (c == null) throw GoliveException.badInput("no terminal to confirm on; pass --yes to go ahead without asking");
            String answer = c.readLine("%s [y/N] ", what);
            return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        };
    }

    /** Asks unless {@code yes}; a "no" ends the command with exit 0 and nothing changed. */
    static boolean confirmed(Confirm c, boolean yes, String what) { return yes || c.ask(what); }
}
