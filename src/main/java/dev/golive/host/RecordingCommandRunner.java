package dev.golive.host;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Wraps a runner and keeps the stdout of every command that ran, for `golive capture`. */
public final class RecordingCommandRunner implements CommandRunner {

    private final CommandRunner inner;
    private final Map<String, String> outputs = new TreeMap<>();
    private final Map<String, String> stderr = new TreeMap<>();
    private final Map<String, Integer> exitCodes = new TreeMap<>();
    private final java.util.Set<String> notFound = new java.util.TreeSet<>();

    public RecordingCommandRunner(CommandRunner inner) { this.inner = inner; }

    @Override public CommandResult run(List<String> argv, Duration timeout) {
        CommandResult r = inner.run(argv, timeout);
        // a command that ran and printed something is worth replaying, whatever its exit
        // code (systemd-detect-virt prints "none" and exits 1 on bare metal; systemd-analyze
        // verify reports on stderr and exits 1 on fatal problems): all three are kept
        if (r.ran() && (r.exitCode() == 0 || !r.stdout().isEmpty() || !r.stderr().isEmpty())) {
            synchronized (outputs) {
                outputs.put(r.commandLine(), r.stdout());
                if (!r.stderr().isEmpty()) stderr.put(r.commandLine(), r.stderr());
                if (r.exitCode() != 0) exitCodes.put(r.commandLine(), r.exitCode());
            }
        } else if (r.failure().map(ProcessCommandRunner.NOT_FOUND::equals).orElse(false)) {
            synchronized (outputs) { notFound.add(r.commandLine()); }
        }
        return r;
    }

    @Override public boolean startsProcesses() { return inner.startsProcesses(); }

    /** Commands that are not installed on this host: a capture says so instead of "not in capture". */
    public java.util.List<String> notFound() {
        synchronized (outputs) { return java.util.List.copyOf(notFound); }
    }

    public Map<String, String> stderr() {
        synchronized (outputs) { return Map.copyOf(stderr); }
    }

    public Map<String, Integer> exitCodes() {
        synchronized (outputs) { return Map.copyOf(exitCodes); }
    }

    public Map<String, String> outputs() {
        synchronized (outputs) { return Map.copyOf(outputs); }
    }
}
