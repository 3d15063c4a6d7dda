package dev.golive.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One file golive owns (DESIGN.md, "Files golive owns"), as it is and as it will be.
 * {@code before} empty: the file does not exist yet. {@code after} empty: golive removes it
 * (its content is no longer needed). {@code path} is absolute in the host's terms
 * ({@code /etc/sysctl.d/60-golive.conf}), never resolved against a root here. {@code mode}
 * is the permission bits (e.g. 0644); owner and group are names.
 */
public record FileChange(
        String path,
        Optional<String> before,
        Optional<String> after,
        int mode,
        String owner,
        String group,
        String why) {

    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!path.startsWith("/")) throw new IllegalArgumentException("path must be absolute: " + path);
        if (before.isEmpty() && after.isEmpty()) throw new IllegalArgumentException("no change: " + path);
        if ((mode & ~07777) != 0) throw new IllegalArgumentException("mode out of range: " + Integer.toOctalString(mode));
    }

    public enum Kind { CREATE, MODIFY, DELETE }

    public Kind kind() {
        if (before.isEmpty()) return Kind.CREATE;
        return after.isEmpty() ? Kind.DELETE : Kind.MODIFY;
    }
}
