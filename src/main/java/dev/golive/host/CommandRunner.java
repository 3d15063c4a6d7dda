package dev.golive.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every process golive starts goes through here: an argv list (never a shell), a timeout.
 * On a capture the implementation answers from golive-capture.json and starts nothing.
 */
public interface CommandRunner {

    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    CommandResult run(List<String> argv, Duration timeout);

    default CommandResult run(String... argv) { return run(List.of(argv), DEFAULT_TIMEOUT); }

    /**
     * Runs with extra environment variables (added to, or overriding, the inherited ones; an
     * empty value makes Go treat a variable as unset) in {@code workDir} (null: golive's own).
     * Only a runner that starts processes can honour that; the default refuses rather than
     * silently running the command with the wrong environment.
     */
    default CommandResult run(List<String> argv, Map<String, String> env, Duration timeout, Path workDir) {
        if (env.isEmpty() && workDir == null) return run(argv, timeout);
        return CommandResult.failed(argv, "cannot set environment or working directory here (commands are not started)");
    }

    /** False when commands are answered from a capture (nothing is ever started). */
    boolean startsProcesses();
}
