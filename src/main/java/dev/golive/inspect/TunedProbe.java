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
    /**
     * Profile directories searched first to last, the admin's first: TuneD searches its profile_dirs
     * (tuned-main.conf) from the last one; the default is /usr/lib/tuned, /etc/tuned in older releases
     * and /usr/lib/tuned/profiles, /etc/tuned/profiles in newer ones (consts.py CFG_DEF_PROFILE_DIRS),
     * so both layouts are searched.
     */
    static final List<String> PROFILE_DIRS = List.of("/etc/tuned/profiles/", "/etc/tuned/", "/usr/lib/tuned/profiles/", "/usr/lib/tuned/");

    private TunedProbe() { }

    static TunedSysctls probe(HostRoot root) {
        Fact<String> active = root.read(ACTIVE_PROFILE);
        if (active instanceof Fact.Unknown<String> u) return new TunedSysctls(Fact.unknown(u.reason()), true, Map.of());
        // the link itself says enabled, whether or not a capture holds the unit it points at; presence is asked as well
        // because that is what `golive capture` records (a link's target is not), so reading the capture back answers the same
        boolean link = root.linkTarget(ENABLED_LINK).isPresent();
        Fact<Boolean> seen = root.presence(ENABLED_LINK);
        Fact<Boolean> enabled = link ? Fact.of(true, Source.File.of(ENABLED_LINK)) : seen;
        Fact<Boolean> runs = enabled.opt().isEmpty() ? enabled
                : Fact.of(enabled.opt().get(), Source.File.of(ENABLED_LINK));
        Optional<String> mainConf = root.read(MAIN_CONF).opt();
        List<String> dirs = profileDirs(mainConf);
        Map<String, SysctlAssignment> byKey = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : active.opt().get().strip().split("\\s+")) {
            if (!name.isEmpty()) load(root, dirs, name, new java.util.HashSet<>(), byKey, missing);
        }
        if (!missing.isEmpty()) {
            // TuneD refuses a profile it cannot find (or one whose include it cannot find), and so does golive
            runs = Fact.unknown("TuneD profile " + String.join(", ", missing) + " is not in " + String.join(", ", dirs));
        }
        Optional<Boolean> reapply = reapplySysctl(mainConf);
        if (reapply.isEmpty()) {
            runs = Fact.unknown("reapply_sysctl in " + MAIN_CONF + " is not a yes/no word: what TuneD does with it depends on its version");
        }
        return new TunedSysctls(runs, reapply.orElse(true), byKey);
    }

    /**
     * Loads {@code name}'s includes, then its own [sysctl] lines over them. {@code inChain}: the
     * profiles being loaded, so an include loop stops; a profile included twice is merged twice, as TuneD does.
     */
    private static void load(HostRoot root, List<String> dirs, String name, Set<String> inChain, Map<String, SysctlAssignment> into,
                             List<String> missing) {
        if (name.contains("/") || !inChain.add(name)) return;
        for (String dir : dirs) {
            String path = dir + name + "/tuned.conf";
            Optional<String> text = root.read(path).opt();
            if (text.isEmpty()) continue;
            TunedConf conf = TunedConf.parse(path, text.get());
            for (String inc : conf.includes()) load(root, dirs, inc, inChain, into, missing);
            for (SysctlAssignment a : conf.sysctls()) {
                into.remove(a.key());
                into.put(a.key(), a);
            }
            inChain.remove(name);
            return;
        }
        missing.add(name);
    }

    /** The directories to search, first to last: profile_dirs (a comma list) from its end, else {@link #PROFILE_DIRS}. */
    static List<String> profileDirs(Optional<String> mainConf) {
        Optional<String> set = lastValue(mainConf, "profile_dirs");
        if (set.isEmpty() || set.get().isBlank()) return PROFILE_DIRS;
        List<String> dirs = new ArrayList<>();
        for (String d : set.get().split(",")) if (!d.isBlank()) dirs.add(0, d.strip().replaceAll("/+$", "") + "/");
        return dirs;
    }

    /** The last {@code key = value} of an ini file without sections, '#' and ';' starting comments. */
    static Optional<String> lastValue(Optional<String> text, String key) {
        if (text.isEmpty()) return Optional.empty();
        String found = null;
        for (String line : text.get().split("\n")) {
            String l = line.strip();
            if (l.startsWith("#") || l.startsWith(";")) continue;
            int eq = l.indexOf('=');
            if (eq > 0 && l.substring(0, eq).strip().equals(key)) found = l.substring(eq + 1).strip();
        }
        return Optional.ofNullable(found);
    }

    /**
     * tuned-main.conf's reapply_sysctl (default on). TuneD reads 1/y/yes/t/true as on and 0/n/no/f/false
     * as off (older releases: commands.get_bool; newer: configparser's getboolean, which adds on/off);
     * another word is read differently by different releases: empty.
     */
    static Optional<Boolean> reapplySysctl(Optional<String> mainConf) {
        Optional<String> set = lastValue(mainConf, "reapply_sysctl");
        if (set.isEmpty()) return Optional.of(true);
        String v = set.get().toLowerCase(java.util.Locale.ROOT);
        if (List.of("1", "y", "yes", "t", "true").contains(v)) return Optional.of(true);
        if (List.of("0", "n", "no", "f", "false").contains(v)) return Optional.of(false);
        return Optional.empty();
    }
}
