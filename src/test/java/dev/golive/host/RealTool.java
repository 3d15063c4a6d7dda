package dev.golive.host;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real tool a test runs (scripts/test installs it with apt): on CI (CI=true) a missing one
 * fails the test, on a developer machine without it the test is skipped, both with the reason
 * and the package that brings it.
 */
public final class RealTool {
    private RealTool() { }

    /** A runner for the tool, once {@code argv} (its version, say) ran; {@code what} names it in the reason. */
    public static ProcessCommandRunner require(String what, String aptPackage, String... argv) {
        ProcessCommandRunner runner = new ProcessCommandRunner(new AccessLog());
        CommandResult r = runner.run(argv);
        if (!r.ok()) {
            String why = what + " is needed (" + r.problem() + "); install it with: apt-get install -y " + aptPackage;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(why);
            Assumptions.abort(why);
        }
        return runner;
    }
}
