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

    /** Linux gives up after 40 links (ELOOP); so do we, returning the path as far as resolved. */
    private static final int MAX_LINKS = 40;

    private HostLinks() { }

    /** The path with every symlink component resolved within the root ("/lib/x" → "/usr/lib/x"). */
    public static String canonical(HostRoot root, String path) {
        return canonical(p -> safeLinkTarget(root, p), path);
    }

    /**
     * The same over a raw link reader: {@code readLink} is only ever asked about a path whose
     * parent is already resolved, so it need not resolve anything itself. ".." stops at the
     * root and an absolute target restarts from the root: nothing resolves outside it.
     */
    static String canonical(Function<String, Optional<String>> readLink, String path) {
        Deque<String> todo = new ArrayDeque<>();
        for (String seg : HostPaths.strip(path).split("/")) if (!seg.isEmpty()) todo.addLast(seg);
        String done = "/";
        int links = 0;
        while (!todo.isEmpty()) {
            String seg = todo.removeFirst();
            if (seg.equals(".")) continue;
            if (seg.equals("..")) {
                done = HostPaths.parent(done);
                continue;
            }
            String next = HostPaths.join(done, seg);
            Optional<String> target = readLink.apply(next);
            if (target.isPresent() && links < MAX_LINKS) {
                links++;
                String t = target.get();
                Deque<String> rest = new ArrayDeque<>();
                for (String s : t.split("/")) if (!s.isEmpty()) rest.addLast(s);
                while (!todo.isEmpty()) rest.addLast(todo.removeFirst());
                todo = rest;
                if (t.startsWith("/")) done = "/";
                continue;
            }
            done = next;
        }
        return done;
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
