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
 * trusting the size). Under any root but the live "/", every read, listing and test resolves
 * symbolic links inside the root ({@link HostLinks}): an absolute link in a capture
 * ("/etc/motd -> /etc/passwd") means the capture's /etc/passwd, never this machine's, and
 * ".." in a link target stops at the root. On the live host the kernel's resolution is that.
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
    /** This machine's path of the root without its final slash ("" for "/"), for the live host's plain java.io calls. */
    private final String livePrefix;

    public DirectoryHostRoot(Path base, boolean live, String label, AccessLog log) {
        this(base, live, label, log, null);
    }

    public DirectoryHostRoot(Path base, boolean live, String label, AccessLog log, java.util.Set<String> absent) {
        this.base = base.toAbsolutePath().normalize();
        this.live = live;
        String b = this.base.toString();
        this.livePrefix = b.equals("/") ? "" : b;
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

    /**
     * This machine's path for reading a host path: links resolved within the root, so that the
     * path returned has no link left in it. {@link #resolve} stays lexical, because writers
     * must see (and refuse) a link themselves.
     */
    Path inside(String path) throws Unresolvable {
        HostPaths.check(path);
        if (live) return resolve(path);
        try {
            return resolve(canonical(path).orElseThrow(() -> new Unresolvable(path + ": " + HostLinks.TOO_MANY_LINKS)));
        } catch (java.io.UncheckedIOException e) {
            throw new Unresolvable(path + ": unreadable link: " + e.getCause().getMessage());
        }
    }

    /**
     * This machine's path for a host path's own directory entry: the directories leading to it
     * resolved within the root, the last component not followed (for reading a link's or a
     * file's own attributes).
     */
    Path unfollowed(String path) throws Unresolvable {
        HostPaths.check(path);
        String p = HostPaths.strip(path);
        if (live || p.equals("/")) return resolve(path);
        try {
            String dir = canonical(HostPaths.parent(p)).orElseThrow(() -> new Unresolvable(path + ": " + HostLinks.TOO_MANY_LINKS));
            return resolve(HostPaths.join(dir, p.substring(p.lastIndexOf('/') + 1)));
        } catch (java.io.UncheckedIOException e) {
            throw new Unresolvable(path + ": unreadable link: " + e.getCause().getMessage());
        }
    }

    /** A host path with no resolution inside the root (a link loop, a chain past 40 links): unreadable. */
    static final class Unresolvable extends Exception {
        Unresolvable(String reason) { super(reason, null, false, false); }
    }

    /**
     * How a resolved path is opened: under a capture or target tree, never following a link,
     * because every link on the way was already resolved inside the root and one found now is
     * one the resolver did not see. On the live host the kernel's resolution is the truth.
     */
    private LinkOption[] noFollow() {
        return live ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    }

    /** Directories already resolved: a capture's reads cluster in a few (/proc/sys/net/ipv4/...). */
    private final java.util.Map<String, Optional<String>> canonicalDirs = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link HostLinks#resolve} with the parent directory's resolution remembered; empty past 40 links. */
    private Optional<String> canonical(String path) {
        String p = HostPaths.strip(path);
        int slash = p.lastIndexOf('/');
        String name = p.substring(slash + 1);
        if (p.equals("/") || name.equals(".") || name.equals("..") || p.contains("/./")) return HostLinks.resolve(this::rawLinkTarget, p);
        // a capture does not change under us; a target tree might (apply writes into it): cache captures only
        Optional<String> dir = absent == null ? HostLinks.resolve(this::rawLinkTarget, HostPaths.parent(p))
                : canonicalDirs.computeIfAbsent(HostPaths.parent(p), d -> HostLinks.resolve(this::rawLinkTarget, d));
        if (dir.isEmpty()) return dir;
        String joined = HostPaths.join(dir.get(), name);
        return rawLinkTarget(joined).isEmpty() ? Optional.of(joined) : HostLinks.resolve(this::rawLinkTarget, joined);
    }

    /**
     * The target of {@code path} when it is a link, its parent taken as already resolved. A link
     * whose target cannot be read is an error, never taken for a plain file the kernel would follow.
     */
    private Optional<String> rawLinkTarget(String path) {
        Path p = resolve(path);
        if (!Files.isSymbolicLink(p)) return Optional.empty();
        try {
            return Optional.of(Files.readSymbolicLink(p).toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override public Fact<String> read(String path) {
        if (live) {
            // the live host: the kernel resolves links, so one open and reads do; the first
            // inspection of a run reads ~100 files, and java.io's direct read costs a third of
            // NIO's channel, stream and buffer objects on a cold JVM. Whatever fails is read again
            // below, so every Unknown keeps its reason word for word.
            HostPaths.check(path);
            try (java.io.FileInputStream in = new java.io.FileInputStream(livePrefix + path)) {
                byte[] bytes = in.readNBytes(MAX_READ + 1);
                if (bytes.length <= MAX_READ) {
                    log.read(path, true);
                    return Fact.of(new String(bytes, StandardCharsets.UTF_8), Source.File.of(path));
                }
            } catch (IOException e) {
                // not read: the general path below says why
            }
        }
        Path p;
        try {
            p = inside(path);
        } catch (Unresolvable e) {
            log.read(path, false);
            return Fact.unknown(e.getMessage());
        }
        try (InputStream in = Files.newInputStream(p, noFollow())) {
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
            if (Files.isDirectory(p, noFollow())) msg = "is a directory";
            return Fact.unknown(path + ": " + msg);
        }
    }

    /**
     * On the live host the file is read a chunk at a time and no further than the chunk that
     * holds the first line {@code past} accepts: the kernel prints a seq_file only as far as the
     * reads ask (a chunk at most a page of its records), so what lies beyond that line is never
     * printed. Elsewhere, or when the file cannot be read so, as {@link HostRoot#readUntil}.
     */
    @Override public Fact<String> readUntil(String path, java.util.function.Predicate<String> past) {
        if (live) {
            HostPaths.check(path);
            try (java.io.FileInputStream in = new java.io.FileInputStream(livePrefix + path)) {
                byte[] buf = new byte[16384];
                int len = 0, lineStart = 0;
                for (int n; len <= MAX_READ; len += n) {
                    if (len == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                    n = in.read(buf, len, buf.length - len);
                    if (n <= 0) break;
                    for (int i = len; i < len + n; i++) {
                        if (buf[i] != '\n') continue;
                        if (past.test(new String(buf, lineStart, i - lineStart, StandardCharsets.UTF_8))) {
                            log.read(path, true);
                            return Fact.of(new String(buf, 0, lineStart, StandardCharsets.UTF_8), Source.File.of(path));
                        }
                        lineStart = i + 1;
                    }
                }
                if (len <= MAX_READ) {
                    // the end of the file: a last line without its newline is still a line
                    String last = new String(buf, lineStart, len - lineStart, StandardCharsets.UTF_8);
                    log.read(path, true);
                    int keep = !last.isEmpty() && past.test(last) ? lineStart : len;
                    return Fact.of(new String(buf, 0, keep, StandardCharsets.UTF_8), Source.File.of(path));
                }
            } catch (IOException e) {
                // not read: the general path says why
            }
        }
        return HostRoot.super.readUntil(path, past);
    }

    @Override public Optional<List<String>> list(String dir) {
        if (live) {
            HostPaths.check(dir);
            // null when it is not a directory or cannot be read, like the general path below
            String[] names = new java.io.File(livePrefix + dir).list();
            log.list(dir, names != null);
            if (names == null) return Optional.empty();
            java.util.Arrays.sort(names);
            return Optional.of(List.of(names));
        }
        Path p;
        try {
            p = inside(dir);
        } catch (Unresolvable e) {
            log.list(dir, false);
            return Optional.empty();
        }
        if (!Files.isDirectory(p, noFollow())) {
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

    @Override public boolean exists(String path) {
        try {
            return Files.exists(inside(path), noFollow());
        } catch (Unresolvable e) {
            return false;
        }
    }

    @Override public Fact<Boolean> presence(String path) {
        boolean here;
        try {
            here = Files.exists(inside(path), noFollow());
        } catch (Unresolvable e) {
            log.read(path, false);
            return Fact.unknown(e.getMessage());
        }
        if (here || absent == null || absent.contains(path)) {
            log.read(path, here);
            return Fact.of(here, Source.File.of(path));
        }
        // logged as a read that found nothing, like every other unanswered read of a capture:
        // the Ansible capture's next round asks for exactly these
        log.read(path, false);
        return Fact.unknown(path + ": not in capture");
    }

    @Override public boolean isDirectory(String path) {
        // the live host: one stat following links, as Files.isDirectory does, without NIO's objects
        if (live) return new java.io.File(livePrefix + HostPaths.check(path)).isDirectory();
        try {
            return Files.isDirectory(inside(path), noFollow());
        } catch (Unresolvable e) {
            return false;
        }
    }

    /** The link itself is not followed; the directories leading to it are, within the root. */
    @Override public Optional<String> linkTarget(String path) {
        HostPaths.check(path);
        String p = HostPaths.strip(path);
        if (p.equals("/")) return Optional.empty();
        try {
            Optional<String> dir = live ? Optional.of(HostPaths.parent(p)) : canonical(HostPaths.parent(p));
            return dir.flatMap(d -> rawLinkTarget(HostPaths.join(d, p.substring(p.lastIndexOf('/') + 1))));
        } catch (java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    @Override public Fact<java.nio.ByteBuffer> mapBinary(String path, long maxBytes) {
        Fact<java.nio.ByteBuffer> f;
        try {
            f = HostRoot.mapBinaryAt(inside(path), path, maxBytes, noFollow());
        } catch (Unresolvable e) {
            return Fact.unknown(e.getMessage());
        }
        if (f instanceof Fact.Unknown<?> u && u.reason().endsWith(": no such file") && absent != null && !absent.contains(path)) {
            return Fact.unknown(path + ": not in capture");
        }
        return f;
    }

    /**
     * On the live host, the kernel's resolution of a path that exists (one realpath instead of a
     * link lookup per component); empty where it does not resolve (a missing component, a
     * dangling link, a loop) or resolves outside the root, which the walk then answers as before.
     */
    Optional<String> liveRealPath(String path) {
        if (!live) return Optional.empty();
        HostPaths.check(path);
        try {
            String real = Path.of(livePrefix + path).toRealPath().toString();
            if (livePrefix.isEmpty()) return Optional.of(real);
            if (real.equals(livePrefix)) return Optional.of("/");
            // a live root elsewhere than "/" is a test's: only what resolves inside it counts
            return real.startsWith(livePrefix + "/") ? Optional.of(real.substring(livePrefix.length())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the path exists without following a final symlink (for writers that refuse links). */
    public boolean existsNoFollow(String path) {
        return Files.exists(resolve(path), LinkOption.NOFOLLOW_LINKS);
    }
}
