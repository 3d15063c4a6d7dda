package dev.golive.inspect;

import dev.golive.host.CommandRunner;
import dev.golive.host.FileIds;
import dev.golive.host.HostPaths;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.LogRotation;
import dev.golive.model.LogrotateBlocks;
import dev.golive.model.LogrotateHost.LogDir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directories logrotate(8) checks for the blocks already on the host (logrotate.c,
 * findNeedRotating: the parent of each file of a block, as its glob found it), each with its
 * owner, group and mode ({@link LogrotateHostProbe#dir}, the same reading golive's own
 * logrotate file is written from), and logrotate's version where some directory would be
 * refused. Nothing is read from a capture, which keeps no owners and modes.
 */
final class LogrotateBlocksProbe {
    private LogrotateBlocksProbe() { }

    static final String NO_OWNERS = "a capture does not record owners and modes, which logrotate's check reads";

    /** Whether this root tells owners and modes (a live host, a target tree; not a capture). */
    static boolean ownersKnown(HostRoot root) { return FileIds.of(root, "/").known(); }

    static Fact<LogrotateBlocks> probe(HostRoot root, Fact<LogRotation> config) {
        if (!ownersKnown(root)) return Fact.unknown(NO_OWNERS);
        if (!config.known()) return Fact.unknown(((Fact.Unknown<LogRotation>) config).reason());
        List<LogRotation.Rotated> rotated = config.opt().get().patterns();
        String passwd = rotated.isEmpty() ? "" : root.read("/etc/passwd").orElse("");
        String group = rotated.isEmpty() ? "" : root.read("/etc/group").orElse("");
        Glob glob = new Glob(root);
        Map<String, Fact<LogDir>> accepted = new HashMap<>(); // many blocks share a directory (/var/log)
        List<LogrotateBlocks.Pattern> out = new ArrayList<>();
        for (LogRotation.Rotated r : rotated) {
            Map<String, String> firstFileIn = new LinkedHashMap<>();
            for (String f : glob.files(r.glob())) firstFileIn.putIfAbsent(HostPaths.parent(f), f);
            List<Fact<LogDir>> dirs = new ArrayList<>();
            for (Map.Entry<String, String> e : firstFileIn.entrySet()) {
                Fact<LogDir> d = accepted.get(e.getKey());
                if (d == null) {
                    d = LogrotateHostProbe.dir(root, e.getValue(), passwd, group);
                    // a refused directory is read per block: its su line names that block's file owner
                    if (!d.opt().map(LogDir::refusedWithoutSu).orElse(true)) accepted.put(e.getKey(), d);
                }
                dirs.add(d);
            }
            out.add(new LogrotateBlocks.Pattern(r, dirs));
        }
        return Fact.of(new LogrotateBlocks(out, Fact.unknown("not read: no block's directory is refused")), config.src().orElseThrow());
    }

    /** The blocks with logrotate's version, asked for only when some block would be skipped without it. */
    static Fact<LogrotateBlocks> withVersion(Fact<LogrotateBlocks> blocks, HostRoot root, CommandRunner runner) {
        if (blocks.opt().map(b -> b.patterns().stream().noneMatch(LogrotateBlocks.Pattern::refused)).orElse(true)) return blocks;
        return blocks.map(b -> b.withVersion(LogrotateHostProbe.version(root, runner)));
    }

    /**
     * glob(3) as logrotate calls it (GLOB_NOCHECK): the files a pattern takes, in name order, the
     * directories among them left out (logrotate skips them); the pattern itself when it takes
     * nothing. A pattern that is not an absolute path (logrotate's ~ for root's home) takes nothing.
     */
    static final class Glob {
        private final HostRoot root;
        private final Map<String, List<String>> listed = new HashMap<>();

        Glob(HostRoot root) { this.root = root; }

        List<String> files(String pattern) {
            if (!pattern.startsWith("/") || pattern.contains("/../") || pattern.endsWith("/..") || pattern.indexOf('\0') >= 0) return List.of();
            String[] segs = java.util.Arrays.stream(pattern.substring(1).split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
            if (segs.length == 0) return List.of();
            int first = 0; // the first segment with glob characters: the ones before it name one directory
            while (first < segs.length && !LogRotation.hasGlob(segs[first])) first++;
            // no glob character: glob(3) gives the path if it is there, GLOB_NOCHECK the same path if not
            if (first == segs.length) return root.isDirectory(pattern) ? List.of() : List.of(pattern);
            String prefix = "/" + String.join("/", java.util.Arrays.asList(segs).subList(0, first));
            List<String> cur = List.of(prefix);
            for (int i = first; i < segs.length && !cur.isEmpty(); i++) {
                boolean last = i == segs.length - 1;
                List<String> next = new ArrayList<>();
                for (String dir : cur) {
                    if (!LogRotation.hasGlob(segs[i])) {
                        String p = HostPaths.join(dir, segs[i]);
                        if (last ? root.exists(p) : root.isDirectory(p)) next.add(p);
                        continue;
                    }
                    for (String name : list(dir)) {
                        if (!LogRotation.segmentMatches(segs[i], name)) continue;
                        String p = HostPaths.join(dir, name);
                        if (last || root.isDirectory(p)) next.add(p);
                    }
                }
                cur = next;
            }
            if (cur.isEmpty()) return List.of(pattern);
            return cur.stream().filter(p -> !root.isDirectory(p)).toList();
        }

        private List<String> list(String dir) {
            return listed.computeIfAbsent(dir, d -> root.list(d).map(l -> l.stream().sorted().toList()).orElse(List.of()));
        }
    }
}
