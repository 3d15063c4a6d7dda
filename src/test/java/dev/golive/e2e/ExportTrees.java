package dev.golive.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Target trees for the export tests: copies of fixture hosts, and "the host" as a comparable value. */
final class ExportTrees {
    private ExportTrees() { }

    /** Copies a tree keeping links as links; {@code skip}: top-level names left out (the capture manifest). */
    static void copy(Path from, Path to, Set<String> skip) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path src : (Iterable<Path>) s::iterator) {
                Path rel = from.relativize(src);
                if (rel.getNameCount() > 0 && skip.contains(rel.getName(0).toString())) continue;
                Path dst = to.resolve(rel.toString());
                if (Files.isSymbolicLink(src)) {
                    Files.createDirectories(dst.getParent());
                    Files.createSymbolicLink(dst, Files.readSymbolicLink(src));
                } else if (Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dst);
                    Files.setPosixFilePermissions(dst, Files.getPosixFilePermissions(src));
                } else {
                    Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every file, directory and link with its type, mode, owner, group and SHA-256 — except
     * golive's own state (run/golive.lock, var/lib/golive, the audit trail var/log/golive and the directories made for them),
     * which only golive apply writes. {@code withTimes}: also the modification time, to prove a
     * second run rewrote nothing.
     */
    static Map<String, String> fingerprint(Path dir, boolean withTimes) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = "/" + dir.relativize(p);
                if (rel.equals("/run/golive.lock") || rel.startsWith("/var/lib/golive") || rel.startsWith("/var/log/golive")) continue;
                if (rel.equals("/run") || rel.equals("/var/lib") || rel.equals("/var/log") || rel.equals("/var")) continue;
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String kind = a.isSymbolicLink() ? "link " + Files.readSymbolicLink(p) : a.isDirectory() ? "dir" : "file " + sha256(Files.readAllBytes(p));
                out.put(rel, kind + " " + mode(a.permissions()) + " " + a.owner().getName() + ":" + a.group().getName()
                        + (withTimes && !a.isDirectory() ? " " + a.lastModifiedTime().toInstant() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The entries that differ, with the text of differing files (empty: the same trees). */
    static List<String> differences(Path a, Map<String, String> fa, Path b, Map<String, String> fb) {
        List<String> diff = new ArrayList<>();
        for (String k : fa.keySet()) {
            if (fa.get(k).equals(fb.get(k))) continue;
            String line = k + ": " + fa.get(k) + " | " + fb.getOrDefault(k, "(absent)");
            if (fb.containsKey(k) && fa.get(k).startsWith("file") && fb.get(k).startsWith("file")) {
                line += "\n    " + read(a.resolve(k.substring(1))).replace("\n", "\\n") + "\n    " + read(b.resolve(k.substring(1))).replace("\n", "\\n");
            }
            diff.add(line);
        }
        for (String k : fb.keySet()) if (!fa.containsKey(k)) diff.add(k + ": (absent) | " + fb.get(k));
        return diff;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String mode(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) m |= 1 << (8 - p.ordinal());
        return String.format("%04o", m);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
