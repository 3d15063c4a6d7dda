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
    /** What close() deletes: the directory itself, or the first directory golive made above it. */
    private final Path made;

    private ScratchDir(Path dir) { this(dir, dir); }

    private ScratchDir(Path dir, Path made) {
        this.dir = dir;
        this.made = made;
    }

    /**
     * A scratch directory at {@code dir} (host terms, e.g. /run/systemd/system.control) inside
     * the target tree {@code base}, for a tool that must find files where it looks inside the
     * tree ({@code systemd-analyze --root}). The directory must not exist yet (the tree's own is
     * never touched); every directory on the way is a real one, never a link, and the missing
     * ones are made here; {@link #close()} deletes from the first one made, leaving the tree as
     * it was. An image's /run is a tmpfs at boot, so even a leftover would never be seen there.
     */
    public static ScratchDir insideTree(Path base, String dir) {
        if (!dir.startsWith("/run/")) throw new IllegalArgumentException("a scratch directory in a tree goes under /run: " + dir);
        Path target = base.resolve(dir.substring(1)).normalize();
        if (!target.startsWith(base)) throw new IllegalArgumentException("outside the tree: " + dir);
        Path at = base;
        Path first = null;
        try {
            for (Path part : base.relativize(target)) {
                at = at.resolve(part);
                if (Files.isSymbolicLink(at)) throw new UncheckedIOException(new IOException(at + " is a symbolic link"));
                if (Files.isDirectory(at, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    if (at.equals(target)) throw new UncheckedIOException(new IOException(dir + " already exists in the tree"));
                    continue;
                }
                Files.createDirectory(at, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                if (first == null) first = at;
            }
            return new ScratchDir(target, first);
        } catch (IOException e) {
            if (first != null) RootSpec.deleteTree(first);
            throw new UncheckedIOException("cannot create " + target + ": " + e.getMessage(), e);
        }
    }

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

    @Override public void close() { RootSpec.deleteTree(made); }
}
