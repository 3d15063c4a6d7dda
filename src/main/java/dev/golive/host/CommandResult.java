package dev.golive.host;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a command did. {@code failure} is set when it could not run at all (not installed,
 * timed out, absent from a capture): then exitCode is -1 and the output is empty.
 */
public record CommandResult(List<String> argv, int exitCode, String stdout, String stderr,
                            Duration took, Optional<String> failure) {

    public CommandResult { argv = List.copyOf(argv); }

    public static CommandResult failed(List<String> argv, String why) {
        return new CommandResult(argv, -1, "", "", Duration.ZERO, Optional.of(why));
    }

    public boolean ran() { return failure.isEmpty(); }

    public boolean ok() { return ran() && exitCode == 0; }

    public String commandLine() { return String.join(" ", argv); }

    /** One line for an error message: why it failed, or its exit code and first stderr line. */
    public String problem() {
        if (failure.isPresent()) return commandLine() + ": " + failure.get();
        String first = stderr.lines().findFirst().orElse("");
        return commandLine() + ": exit " + exitCode + (first.isEmpty() ? "" : ": " + first);
    }
}
