package dev.golive.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named points between two side effects of an apply or a rollback ({@code before-manifest},
 * {@code after-manifest}, {@code file-write:N}, {@code rename:N}, {@code live-write:N},
 * {@code daemon-reload}, {@code verify}, {@code rollback:N}). Production code calls
 * {@link #hit} at each; normally nothing happens. Tests inject a fault there to prove that
 * the host ends byte-identical to before, whatever the point.
 *
 * <p>{@code GOLIVE_FAULT=point:action[,point:action…]} arms the same points in a real
 * process: {@code kill} halts the JVM at once ({@link Runtime#halt}: no finally blocks, no
 * shutdown hooks, no flush — what SIGKILL does to golive), {@code throw} raises
 * {@link InjectedFault}, {@code sleep=MS} pauses (to make two runs overlap).
 */
@FunctionalInterface
public interface FaultPoints {

    /** The environment variable that arms fault points in a real run. */
    String ENV = "GOLIVE_FAULT";

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
    static FaultPoints fromEnvironment() { return parse(System.getenv(ENV)); }

    static FaultPoints parse(String spec) {
        if (spec == null || spec.isBlank()) return NONE;
        Map<String, String> armed = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            int i = item.lastIndexOf(':');
            if (i <= 0) throw new IllegalArgumentException(ENV + ": expected point:kill|throw|sleep=MS, got \"" + item + "\"");
            String action = item.substring(i + 1);
            if (!action.equals("kill") && !action.equals("throw") && !action.matches("sleep=\\d{1,6}")) {
                throw new IllegalArgumentException(ENV + ": unknown action \"" + action + "\" (kill, throw or sleep=MS)");
            }
            armed.put(item.substring(0, i), action);
        }
        return p -> {
            String action = armed.get(p);
            if (action == null) return;
            switch (action) {
                case "kill" -> Runtime.getRuntime().halt(KILLED_STATUS);
                case "throw" -> throw new InjectedFault(p);
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

    /** Records every point reached, in order: how the tests enumerate the points to inject at. */
    final class Recorder implements FaultPoints {
        private final List<String> hits = new ArrayList<>();

        @Override public synchronized void hit(String point) { hits.add(point); }

        public synchronized List<String> hits() { return List.copyOf(hits); }
    }
}
