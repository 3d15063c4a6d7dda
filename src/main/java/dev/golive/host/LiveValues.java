package dev.golive.host;

import dev.golive.model.GoliveException;
import dev.golive.model.LiveChange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live kernel values: a file under /proc/sys or /sys, read and written whole. On the live
 * host the kernel parses what is written; in a target tree ({@code --root DIR}) the same
 * paths are plain files under DIR, and a write there behaves as the kernel would show it
 * afterwards: a sysctl file holds the new value, a sysfs choice list keeps its choices and
 * moves the brackets (so reading back means the same thing in both).
 */
public final class LiveValues {

    private static final Pattern CHOICE = Pattern.compile("\\[([^\\]\\s]+)\\]");
    /** The file systems where the kernel interprets a write (anything else is a target tree's plain file). */
    private static final Set<String> KERNEL_FS = Set.of("proc", "sysfs");

    private final HostWriter writer;
    /** File system type per directory: Files.getFileStore re-reads /proc/mounts on every call. */
    private final java.util.Map<Path, Boolean> kernelDirs = new java.util.HashMap<>();

    public LiveValues(HostWriter writer) { this.writer = writer; }

    /**
     * The comparable form of a value: for a sysctl, its fields separated by one space
     * ({@code "4096\t131072  6291456\n"} → {@code "4096 131072 6291456"}); for a sysfs choice
     * list, the bracketed word ({@code "always [madvise] never"} → {@code "madvise"}), or the
     * trimmed text when it has no brackets.
     */
    public static String normalise(LiveChange.Format format, String raw) {
        String t = raw.strip();
        if (format == LiveChange.Format.SYSFS_CHOICE) {
            Matcher m = CHOICE.matcher(t);
            return m.find() ? m.group(1) : t;
        }
        return String.join(" ", t.split("\\s+"));
    }

    /** The value now, normalised; empty when the file does not exist (a key this kernel lacks). */
    public Optional<String> read(String path, LiveChange.Format format) {
        writer.refuseLinks(path);
        Path p = writer.resolve(path);
        try {
            String raw = new String(readWhole(p), StandardCharsets.UTF_8);
            writer.log().read(path, true);
            return Optional.of(normalise(format, raw));
        } catch (NoSuchFileException e) {
            writer.log().read(path, false);
            return Optional.empty();
        } catch (IOException e) {
            throw GoliveException.environment(path + ": cannot read: " + HostWriter.message(e));
        }
    }

    /** As {@link #write(String, LiveChange.Format, String, String)} without fault points. */
    public void write(String path, LiveChange.Format format, String value) { write(path, format, value, null); }

    /**
     * Writes {@code value} (already in normalised form) and reads it back; a kernel that
     * refuses it (EINVAL, out of range) or keeps another value is an error naming both.
     * The file must exist: a write never creates a key. In a target tree the file is
     * replaced atomically ({@link HostWriter#writeAtomic}, keeping its mode and owner;
     * {@code tag} names its fault points), so a kill half-way leaves the old value, never
     * an empty file. Not fsynced: the file stands for kernel state, which a power cut resets
     * anyway, and two fsyncs per value would double the cost of a tree's apply and rollback.
     */
    public void write(String path, LiveChange.Format format, String value, String tag) {
        writer.refuseLinks(path);
        Path p = writer.resolve(path);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) throw GoliveException.environment(path + ": no such key on this host");
        try {
            if (isKernelFile(p)) {
                // one write(2) of the whole value, in place: the kernel parses each write on its own, and a
                // /proc/sys or /sys file can be neither created beside nor renamed over
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
                    ch.write(ByteBuffer.wrap((value + "\n").getBytes(StandardCharsets.UTF_8)));
                }
            } else {
                FileState now = writer.stat(path);
                writer.writeAtomic(path, HostWriter.utf8(asKernelShows(format, now.text(), value)), now.mode(), now.owner(), now.group(), tag, false);
            }
            writer.log().write(path, "live value " + value);
        } catch (IOException e) {
            throw GoliveException.environment(path + ": the kernel refused \"" + value + "\": " + HostWriter.message(e));
        }
        String back = read(path, format).orElse("(gone)");
        if (!back.equals(value)) {
            throw GoliveException.environment(path + ": wrote \"" + value + "\" but it reads back as \"" + back + "\"");
        }
    }

    /**
     * One big read from offset 0. A sysctl file reports size 0 and most of its handlers
     * answer a read at a non-zero offset with EOF, so Files.readAllBytes (which reads one byte,
     * then the rest) gets only the first character ("4" for 4096).
     */
    private static byte[] readWhole(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer b = ByteBuffer.allocate(64 * 1024);
            while (b.hasRemaining() && ch.read(b) > 0) { /* a kernel file answers in one read; a plain file may take more */ }
            byte[] out = new byte[b.position()];
            b.flip().get(out);
            return out;
        }
    }

    /**
     * Removes what an atomic write of a target tree's value left when golive was killed
     * before its rename (the value itself is still the old one); true when there was one.
     * Nothing to do for a kernel file, which is written in place.
     */
    public boolean removeLeftover(String path) {
        writer.refuseLinks(path);
        Path p = writer.resolve(path);
        try {
            if (!Files.isDirectory(p.getParent(), LinkOption.NOFOLLOW_LINKS) || isKernelFile(p)) return false;
        } catch (IOException e) {
            return false;
        }
        return writer.removeTemp(path);
    }

    /** Whether {@code p}'s directory is on a kernel file system (it holds the kernel's files, never a leftover). */
    private boolean isKernelFile(Path p) throws IOException {
        Boolean known = kernelDirs.get(p.getParent());
        if (known != null) return known;
        FileStore fs = Files.getFileStore(p.getParent());
        boolean kernel = KERNEL_FS.contains(fs.type());
        kernelDirs.put(p.getParent(), kernel);
        return kernel;
    }

    /**
     * A target tree's file holds what the kernel would print after the write: a vector
     * sysctl with its fields tab-separated (proc_dointvec's output), a choice list with the
     * brackets moved.
     */
    static String asKernelShows(LiveChange.Format format, String current, String value) {
        if (format == LiveChange.Format.SYSFS_CHOICE) return moveBrackets(current, value);
        return value.replace(' ', '\t') + "\n";
    }

    /** {@code always [madvise] never} with "never" → {@code always madvise [never]}; a value not offered is refused. */
    static String moveBrackets(String current, String value) {
        String[] words = current.strip().replace("[", "").replace("]", "").split("\\s+");
        StringBuilder b = new StringBuilder();
        boolean found = false;
        for (String w : words) {
            if (b.length() > 0) b.append(' ');
            if (w.equals(value)) {
                b.append('[').append(w).append(']');
                found = true;
            } else {
                b.append(w);
            }
        }
        if (!found) throw GoliveException.environment("\"" + value + "\" is not one of the choices \"" + current.strip() + "\"");
        return b.append('\n').toString();
    }
}
