package dev.golive.host;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A file as it is on the host right now, read without following a final symbolic link:
 * absent, or its raw bytes (never decoded: a snapshot must copy exactly what was there),
 * permission bits and owner/group names.
 */
public record FileState(String path, boolean exists, int mode, String owner, String group, byte[] bytes) {

    public static FileState absent(String path) { return new FileState(path, false, 0, null, null, null); }

    public Optional<byte[]> content() { return exists ? Optional.of(bytes.clone()) : Optional.empty(); }

    /** SHA-256 of the content; null when absent. */
    public String sha256() { return exists ? Sha256.of(bytes) : null; }

    /** The content as UTF-8 text, for headers and diffs (lossy only for display). */
    public String text() { return exists ? new String(bytes, StandardCharsets.UTF_8) : null; }

    /** Same existence and bytes as {@code content} (empty: absent). */
    public boolean hasContent(Optional<byte[]> content) {
        if (content.isEmpty()) return !exists;
        return exists && Arrays.equals(bytes, content.get());
    }

    @Override public boolean equals(Object o) {
        return o instanceof FileState f && f.path.equals(path) && f.exists == exists && f.mode == mode
                && java.util.Objects.equals(f.owner, owner) && java.util.Objects.equals(f.group, group)
                && Arrays.equals(f.bytes, bytes);
    }

    @Override public int hashCode() { return path.hashCode() * 31 + Arrays.hashCode(bytes); }

    @Override public String toString() {
        return exists ? path + " (" + Integer.toOctalString(mode) + " " + owner + ":" + group + ", " + bytes.length + " bytes)"
                : path + " (absent)";
    }
}
