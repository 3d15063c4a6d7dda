package dev.golive.model;

/** The CLI's exit codes (DESIGN.md): scripts depend on them, so they never change meaning. */
public enum ExitCode {
    OK(0), FINDINGS(1), BAD_INPUT(2), ENVIRONMENT(3), APPLY_ROLLED_BACK(4), INTERNAL(5);

    private final int code;
    ExitCode(int code) { this.code = code; }
    public int code() { return code; }
}
