package dev.golive.model;

import java.util.Optional;

/**
 * One kernel tunable: whether this kernel has it, its live value (from /proc/sys), and the
 * assignment in the sysctl load order that wins at boot (empty: nothing sets it, the kernel
 * default stands). {@code perNamespace} is false for keys that are global (e.g.
 * net.core.netdev_max_backlog) although they live under net.
 */
public record SysctlFact(
        String key,
        Fact<Boolean> exists,
        Fact<String> live,
        Optional<SysctlAssignment> configured,
        boolean perNamespace) {

    /** Live value with whitespace folded, so "4096\t131072  6291456" equals "4096 131072 6291456". */
    public Optional<String> liveNormalized() {
        return live.opt().map(SysctlFact::normalize);
    }

    public static String normalize(String v) { return v.trim().replaceAll("\\s+", " "); }
}
