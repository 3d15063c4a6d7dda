package dev.golive.build;

import dev.golive.model.GoBuildInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One target's build: where the binary went, how big and how long, and what verification
 * found. {@code compilerOutput} holds the first lines the compiler printed when it failed.
 * {@code elfCheck} and {@code buildInfoCheck} are short summaries for a table column.
 */
public record BuildResult(BuildTarget target, Path output, long sizeBytes, Duration duration,
                          String elfCheck, String buildInfoCheck, Optional<GoBuildInfo> buildInfo,
                          List<String> compilerOutput, List<String> problems) {

    public BuildResult {
        compilerOutput = List.copyOf(compilerOutput);
        problems = List.copyOf(problems);
    }

    /** Built and every check passed. */
    public boolean ok() { return problems.isEmpty(); }

    /** The compiler (or the go command) failed; nothing to verify. */
    public boolean compileFailed() { return !compilerOutput.isEmpty(); }
}
