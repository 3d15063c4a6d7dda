package dev.golive.model;

/**
 * The one exception type that carries a user-facing one-line message and an exit code.
 * Thrown anywhere below the UIs; caught in one place (the CLI's handler, the TUI's
 * dialog). The message is what the admin reads, e.g.
 * {@code profiles/web.yaml:12:3: unknown key "somaxcon" (did you mean "somaxconn"?)}.
 */
public class GoliveException extends RuntimeException {

    private final ExitCode exitCode;

    public GoliveException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public GoliveException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() { return exitCode; }

    public static GoliveException badInput(String message) { return new GoliveException(ExitCode.BAD_INPUT, message); }

    public static GoliveException environment(String message) { return new GoliveException(ExitCode.ENVIRONMENT, message); }
}
