package dev.golive.host;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Wraps a runner and keeps the stdout of every command that ran, for `golive capture`. */
public final class RecordingCommandRunner implements CommandRunner {

    private final CommandRunner inner;
    private final Map<String, String> outputs = new TreeMap<>();

    public RecordingCommandRunner(CommandRunner inner) { this.inner = inner; }

    @Override public CommandResult run(List<String> argv, Duration timeout) {
        CommandResult r = inner.run(argv, timeout);
        // a command that ran and printed something is worth replaying, whatever its exit
        // code (systemd-detect-virt prints "none" and exits 1 on bare metal)
        if (r.ran() && (r.exitCode() == 0 || !r.stdout().isEmpty())) {
            synchronized (outputs) { outputs.put(r.commandLine(), r.stdout()); }
        }
        return r;
    }

    @Override public boolean startsProcesses() { return inner.startsProcesses(); }

    public Map<String, String> outputs() {
        synchronized (outputs) { return Map.copyOf(outputs); }
    }
}
