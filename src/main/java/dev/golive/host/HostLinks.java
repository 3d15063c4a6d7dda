package dev.golive.host;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;

/**
 * Symbolic links resolved inside a {@link HostRoot}, never on the machine golive runs on: an
 * absolute link target in a capture ("/usr/lib/...") means the capture's /usr/lib. Used to
 * tell that /lib/systemd/system and /usr/lib/systemd/system are one directory on merged-/usr
 * systems, to read a linked unit file from the right place, and by {@link DirectoryHostRoot}
 * itself so that no read of a capture or target tree follows a link out of it.
 */
public final class HostLinks {

    /** Linux gives up after 40 links (ELOOP); so do we, and then the path has no resolution. */
    static final int MAX_LINKS = 40;

    /** The reason a path whose resolution needs more than {@link #MAX_LINKS} links is unreadable. */
    static final String TOO_MANY_LINKS = "too many levels of symbolic links";

    private HostLinks() { }

    /**
     * The path with every symlink component resolved within the root ("/lib/x" → "/usr/lib/x").
     * A path that needs more than 40 links (a loop, or a chain longer than the kernel follows)
     * has no resolution: it is returned as given, so that reading it through the root fails
     * there with "too many levels of symbolic links" rather than reading where the chain stopped.
     */
    public static String canonical(HostRoot root, String path) {
        // on the live host the kernel's resolution is the same walk, done in one call
        if (root instanceof DirectoryHostRoot d) {
            Optional<String> real = d.liveRealPath(path);
            if (real.isPresent()) return real.get();
        }
        return resolve(p -> safeLinkTarget(root, p), path).orElse(HostPaths.strip(path));
    }

    /**
     * The same over a raw link reader: {@code readLink} is only ever asked about a path whose
     * parent is already resolved, so it need not resolve anything itself. ".." stops at the
     * root and an absolute target restarts from the root: nothing resolves outside it. Empty
     * after {@link #MAX_LINKS} links (ELOOP): a path returned here has no link left in it.
     */
    static Optional<String> resolve(Function<String, Optional<String>> readLink, String path) {
        Walk w = walk(readLink, path, false);
        return Optional.ofNullable(w.path());
    }

    /**
     * Where the kernel itself would take {@code path} under a root that is a plain directory of
     * this machine: ".." above the root or an absolute link target leaves it (problem "points
     * outside"), and so does a walk past {@link #MAX_LINKS} links ({@link #TOO_MANY_LINKS}).
     * Components that do not exist are taken as written, which is what they will be if they
     * ever appear as directories. Used to vet an archive's links before anything reads them.
     */
    static Walk walkAsTheKernel(Function<String, Optional<String>> readLink, String path) {
        return walk(readLink, path, true);
    }

    /** A walk's end: the path with no link left in it, or null and why there is none. */
    record Walk(String path, String problem) { }

    static final String OUTSIDE = "points outside";

    private static Walk walk(Function<String, Optional<String>> readLink, String path, boolean escapeIsAnError) {
        Deque<String> todo = new ArrayDeque<>();
        for (String seg : HostPaths.strip(path).split("/")) if (!seg.isEmpty()) todo.addLast(seg);
        String done = "/";
        int links = 0;
        while (!todo.isEmpty()) {
            String seg = todo.removeFirst();
            if (seg.equals(".")) continue;
            if (seg.equals("..")) {
                if (escapeIsAnError && done.equals("/")) return new Walk(null, OUTSIDE);
                done = HostPaths.parent(done);
                continue;
            }
            String next = HostPaths.join(done, seg);
            Optional<String> target = readLink.apply(next);
            if (target.isEmpty()) {
                done = next;
                continue;
            }
            if (++links > MAX_LINKS) return new Walk(null, TOO_MANY_LINKS);
            String t = target.get();
            if (t.startsWith("/")) {
                if (escapeIsAnError) return new Walk(null, OUTSIDE);
                done = "/";
            }
            Deque<String> rest = new ArrayDeque<>();
            for (String s : t.split("/")) if (!s.isEmpty()) rest.addLast(s);
            rest.addAll(todo);
            todo = rest;
        }
        return new Walk(done, null);
    }

    /** A link's target made absolute against the link's directory (not resolved further). */
    static String absoluteTarget(String linkPath, String target) {
        if (target.startsWith("/")) return normalize(target);
        return normalize(HostPaths.join(HostPaths.parent(linkPath), target));
    }

    /** True for a link (possibly via further links) to /dev/null: systemd's "masked". */
    public static boolean isLinkToDevNull(HostRoot root, String path) {
        if (safeLinkTarget(root, path).isEmpty()) return false;
        return canonical(root, path).equals("/dev/null");
    }

    private static Optional<String> safeLinkTarget(HostRoot root, String path) {
        try {
            return root.linkTarget(path);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String normalize(String path) {
        Deque<String> out = new ArrayDeque<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) {
                if (!out.isEmpty()) out.removeLast();
            } else {
                out.addLast(seg);
            }
        }
        return "/" + String.join("/", out);
    }
}
