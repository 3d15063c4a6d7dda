package dev.golive.ui.tui;

import dev.golive.model.GoliveException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs slow work (inspect, check, systemd-analyze, build, apply) off the GUI thread and
 * hands the result back to it; while anything runs, the header shows a spinner with the
 * label. Tests pass a direct executor so every screen is deterministic.
 */
final class Worker {

    /**
     * The logger, made on first use: the first call starts logback (~50 ms cold), which must
     * not happen before the first frame.
     */
    private static Logger log() { return LoggerFactory.getLogger(Worker.class); }

    private final Executor executor;
    private final Consumer<Runnable> toUi;
    private final List<String> running = new ArrayList<>();

    Worker(Executor executor, Consumer<Runnable> toUi) {
        this.executor = executor;
        this.toUi = toUi;
    }

    /** {@code done} and {@code failed} run on the GUI thread. */
    <T> void run(String label, Callable<T> work, Consumer<T> done, Consumer<GoliveException> failed) {
        synchronized (running) { running.add(label); }
        executor.execute(() -> {
            T result = null;
            GoliveException error = null;
            try {
                result = work.call();
            } catch (GoliveException e) {
                log().warn("{}: {}", label, e.getMessage());
                error = e;
            } catch (Exception | Error e) {
                log().error("{} failed", label, e);
                error = new GoliveException(dev.golive.model.ExitCode.INTERNAL, "internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
            }
            T r = result;
            GoliveException err = error;
            toUi.accept(() -> {
                synchronized (running) { running.remove(label); }
                if (err != null) failed.accept(err); else done.accept(r);
            });
        });
    }

    List<String> running() {
        synchronized (running) { return List.copyOf(running); }
    }
}
