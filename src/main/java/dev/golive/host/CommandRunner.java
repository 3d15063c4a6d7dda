package dev.golive.host;

import java.time.Duration;
import java.util.List;

/**
 * Every process golive starts goes through here: an argv list (never a shell), a timeout.
 * On a capture the implementation answers from golive-capture.json and starts nothing.
 */
public interface CommandRunner {

    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    CommandResult run(List<String> argv, Duration timeout);

    default CommandResult run(String... argv) { return run(List.of(argv), DEFAULT_TIMEOUT); }

    /** False when commands are answered from a capture (nothing is ever started). */
    boolean startsProcesses();
}
