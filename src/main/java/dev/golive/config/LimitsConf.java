package dev.golive.config;

import dev.golive.host.HostPaths;
import dev.golive.host.HostLinks;
import dev.golive.host.HostRoot;
import dev.golive.model.LimitsEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * What pam_limits reads: /etc/security/limits.conf first, then
 * /etc/security/limits.d/*.conf in C-locale order (limits.conf(5)). These reach login
 * sessions, never a systemd service without PAMName= (DOMAIN.md) — a check uses the entries
 * to show an admin that a nofile raise here does nothing for the Go service.
 */
public final class LimitsConf {

    public static final String MAIN = "/etc/security/limits.conf";
    public static final String DIR = "/etc/security/limits.d";

    public record Resolution(List<LimitsFile> files, List<String> unreadable) {
        public Resolution {
            files = List.copyOf(files);
            unreadable = List.copyOf(unreadable);
        }

        public List<LimitsEntry> entries() {
            List<LimitsEntry> all = new ArrayList<>();
            files.forEach(f -> all.addAll(f.entries()));
            return all;
        }

        public List<String> errors() {
            List<String> all = new ArrayList<>();
            files.forEach(f -> all.addAll(f.errors()));
            return all;
        }

        public List<String> paths() { return files.stream().map(LimitsFile::path).toList(); }
    }

    private LimitsConf() { }

    public static Resolution resolve(HostRoot root) {
        List<String> paths = new ArrayList<>();
        if (root.exists(MAIN) || root.linkTarget(MAIN).isPresent()) paths.add(MAIN);
        for (String name : root.list(DIR).orElse(List.of())) {
            if (name.endsWith(".conf")) paths.add(HostPaths.join(DIR, name)); // list() is sorted by name
        }
        List<LimitsFile> files = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String p : paths) {
            var text = root.read(HostLinks.canonical(root, p));
            if (text.known()) files.add(LimitsFile.parse(p, text.orElse("")));
            else unreadable.add(p);
        }
        return new Resolution(files, unreadable);
    }
}
