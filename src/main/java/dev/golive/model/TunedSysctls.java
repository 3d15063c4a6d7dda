package dev.golive.model;

import java.util.Map;
import java.util.Optional;

/**
 * The kernel tunables TuneD sets each time its service starts (at every boot where tuned.service
 * is enabled), from the [sysctl] sections of its active profile and the profiles these include,
 * the last one winning. {@code reapplySysctl}: tuned-main.conf's reapply_sysctl (default 1): after
 * its own values TuneD writes again the lines of /run/sysctl.d/*.conf, /etc/sysctl.d/*.conf and
 * /etc/sysctl.conf (not /usr/lib/sysctl.d), so those files win over the profile where both set a key.
 * {@code runs}: known and true only where tuned.service is enabled.
 */
public record TunedSysctls(Fact<Boolean> runs, boolean reapplySysctl, Map<String, SysctlAssignment> byKey) {

    public static final TunedSysctls NONE = new TunedSysctls(Fact.unknown("TuneD was not looked at"), true, Map.of());

    public TunedSysctls {
        java.util.Objects.requireNonNull(runs, "runs");
        byKey = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byKey));
    }

    /** TuneD's assignment of {@code key} when it certainly runs at boot. */
    public Optional<SysctlAssignment> atBoot(String key) {
        if (!runs.orElse(false)) return Optional.empty();
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * Whether TuneD computes the value when it applies it: a ${variable} or ${f:function} it
     * expands, or a '&gt;'/'&lt;' modifier that compares with the running value. Such a value at
     * boot is not known from the files.
     */
    public static boolean computed(String value) {
        String v = value.strip();
        return v.contains("${") || v.startsWith(">") || v.startsWith("<");
    }

    /** The files whose lines TuneD writes again after its profile when reapply_sysctl is on. */
    public static boolean reappliedFile(String path) {
        return path.startsWith("/etc/sysctl.d/") || path.startsWith("/run/sysctl.d/") || path.equals("/etc/sysctl.conf");
    }
}
