package dev.golive.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The result of work done on a second thread (probing, checking), taken as if it had run on
 * this one: what it threw is thrown here, a RuntimeException or an Error (a test's fake) as
 * itself, so a caller cannot tell the two threads apart by their failures.
 */
public final class Joined {

    private Joined() { }

    public static <T> T get(Future<T> task, String doing) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        }
    }
}
