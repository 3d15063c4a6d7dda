package dev.golive.host;

import dev.golive.model.GoliveException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A directory of captures, one per host, named by host (what `golive report --fleet DIR` and
 * `golive diff DIR` read): capture directories (with golive-capture.json) and capture archives
 * (.tar.gz, .tgz). Every other entry is listed too, with why it is not a capture, so that
 * nothing in the directory is silently skipped.
 */
public final class FleetDirectory {

    /** One entry: the host's name (the file name without .tar.gz), its path, and why it is not a capture if it is not one. */
    public record Entry(String name, String path, Optional<String> notACapture) { }

    private FleetDirectory() { }

    public static List<Entry> list(String dir) {
        if (dir == null || dir.isBlank()) throw GoliveException.badInput("the fleet directory is empty (an unset variable?): name a directory of captures");
        Path d = Path.of(dir);
        if (!Files.exists(d)) throw GoliveException.badInput(dir + ": no such file or directory");
        if (!Files.isDirectory(d)) throw GoliveException.badInput(dir + ": not a directory of captures");
        if (Files.exists(d.resolve(CaptureManifest.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
            throw GoliveException.badInput(dir + ": this is one capture (it has " + CaptureManifest.FILE_NAME + "); a fleet is a directory of captures");
        }
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
            for (Path p : s) out.add(entry(p));
        } catch (IOException | SecurityException e) {
            throw GoliveException.badInput(dir + ": cannot list: " + e.getMessage());
        }
        if (out.isEmpty()) throw GoliveException.badInput(dir + ": empty; expected one capture directory or .tar.gz per host");
        out.sort(Comparator.comparing(Entry::name).thenComparing(Entry::path));
        return out;
    }

    /**
     * Whether the --root value {@code spec} names a fleet: a directory that is not itself a
     * capture and holds captures at its top (what {@link RootSpec#open} refuses as one host).
     */
    public static boolean isFleet(String spec) {
        if (RootSpec.isLive(spec) || spec.isBlank()) return false;
        Path p = Path.of(spec);
        return Files.isDirectory(p) && !Files.exists(p.resolve(CaptureManifest.FILE_NAME), LinkOption.NOFOLLOW_LINKS) && holdsCaptures(p);
    }

    /**
     * Whether {@code dir} (not itself a capture) holds captures at its top: a fleet, not a tree
     * of one host. A root filesystem has no capture among its top-level entries.
     */
    public static boolean holdsCaptures(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String f = p.getFileName().toString();
                if (Files.isRegularFile(p) && (f.endsWith(".tar.gz") || f.endsWith(".tgz"))) return true;
                if (Files.isDirectory(p) && Files.exists(p.resolve(CaptureManifest.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) return true;
            }
        } catch (IOException | SecurityException e) {
            return false; // unreadable: opening it as a tree says what is wrong
        }
        return false;
    }

    private static Entry entry(Path p) {
        String file = p.getFileName().toString();
        boolean archive = file.endsWith(".tar.gz") || file.endsWith(".tgz");
        String name = file.endsWith(".tar.gz") ? file.substring(0, file.length() - 7) : file.endsWith(".tgz") ? file.substring(0, file.length() - 4) : file;
        if (Files.isDirectory(p)) {
            return Files.exists(p.resolve(CaptureManifest.FILE_NAME), LinkOption.NOFOLLOW_LINKS)
                    ? new Entry(name, p.toString(), Optional.empty())
                    : new Entry(name, p.toString(), Optional.of("a directory without " + CaptureManifest.FILE_NAME + ": not a golive capture"));
        }
        if (Files.isRegularFile(p) && archive) return new Entry(name, p.toString(), Optional.empty());
        return new Entry(name, p.toString(), Optional.of("neither a capture directory nor a .tar.gz capture"));
    }
}
