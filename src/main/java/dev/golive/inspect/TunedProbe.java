package dev.golive.inspect;

import dev.golive.config.TunedConf;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.Source;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.TunedSysctls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kernel tunables TuneD's active profile sets at each start of tuned.service, from files only:
 * /etc/tuned/active_profile (one or more names, space separated, merged in order), each profile's
 * tuned.conf (a copy under /etc/tuned before the packaged one under /usr/lib/tuned), its [main]
 * include= chain loaded first, and reapply_sysctl in /etc/tuned/tuned-main.conf.
 */
final class TunedProbe {

    static final String ACTIVE_PROFILE = "/etc/tuned/active_profile";
    static final String MAIN_CONF = "/etc/tuned/tuned-main.conf";
    /** Where `systemctl enable tuned` links the unit (its [Install] WantedBy=multi-user.target). */
    static final String ENABLED_LINK = "/etc/systemd/system/multi-user.target.wants/tuned.service";
    /** Profile directories, the admin's first; TuneD 2.23 moved them under profiles/. */
    static final List<String> PROFILE_DIRS = List.of("/etc/tuned/profiles/", "/etc/tuned/", "/usr/lib/tuned/profiles/", "/usr/lib/tuned/");

    private TunedProbe() { }

    static TunedSysctls probe(HostRoot root) {
        Fact<String> active = root.read(ACTIVE_PROFILE);
        if (active instanceof Fact.Unknown<String> u) return new TunedSysctls(Fact.unknown(u.reason()), true, Map.of());
        // the link itself says enabled, whether or not the capture holds the unit it points at
        Fact<Boolean> enabled = root.linkTarget(ENABLED_LINK).isPresent() ? Fact.of(true, Source.File.of(ENABLED_LINK)) : root.presence(ENABLED_LINK);
        Fact<Boolean> runs = enabled.opt().isEmpty() ? enabled
                : Fact.of(enabled.opt().get(), Source.File.of(ENABLED_LINK));
        Map<String, SysctlAssignment> byKey = new LinkedHashMap<>();
        for (String name : active.opt().get().strip().split("\\s+")) {
            if (!name.isEmpty()) load(root, name, new java.util.HashSet<>(), byKey);
        }
        Optional<Boolean> reapply = reapplySysctl(root.read(MAIN_CONF).opt());
        if (reapply.isEmpty()) {
            runs = Fact.unknown("reapply_sysctl in " + MAIN_CONF + " is not a yes/no word: what TuneD does with it depends on its version");
        }
        return new TunedSysctls(runs, reapply.orElse(true), byKey);
    }

    /** Loads {@code name}'s includes, then its own [sysctl] lines over them; a loop in the chain stops. */
    private static void load(HostRoot root, String name, Set<String> seen, Map<String, SysctlAssignment> into) {
        if (!seen.add(name) || name.contains("/")) return;
        for (String dir : PROFILE_DIRS) {
            String path = dir + name + "/tuned.conf";
            Optional<String> text = root.read(path).opt();
            if (text.isEmpty()) continue;
            TunedConf conf = TunedConf.parse(path, text.get());
            for (String inc : conf.includes()) load(root, inc, seen, into);
            for (SysctlAssignment a : conf.sysctls()) {
                into.remove(a.key());
                into.put(a.key(), a);
            }
            return;
        }
    }

    /**
     * tuned-main.conf's reapply_sysctl (default on). TuneD reads 1/y/yes/t/true as on and 0/n/no/f/false
     * as off (older releases: commands.get_bool; newer: configparser's getboolean, which adds on/off);
     * another word is read differently by different releases: empty.
     */
    static Optional<Boolean> reapplySysctl(Optional<String> mainConf) {
        if (mainConf.isEmpty()) return Optional.of(true);
        List<String> values = new ArrayList<>();
        for (String line : mainConf.get().split("\n")) {
            String l = line.strip();
            if (l.startsWith("#") || l.startsWith(";")) continue;
            int eq = l.indexOf('=');
            if (eq > 0 && l.substring(0, eq).strip().equals("reapply_sysctl")) values.add(l.substring(eq + 1).strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (values.isEmpty()) return Optional.of(true);
        String v = values.get(values.size() - 1);
        if (List.of("1", "y", "yes", "t", "true").contains(v)) return Optional.of(true);
        if (List.of("0", "n", "no", "f", "false").contains(v)) return Optional.of(false);
        return Optional.empty();
    }
}
