package dev.golive.host;

import dev.golive.model.GoliveException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a capture (DESIGN.md format) from what one inspection of the live host read: the
 * files it read (copied as regular files, /proc and /sys included; a directory found by a presence
 * test as an empty directory; a file read for an
 * excerpt only, such as systemd's version banner in its 2 MB manager binary, as that excerpt), the directories it
 * listed (their regular files too, so a listing reads the same on the other machine), the
 * paths it found absent, and the stdout of the commands it ran.
 */
public final class CaptureWriter {

    /** Per-file bound when copying listed directories: unit files and sysctl.d files are tiny. */
    static final long MAX_LISTED_FILE = 1024 * 1024;

    private CaptureWriter() { }

    public record Summary(Path where, int files, int commands, int absent) { }

    /** Writes to {@code out} what {@code log} read and {@code commands} ran (stdout, stderr, exit codes). */
    public static Summary writeTo(HostRoot live, AccessLog log, RecordingCommandRunner commands,
                                  String capturedAt, String hostname, String machine, String release, Path out) {
        return writeTo(live, log, new Commands(commands.outputs(), commands.notFound(), commands.stderr(), commands.exitCodes()),
                capturedAt, hostname, machine, release, out);
    }

    /** The command part of a capture: stdout by command line, those not installed, stderr and non-zero exits. */
    public record Commands(Map<String, String> stdout, List<String> notFound, Map<String, String> stderr, Map<String, Integer> exitCodes) { }

    /** Writes to {@code out}: a directory, or a .tar.gz when the name ends so (built in a temp dir). */
    public static Summary writeTo(HostRoot live, AccessLog log, Map<String, String> commands, java.util.List<String> notFound,
                                  String capturedAt, String hostname, String machine, String release, Path out) {
        return writeTo(live, log, new Commands(commands, notFound, Map.of(), Map.of()), capturedAt, hostname, machine, release, out);
    }

    private static Summary writeTo(HostRoot live, AccessLog log, Commands commands,
                                   String capturedAt, String hostname, String machine, String release, Path out) {
        boolean archive = out.toString().endsWith(".tar.gz") || out.toString().endsWith(".tgz");
        if (!archive) return write(live, log, commands, capturedAt, hostname, machine, release, out);
        if (Files.exists(out)) throw GoliveException.badInput(out + ": already exists; choose a new name");
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("golive-capture-out-");
            Summary s = write(live, log, commands, capturedAt, hostname, machine, release, tmp);
            Tar.create(tmp, out);
            return new Summary(out, s.files(), s.commands(), s.absent());
        } catch (IOException e) {
            throw GoliveException.environment(out + ": cannot write: " + e.getMessage());
        } finally {
            if (tmp != null) RootSpec.deleteTree(tmp);
        }
    }

    public static Summary write(HostRoot live, AccessLog log, Map<String, String> commands, java.util.List<String> notFound,
                                String capturedAt, String hostname, String machine, String release, Path outDir) {
        return write(live, log, new Commands(commands, notFound, Map.of(), Map.of()), capturedAt, hostname, machine, release, outDir);
    }

    private static Summary write(HostRoot live, AccessLog log, Commands commands,
                                 String capturedAt, String hostname, String machine, String release, Path outDir) {
        try {
            Files.createDirectories(outDir);
            if (Files.exists(outDir.resolve(CaptureManifest.FILE_NAME))) {
                throw GoliveException.badInput(outDir + ": already holds a capture; choose a new directory");
            }
            Set<String> read = new LinkedHashSet<>();
            Set<String> absent = new LinkedHashSet<>();
            Set<String> listed = new LinkedHashSet<>();
            Map<String, String> excerpts = new java.util.LinkedHashMap<>(); // path -> "START-END"
            for (AccessLog.Entry e : log.entries()) {
                switch (e.kind()) {
                    case READ -> {
                        if (e.detail().equals("ok")) read.add(e.what());
                        else if (e.detail().startsWith(AccessLog.EXCERPT)) excerpts.putIfAbsent(e.what(), e.detail().substring(AccessLog.EXCERPT.length()));
                        else absent.add(e.what());
                    }
                    case LIST -> { if (e.detail().equals("ok")) listed.add(e.what()); else absent.add(e.what()); }
                    default -> { }
                }
            }
            int files = 0;
            for (String path : read) if (copy(live, path, outDir, Long.MAX_VALUE)) files++;
            for (Map.Entry<String, String> x : excerpts.entrySet()) {
                if (!read.contains(x.getKey()) && excerpt(live, x.getKey(), x.getValue(), outDir)) files++;
            }
            for (String dir : listed) linkedDirectory(live, dir, outDir);
            for (String dir : listed) {
                if (!Files.isDirectory(target(outDir, dir))) Files.createDirectories(target(outDir, dir));
                for (String name : live.list(dir).orElse(List.of())) {
                    String p = HostPaths.join(dir, name);
                    if (read.contains(p)) continue;
                    if (live.isDirectory(p)) Files.createDirectories(target(outDir, p));
                    else if (copy(live, p, outDir, MAX_LISTED_FILE)) files++;
                }
            }
            absent.removeAll(read);
            absent.removeAll(excerpts.keySet());
            CaptureManifest m = new CaptureManifest(CaptureManifest.FORMAT, capturedAt, hostname, machine, release,
                    commands.stdout(), new ArrayList<>(absent), commands.notFound(), commands.stderr(), commands.exitCodes());
            Files.writeString(outDir.resolve(CaptureManifest.FILE_NAME), m.toJson());
            return new Summary(outDir, files, commands.stdout().size(), absent.size());
        } catch (IOException e) {
            throw GoliveException.environment(outDir + ": cannot write capture: " + e.getMessage());
        }
    }

    /**
     * Writes only bytes START..END of a file read for an excerpt (a version banner in a binary),
     * as the whole file of the capture: the same search finds the same string in it.
     */
    private static boolean excerpt(HostRoot live, String path, String range, Path outDir) throws IOException {
        String[] se = range.split("-", 2);
        int start = Integer.parseInt(se[0]), end = Integer.parseInt(se[1]);
        Path src = live.resolve(path);
        if (!Files.isRegularFile(src)) return false;
        byte[] data;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(src, java.nio.file.StandardOpenOption.READ)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(Math.max(0, end - start));
            while (b.hasRemaining() && ch.read(b, start + b.position()) > 0) { }
            data = java.util.Arrays.copyOf(b.array(), b.position());
        } catch (IOException e) {
            return false;
        }
        Path dest = target(outDir, path);
        Files.createDirectories(dest.getParent());
        Files.write(dest, data);
        return true;
    }

    /**
     * A listed directory that is a relative link staying inside the tree (merged /usr's /lib ->
     * usr/lib) is kept as a link, with the directory it points at, before anything is listed
     * into it: a plain copy would make the capture's /lib another directory than its /usr/lib,
     * and a reader that skips a directory it has seen through a link (unit directories,
     * sysctl.d) would read both.
     */
    private static void linkedDirectory(HostRoot live, String dir, Path outDir) throws IOException {
        Path src = live.resolve(dir), dest = target(outDir, dir);
        if (!Files.isSymbolicLink(src) || !Files.isDirectory(src) || Files.exists(dest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        Path target = Files.readSymbolicLink(src);
        if (target.isAbsolute() || !dest.getParent().resolve(target).normalize().startsWith(outDir.toAbsolutePath().normalize())) return;
        Files.createDirectories(dest.getParent());
        Files.createSymbolicLink(dest, target);
        Path pointed = target(outDir, Path.of(HostPaths.parent(dir)).resolve(target).normalize().toString());
        if (!Files.isDirectory(pointed)) Files.createDirectories(pointed);
    }

    private static Path target(Path outDir, String hostPath) {
        HostPaths.check(hostPath);
        return outDir.resolve(hostPath.substring(1));
    }

    /** Copies one file's current content as a regular file (links and /proc files are read through). */
    private static boolean copy(HostRoot live, String path, Path outDir, long max) throws IOException {
        Path src = live.resolve(path);
        // a relative link that stays inside the tree (99-sysctl.conf -> ../sysctl.conf) is kept
        // as a link, so provenance and load order read the same from the capture
        if (Files.isSymbolicLink(src)) {
            Path target = Files.readSymbolicLink(src);
            Path dest = target(outDir, path);
            if (target.toString().equals("/dev/null")) {
                // a masked unit or drop-in: systemd treats an empty file the same as a link to
                // /dev/null, and an empty file needs no absolute link that a safe reader must refuse
                Files.createDirectories(dest.getParent());
                if (!Files.exists(dest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.write(dest, new byte[0]);
                return true;
            }
            if (!target.isAbsolute() && dest.getParent().resolve(target).normalize().startsWith(outDir.toAbsolutePath().normalize())) {
                Files.createDirectories(dest.getParent());
                if (!Files.exists(dest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(dest, target);
                // the link is only useful with what it points at
                String targetHost = java.nio.file.Path.of(HostPaths.parent(path)).resolve(target).normalize().toString();
                copy(live, targetHost, outDir, max);
                return true;
            }
        }
        if (Files.isDirectory(src)) {
            // asked by a presence test (is /run/systemd/system there?): without the directory the
            // capture would answer that test "not in capture" instead of "there"
            Path dest = target(outDir, path);
            if (!Files.isDirectory(dest)) Files.createDirectories(dest);
            return false;
        }
        if (!Files.isRegularFile(src)) return false; // sockets, devices: never copied
        if (Files.size(src) > max) return false;
        byte[] data;
        try (var in = Files.newInputStream(src)) {
            data = in.readNBytes(DirectoryHostRoot.MAX_READ);
        } catch (IOException e) {
            return false; // unreadable (permissions): it stays out of the capture, reads as "not in capture"
        }
        Path dest = target(outDir, path);
        Files.createDirectories(dest.getParent());
        Files.write(dest, data);
        return true;
    }
}
