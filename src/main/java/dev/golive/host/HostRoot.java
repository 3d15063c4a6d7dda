package dev.golive.host;

import dev.golive.model.Fact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Every file golive reads or writes goes through here, by its absolute path on the host
 * ("/proc/sys/fs/file-max"). The root is "/" on a live host, a capture directory, or a
 * target tree for image building. A missing or unreadable file is an Unknown with the
 * reason, never an exception.
 */
public interface HostRoot {

    /** "/" for the live host, otherwise the directory (or archive) read from. */
    String describe();

    /** True only when this is the running host golive is on. */
    boolean isLive();

    /** The directory on this machine that stands for "/" of the host. */
    Path base();

    /** The whole file as text, with its source, or Unknown with the reason. */
    Fact<String> read(String path);

    /** Names in a directory, sorted; empty when it does not exist. */
    Optional<List<String>> list(String dir);

    boolean exists(String path);

    /**
     * Whether the path exists on the host, as a fact: on a live host always known; on a
     * capture, known when the file was copied or recorded as absent at capture time, and
     * Unknown ("not in capture") otherwise.
     */
    Fact<Boolean> presence(String path);

    boolean isDirectory(String path);

    /** The target of a symbolic link, if {@code path} is one. */
    Optional<String> linkTarget(String path);

    /** This machine's path for a host path (for writers in the apply layer). */
    Path resolve(String path);

    AccessLog log();

    /**
     * A binary file (a Go executable, up to a few hundred MB) as a read-only buffer mapped
     * from disk, so parsers read only the pages they touch instead of copying the file onto
     * the heap. Bigger than {@code maxBytes}, missing or unreadable: Unknown with the reason.
     */
    default Fact<ByteBuffer> readBinary(String path, long maxBytes) {
        return readBinaryAt(this, resolve(path), path, maxBytes);
    }

    /**
     * Maps {@code p} (this machine's path for host path {@code path}) read-only; see {@link
     * #readBinary}. {@code how}: NOFOLLOW_LINKS where {@code p} is already resolved inside a root.
     */
    static Fact<ByteBuffer> readBinaryAt(HostRoot root, Path p, String path, long maxBytes, java.nio.file.LinkOption... how) {
        java.util.Set<java.nio.file.OpenOption> options = new java.util.HashSet<>(List.of(how));
        options.add(StandardOpenOption.READ);
        try (FileChannel ch = FileChannel.open(p, options)) {
            long size = ch.size();
            if (size > maxBytes || size > Integer.MAX_VALUE) {
                root.log().read(path, false);
                return Fact.unknown(path + ": " + size + " bytes, larger than the " + maxBytes + " golive reads");
            }
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            root.log().read(path, true);
            return Fact.of(b, dev.golive.model.Source.File.of(path));
        } catch (NoSuchFileException e) {
            root.log().read(path, false);
            return Fact.unknown(path + ": no such file");
        } catch (IOException | UnsupportedOperationException e) {
            root.log().read(path, false);
            return Fact.unknown(path + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
