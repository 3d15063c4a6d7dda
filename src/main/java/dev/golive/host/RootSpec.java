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

    /** Why a command has no answer in a target tree. */
    public static final String TREE_RUNS_NOTHING = "not run: a target tree's commands are not this machine's";

    public boolean readOnly() { return kind == Kind.CAPTURE_DIR || kind == Kind.CAPTURE_ARCHIVE; }

    /** The environment variable (or system property {@value #NO_LIVE_PROPERTY}) that keeps golive off the live host. */
    public static final String NO_LIVE_ENV = "GOLIVE_NO_LIVE";
    public static final String NO_LIVE_PROPERTY = "golive.noLive";

    /** Whether {@code spec} (the --root value, null when not given) names the live host. */
    public static boolean isLive(String spec) {
        return spec == null || spec.equals("/");
    }

    /** A capture archive (.tar.gz, .tgz): opening it unpacks it first, which takes a while for a big one. */
    public static boolean isArchive(String spec) {
        return spec != null && (spec.endsWith(".tar.gz") || spec.endsWith(".tgz"));
    }

    /**
     * Refuses, before anything is read, a --root that is not one: empty (an unset variable in a
     * script once meant "/", the live host), missing, unreadable, or neither a directory nor a
     * capture archive; and the live host itself where {@value #NO_LIVE_ENV} forbids it (test
     * benches and image pipelines that must never touch the machine they run on).
     */
    public static void check(String spec) {
        if (spec != null && spec.isBlank()) {
            throw GoliveException.badInput("--root is empty (an unset variable?): name a directory, a capture or a .tar.gz; without --root golive works on the live host");
        }
        if (isLive(spec)) {
            if (noLive()) throw GoliveException.environment(NO_LIVE_ENV + " is set: golive will not read or change the live host; give --root DIR");
            return;
        }
        Path p = Path.of(spec);
        if (!Files.exists(p)) throw GoliveException.badInput(spec + ": no such file or directory");
        if (Files.isRegularFile(p) ? !isArchive(spec) : !Files.isDirectory(p)) {
            throw GoliveException.badInput(spec + ": not a directory or a .tar.gz capture");
        }
        if (!Files.isReadable(p) || (Files.isDirectory(p) && !Files.isExecutable(p))) {
            throw GoliveException.badInput(spec + ": permission denied");
        }
    }

    public static boolean noLive() {
        String env = System.getenv(NO_LIVE_ENV);
        return (env != null && !env.isEmpty() && !env.equals("0")) || Boolean.getBoolean(NO_LIVE_PROPERTY);
    }

    public static RootSpec open(String spec, AccessLog log) {
        check(spec);
        if (isLive(spec)) {
            return new RootSpec(DirectoryHostRoot.live(log), new ProcessCommandRunner(log), Kind.LIVE, null, null);
        }
        Path p = Path.of(spec);
        if (Files.isRegularFile(p)) {
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
        if (FleetDirectory.holdsCaptures(p)) {
            // else a target tree golive may write into: apply would put files next to the captures
            throw GoliveException.badInput(spec + ": a directory of captures (a fleet), not one host: review it with "
                    + "`golive report --fleet DIR` or `golive diff DIR`, or give --root one capture in it");
        }
        CaptureManifest none = new CaptureManifest(CaptureManifest.FORMAT, null, null, null, null, java.util.Map.of(), java.util.List.of(), java.util.List.of());
        // a tree's programs are not this machine's: nothing runs on its behalf (the tree's files answer instead)
        return new RootSpec(new DirectoryHostRoot(p, false, spec, log), new CaptureCommandRunner(none, log, TREE_RUNS_NOTHING),
                Kind.TARGET_TREE, null, null);
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
