package dev.golive.config;

import dev.golive.host.HostPaths;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.Source;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service manager's settings ([Manager] of systemd-system.conf(5)): /etc/systemd/system.conf,
 * then drop-ins *.conf from system.conf.d/ in /etc, /run, /usr/local/lib and /usr/lib, sorted
 * by file name across directories, a name in an earlier directory masking a later one.
 * The last assignment wins. An empty assignment resets the key to its default.
 */
public final class ManagerConf {

    public static final String MAIN = "/etc/systemd/system.conf";
    public static final List<String> DROPIN_DIRS = List.of(
            "/etc/systemd/system.conf.d", "/run/systemd/system.conf.d",
            "/usr/local/lib/systemd/system.conf.d", "/usr/lib/systemd/system.conf.d");

    private ManagerConf() { }

    /** The files read, in the order systemd reads them. */
    public static List<String> files(HostRoot root) {
        TreeMap<String, String> byName = new TreeMap<>();
        for (String dir : DROPIN_DIRS) {
            for (String name : root.list(dir).orElse(List.of())) {
                if (name.endsWith(".conf")) byName.putIfAbsent(name, HostPaths.join(dir, name));
            }
        }
        List<String> files = new java.util.ArrayList<>();
        files.add(MAIN);
        files.addAll(byName.values());
        return files;
    }

    /** Effective [Manager] settings, each with the file:line that set it. */
    public static Map<String, Fact<String>> resolve(HostRoot root) {
        Map<String, Fact<String>> out = new TreeMap<>();
        for (String path : files(root)) {
            Fact<String> text = root.read(path);
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
}
