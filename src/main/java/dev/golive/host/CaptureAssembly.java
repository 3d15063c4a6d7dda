package dev.golive.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.model.GoliveException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A capture assembled on the controller from rounds gathered by Ansible, written the way
 * {@link CaptureWriter} writes one from the live host: a file read becomes a regular file (a
 * relative link that stays inside the capture is kept as a link, with what it points at; a link
 * to /dev/null, a masked unit, becomes an empty file), a directory listed gets its regular files
 * (at most {@link CaptureWriter#MAX_LISTED_FILE} each) and its subdirectories, a path not found
 * (or unreadable, as a failed read of the live host is) goes into {@code absent}, and a command's
 * stdout, stderr and exit code are kept on the same terms as {@link RecordingCommandRunner} keeps
 * them.
 *
 * <p>The manifest carries two keys of its own beside DESIGN.md's: {@code "recipe"} (how many
 * rounds were gathered and everything asked, so that no round asks twice) and, while the
 * capture is not complete, {@code "missing"}: what was still to be gathered when the host
 * stopped answering or the playbook ran out of rounds. Readers ignore both.
 */
public final class CaptureAssembly {

    private CaptureAssembly() { }

    /** A capture being assembled: its manifest, the rounds gathered, everything asked so far and what is still missing. */
    public record State(CaptureManifest manifest, int rounds, CaptureWants asked, CaptureWants missing) { }

    /** Starts an empty capture in {@code dir}, which must not exist or be empty. */
    public static State start(Path dir) {
        try {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw GoliveException.badInput(dir + ": exists and is not a directory");
                try (var s = Files.list(dir)) {
                    if (s.findAny().isPresent()) throw GoliveException.badInput(dir + ": not empty; choose a new directory for the capture");
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw GoliveException.environment(dir + ": cannot create: " + e.getMessage());
        }
        State s = new State(new CaptureManifest(CaptureManifest.FORMAT, null, null, null, null, Map.of(), List.of(), List.of()),
                0, CaptureWants.NONE, CaptureWants.NONE);
        write(dir, s);
        return s;
    }

    /** The capture being assembled in {@code dir}. */
    public static State read(Path dir) {
        Path f = dir.resolve(CaptureManifest.FILE_NAME);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) throw GoliveException.badInput(dir + ": no " + CaptureManifest.FILE_NAME + ": not a capture being assembled");
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw GoliveException.environment(f + ": cannot read: " + e.getMessage());
        }
        CaptureManifest m = CaptureManifest.parse(f.toString(), text);
        JsonNode root;
        try {
            root = CaptureWants.JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e); // parse above accepted it
        }
        JsonNode recipe = root.path("recipe");
        if (!recipe.isObject()) throw GoliveException.badInput(dir + ": not assembled from an Ansible capture (no \"recipe\" in its manifest)");
        return new State(m, recipe.path("rounds").asInt(0), CaptureWants.fromJson(f + ": recipe.asked", recipe.get("asked")),
                CaptureWants.fromJson(f + ": missing", root.get("missing")));
    }

    /**
     * What a capture assembled from Ansible rounds still lacks (its manifest's {@code "missing"}):
     * empty for a complete capture and for one golive captured itself, which has no such key.
     * A {@code "missing"} that is not a list of wants is bad input (the reader says so beside the
     * capture instead of calling it complete).
     */
    public static Optional<CaptureWants> missing(Path captureDir) {
        Path f = captureDir.resolve(CaptureManifest.FILE_NAME);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        try {
            JsonNode node = CaptureWants.JSON.readTree(Files.readString(f, StandardCharsets.UTF_8)).get("missing");
            if (node == null || node.isNull()) return Optional.empty();
            CaptureWants w = CaptureWants.fromJson(f + ": missing", node);
            return w.isEmpty() ? Optional.empty() : Optional.of(w);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw GoliveException.badInput(f + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw GoliveException.environment(f + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * The captures being assembled (or assembled) in {@code out}: each directory holding a manifest
     * with golive's recipe, by name. A directory that is not such a capture is refused.
     */
    public static java.util.SortedMap<String, State> readAll(Path out) {
        if (!Files.isDirectory(out)) throw GoliveException.badInput(out + ": no such directory");
        java.util.SortedMap<String, State> all = new java.util.TreeMap<>();
        try (var s = Files.list(out)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) all.put(p.getFileName().toString(), read(p));
            }
        } catch (IOException e) {
            throw GoliveException.environment(out + ": cannot list: " + e.getMessage());
        }
        return all;
    }

    /** Reads a round the playbook handed over, and removes its file: the capture now holds what it brought. */
    public static GatheredRound readRound(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw GoliveException.badInput(file + ": no such file");
        } catch (IOException e) {
            throw GoliveException.environment(file + ": cannot read: " + e.getMessage());
        }
        GatheredRound r = GatheredRound.parse(file.toString(), text);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw GoliveException.environment(file + ": cannot remove: " + e.getMessage());
        }
        return r;
    }

    /** Writes what {@code round} brought back into the capture in {@code dir}; returns the new state. */
    public static State merge(Path dir, State before, GatheredRound round) {
        CaptureManifest m = before.manifest();
        Set<String> absent = new LinkedHashSet<>(m.absent());
        Map<String, String> stdout = new LinkedHashMap<>(m.commands()), stderr = new LinkedHashMap<>(m.stderr());
        Map<String, Integer> exits = new LinkedHashMap<>(m.exitCodes());
        Set<String> notFound = new LinkedHashSet<>(m.notFound());
        Set<String> read = new LinkedHashSet<>();
        try {
            // links first (merged /usr's /lib -> usr/lib): a directory listed beneath one must land
            // where the link points, as on the host, not in a real directory the host does not have
            // where the host answered through it (a dangling link read is absent, as a failed live
            // read is), with the directory a link to one points at, so that it does not dangle
            for (String path : round.asked().plus(new CaptureWants(round.asked().dirs(), List.of(), List.of())).files()) {
                GatheredRound.Stat st = round.stats().get(path);
                if (st == null || !st.exists() || st.linkTarget().isEmpty() || !linkInside(dir, path, st.linkTarget().get())) continue;
                if (st.linkTarget().get().equals("/dev/null")) continue;
                boolean directory = round.directories().contains(path) || round.listings().containsKey(path);
                if (!directory && !round.contents().containsKey(path)) continue;
                Path dest = target(dir, path);
                Files.createDirectories(dest.getParent());
                if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(dest, Path.of(st.linkTarget().get()));
                if (directory) createPointedAt(dir, path, st.linkTarget().get());
            }
            for (String path : round.asked().files()) {
                byte[] data = round.contents().get(path);
                GatheredRound.Stat st = round.stats().get(path);
                if (st != null && st.exists() && (st.isDir() || round.directories().contains(path))) {
                    // a directory, or a link to one (merged /usr's /lib -> usr/lib): asked for by a
                    // presence test; kept so that it is there, and a link so that paths under it
                    // resolve, with the directory it points at so that the link is not left dangling
                    read.add(path);
                    if (st.linkTarget().isPresent() && linkInside(dir, path, st.linkTarget().get())) {
                        Path dest = target(dir, path);
                        Files.createDirectories(dest.getParent());
                        if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(dest, Path.of(st.linkTarget().get()));
                        createPointedAt(dir, path, st.linkTarget().get());
                    } else {
                        Files.createDirectories(target(dir, path));
                    }
                    continue;
                }
                if (data == null || st == null || !st.exists()) {
                    absent.add(path); // as a live read that failed: not there, or unreadable
                    continue;
                }
                read.add(path);
                place(dir, path, st.linkTarget(), data);
            }
            for (CaptureWants.Excerpt x : round.asked().excerpts()) {
                // as CaptureWriter keeps an excerpt read: its bytes as the whole file, read through a link
                byte[] data = round.excerpts().get(x.path());
                GatheredRound.Stat st = round.stats().get(x.path());
                if (data == null || st == null || !st.exists()) {
                    absent.add(x.path());
                    continue;
                }
                read.add(x.path());
                Path dest = target(dir, x.path());
                Files.createDirectories(dest.getParent());
                Files.write(dest, data);
            }
            for (String d : round.asked().dirs()) {
                List<GatheredRound.Entry> entries = round.listings().get(d);
                GatheredRound.Stat st = round.stats().get(d);
                if (entries == null || st == null || !st.exists()) {
                    absent.add(d);
                    continue;
                }
                Files.createDirectories(target(dir, d));
                for (GatheredRound.Entry e : entries) {
                    String p = e.path();
                    if (!HostPaths.parent(p).equals(HostPaths.strip(d)) || read.contains(p) || round.asked().files().contains(p)) continue;
                    if (e.isDir() || round.directories().contains(p)) {
                        // a link to a directory is followed, as CaptureWriter's isDirectory does
                        Files.createDirectories(target(dir, p));
                        continue;
                    }
                    GatheredRound.Stat ls = round.stats().get(p);
                    Optional<String> link = ls == null ? Optional.empty() : ls.linkTarget();
                    byte[] data = round.contents().get(p);
                    if (data != null && data.length > CaptureWriter.MAX_LISTED_FILE) data = null;
                    // a link is kept as CaptureWriter keeps it whether or not what it points at could be read
                    // (dangling, large, a fifo): a masked unit's as an empty file, one inside the capture as a link
                    if (link.isPresent() && (link.get().equals("/dev/null") || linkInside(dir, p, link.get()))) place(dir, p, link, data);
                    else if (data != null) place(dir, p, link, data); // else unreadable, large or not a file: left out, as CaptureWriter does
                }
            }
        } catch (IOException e) {
            throw GoliveException.environment(dir + ": cannot write capture: " + e.getMessage());
        }
        absent.removeAll(read);
        for (var c : round.commands().entrySet()) {
            String key = String.join(" ", c.getKey());
            if (c.getValue() instanceof GatheredRound.Ran r) {
                if (r.exitCode() == 0 || !r.stdout().isEmpty() || !r.stderr().isEmpty()) {
                    stdout.put(key, r.stdout());
                    if (!r.stderr().isEmpty()) stderr.put(key, r.stderr());
                    if (r.exitCode() != 0) exits.put(key, r.exitCode());
                }
            } else if (c.getValue() instanceof GatheredRound.NotFound) {
                notFound.add(key);
            }
            // Failed (a timeout, a refusal): not recorded, as on the live host
        }
        CaptureManifest next = new CaptureManifest(m.format(), m.capturedAt(), m.hostname(), m.machine(), m.release(),
                stdout, new ArrayList<>(absent), new ArrayList<>(notFound), stderr, exits);
        State s = new State(next, before.rounds() + 1, before.asked().plus(round.asked()), before.missing().minus(round.asked()));
        write(dir, s);
        return s;
    }

    /** Records what is still to be gathered (empty: the capture is complete) and the capture's header. */
    public static State pending(Path dir, State s, CaptureWants missing, String capturedAt, String hostname, String machine, String release) {
        CaptureManifest m = s.manifest();
        State next = new State(new CaptureManifest(m.format(), capturedAt, hostname, machine, release,
                m.commands(), m.absent(), m.notFound(), m.stderr(), m.exitCodes()), s.rounds(), s.asked(), missing);
        write(dir, next);
        return next;
    }

    /**
     * The file (or kept link, or empty file for /dev/null) for one host path read through;
     * {@code data} is null for a link whose target could not be read: the link alone.
     */
    private static void place(Path dir, String path, Optional<String> link, byte[] data) throws IOException {
        Path dest = target(dir, path);
        Files.createDirectories(dest.getParent());
        if (link.isPresent()) {
            String t = link.get();
            if (t.equals("/dev/null")) {
                if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) Files.write(dest, new byte[0]);
                return;
            }
            Path linkTarget = Path.of(t);
            if (linkInside(dir, path, t)) {
                if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(dest, linkTarget);
                // the link is only useful with what it points at: the content read through it
                String targetHost = Path.of(HostPaths.parent(path)).resolve(linkTarget).normalize().toString();
                Path td = target(dir, targetHost);
                if (data != null && !Files.exists(td, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(td.getParent());
                    Files.write(td, truncated(data));
                }
                return;
            }
        }
        if (Files.isSymbolicLink(dest)) return; // kept as a link for an earlier read; its target holds the content
        Files.write(dest, truncated(data));
    }

    /** The directory a kept link to a directory points at (CaptureWriter makes it too). */
    private static void createPointedAt(Path dir, String path, String linkTarget) throws IOException {
        Path pointed = target(dir, Path.of(HostPaths.parent(path)).resolve(linkTarget).normalize().toString());
        if (!Files.isDirectory(pointed)) Files.createDirectories(pointed);
    }

    /** A relative link that stays inside the capture: CaptureWriter keeps those as links. */
    private static boolean linkInside(Path dir, String path, String linkTarget) {
        Path t = Path.of(linkTarget);
        Path root = dir.toAbsolutePath().normalize();
        return !t.isAbsolute() && target(root, path).getParent().resolve(t).normalize().startsWith(root);
    }

    /** CaptureWriter copies at most what golive reads of a file. */
    private static byte[] truncated(byte[] data) {
        return data.length <= DirectoryHostRoot.MAX_READ ? data : java.util.Arrays.copyOf(data, DirectoryHostRoot.MAX_READ);
    }

    private static Path target(Path outDir, String hostPath) {
        HostPaths.check(hostPath);
        String rel = HostPaths.strip(hostPath).substring(1);
        Path p = outDir.resolve(rel).normalize();
        if (!p.startsWith(outDir.normalize())) throw GoliveException.badInput(hostPath + ": leaves the capture");
        return p;
    }

    private static void write(Path dir, State s) {
        ObjectNode root;
        try {
            root = (ObjectNode) CaptureWants.JSON.readTree(s.manifest().toJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode recipe = root.putObject("recipe");
        recipe.put("rounds", s.rounds());
        recipe.set("asked", s.asked().toJsonNode());
        if (!s.missing().isEmpty()) root.set("missing", s.missing().toJsonNode());
        try {
            Path tmp = dir.resolve(CaptureManifest.FILE_NAME + ".tmp");
            Files.writeString(tmp, CaptureWants.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            Files.move(tmp, dir.resolve(CaptureManifest.FILE_NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw GoliveException.environment(dir + ": cannot write " + CaptureManifest.FILE_NAME + ": " + e.getMessage());
        }
    }
}
