package dev.golive.apply;

import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;

/**
 * A rollback that would overwrite changes made after golive wrote the files: refused
 * (exit 3) unless forced. {@link #diff()} shows what would be lost, golive's version → now.
 */
public final class RollbackRefused extends GoliveException {
    private final String diff;

    public RollbackRefused(String message, String diff) {
        super(ExitCode.ENVIRONMENT, message);
        this.diff = diff;
    }

    public String diff() { return diff; }
}
