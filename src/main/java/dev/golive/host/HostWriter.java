package dev.golive.host;

import dev.golive.model.GoliveException;
import dev.golive.model.OwnedFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every write golive makes to a host, relative to the root ("/" live, or a target tree).
 *
 * <p>Files are replaced atomically: a temp file in the same directory (so the rename cannot
 * cross file systems), written, given its planned mode and owner, fsynced, renamed over the
 * target, then the directory fsynced so the rename itself survives a power cut. The temp
 * file has a fixed name ({@link #tempPath}) so a crash half-way leaves a name a rollback
 * knows to remove. No path is written through a symbolic link: every component below the
 * root is checked, because a link planted in /etc/sysctl.d could otherwise redirect a
 * root-owned write anywhere.
 */
public final class HostWriter {

    private final Path base;
    private final AccessLog log;
    private final FaultPoints faults;
    /** One appender at a time in this process (see {@link #append}). */
    private static final Object APPENDING = new Object();

    public HostWriter(Path base, AccessLog log, FaultPoints faults) {
        this.base = base.toAbsolutePath().normalize();
        this.log = log;
        this.faults = faults;
    }

    public Path base() { return base; }

    public FaultPoints faults() { return faults; }

    public AccessLog log() { return log; }

    /** This machine's path for a host path. */
    public Path resolve(String path) {
        HostPaths.check(path);
        String rel = path.substring(1);
        return rel.isEmpty() ? base : base.resolve(rel);
    }

    /** The fixed temp name an atomic write of {@code path} uses: {@code .NAME.golive-tmp} beside it. */
    public static String tempPath(String path) {
        return HostPaths.join(HostPaths.parent(path), "." + path.substring(path.lastIndexOf('/') + 1) + ".golive-tmp");
    }

    /** Refuses {@code path} when it, or any directory between the root and it, is a symbolic link. */
    public void refuseLinks(String path) {
        HostPaths.check(path);
        Path p = base;
        StringBuilder host = new StringBuilder();
        for (String seg : path.substring(1).split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            p = p.resolve(seg);
            host.append('/').append(seg);
            if (Files.isSymbolicLink(p)) {
                throw GoliveException.environment(path + ": refusing to write through a symbolic link (" + host
                        + (host.toString().equals(path) ? "" : " is a link") + ")");
            }
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return; // nothing below can be a link yet
        }
    }

    /** The file as it is, bytes and all; a symbolic link on the way is refused, a directory is an error. */
    public FileState stat(String path) {
        refuseLinks(path);
        Path p = resolve(path);
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) throw GoliveException.environment(path + ": not a regular file");
            byte[] bytes = Files.readAllBytes(p);
            log.read(path, true);
            return new FileState(path, true, Perms.toMode(a.permissions()), a.owner().getName(), a.group().getName(), bytes);
        } catch (NoSuchFileException e) {
            log.read(path, false);
            return FileState.absent(path);
        } catch (IOException e) {
            throw GoliveException.environment(path + ": cannot read: " + message(e));
        }
    }

    /** Raw bytes of a file (snapshot copies, manifests); empty when absent. */
    public Optional<byte[]> readBytes(String path) {
        try {
            return Optional.of(Files.readAllBytes(resolve(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw GoliveException.environment(path + ": cannot read: " + message(e));
        }
    }

    /** Up to {@code max} bytes from the start of a file; empty when absent or unreadable (a cheap peek at a manifest's state). */
    public Optional<byte[]> readHead(String path, int max) {
        try (FileChannel ch = FileChannel.open(resolve(path), StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(max);
            while (b.hasRemaining() && ch.read(b) > 0) { /* fill */ }
            byte[] out = new byte[b.position()];
            b.flip().get(out);
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Names in a directory, sorted; empty list when it does not exist. */
    public List<String> list(String dir) {
        Path p = resolve(dir);
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return List.of();
        try (Stream<Path> s = Files.list(p)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw GoliveException.environment(dir + ": cannot list: " + message(e));
        }
    }

    public boolean exists(String path) { return Files.exists(resolve(path), LinkOption.NOFOLLOW_LINKS); }

    public boolean isDirectory(String path) { return Files.isDirectory(resolve(path), LinkOption.NOFOLLOW_LINKS); }

    /**
     * Writes a file golive owns: the path must be one of {@link OwnedFiles}, and an existing
     * file must carry golive's header (golive never overwrites a file it did not write) —
     * unless {@code force} (a rollback the admin forced over a later edit).
     * Fault points {@code file-write:TAG} (temp written, not renamed) and {@code rename:TAG}.
     */
    public void writeOwned(String path, byte[] content, int mode, String owner, String group, boolean force, String tag) {
        checkOwned(path, force);
        writeAtomic(path, content, mode, owner, group, tag);
    }

    /** Removes a file golive owns (same rules as {@link #writeOwned}); absent is fine. Fault points as for a write. */
    public void deleteOwned(String path, boolean force, String tag) {
        checkOwned(path, force);
        if (tag != null) faults.hit("file-write:" + tag);
        delete(path);
        if (tag != null) faults.hit("rename:" + tag);
    }

    /** Removes a file golive put in place that is not one of its owned files (an installed binary); absent is fine. */
    public void deleteFile(String path) {
        refuseLinks(path);
        delete(path);
    }

    /** The removal itself, durable once it returns (the directory is synced); absent is fine. */
    private void delete(String path) {
        Path p = resolve(path);
        try {
            boolean was = Files.deleteIfExists(p);
            if (was) fsyncDir(p.getParent());
            log.write(path, was ? "deleted" : "already absent");
        } catch (IOException e) {
            throw GoliveException.environment(path + ": cannot delete: " + message(e));
        }
    }

    /** The reason golive may not write {@code path}, or empty when it may. */
    public Optional<String> ownershipProblem(String path, boolean force) {
        if (!OwnedFiles.isOwnedPath(path)) return Optional.of(path + ": not a file golive owns; golive writes only its own drop-ins");
        refuseLinks(path);
        if (force) return Optional.empty();
        FileState cur = stat(path);
        if (cur.exists() && !OwnedFiles.isOwned(cur.text())) {
            return Optional.of(path + ": exists and was not written by golive (no \"" + OwnedFiles.HEADER_MARK + "\" header); refusing to overwrite it");
        }
        return Optional.empty();
    }

    /** Why {@code owner}/{@code group} cannot be set on this machine (no such user or group), or empty. */
    public Optional<String> principalProblem(String owner, String group) {
        try {
            user(owner);
        } catch (IOException e) {
            return Optional.of("no user \"" + owner + "\" on this machine");
        }
        try {
            group(group);
        } catch (IOException e) {
            return Optional.of("no group \"" + group + "\" on this machine");
        }
        return Optional.empty();
    }

    private void checkOwned(String path, boolean force) {
        Optional<String> problem = ownershipProblem(path, force);
        if (problem.isPresent()) throw GoliveException.environment(problem.get());
    }

    /**
     * Atomic replace, for golive's own state too (manifests, copies) and a target tree's
     * live values: no ownership rule, but still no links. {@code owner}/{@code group} null:
     * keep whoever golive runs as. {@code tag} null: no fault points; else
     * {@code mid-write:TAG} (the temp file half-written; only a file over one chunk),
     * {@code file-write:TAG} (temp written, not renamed), {@code dir-sync:TAG} (renamed, the
     * directory not yet fsynced) and {@code rename:TAG} (done).
     */
    public void writeAtomic(String path, byte[] content, int mode, String owner, String group, String tag) {
        writeAtomic(path, content, mode, owner, group, tag, true);
    }

    /**
     * As above; {@code durable} false skips both fsyncs (and the {@code dir-sync} point): still
     * atomic against a kill, which leaves the old or the new file, never a half-written one,
     * but a power cut may lose it — right only for what a power cut loses anyway.
     */
    public void writeAtomic(String path, byte[] content, int mode, String owner, String group, String tag, boolean durable) {
        if ((mode & ~0777) != 0) throw GoliveException.badInput(path + ": mode " + Integer.toOctalString(mode) + ": golive sets only the 0777 permission bits");
        refuseLinks(path);
        Path target = resolve(path);
        Path dir = target.getParent();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw GoliveException.environment(HostPaths.parent(path) + ": no such directory");
        Path tmp = resolve(tempPath(path));
        try {
            Files.deleteIfExists(tmp); // a leftover from a crash; deleting a link removes the link, never its target
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                writeChunks(ch, content, tag);
                PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                if (owner != null) view.setOwner(user(owner));
                if (group != null) view.setGroup(group(group));
                view.setPermissions(Perms.of(mode)); // after chown: chown may clear set-id bits, and umask must not decide the mode
                if (durable) ch.force(true);
            }
            if (tag != null) faults.hit("file-write:" + tag);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (durable) {
                if (tag != null) faults.hit("dir-sync:" + tag);
                fsyncDir(dir);
            }
            log.write(path, content.length + " bytes, mode " + String.format("%04o", mode));
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw GoliveException.environment(path + ": cannot write: " + message(e));
        } catch (RuntimeException e) {
            if (!(e instanceof FaultPoints.InjectedFault)) deleteQuietly(tmp);
            throw e;
        }
        if (tag != null) faults.hit("rename:" + tag);
    }

    /** Size of one write(2) of a file's content: a big file takes several, and a kill can land between them. */
    static final int CHUNK = 256 * 1024;

    private void writeChunks(FileChannel ch, byte[] content, String tag) throws IOException {
        for (int off = 0; off < content.length; off += CHUNK) {
            ByteBuffer b = ByteBuffer.wrap(content, off, Math.min(CHUNK, content.length - off));
            while (b.hasRemaining()) ch.write(b);
            if (off == 0 && content.length > CHUNK && tag != null) faults.hit("mid-write:" + tag);
        }
    }

    /**
     * Writes a new file in a directory that is not published yet (a snapshot being built):
     * no temp file and no directory fsync per file — the caller fsyncs the directory once
     * ({@link #syncDir}) and then publishes it with one rename. The data itself is fsynced.
     */
    public void writeNew(String path, byte[] content, int mode) {
        refuseLinks(path);
        Path p = resolve(path);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) ch.write(b);
            Files.setPosixFilePermissions(p, Perms.of(mode));
            ch.force(true);
        } catch (IOException e) {
            throw GoliveException.environment(path + ": cannot write: " + message(e));
        }
    }

    /**
     * Appends {@code line} to {@code path} (created with {@code mode} if missing) on a descriptor
     * opened with {@code O_APPEND}, holding an exclusive {@code fcntl} lock on the file for the
     * write: {@code O_APPEND} alone keeps one {@code write(2)} whole only where the file system
     * serialises appends (not every overlay or network file system does, and a write may come
     * back short), so two golive processes take turns and their lines never interleave. Threads
     * of one process take turns on {@link #APPENDING} first, because the JVM grants a process one
     * lock per file region and refuses a second. The data is fsynced: an audit line that a power
     * cut could lose is no record. A short write (a full disk) fails.
     */
    public void append(String path, byte[] line, int mode) {
        refuseLinks(path);
        Path p = resolve(path);
        boolean created = !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            if (created) Files.setPosixFilePermissions(p, Perms.of(mode));
            synchronized (APPENDING) {
                try (FileLock ignored = ch.lock()) {
                    ByteBuffer buf = ByteBuffer.wrap(line);
                    while (buf.hasRemaining()) {
                        if (ch.write(buf) == 0) {
                            throw GoliveException.environment(path + ": cannot append: wrote " + buf.position() + " of " + line.length + " bytes");
                        }
                    }
                    ch.force(false);
                }
            }
            if (created) fsyncDir(p.getParent());
            log.write(path, line.length + " bytes appended");
        } catch (IOException e) {
            throw GoliveException.environment(path + ": cannot append: " + message(e));
        }
    }

    /** fsync of one directory (after {@link #writeNew}). */
    public void syncDir(String dir) {
        try {
            fsyncDir(resolve(dir));
        } catch (IOException e) {
            throw GoliveException.environment(dir + ": cannot sync: " + message(e));
        }
    }

    /** Removes a leftover temp file of an interrupted atomic write of {@code path}; true when there was one. */
    public boolean removeTemp(String path) {
        Path tmp = resolve(tempPath(path));
        try {
            return Files.deleteIfExists(tmp);
        } catch (IOException e) {
            throw GoliveException.environment(tempPath(path) + ": cannot remove: " + message(e));
        }
    }

    /**
     * The directories from the root down to {@code dir} that do not exist yet, outermost
     * first: what {@link #createDirs} will create (recorded in a snapshot before the first change).
     */
    public List<String> missingDirs(String dir) {
        List<String> missing = new ArrayList<>();
        String d = HostPaths.strip(dir);
        while (!d.equals("/") && !Files.exists(resolve(d), LinkOption.NOFOLLOW_LINKS)) {
            missing.add(0, d);
            d = HostPaths.parent(d);
        }
        return missing;
    }

    /** Creates the given directories (outermost first) with {@code mode}, refusing links on the way; each durable at once. */
    public void createDirs(List<String> dirs, int mode) { createDirs(dirs, mode, true); }

    /** As above; {@code durable} false leaves the parent's fsync to the caller (a snapshot published by rename). */
    public void createDirs(List<String> dirs, int mode, boolean durable) {
        for (String d : dirs) {
            refuseLinks(d);
            Path p = resolve(d);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
            try {
                try {
                    Files.createDirectory(p);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another golive process (or thread) made it between the test and here: theirs, not ours to chmod
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                    throw raced;
                }
                Files.setPosixFilePermissions(p, Perms.of(mode));
                if (durable) fsyncDir(p.getParent());
                log.write(d, "directory created, mode " + String.format("%04o", mode));
            } catch (IOException e) {
                throw GoliveException.environment(d + ": cannot create directory: " + message(e));
            }
        }
    }

    /**
     * Sets a directory's or file's owner by number (no link followed): the ids come from the
     * root's own /etc/passwd and /etc/group, which in a target tree are not this machine's.
     */
    public void chown(String path, int uid, int gid) {
        refuseLinks(path);
        Path p = resolve(path);
        try {
            Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            log.write(path, "owner set to " + uid + ":" + gid);
        } catch (IOException | UnsupportedOperationException e) {
            throw GoliveException.environment(path + ": cannot set the owner to " + uid + ":" + gid + ": "
                    + (e instanceof IOException io ? message(io) : e.getMessage()));
        }
    }

    /** Removes a directory golive created, if it is empty now; true when removed. */
    public boolean removeDirIfEmpty(String dir) {
        Path p = resolve(dir);
        try {
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return false;
            Files.delete(p);
            fsyncDir(p.getParent());
            log.write(dir, "directory removed");
            return true;
        } catch (DirectoryNotEmptyException e) {
            return false;
        } catch (IOException e) {
            throw GoliveException.environment(dir + ": cannot remove directory: " + message(e));
        }
    }

    /** Renames a directory (a snapshot being published) and fsyncs the parent. */
    public void renameDir(String from, String to) {
        refuseLinks(from);
        refuseLinks(to);
        try {
            Files.move(resolve(from), resolve(to), StandardCopyOption.ATOMIC_MOVE);
            fsyncDir(resolve(to).getParent());
        } catch (IOException e) {
            throw GoliveException.environment(from + ": cannot rename to " + to + ": " + message(e));
        }
    }

    /** Deletes a directory tree golive keeps (an old snapshot); links inside are removed, never followed. */
    public void deleteTree(String dir) {
        refuseLinks(dir);
        Path p = resolve(dir);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
            fsyncDir(p.getParent());
        } catch (IOException e) {
            throw GoliveException.environment(dir + ": cannot delete: " + message(e));
        }
    }

    /** Permission bits of a file or directory (no link following); -1 when absent. */
    public int mode(String path) {
        try {
            return Perms.toMode(Files.readAttributes(resolve(path), PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions());
        } catch (IOException e) {
            return -1;
        }
    }

    private UserPrincipal user(String name) throws IOException {
        return lookup().lookupPrincipalByName(name);
    }

    private GroupPrincipal group(String name) throws IOException {
        return lookup().lookupPrincipalByGroupName(name);
    }

    private UserPrincipalLookupService lookup() { return base.getFileSystem().getUserPrincipalLookupService(); }

    /** fsync of a directory: makes a create, rename or unlink inside it durable. */
    static void fsyncDir(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the temp name is fixed: a rollback or the next write removes it
        }
    }

    static String message(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        return m.replace('\n', ' ');
    }

    /** UTF-8 bytes of text (plans carry text; files are written as bytes). */
    public static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
