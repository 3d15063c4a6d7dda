package dev.golive.host;

import dev.golive.model.GoliveException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The private directory an archive is unpacked into, and golive's rules for what an entry may
 * make there. Nothing is created through a link: each parent directory is made one component
 * at a time and checked to be a real directory, files are created new without following a
 * link, and no entry may pass through a link an earlier entry made. Each link is vetted where
 * the kernel would take it, on disk: through the links already there, ".." above the root or
 * more than 40 links is refused, when the link is made and again once every entry is in (a
 * later link can turn an earlier one outward). So every link left in the tree resolves inside
 * it, even for a reader that lets the kernel follow links.
 */
final class TarTree {

    private final String archive;
    private final Path root;
    /** Entry names of the links made, in order, to vet again at the end. */
    private final List<String> links = new ArrayList<>();

    TarTree(String archive, Path root) {
        this.archive = archive;
        this.root = root.toAbsolutePath().normalize();
    }

    /** A regular file {@code entryName} with {@code size} bytes from {@code in}. */
    void file(String entryName, java.io.InputStream in, long size, int mode) throws IOException {
        Path dest = place(entryName);
        BasicFileAttributes a = attributes(dest);
        if (a != null && !a.isRegularFile()) throw refuse(entryName, "would overwrite a link or directory");
        if (a != null) Files.delete(dest); // a later entry of the same name wins, as with tar itself
        try (OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            copy(in, out, size);
        }
        setMode(dest, mode | 0600);
    }

    void directory(String entryName) throws IOException {
        Path dest = place(entryName);
        BasicFileAttributes a = attributes(dest);
        if (a == null) Files.createDirectory(dest);
        else if (!a.isDirectory()) throw refuse(entryName, "would replace a link or file with a directory");
    }

    void link(String entryName, String target) throws IOException {
        if (target.isEmpty()) throw refuse(entryName, "empty link target");
        if (target.indexOf('\0') >= 0) throw refuse(entryName, "link target contains NUL");
        if (target.startsWith("/")) throw refuse(entryName, "absolute link target \"" + target + "\" points outside the capture");
        Path dest = place(entryName);
        if (attributes(dest) != null) throw refuse(entryName, "would replace an earlier entry with a link");
        String self = "/" + root.relativize(dest);
        String problem = walk(p -> p.equals(self) ? Optional.of(target) : readLink(p), self);
        if (problem != null) throw refusedLink(entryName, target, problem);
        Files.createSymbolicLink(dest, Path.of(target));
        links.add(entryName);
    }

    /**
     * Every link, once all entries are in: none may resolve outside through what came after it.
     * A link refused here is removed first, so that what is left resolves inside the tree.
     */
    void finish() throws IOException {
        GoliveException first = null;
        for (String link : links) {
            Path p = root.resolve(link);
            String problem = walk(this::readLink, "/" + root.relativize(p));
            if (problem == null) continue;
            String target = Files.readSymbolicLink(p).toString();
            if (first == null) first = refusedLink(link, target, problem);
            Files.delete(p);
        }
        if (first != null) throw first;
    }

    /** Why the kernel could not follow {@code path} inside the tree, or null when it can. */
    private static String walk(java.util.function.Function<String, Optional<String>> readLink, String path) throws IOException {
        try {
            return HostLinks.walkAsTheKernel(readLink, path).problem();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private GoliveException refusedLink(String entryName, String target, String problem) {
        if (problem.equals(HostLinks.TOO_MANY_LINKS)) {
            return refuse(entryName, "link target \"" + target + "\" goes through more than " + HostLinks.MAX_LINKS + " links");
        }
        return refuse(entryName, "link target \"" + target + "\" points outside the capture");
    }

    /** The target of a link at {@code path} (root-relative, "/etc/x") in the tree, not following it. */
    private Optional<String> readLink(String path) {
        Path p = root.resolve(path.substring(1));
        if (!Files.isSymbolicLink(p)) return Optional.empty();
        try {
            return Optional.of(Files.readSymbolicLink(p).toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Where an entry goes: refuses absolute names, "..", and any parent that is a link or not a
     * directory; makes the missing parents one by one, each a real directory.
     */
    private Path place(String entryName) throws IOException {
        if (entryName.isEmpty()) throw GoliveException.badInput(archive + ": entry with an empty name");
        if (entryName.indexOf('\0') >= 0) throw GoliveException.badInput(archive + ": entry name contains NUL");
        if (entryName.startsWith("/")) throw refuse(entryName, "absolute path in archive");
        List<String> segs = new ArrayList<>();
        for (String seg : entryName.split("/")) {
            if (seg.equals("..")) throw refuse(entryName, "\"..\" in archive path");
            if (!seg.isEmpty() && !seg.equals(".")) segs.add(seg);
        }
        if (segs.isEmpty()) return root; // "./": only a directory entry may name the root, and it is there
        Path dir = root;
        for (String seg : segs.subList(0, segs.size() - 1)) {
            dir = dir.resolve(seg);
            BasicFileAttributes a = attributes(dir);
            if (a == null) Files.createDirectory(dir);
            else if (a.isSymbolicLink()) throw refuse(entryName, "path goes through a link");
            else if (!a.isDirectory()) throw refuse(entryName, "a parent is not a directory");
        }
        return dir.resolve(segs.get(segs.size() - 1));
    }

    /** The entry's own attributes, not following a link; null when nothing is there. */
    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private GoliveException refuse(String entryName, String why) {
        return GoliveException.badInput(archive + ": " + entryName + ": " + why);
    }

    private static void copy(java.io.InputStream in, OutputStream out, long size) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) throw new java.io.EOFException();
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static void setMode(Path p, int mode) {
        try {
            Files.setPosixFilePermissions(p, Perms.of(mode));
        } catch (IOException | UnsupportedOperationException e) {
            // modes are informative in a capture; a failure here is not worth aborting for
        }
    }
}
