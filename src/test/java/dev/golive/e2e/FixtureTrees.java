package dev.golive.e2e;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writable copies of the fixture hosts for end-to-end runs, and their content as hashes, so a
 * test can say "byte for byte as before". Links inside a fixture stay links.
 */
final class FixtureTrees {

    private FixtureTrees() { }

    /** A copy of the capture: golive reads it and never writes it. */
    static Path capture(Path tmp, String name) throws Exception { return copy(tmp, name, true); }

    /** A copy without the capture manifest: a target tree golive may write into. */
    static Path targetTree(Path tmp, String name) throws Exception { return copy(tmp, name, false); }

    private static Path copy(Path tmp, String name, boolean keepManifest) throws Exception {
        Path src = Run.root().resolve("src/test/resources/hosts/" + name);
        Path dst = tmp.resolve(name);
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isSymbolicLink(p)) Files.createSymbolicLink(t, Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) Files.createDirectories(t);
                else if (keepManifest || !p.getFileName().toString().equals("golive-capture.json")) Files.copy(p, t);
            }
        }
        return dst;
    }

    /**
     * Every file's SHA-256 and every directory under {@code root}, leaving out golive's own state
     * (the lock under run/, the snapshots under var/; the fixtures have neither).
     */
    static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith("run") || rel.startsWith("var")) continue;
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel + "/", "dir");
                } else if (Files.isSymbolicLink(p)) {
                    out.put(rel, "-> " + Files.readSymbolicLink(p));
                }
            }
        }
        return out;
    }
}
