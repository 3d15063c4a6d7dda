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

    /**
     * The file's lines before the first one {@code past} accepts (that line and the rest are
     * left out), or the whole file when none is: for a file of which only the start is needed
     * and whose printing goes on far past it (the kernel's socket tables). Logged as a read, so
     * a capture keeps the whole file and reading it gives the same lines.
     */
    default Fact<String> readUntil(String path, java.util.function.Predicate<String> past) {
        return read(path).map(text -> upTo(text, past));
    }

    /** {@code text} cut before its first line {@code past} accepts ({@link #readUntil}). */
    static String upTo(String text, java.util.function.Predicate<String> past) {
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            if (past.test(text.substring(from, end))) return text.substring(0, from);
            from = end + 1;
        }
        return text;
    }

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
        Fact<ByteBuffer> f = mapBinary(path, maxBytes);
        log().read(path, f.known());
        return f;
    }

    /** {@link #readBinary} without the access-log entry: for a reader that logs what it used itself. */
    default Fact<ByteBuffer> mapBinary(String path, long maxBytes) {
        return mapBinaryAt(resolve(path), path, maxBytes);
    }

    /**
     * The first match of {@code pattern} in a binary file, its bytes read as ISO-8859-1 (one
     * char per byte, so a string is found wherever it sits among binary data); empty when none.
     * Logged as an excerpt read ({@link AccessLog#excerpt}): a capture keeps the matched bytes
     * only, which the same search finds again, not the whole file. {@code pattern} must read the
     * same as a POSIX extended regular expression, and match neither NUL nor newline: a fleet
     * capture cuts the excerpt on the host with grep -E ({@code LookScript}).
     */
    default Fact<Optional<String>> findInBinary(String path, long maxBytes, java.util.regex.Pattern pattern) {
        Fact<ByteBuffer> f = mapBinary(path, maxBytes);
        if (!(f instanceof Fact.Known<ByteBuffer> k)) {
            log().excerptMissing(path, maxBytes, pattern.pattern());
            return Fact.unknown(((Fact.Unknown<ByteBuffer>) f).reason());
        }
        ByteBuffer b = k.value().duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        java.util.regex.Matcher m = pattern.matcher(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
        boolean found = m.find();
        log().excerpt(path, found ? m.start() : 0, found ? m.end() : 0);
        return Fact.of(found ? Optional.of(m.group()) : Optional.empty(), k.source());
    }

    /**
     * Maps {@code p} (this machine's path for host path {@code path}) read-only; see {@link
     * #readBinary}. {@code how}: NOFOLLOW_LINKS where {@code p} is already resolved inside a root.
     */
    static Fact<ByteBuffer> mapBinaryAt(Path p, String path, long maxBytes, java.nio.file.LinkOption... how) {
        java.util.Set<java.nio.file.OpenOption> options = new java.util.HashSet<>(List.of(how));
        options.add(StandardOpenOption.READ);
        try (FileChannel ch = FileChannel.open(p, options)) {
            long size = ch.size();
            if (size > maxBytes || size > Integer.MAX_VALUE) {
                return Fact.unknown(path + ": " + size + " bytes, larger than the " + maxBytes + " golive reads");
            }
            return Fact.of(ch.map(FileChannel.MapMode.READ_ONLY, 0, size), dev.golive.model.Source.File.of(path));
        } catch (NoSuchFileException e) {
            return Fact.unknown(path + ": no such file");
        } catch (IOException | UnsupportedOperationException e) {
            return Fact.unknown(path + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
