package dev.golive.config;

import dev.golive.host.HostPaths;
import dev.golive.host.HostLinks;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The service manager's settings ([Manager] of systemd-system.conf(5)): /etc/systemd/system.conf,
 * then drop-ins *.conf from system.conf.d/ in /etc, /run, /usr/local/lib and /usr/lib (and
 * /lib where it is not the same directory), sorted by file name across directories, a name
 * in an earlier directory masking a later one, a link to /dev/null masking without content.
 * The last assignment wins. An empty assignment resets the key to its compiled default.
 */
public final class ManagerConf {

    public static final String MAIN = "/etc/systemd/system.conf";
    public static final List<String> DROPIN_DIRS = List.of(
            "/etc/systemd/system.conf.d", "/run/systemd/system.conf.d",
            "/usr/local/lib/systemd/system.conf.d", "/usr/lib/systemd/system.conf.d", "/lib/systemd/system.conf.d");

    /** systemd 240 raised the hard limit services get; before, they inherited the kernel's 1024:4096. */
    public static final int NOFILE_DEFAULT_CHANGED_IN = 240;

    private ManagerConf() { }

    /** The files read, in the order systemd reads them (masked ones left out). */
    public static List<String> files(HostRoot root) {
        TreeMap<String, String> byName = new TreeMap<>();
        Set<String> seenDirs = new HashSet<>();
        for (String dir : DROPIN_DIRS) {
            if (!seenDirs.add(HostLinks.canonical(root, dir))) continue;
            for (String name : root.list(dir).orElse(List.of())) {
                if (name.endsWith(".conf")) byName.putIfAbsent(name, HostPaths.join(dir, name));
            }
        }
        List<String> files = new ArrayList<>();
        if (!HostLinks.isLinkToDevNull(root, MAIN)) files.add(MAIN);
        for (String p : byName.values()) if (!HostLinks.isLinkToDevNull(root, p)) files.add(p);
        return files;
    }

    /** Effective [Manager] settings, each with the file:line that set it. */
    public static Map<String, Fact<String>> resolve(HostRoot root) {
        Map<String, Fact<String>> out = new TreeMap<>();
        for (String path : files(root)) {
            Fact<String> text = root.read(HostLinks.canonical(root, path));
            if (!text.known()) continue;
            SystemdIni ini = SystemdIni.parse(path, text.orElse(""));
            for (SystemdIni.Entry e : ini.entries()) {
                if (!e.section().equals("Manager")) continue;
                if (e.value().isEmpty()) out.remove(e.key());
                else out.put(e.key(), Fact.of(e.value(), new Source.File(path, e.line())));
            }
        }
        return out;
    }

    /** Syntax problems in the files read, file:line:col each. */
    public static List<String> problems(HostRoot root) {
        List<String> out = new ArrayList<>();
        for (String path : files(root)) {
            Fact<String> text = root.read(HostLinks.canonical(root, path));
            if (text.known()) SystemdIni.parse(path, text.orElse("")).problems().forEach(p -> out.add(p.describe()));
        }
        return out;
    }

    /**
     * What services get when nothing sets DefaultLimitNOFILE=: "1024:524288" from systemd 240
     * on (systemd NEWS for v240); before that the kernel's "1024:4096" is inherited.
     */
    public static Fact<String> compiledDefaultLimitNofile(int systemdVersion) {
        if (systemdVersion >= NOFILE_DEFAULT_CHANGED_IN) {
            return Fact.of("1024:524288", new Source.Default(
                    "DefaultLimitNOFILE compiled into systemd " + systemdVersion + " (1024:524288 since systemd 240)"));
        }
        return Fact.of("1024:4096", new Source.Default(
                "systemd " + systemdVersion + " < 240 sets no DefaultLimitNOFILE; services inherit the kernel's 1024:4096"));
    }

    /** The effective DefaultLimitNOFILE: the configured value with its file:line, else the compiled default. */
    public static Fact<String> defaultLimitNofile(HostRoot root, int systemdVersion) {
        Fact<String> configured = resolve(root).get("DefaultLimitNOFILE");
        return configured != null ? configured : compiledDefaultLimitNofile(systemdVersion);
    }
}
