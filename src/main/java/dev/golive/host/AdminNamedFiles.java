package dev.golive.host;

import dev.golive.model.GoliveException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Files the admin names on this machine (a plan file), as opposed to files of the host root. */
public final class AdminNamedFiles {
    private AdminNamedFiles() { }

    /** The file as strict UTF-8 text; missing, unreadable or not UTF-8: one line, exit 2. */
    public static String readText(String file) {
        try {
            byte[] b = Files.readAllBytes(Path.of(file));
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (NoSuchFileException e) {
            throw GoliveException.badInput(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw GoliveException.badInput(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw GoliveException.badInput(file + ": cannot read: " + HostWriter.message(e));
        }
    }

    /** The bytes of a regular file (a binary to install); missing, not a regular file or unreadable: one line, exit 2. */
    public static byte[] readBytes(String file) {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) throw GoliveException.badInput(file + (Files.exists(p) ? ": not a regular file" : ": no such file"));
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw GoliveException.badInput(file + ": cannot read: " + HostWriter.message(e));
        }
    }

    /**
     * Writes text to a file the admin named (an export), replacing it atomically: a temp file
     * beside it, then a rename, so a reader never sees half a playbook. {@code mode}: its permission bits.
     */
    public static void writeText(String file, String text, int mode) {
        Path target = Path.of(file).toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + ".golive-tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.write(tmp, text.getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            Files.setPosixFilePermissions(tmp, Perms.of(mode));
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do: the message below names the file
            }
            throw GoliveException.badInput(file + ": cannot write: " + HostWriter.message(e));
        }
    }

    /**
     * The files {@code fileOrDir} names: itself when it is a file, else the files below it (not
     * below hidden directories, not through links) whose name {@code wanted} accepts, by path;
     * each as strict UTF-8 text. Missing, unreadable or empty of such files: one line, exit 2.
     */
    public static java.util.SortedMap<String, String> readAll(String fileOrDir, java.util.function.Predicate<String> wanted, String what) {
        Path p = Path.of(fileOrDir);
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            out.put(fileOrDir, readText(fileOrDir));
            return out;
        }
        try (var walk = Files.walk(p, 8)) {
            for (Path f : (Iterable<Path>) walk::iterator) {
                Path rel = p.relativize(f);
                boolean hidden = false;
                for (Path part : rel) if (part.toString().startsWith(".")) hidden = true;
                if (hidden || !Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                if (wanted.test(f.getFileName().toString())) out.put(f.toString(), readText(f.toString()));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw GoliveException.badInput(fileOrDir + ": cannot read: " + e.getMessage());
        }
        if (out.isEmpty()) throw GoliveException.badInput(fileOrDir + ": no " + what + " in this directory");
        return out;
    }

    /** Creates directory {@code dir} for an export, which must not exist or be empty (nothing in it is overwritten). */
    public static void newDirectory(String dir) {
        Path p = Path.of(dir);
        try {
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw GoliveException.badInput(dir + ": exists and is not a directory");
                try (var s = Files.list(p)) {
                    if (s.findAny().isPresent()) throw GoliveException.badInput(dir + ": not empty; choose a new directory");
                }
            }
            Files.createDirectories(p);
        } catch (IOException e) {
            throw GoliveException.environment(dir + ": cannot create: " + e.getMessage());
        }
    }
}
