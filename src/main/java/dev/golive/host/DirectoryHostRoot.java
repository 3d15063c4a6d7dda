package dev.golive.host;

import dev.golive.model.Fact;
import dev.golive.model.Source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A host laid out under a directory: "/" itself when live, or a capture / target tree.
 * Reads are bounded (files under /proc report size 0, so we read up to a cap rather than
 * trusting the size).
 */
public final class DirectoryHostRoot implements HostRoot {

    /** No file golive inspects is anywhere near this; a bigger one is refused, not half-read. */
    static final int MAX_READ = 8 * 1024 * 1024;

    private final Path base;
    private final boolean live;
    private final String label;
    private final AccessLog log;
    /** For a capture: host paths recorded as absent when it was taken; null for a live host or a target tree. */
    private final java.util.Set<String> absent;

    public DirectoryHostRoot(Path base, boolean live, String label, AccessLog log) {
        this(base, live, label, log, null);
    }

    public DirectoryHostRoot(Path base, boolean live, String label, AccessLog log, java.util.Set<String> absent) {
        this.base = base.toAbsolutePath().normalize();
        this.live = live;
        this.label = label;
        this.log = log;
        this.absent = absent == null ? null : java.util.Set.copyOf(absent);
    }

    /** True when reading a capture (absences were recorded, nothing here is the live host). */
    public boolean isCapture() { return absent != null; }

    public static DirectoryHostRoot live(AccessLog log) {
        return new DirectoryHostRoot(Path.of("/"), true, "/", log);
    }

    @Override public String describe() { return label; }
    @Override public boolean isLive() { return live; }
    @Override public Path base() { return base; }
    @Override public AccessLog log() { return log; }

    @Override public Path resolve(String path) {
        HostPaths.check(path);
        String rel = path.substring(1);
        return rel.isEmpty() ? base : base.resolve(rel);
    }

    @Override public Fact<String> read(String path) {
        Path p = resolve(path);
        try (InputStream in = Files.newInputStream(p)) {
            byte[] bytes = in.readNBytes(MAX_READ + 1);
            if (bytes.length > MAX_READ) {
                log.read(path, false);
                return Fact.unknown(path + ": larger than " + MAX_READ + " bytes");
            }
            log.read(path, true);
            return Fact.of(new String(bytes, StandardCharsets.UTF_8), Source.File.of(path));
        } catch (NoSuchFileException e) {
            log.read(path, false);
            if (absent != null && !absent.contains(path)) return Fact.unknown(path + ": not in capture");
            return Fact.unknown(path + ": no such file");
        } catch (AccessDeniedException e) {
            log.read(path, false);
            return Fact.unknown(path + ": permission denied");
        } catch (IOException e) {
            log.read(path, false);
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (Files.isDirectory(p)) msg = "is a directory";
            return Fact.unknown(path + ": " + msg);
        }
    }

    @Override public Optional<List<String>> list(String dir) {
        Path p = resolve(dir);
        if (!Files.isDirectory(p)) {
            log.list(dir, false);
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(p)) {
            List<String> names = new ArrayList<>();
            s.forEach(x -> names.add(x.getFileName().toString()));
            names.sort(null);
            log.list(dir, true);
            return Optional.of(List.copyOf(names));
        } catch (IOException e) {
            log.list(dir, false);
            return Optional.empty();
        }
    }

    @Override public boolean exists(String path) { return Files.exists(resolve(path)); }

    @Override public Fact<Boolean> presence(String path) {
        boolean here = Files.exists(resolve(path));
        if (here || absent == null || absent.contains(path)) {
            log.read(path, here);
            return Fact.of(here, Source.File.of(path));
        }
        return Fact.unknown(path + ": not in capture");
    }

    @Override public boolean isDirectory(String path) { return Files.isDirectory(resolve(path)); }

    @Override public Optional<String> linkTarget(String path) {
        Path p = resolve(path);
        if (!Files.isSymbolicLink(p)) return Optional.empty();
        try {
            return Optional.of(Files.readSymbolicLink(p).toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the path exists without following a final symlink (for writers that refuse links). */
    public boolean existsNoFollow(String path) {
        return Files.exists(resolve(path), LinkOption.NOFOLLOW_LINKS);
    }
}
