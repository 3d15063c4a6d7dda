package dev.golive.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A private temporary directory on this machine (0700) for files a tool must read from
 * disk, such as a rendered unit handed to {@code systemd-analyze verify}. It is never part
 * of the host root; {@link #close()} deletes it with everything in it.
 */
public final class ScratchDir implements AutoCloseable {

    private final Path dir;

    private ScratchDir(Path dir) { this.dir = dir; }

    public static ScratchDir create(String prefix) {
        try {
            return new ScratchDir(Files.createTempDirectory(prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    public Path path() { return dir; }

    /** Writes {@code content} to {@code relative} (e.g. "app.service.d/60-golive.conf"), creating parents; mode 0644. */
    public Path write(String relative, String content) {
        Path p = dir.resolve(relative).normalize();
        if (relative.startsWith("/") || !p.startsWith(dir) || p.equals(dir)) throw new IllegalArgumentException("not inside the scratch directory: " + relative);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p + ": " + e.getMessage(), e);
        }
    }

    @Override public void close() { RootSpec.deleteTree(dir); }
}
