package dev.golive.ui.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C while `golive apply` changes the host. SIGINT's default ends the JVM wherever it
 * stands: the files written so far stay, the snapshot says "applying" and the next run asks
 * for `golive recover`. Held here instead: the first Ctrl-C is said and kept until the apply
 * ends (its files, live values and verification take well under a second; the finish's
 * service start can take longer), the second one ends golive at once as before, and
 * recover then finishes or undoes the apply. The TUI and the guide do the same on their own
 * terminals.
 */
final class InterruptDeferred implements AutoCloseable {

    private static final sun.misc.Signal INT = new sun.misc.Signal("INT");

    // what SIGINT did before golive held it (the JVM's own handler, normally): given back on close
    private volatile sun.misc.SignalHandler before;
    private final AtomicInteger presses = new AtomicInteger();

    private InterruptDeferred(PrintWriter err) {
        before = sun.misc.Signal.handle(INT, sig -> {
            if (presses.incrementAndGet() == 1) {
                err.println("golive: not now: the apply is changing the host; golive stops when it ends "
                        + "(Ctrl-C again stops it at once, and golive recover then finishes or undoes the apply)");
                err.flush();
            } else {
                // what SIGINT did before: the JVM's own handler ends it (exit 130, shutdown hooks run)
                sun.misc.SignalHandler was = before;
                if (was != null && was != sun.misc.SignalHandler.SIG_DFL && was != sun.misc.SignalHandler.SIG_IGN) was.handle(sig);
                else Runtime.getRuntime().exit(130);
            }
        });
    }

    /** Holds Ctrl-C until {@link #close}. */
    static InterruptDeferred hold(PrintWriter err) { return new InterruptDeferred(err); }

    /** Whether Ctrl-C was pressed while held: golive stops once the apply has ended. */
    boolean interrupted() { return presses.get() > 0; }

    @Override public void close() { sun.misc.Signal.handle(INT, before); }
}
