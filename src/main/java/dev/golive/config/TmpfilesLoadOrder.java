package dev.golive.config;

import dev.golive.host.HostLinks;
import dev.golive.host.HostPaths;
import dev.golive.host.HostRoot;
import dev.golive.model.Source;
import dev.golive.model.VerifyFacts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code w} (write) lines systemd-tmpfiles applies at boot, per path (tmpfiles.d(5)):
 * *.conf files from the directories below, sorted by file name across all of them, a name in
 * an earlier directory masking the same name in a later one (a link to /dev/null masks
 * without content). Unlike sysctl.d, when several files name the same path the line in the
 * file with the lexicographically earliest name is applied and the others are ignored
 * ("Duplicate line for path"). golive writes /sys values this way (its tmpfiles.d drop-in),
 * so verify reads only {@code w} lines (with any modifiers); other line types are skipped.
 */
public final class TmpfilesLoadOrder {

    public static final List<String> DIRECTORIES = List.of(
            "/etc/tmpfiles.d", "/run/tmpfiles.d", "/usr/local/lib/tmpfiles.d", "/usr/lib/tmpfiles.d", "/lib/tmpfiles.d");

    private TmpfilesLoadOrder() { }

    /** Per path, the write that wins at boot, with the file and line. */
    public static Map<String, VerifyFacts.BootWrite> writes(HostRoot root) {
        TreeMap<String, String> byName = new TreeMap<>();
        Set<String> seenDirs = new HashSet<>();
        for (String dir : DIRECTORIES) {
            if (!seenDirs.add(HostLinks.canonical(root, dir))) continue; // /lib is /usr/lib on merged-/usr systems
            for (String name : root.list(dir).orElse(List.of())) {
                if (name.endsWith(".conf")) byName.putIfAbsent(name, HostPaths.join(dir, name));
            }
        }
        Map<String, VerifyFacts.BootWrite> out = new LinkedHashMap<>();
        for (String path : byName.values()) {
            if (HostLinks.isLinkToDevNull(root, path)) continue;
            String text = root.read(HostLinks.canonical(root, path)).orElse("");
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            for (int i = 0; i < lines.size(); i++) {
                Optional<String[]> w = parse(lines.get(i));
                if (w.isPresent()) out.putIfAbsent(w.get()[0], new VerifyFacts.BootWrite(w.get()[1], new Source.File(path, i + 1)));
            }
        }
        return out;
    }

    /** {@code w PATH MODE USER GROUP AGE ARGUMENT…} → [PATH, ARGUMENT]; any other line → empty. */
    public static Optional<String[]> parse(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) return Optional.empty();
        String[] f = t.split("\\s+", 7);
        // the type letter, then modifiers (+ append, ! boot only, - ignore errors, = ~ ^)
        if (f.length < 7 || !f[0].matches("w[-+!=~^]*")) return Optional.empty();
        return Optional.of(new String[] {f[1], f[6].strip()});
    }
}
