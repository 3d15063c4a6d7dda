package dev.golive.config;

import dev.golive.host.HostPaths;
import dev.golive.host.HostLinks;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.Source;
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
 *
 * <p>/etc/sysctl.conf is read once: where Debian's {@code 99-sysctl.conf -> ../sysctl.conf}
 * link puts it (that is how systemd-sysctl reads it at boot), else at the end as
 * {@code sysctl --system} does. Links are resolved inside the HostRoot, so a capture never
 * reads the machine golive runs on.
 */
public final class SysctlLoadOrder {

    public static final List<String> DIRECTORIES = List.of(
            "/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d");

    public static final String SYSCTL_CONF = dev.golive.model.SysctlFacts.SYSCTL_CONF;

    /**
     * The files read, in order, their assignments, and the files masked by a same-named one.
     * {@code sysctlConfAtBoot}: whether a sysctl.d link makes systemd-sysctl read /etc/sysctl.conf.
     */
    public record Resolution(List<SysctlFile> files, List<String> masked, List<String> unreadable, Fact<Boolean> sysctlConfAtBoot) {

        public List<SysctlAssignment> assignments() {
            List<SysctlAssignment> all = new ArrayList<>();
            for (SysctlFile f : files) all.addAll(f.assignments());
            return all;
        }

        /** Lines systemd-sysctl warns about and skips, file:line:col each. */
        public List<String> problems() {
            List<String> all = new ArrayList<>();
            for (SysctlFile f : files) all.addAll(f.problems());
            return all;
        }

        /** The winning assignment per key (the last one in load order); glob keys stay as written. */
        public Map<String, SysctlAssignment> effective() {
            Map<String, SysctlAssignment> m = new LinkedHashMap<>();
            for (SysctlAssignment a : assignments()) {
                m.remove(a.key());
                m.put(a.key(), a);
            }
            return m;
        }

        public Optional<SysctlAssignment> effective(String key) {
            return Optional.ofNullable(effective().get(SysctlFile.normalizeKey(key)));
        }

        public List<String> paths() {
            List<String> out = new ArrayList<>();
            for (SysctlFile f : files) out.add(f.path());
            return List.copyOf(out);
        }
    }

    private SysctlLoadOrder() { }

    public static Resolution resolve(HostRoot root) {
        // name -> winning path; TreeMap sorts by name across all directories
        TreeMap<String, String> byName = new TreeMap<>();
        List<String> masked = new ArrayList<>();
        java.util.Set<String> seenDirs = new java.util.HashSet<>();
        for (String dir : DIRECTORIES) {
            // /lib is /usr/lib on merged-/usr systems: the same directory read twice is not a mask
            String canonical = HostLinks.canonical(root, dir);
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
        String link = null;
        for (String path : byName.values()) {
            if (HostLinks.isLinkToDevNull(root, path)) continue; // masked on purpose: the name stays taken
            String real = HostLinks.canonical(root, path);
            // Debian's /etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf: read it here, once, and name the real file
            String shown = path;
            if (real.equals(SYSCTL_CONF)) {
                if (sysctlConfViaLink) continue;
                sysctlConfViaLink = true;
                link = path;
                shown = SYSCTL_CONF;
            }
            var text = root.read(real);
            if (text.known()) files.add(SysctlFile.parse(shown, text.orElse("")));
            else unreadable.add(path);
        }
        if (!sysctlConfViaLink) {
            var text = root.read(SYSCTL_CONF);
            if (text.known()) files.add(SysctlFile.parse(SYSCTL_CONF, text.orElse("")));
        }
        return new Resolution(files, masked, unreadable, readAtBoot(root, link));
    }

    /**
     * systemd-sysctl reads only the sysctl.d directories (sysctl.d(5)): /etc/sysctl.conf at boot only
     * through a link there. No link is certain only where every directory was listed or is known absent.
     */
    private static Fact<Boolean> readAtBoot(HostRoot root, String link) {
        if (link != null) return Fact.of(true, Source.File.of(link));
        for (String dir : DIRECTORIES) {
            if (root.list(dir).isPresent()) continue;
            Fact<Boolean> present = root.presence(dir);
            if (!(present instanceof Fact.Known<Boolean> k) || k.value()) {
                return Fact.unknown(dir + " was not read: cannot tell whether a link there makes systemd-sysctl read " + SYSCTL_CONF);
            }
        }
        return Fact.of(false, new Source.Derived("no file in " + String.join(", ", DIRECTORIES) + " links to " + SYSCTL_CONF
                + ": systemd-sysctl does not read it (sysctl.d(5))"));
    }
}
