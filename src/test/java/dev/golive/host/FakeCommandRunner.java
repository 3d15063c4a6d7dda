package dev.golive.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CommandRunner for unit tests that "starts processes" like the live runner, answering
 * only the argv it was told to expect. Any other command fails the test at once (an
 * AssertionError, which probes do not catch), so a probe cannot quietly start running
 * something new. {@link #assertAllUsed()} catches expectations that went stale.
 */
public final class FakeCommandRunner implements CommandRunner {

    private final Map<List<String>, CommandResult> expected = new LinkedHashMap<>();
    private final List<List<String>> ran = new ArrayList<>();

    /** The command exits 0 with this stdout. */
    public FakeCommandRunner expect(String stdout, String... argv) {
        return expectResult(new CommandResult(List.of(argv), 0, stdout, "", Duration.ofMillis(1), Optional.empty()));
    }

    /** The command exits with {@code exit} and this stdout/stderr (e.g. systemd-detect-virt prints "none", exits 1). */
    public FakeCommandRunner expectExit(int exit, String stdout, String stderr, String... argv) {
        return expectResult(new CommandResult(List.of(argv), exit, stdout, stderr, Duration.ofMillis(1), Optional.empty()));
    }

    /** The program is not installed. */
    public FakeCommandRunner expectNotFound(String... argv) {
        return expectResult(CommandResult.failed(List.of(argv), ProcessCommandRunner.NOT_FOUND));
    }

    private synchronized FakeCommandRunner expectResult(CommandResult r) {
        expected.put(r.argv(), r);
        return this;
    }

    @Override public synchronized CommandResult run(List<String> argv, Duration timeout) {
        CommandResult r = expected.get(List.copyOf(argv));
        if (r == null) throw new AssertionError("unexpected command: " + String.join(" ", argv) + " (expected only " + expectedLines() + ")");
        ran.add(List.copyOf(argv));
        return r;
    }

    @Override public boolean startsProcesses() { return true; }

    public synchronized List<List<String>> ran() { return List.copyOf(ran); }

    public synchronized void assertAllUsed() {
        List<String> unused = new ArrayList<>();
        for (List<String> argv : expected.keySet()) if (!ran.contains(argv)) unused.add(String.join(" ", argv));
        if (!unused.isEmpty()) throw new AssertionError("expected but never run: " + unused);
    }

    private List<String> expectedLines() {
        return expected.keySet().stream().map(a -> String.join(" ", a)).toList();
    }
}
