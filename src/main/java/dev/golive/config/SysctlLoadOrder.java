package dev.golive.config;

import dev.golive.host.HostPaths;
import dev.golive.host.HostRoot;
import dev.golive.model.SysctlAssignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sysctl configuration as the host loads it at boot (sysctl.d(5), DOMAIN.md): *.conf
 * files from the directories below, sorted by file name across all of them, a name in an
 * earlier directory masking the same name in a later one (a link to /dev/null masks
 * without content), then /etc/sysctl.conf. The last assignment of a key wins.
 */
public final class SysctlLoadOrder {

    public static final List<String> DIRECTORIES = List.of(
            "/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d");

    public static final String SYSCTL_CONF = "/etc/sysctl.conf";

    /** The files read, in order, their assignments, and the files masked by a same-named one. */
    public record Resolution(List<SysctlFile> files, List<String> masked, List<String> unreadable) {

        public List<SysctlAssignment> assignments() {
            List<SysctlAssignment> all = new ArrayList<>();
            for (SysctlFile f : files) all.addAll(f.assignments());
            return all;
        }

        /** The winning assignment per key (the last one in load order). */
        public Map<String, SysctlAssignment> effective() {
            Map<String, SysctlAssignment> m = new LinkedHashMap<>();
            for (SysctlAssignment a : assignments()) {
                m.remove(a.key());
                m.put(a.key(), a);
            }
            return m;
        }

        public Optional<SysctlAssignment> effective(String key) {
            return Optional.ofNullable(effective().get(key));
        }

        public List<String> paths() { return files.stream().map(SysctlFile::path).toList(); }
    }

    private SysctlLoadOrder() { }

    public static Resolution resolve(HostRoot root) {
        // name -> winning path; TreeMap sorts by name across all directories
        TreeMap<String, String> byName = new TreeMap<>();
        List<String> masked = new ArrayList<>();
        java.util.Set<String> seenDirs = new java.util.HashSet<>();
        for (String dir : DIRECTORIES) {
            // /lib is /usr/lib on merged-/usr systems: the same directory read twice is not a mask
            String canonical = root.realPath(dir).orElse(dir);
            if (!seenDirs.add(canonical)) continue;
            for (String name : root.list(dir).orElse(List.of())) {
                if (!name.endsWith(".conf")) continue;
                String path = HostPaths.join(dir, name);
                if (byName.containsKey(name)) masked.add(path);
                else byName.put(name, path);
            }
        }
        List<SysctlFile> files = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        boolean sysctlConfViaLink = false;
        for (String path : byName.values()) {
            Optional<String> link = root.linkTarget(path);
            if (link.isPresent() && link.get().equals("/dev/null")) continue; // masked on purpose
            if (link.isPresent() && resolveLink(path, link.get()).equals(SYSCTL_CONF)) sysctlConfViaLink = true;
            var text = root.read(path);
            if (text.known()) files.add(SysctlFile.parse(path, text.orElse("")));
            else unreadable.add(path);
        }
        if (!sysctlConfViaLink) {
            var text = root.read(SYSCTL_CONF);
            if (text.known()) files.add(SysctlFile.parse(SYSCTL_CONF, text.orElse("")));
        }
        return new Resolution(files, masked, unreadable);
    }

    static String resolveLink(String linkPath, String target) {
        if (target.startsWith("/")) return target;
        java.nio.file.Path p = java.nio.file.Path.of(HostPaths.parent(linkPath)).resolve(target).normalize();
        return p.toString();
    }
}
