package dev.golive.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Named points between two side effects of an apply or a rollback ({@code before-manifest},
 * {@code after-manifest}, {@code mid-write:N}, {@code file-write:N}, {@code dir-sync:N},
 * {@code rename:N}, {@code file-write:live:N}, {@code rename:live:N}, {@code live-write:N},
 * {@code daemon-reload}, {@code verify}, {@code rollback:N}). Production code calls
 * {@link #hit} at each; normally nothing happens. Tests inject a fault there to prove that
 * the host ends byte-identical to before, whatever the point.
 *
 * <p>{@code GOLIVE_FAULT=point:action[,point:action…]} arms the same points in a real
 * process: {@code kill} halts the JVM at once ({@link Runtime#halt}: no finally blocks, no
 * shutdown hooks, no flush — what SIGKILL does to golive), {@code throw} raises
 * {@link InjectedFault}, {@code sleep=MS} pauses (to make two runs overlap), {@code pause}
 * stops there until a test outside the process kills it for real (SIGKILL) or lets it go on:
 * it writes "PID POINT" to the file {@code GOLIVE_FAULT_READY} names, published by rename,
 * and waits until that file is deleted.
 */
@FunctionalInterface
public interface FaultPoints {

    /** The environment variable that arms fault points in a real run. */
    String ENV = "GOLIVE_FAULT";

    /** The file a {@code pause} point announces itself in (and waits for the removal of). */
    String READY_ENV = "GOLIVE_FAULT_READY";

    /** How long a {@code pause} waits for its test at most before going on (a test that died leaves no child stuck). */
    long PAUSE_LIMIT_NANOS = 300_000_000_000L;

    /** The exit status of a run halted at a {@code kill} point (128 + SIGKILL, as a shell would report). */
    int KILLED_STATUS = 137;

    void hit(String point);

    FaultPoints NONE = point -> { };

    /** The fault an armed {@code throw} point raises. */
    final class InjectedFault extends dev.golive.model.GoliveException {
        public InjectedFault(String point) { super(dev.golive.model.ExitCode.INTERNAL, "injected fault at " + point); }
    }

    /** Throws {@link InjectedFault} at {@code point} (every time it is reached). */
    static FaultPoints throwAt(String point) {
        return p -> {
            if (p.equals(point)) throw new InjectedFault(p);
        };
    }

    /** Both, in order. */
    default FaultPoints and(FaultPoints other) {
        return p -> {
            hit(p);
            other.hit(p);
        };
    }

    /** Armed from {@code GOLIVE_FAULT}; {@link #NONE} when unset or empty. Bad syntax is refused, not ignored. */
    static FaultPoints fromEnvironment() { return parse(System.getenv(ENV), System.getenv(READY_ENV)); }

    static FaultPoints parse(String spec) { return parse(spec, null); }

    /** {@code ready}: the file a {@code pause} point announces itself in (required when one is armed). */
    static FaultPoints parse(String spec, String ready) {
        if (spec == null || spec.isBlank()) return NONE;
        Map<String, String> armed = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            int i = item.lastIndexOf(':');
            if (i <= 0) throw new IllegalArgumentException(ENV + ": expected point:kill|throw|pause|sleep=MS, got \"" + item + "\"");
            String action = item.substring(i + 1);
            if (!action.equals("kill") && !action.equals("throw") && !action.equals("pause") && !action.matches("sleep=\\d{1,6}")) {
                throw new IllegalArgumentException(ENV + ": unknown action \"" + action + "\" (kill, throw, pause or sleep=MS)");
            }
            if (action.equals("pause") && (ready == null || ready.isBlank())) {
                throw new IllegalArgumentException(ENV + ": pause needs " + READY_ENV + "=FILE to announce itself in");
            }
            armed.put(item.substring(0, i), action);
        }
        return p -> {
            String action = armed.get(p);
            if (action == null) return;
            switch (action) {
                case "kill" -> Runtime.getRuntime().halt(KILLED_STATUS);
                case "throw" -> throw new InjectedFault(p);
                case "pause" -> pause(p, Path.of(ready));
                default -> {
                    try {
                        Thread.sleep(Long.parseLong(action.substring("sleep=".length())));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
    }

    private static void pause(String point, Path ready) {
        try {
            Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
            Files.writeString(tmp, ProcessHandle.current().pid() + " " + point + "\n");
            Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE);
            long until = System.nanoTime() + PAUSE_LIMIT_NANOS;
            while (Files.exists(ready) && System.nanoTime() < until) LockSupport.parkNanos(200_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records every point reached, in order: how the tests enumerate the points to inject at. */
    final class Recorder implements FaultPoints {
        private final List<String> hits = new ArrayList<>();

        @Override public synchronized void hit(String point) { hits.add(point); }

        public synchronized List<String> hits() { return List.copyOf(hits); }
    }
}
