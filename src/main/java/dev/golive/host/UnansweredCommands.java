package dev.golive.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a capture's runner and keeps the exact argv of every command the capture could not
 * answer ("not in capture"): what the next round of an Ansible capture must run on the host.
 */
public final class UnansweredCommands implements CommandRunner {

    private final CommandRunner inner;
    private final List<List<String>> unanswered = new ArrayList<>();

    public UnansweredCommands(CommandRunner inner) { this.inner = inner; }

    @Override public CommandResult run(List<String> argv, Duration timeout) {
        CommandResult r = inner.run(argv, timeout);
        if (r.failure().map(CaptureCommandRunner.NOT_IN_CAPTURE::equals).orElse(false)) {
            synchronized (unanswered) { unanswered.add(List.copyOf(argv)); }
        }
        return r;
    }

    @Override public boolean startsProcesses() { return inner.startsProcesses(); }

    public List<List<String>> unanswered() {
        synchronized (unanswered) { return List.copyOf(unanswered); }
    }
}
