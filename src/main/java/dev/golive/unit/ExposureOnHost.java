package dev.golive.unit;

import dev.golive.model.Fact;
import dev.golive.model.SystemdDirectives;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The exposure table of {@code systemd-analyze security} read for the host the unit is for.
 * The score comes from the systemd that runs golive (252 on Debian 12), which rates directives
 * an older host does not have: on EL7's 219 "ProtectClock= not set" is not something the admin
 * can fix there. Each open item whose directive the host's systemd lacks (by golive's one
 * directive table) says so, and the headline says how many of them there are, so nobody chases
 * a score the host cannot reach.
 */
public final class ExposureOnHost {

    private ExposureOnHost() { }

    /** An open item (not passed, adds exposure) and, when the host's systemd lacks its directive, why it cannot be set there. */
    public record OpenItem(UnitAnalysis.SecurityItem item, Optional<String> hostLacks) { }

    /** The open items, largest exposure first, each marked when the host's systemd is too old for it. */
    public static List<OpenItem> openItems(UnitAnalysis.Security s, Fact<Integer> hostSystemd) {
        int target = SystemdDirectives.target(hostSystemd);
        return s.items().stream()
                .filter(i -> i.passed().isPresent() && !i.passed().get() && i.exposure().isPresent())
                .sorted(Comparator.comparing((UnitAnalysis.SecurityItem i) -> i.exposure().get()).reversed())
                .map(i -> new OpenItem(i, lacks(i.name(), target, hostSystemd)))
                .toList();
    }

    /** "4 of the open items need a newer systemd than this host's 219", when the scoring systemd is newer than the host's. */
    public static Optional<String> caveat(UnitAnalysis a, Fact<Integer> hostSystemd) {
        if (a.security().opt().isEmpty()) return Optional.empty();
        long n = openItems(a.security().opt().get(), hostSystemd).stream().filter(o -> o.hostLacks().isPresent()).count();
        if (n == 0) return Optional.empty();
        return Optional.of("scored by systemd-analyze " + a.version().opt().map(String::valueOf).orElse("of this machine") + "; "
                + n + " of the open items need a newer systemd than this host's "
                + hostSystemd.opt().map(String::valueOf).orElse("(unknown, taken as " + SystemdDirectives.BASELINE + ")"));
    }

    /**
     * The directive of a row ("ProtectClock=", "RestrictAddressFamilies=~AF_PACKET", "User=/DynamicUser=":
     * the first key) when golive's table dates it after the host's systemd. A directive the table
     * does not have is not marked: golive knows no reason to doubt it.
     */
    static Optional<String> lacks(String name, int target, Fact<Integer> hostSystemd) {
        int eq = name.indexOf('=');
        if (eq <= 0) return Optional.empty();
        String key = name.substring(0, eq);
        int since = SystemdDirectives.since("Service", key, "");
        if (target >= since) return Optional.empty();
        return Optional.of(SystemdDirectives.needs(key, "", since, hostSystemd));
    }
}
