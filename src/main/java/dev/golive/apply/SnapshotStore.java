package dev.golive.apply;

import dev.golive.host.HostLock;
import dev.golive.host.HostWriter;
import dev.golive.model.GoliveException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The snapshots under {@code /var/lib/golive/snapshots/ID/} (under DIR with {@code --root DIR}):
 * {@code manifest.json} and beside it {@code N.before}, the old bytes of file N of the plan. Directories are
 * 0700 and files 0600: old contents can hold anything an admin put in a unit.
 *
 * <p>A snapshot is built in {@code .ID.partial/} and renamed to {@code ID/} in one step, so a
 * snapshot directory exists exactly when its complete manifest does — the journal is either
 * there, fsynced, or the apply has not changed anything yet.
 */
public final class SnapshotStore {

    public static final String DIR = "/var/lib/golive/snapshots";
    public static final String MANIFEST = "manifest.json";
    private static final String PARTIAL_SUFFIX = ".partial";

    private final HostWriter w;

    public SnapshotStore(HostWriter w) { this.w = w; }

    /** Snapshot ids become directory names: no separators, no dot first, nothing a shell would mangle. */
    public static String checkId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw GoliveException.badInput("snapshot id \"" + id + "\": use letters, digits, '.', '_' and '-' (at most 100), starting with a letter or digit");
        }
        return id;
    }

    public static String dir(String id) { return DIR + "/" + checkId(id); }

    public static String copyPath(String id, String copy) { return dir(id) + "/" + copy; }

    public boolean exists(String id) { return w.isDirectory(dir(id)); }

    /** Publishes a new snapshot: the old bytes of each file ({@code copies}: copy name → bytes) and the manifest. */
    public void create(Manifest m, Map<String, byte[]> copies) {
        String id = checkId(m.id());
        if (exists(id)) throw GoliveException.badInput("snapshot " + id + " exists already: this plan was applied before; make a new plan");
        ensureBase();
        String partial = DIR + "/." + id + PARTIAL_SUFFIX;
        w.deleteTree(partial);
        // built unpublished, each file's data fsynced, the directory fsynced once, then one rename publishes it
        w.createDirs(List.of(partial), 0700, false);
        for (Map.Entry<String, byte[]> c : copies.entrySet()) w.writeNew(partial + "/" + c.getKey(), c.getValue(), 0600);
        w.writeNew(partial + "/" + MANIFEST, ManifestCodec.toJson(m).getBytes(StandardCharsets.UTF_8), 0600);
        w.syncDir(partial);
        w.renameDir(partial, dir(id));
    }

    private void ensureBase() {
        List<String> missing = w.missingDirs(DIR);
        List<String> open = new ArrayList<>(), closed = new ArrayList<>();
        for (String d : missing) (d.startsWith("/var/lib/golive") ? closed : open).add(d);
        w.createDirs(open, 0755);
        w.createDirs(closed, 0700);
    }

    /** Rewrites the manifest (a state change), atomically. */
    public void update(Manifest m) {
        w.writeAtomic(dir(m.id()) + "/" + MANIFEST, ManifestCodec.toJson(m).getBytes(StandardCharsets.UTF_8), 0600, null, null, null);
    }

    public Manifest load(String id) {
        String path = dir(id) + "/" + MANIFEST;
        byte[] b = w.readBytes(path).orElseThrow(() -> GoliveException.badInput("no snapshot " + id + " (see golive snapshots)"));
        return ManifestCodec.fromJson(path, new String(b, StandardCharsets.UTF_8));
    }

    /** The old bytes of a file, as copied into the snapshot. */
    /** The kept bytes {@code copy} of snapshot {@code m} (the binary a finish replaced). */
    public byte[] copyNamed(Manifest m, String copy) {
        return w.readBytes(copyPath(m.id(), copy))
                .orElseThrow(() -> GoliveException.environment("snapshot " + m.id() + ": " + copy + " is missing; cannot restore from it"));
    }

    public byte[] copy(Manifest m, Manifest.FileEntry f) {
        return w.readBytes(copyPath(m.id(), f.copy()))
                .orElseThrow(() -> GoliveException.environment("snapshot " + m.id() + ": " + f.copy() + " is missing; cannot restore " + f.path()));
    }

    /** Snapshot ids present (published ones; partial leftovers are not snapshots). */
    public List<String> ids() {
        return w.list(DIR).stream().filter(n -> !n.startsWith(".") && w.isDirectory(DIR + "/" + n)).toList();
    }

    /** Every snapshot, oldest first. */
    public List<Manifest> all() {
        List<Manifest> out = new ArrayList<>();
        for (String id : ids()) out.add(load(id));
        out.sort(Comparator.comparing(Manifest::createdAt).thenComparing(Manifest::id));
        return out;
    }

    /** The newest snapshot in state applied: what {@code rollback --last} undoes. */
    public Optional<Manifest> lastApplied() {
        List<Manifest> all = all();
        for (int i = all.size() - 1; i >= 0; i--) if (all.get(i).state() == Manifest.State.APPLIED) return Optional.of(all.get(i));
        return Optional.empty();
    }

    /**
     * Ids of snapshots whose apply (or its rollback) did not finish, read cheaply from the
     * first bytes of each manifest: every golive start calls this.
     */
    public List<String> unfinished() {
        if (!w.isDirectory(DIR)) return List.of();
        List<String> out = new ArrayList<>();
        for (String id : ids()) {
            Optional<byte[]> head = w.readHead(dir(id) + "/" + MANIFEST, 256);
            if (head.isPresent() && ManifestCodec.peekState(head.get()).map(Manifest.State::unfinished).orElse(false)) out.add(id);
        }
        return out;
    }

    /** Leftovers of snapshots that were never published (a crash before the journal existed: nothing was changed). */
    public List<String> partials() {
        return w.list(DIR).stream().filter(n -> n.startsWith(".") && n.endsWith(PARTIAL_SUFFIX)).map(n -> DIR + "/" + n).toList();
    }

    public void removePartials() { partials().forEach(w::deleteTree); }

    /**
     * Keeps the {@code keep} newest finished snapshots and deletes the older ones; an
     * unfinished one is never deleted (recover needs it) and does not count towards
     * {@code keep}. Takes the host lock: a rollback or recover reading a snapshot, or an
     * apply building one, would otherwise lose it half-way. Returns the ids deleted.
     */
    public List<String> prune(int keep) {
        if (keep < 0) throw GoliveException.badInput("--keep " + keep + ": must be 0 or more");
        try (HostLock lock = HostLock.acquire(w)) {
            List<String> deleted = prunable(all(), keep);
            for (String id : deleted) w.deleteTree(dir(id));
            removePartials();
            return deleted;
        }
    }

    /**
     * The rule of {@link #prune}, without deleting: the ids of {@code all} (oldest first) that
     * keeping the {@code keep} newest finished ones deletes, oldest first. What the full-screen
     * UI lists in its confirm before it prunes.
     */
    public static List<String> prunable(List<Manifest> all, int keep) {
        if (keep < 0) throw GoliveException.badInput("--keep " + keep + ": must be 0 or more");
        List<Manifest> finished = all.stream().filter(m -> !m.state().unfinished()).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < finished.size() - keep; i++) out.add(finished.get(i).id());
        return out;
    }

    /** The directory's permission bits (0700 expected). */
    public int mode() { return w.mode(DIR); }
}
