package dev.golive.unit;

import dev.golive.model.Fact;
import dev.golive.model.SystemdDirectives;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of {@code systemd-analyze verify} read for the host the unit is for. verify runs on
 * the systemd of the machine golive runs on (252 on Debian 12), which calls the cgroup-v1 names
 * deprecated ("Unit uses MemoryLimit=; please use MemoryMax= instead"); golive writes such a
 * name on purpose where the host's systemd does not know the new one (EL7's 219 knows only
 * MemoryLimit=, CPUShares=, BlockIOWeight=). Such a line says nothing about the unit on its host.
 */
public final class VerifyOnHost {

    private VerifyOnHost() { }

    /** systemd's load-fragment.c wording (v252). */
    private static final Pattern DEPRECATED = Pattern.compile("Unit uses (\\w+)=; please use (\\w+)= instead");

    /** Why {@code m} is expected for a host with {@code hostSystemd}, or empty when it is a real complaint. */
    public static Optional<String> expected(UnitAnalysis.VerifyMessage m, Fact<Integer> hostSystemd) {
        Matcher d = DEPRECATED.matcher(m.message());
        if (!d.find()) return Optional.empty();
        int host = SystemdDirectives.target(hostSystemd);
        String old = d.group(1), now = d.group(2);
        if (SystemdDirectives.known(host, "Service", now, "") || !SystemdDirectives.honoured(host, "Service", old, "")) return Optional.empty();
        return Optional.of("systemd " + host + " on the host knows " + old + "= and not " + now + "= (" + now + "= needs "
                + SystemdDirectives.since("Service", now, "") + ")");
    }
}
