package dev.golive.config;

import dev.golive.host.HostPaths;
import dev.golive.host.HostLinks;
import dev.golive.host.HostRoot;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;
import dev.golive.model.UnitFileInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A unit as systemd loads it on a {@link HostRoot} (systemd.unit(5) "Unit File Load Path",
 * "drop-in"): the unit file from the first search directory that has it; drop-ins
 * {@code *.conf} from {@code NAME.d/}, the template's {@code foo@.service.d/}, the
 * dash-prefix {@code foo-.service.d/} and the type-wide {@code service.d/} in every search
 * directory, sorted by file name across all of them, a file name in a higher-priority
 * directory masking the same name further down. Then the assignments are merged: a list
 * setting accumulates and an empty assignment resets it; any other setting takes the last
 * assignment. Each effective directive keeps the file:line that set it.
 */
public final class UnitResolver {

    /** The system manager's search path, highest priority first (systemd-analyze unit-paths). */
    public static final List<String> SEARCH_PATH = List.of(
            "/etc/systemd/system.control", "/run/systemd/system.control", "/run/systemd/transient",
            "/run/systemd/generator.early", "/etc/systemd/system", "/etc/systemd/system.attached",
            "/run/systemd/system", "/run/systemd/system.attached", "/run/systemd/generator",
            "/usr/local/lib/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system",
            "/run/systemd/generator.late");

    /**
     * The outcome for one unit name. {@code file} is empty when no unit file exists (drop-ins
     * may still apply); {@code maskedBy} names the /dev/null link or empty file that masks it.
     */
    public record Resolution(String name, Optional<UnitFileInfo> file, Optional<String> maskedBy,
                             List<UnitDirective> directives, List<String> maskedDropIns,
                             List<SystemdIni.Problem> problems, List<String> unreadable) {
        public Resolution {
            directives = List.copyOf(directives);
            maskedDropIns = List.copyOf(maskedDropIns);
            problems = List.copyOf(problems);
            unreadable = List.copyOf(unreadable);
        }

        public boolean masked() { return maskedBy.isPresent(); }

        public boolean found() { return file.isPresent(); }

        /** Effective values of one setting, in order (one element for a single-valued setting). */
        public List<UnitDirective> get(String section, String key) {
            return directives.stream().filter(d -> d.section().equals(section) && d.key().equals(key)).toList();
        }

        public Optional<UnitDirective> last(String section, String key) {
            List<UnitDirective> all = get(section, key);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }
    }

    private UnitResolver() { }

    /** Whether systemd treats {@code key} as a list (assignments accumulate, an empty one resets). */
    public static boolean isList(String key) { return UnitSettings.isList(key); }

    public static Resolution resolve(HostRoot root, String unitName) { return resolve(root, unitName, java.util.Set.of()); }

    /**
     * As systemd would resolve the unit without the drop-ins at {@code leftOut}: what a unit
     * is without golive's own drop-in, so that golive can tell which of its lines still change
     * anything.
     */
    public static Resolution resolve(HostRoot root, String unitName, java.util.Set<String> leftOut) {
        UnitNames.validate(unitName);
        List<String> dirs = searchDirs(root);
        List<String> unreadable = new ArrayList<>();

        // the unit file: the instance's own file first, then its template, in search order
        String template = UnitNames.template(unitName);
        String unitPath = null;
        String origin = null;
        for (String candidate : template == null ? List.of(unitName) : List.of(unitName, template)) {
            for (String dir : dirs) {
                String p = HostPaths.join(dir, candidate);
                if (root.exists(p) || root.linkTarget(p).isPresent()) {
                    unitPath = p;
                    origin = dir;
                    break;
                }
            }
            if (unitPath != null) break;
        }
        if (unitPath != null && isMasked(root, unitPath)) {
            UnitFileInfo info = new UnitFileInfo(unitName, unitPath, origin, List.of());
            return new Resolution(unitName, Optional.of(info), Optional.of(unitPath), List.of(), List.of(), List.of(), List.of());
        }

        // drop-ins: by file name across all directories; the first directory (in priority order) wins a name
        TreeMap<String, String> byName = new TreeMap<>();
        List<String> maskedDropIns = new ArrayList<>();
        for (String dir : dirs) {
            for (String dropDir : dropInDirNames(unitName)) {
                String d = HostPaths.join(dir, dropDir);
                for (String f : root.list(d).orElse(List.of())) {
                    if (!f.endsWith(".conf")) continue;
                    String p = HostPaths.join(d, f);
                    if (leftOut.contains(p)) continue;
                    if (byName.containsKey(f)) maskedDropIns.add(p);
                    else byName.put(f, p);
                }
            }
        }
        List<String> dropIns = new ArrayList<>();
        for (String p : byName.values()) {
            if (isMasked(root, p)) maskedDropIns.add(p);
            else dropIns.add(p);
        }

        List<String> files = new ArrayList<>();
        if (unitPath != null) files.add(unitPath);
        files.addAll(dropIns);
        List<SystemdIni.Problem> problems = new ArrayList<>();
        List<SystemdIni.Entry> all = new ArrayList<>();
        List<String> allPaths = new ArrayList<>();
        for (String p : files) {
            var text = root.read(HostLinks.canonical(root, p));
            if (!text.known()) {
                unreadable.add(p);
                continue;
            }
            SystemdIni ini = SystemdIni.parse(p, text.orElse(""));
            problems.addAll(ini.problems());
            for (SystemdIni.Entry e : ini.entries()) {
                all.add(e);
                allPaths.add(p);
            }
        }
        Optional<UnitFileInfo> info = unitPath == null ? Optional.empty()
                : Optional.of(new UnitFileInfo(unitName, unitPath, origin, dropIns));
        return new Resolution(unitName, info, Optional.empty(), merge(all, allPaths), maskedDropIns, problems, unreadable);
    }

    /** Lists accumulate (an empty value resets them), other settings keep the last assignment; load order kept. */
    static List<UnitDirective> merge(List<SystemdIni.Entry> entries, List<String> paths) {
        // index of the surviving assignments, in load order
        Map<String, List<Integer>> kept = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            SystemdIni.Entry e = entries.get(i);
            String id = e.section() + "\u0000" + e.key();
            List<Integer> list = kept.computeIfAbsent(id, k -> new ArrayList<>());
            if (e.value().isEmpty() || !UnitSettings.isList(e.key())) list.clear();
            if (!e.value().isEmpty()) list.add(i);
        }
        Set<Integer> survivors = new HashSet<>();
        kept.values().forEach(survivors::addAll);
        List<UnitDirective> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!survivors.contains(i)) continue;
            SystemdIni.Entry e = entries.get(i);
            out.add(new UnitDirective(e.section(), e.key(), e.value(), new Source.File(paths.get(i), e.line())));
        }
        return out;
    }

    /** The drop-in directory names for a unit, most specific first (decides masking within one search directory). */
    static List<String> dropInDirNames(String unitName) {
        List<String> names = new ArrayList<>();
        names.add(unitName + ".d");
        String template = UnitNames.template(unitName);
        if (template != null) names.add(template + ".d");
        // "foo-bar-baz.service" also reads "foo-bar-.service.d" and "foo-.service.d" (systemd 246+)
        String type = UnitNames.type(unitName);
        String base = unitName.substring(0, unitName.length() - type.length() - 1);
        for (int i = base.length() - 1; i > 0; i--) {
            if (base.charAt(i) == '-' && i < base.length() - 1) names.add(base.substring(0, i + 1) + "." + type + ".d");
        }
        names.add(type + ".d");
        return names;
    }

    /** The search directories that exist, with /lib dropped when it is /usr/lib (merged /usr). */
    static List<String> searchDirs(HostRoot root) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String dir : SEARCH_PATH) {
            if (seen.add(HostLinks.canonical(root, dir))) out.add(dir);
        }
        return out;
    }

    /** systemd: a unit file or drop-in that is a link to /dev/null, or empty, is masked. */
    static boolean isMasked(HostRoot root, String path) {
        if (HostLinks.isLinkToDevNull(root, path)) return true;
        var text = root.read(HostLinks.canonical(root, path));
        return text.known() && text.orElse("x").isEmpty();
    }
}
