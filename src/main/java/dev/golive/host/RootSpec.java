package dev.golive.host;

import dev.golive.model.GoliveException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;

/**
 * Turns the --root argument into a HostRoot and a CommandRunner:
 * none → the live host (real commands);
 * a directory with golive-capture.json → a capture (commands answered from it, read-only);
 * a .tar.gz → a capture unpacked safely into a private temp directory (read-only);
 * any other directory → a target tree golive may write into (image building, tests),
 * where no command is run on the host's behalf.
 */
public record RootSpec(HostRoot root, CommandRunner runner, Kind kind, Path tempDir, CaptureManifest manifest) implements AutoCloseable {

    public enum Kind { LIVE, CAPTURE_DIR, CAPTURE_ARCHIVE, TARGET_TREE }

    public boolean readOnly() { return kind == Kind.CAPTURE_DIR || kind == Kind.CAPTURE_ARCHIVE; }

    public static RootSpec open(String spec, AccessLog log) {
        if (spec == null || spec.isEmpty() || spec.equals("/")) {
            return new RootSpec(DirectoryHostRoot.live(log), new ProcessCommandRunner(log), Kind.LIVE, null, null);
        }
        Path p = Path.of(spec);
        if (!Files.exists(p)) throw GoliveException.badInput(spec + ": no such file or directory");
        if (Files.isRegularFile(p)) {
            if (!(spec.endsWith(".tar.gz") || spec.endsWith(".tgz"))) {
                throw GoliveException.badInput(spec + ": not a directory or a .tar.gz capture");
            }
            Path tmp;
            try {
                tmp = Files.createTempDirectory("golive-capture-");
            } catch (IOException e) {
                throw GoliveException.environment("cannot create a temporary directory: " + e.getMessage());
            }
            try {
                Tar.extract(p, tmp);
                CaptureManifest m = manifest(tmp, spec);
                return new RootSpec(new DirectoryHostRoot(tmp, false, spec, log, new HashSet<>(m.absent())),
                        new CaptureCommandRunner(m, log), Kind.CAPTURE_ARCHIVE, tmp, m);
            } catch (RuntimeException e) {
                deleteTree(tmp);
                throw e;
            }
        }
        if (Files.exists(p.resolve(CaptureManifest.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
            CaptureManifest m = manifest(p, spec);
            return new RootSpec(new DirectoryHostRoot(p, false, spec, log, new HashSet<>(m.absent())),
                    new CaptureCommandRunner(m, log), Kind.CAPTURE_DIR, null, m);
        }
        CaptureManifest none = new CaptureManifest(CaptureManifest.FORMAT, null, null, null, null, java.util.Map.of(), java.util.List.of(), java.util.List.of());
        return new RootSpec(new DirectoryHostRoot(p, false, spec, log), new CaptureCommandRunner(none, log), Kind.TARGET_TREE, null, null);
    }

    /**
     * The capture's manifest, read without following a link: a manifest that is a link could
     * name any file of the reviewer's machine, so it is refused, whatever it points at.
     */
    private static CaptureManifest manifest(Path dir, String spec) {
        Path f = dir.resolve(CaptureManifest.FILE_NAME);
        if (Files.isSymbolicLink(f)) {
            throw GoliveException.badInput(spec + ": " + CaptureManifest.FILE_NAME + " is a symbolic link; a capture's manifest must be a regular file");
        }
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) throw GoliveException.badInput(spec + ": no " + CaptureManifest.FILE_NAME + " at the top: not a golive capture");
        try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            return CaptureManifest.parse(spec + "!/" + CaptureManifest.FILE_NAME, text);
        } catch (IOException e) {
            throw GoliveException.badInput(spec + ": cannot read " + CaptureManifest.FILE_NAME + ": " + e.getMessage());
        }
    }

    @Override public void close() {
        if (tempDir != null) deleteTree(tempDir);
    }

    public static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException ignored) {
                    // best effort: a temp dir left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // nothing to clean
        }
    }
}
