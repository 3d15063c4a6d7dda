package dev.golive.inspect;

import dev.golive.host.CommandResult;
import dev.golive.host.CommandRunner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands inspection runs, each at most once. They are started together at the
 * beginning on their own threads so their fork/exec cost overlaps with the file probing
 * instead of adding up (the inspect budget is 250 ms cold).
 */
final class Commands {

    static final List<String> UNAME_R = List.of("uname", "-r");
    static final List<String> UNAME_M = List.of("uname", "-m");
    static final List<String> DETECT_VIRT_VM = List.of("systemd-detect-virt", "--vm");
    static final List<String> DETECT_VIRT_CONTAINER = List.of("systemd-detect-virt", "--container");
    static final List<String> SYSTEMCTL_VERSION = List.of("systemctl", "--version");
    static final List<String> GO_VERSION = List.of("go", "version");
    /**
     * Named variables only: a bare `go env` also computes the cgo variables by running the C
     * compiler (100-400 ms); naming the variables skips that (~20 ms).
     */
    static final List<String> GO_ENV = List.of("go", "env", "-json", "GOROOT", "GOPATH", "GOPROXY", "GOSUMDB", "GOFLAGS",
            "GOCACHE", "GOTOOLCHAIN", "GOVERSION", "GOOS", "GOARCH", "GOAMD64", "CGO_ENABLED", "GOPRIVATE", "GONOSUMDB");

    /**
     * Started up front; the uname ones only run when /proc lacks the answer, `go version` only
     * when `go env` did not say GOVERSION (a Go before 1.16, or no answer at all).
     */
    static final List<List<String>> PREFETCH = List.of(DETECT_VIRT_VM, DETECT_VIRT_CONTAINER, SYSTEMCTL_VERSION, GO_ENV);

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CommandRunner runner;
    private final Map<List<String>, CompletableFuture<CommandResult>> results = new ConcurrentHashMap<>();

    Commands(CommandRunner runner) { this.runner = runner; }

    void prefetch() {
        for (List<String> argv : PREFETCH) start(argv);
    }

    /** Starts more commands now (systemd-analyze for a service) so they run while other probes work. */
    void startAll(List<List<String>> argvs) {
        for (List<String> argv : argvs) start(argv);
    }

    private CompletableFuture<CommandResult> start(List<String> argv) {
        return results.computeIfAbsent(argv, a -> {
            CompletableFuture<CommandResult> f = new CompletableFuture<>();
            if (!runner.startsProcesses()) {
                f.complete(runner.run(a, TIMEOUT)); // a capture answers at once; no thread needed
                return f;
            }
            Thread t = new Thread(() -> {
                try {
                    f.complete(runner.run(a, TIMEOUT));
                } catch (RuntimeException e) {
                    f.complete(CommandResult.failed(a, String.valueOf(e.getMessage())));
                } catch (Throwable err) {
                    // an Error (e.g. a test's fake runner refusing a command) must reach the
                    // caller, not die with this thread and leave get() waiting forever
                    f.completeExceptionally(err);
                }
            }, "golive-cmd");
            t.setDaemon(true);
            t.start();
            return f;
        });
    }

    /** Start and end (System.nanoTime) of each time get() blocked. Only the probing thread calls get(). */
    private final java.util.List<long[]> waits = new java.util.ArrayList<>();

    /**
     * Blocks until the command is done; the time blocked is counted apart from probing. An
     * Error from the runner (a fake's AssertionError in tests) is rethrown, not swallowed.
     */
    CommandResult get(List<String> argv) {
        long t = System.nanoTime();
        try {
            return start(argv).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        } finally {
            waits.add(new long[] {t, System.nanoTime()});
        }
    }

    /**
     * Time blocked on commands while no other probing ran: the blocked spans minus their overlap
     * with {@code [busyFrom, busyTo)}, when probes ran on another thread.
     */
    long waitedOutside(long busyFrom, long busyTo) {
        long sum = 0;
        for (long[] w : waits) {
            long overlap = Math.max(0, Math.min(w[1], busyTo) - Math.max(w[0], busyFrom));
            sum += w[1] - w[0] - overlap;
        }
        return sum;
    }
}
