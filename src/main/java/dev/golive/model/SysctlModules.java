package dev.golive.model;

import java.util.List;
import java.util.Optional;

/**
 * Sysctl keys that a loadable kernel module registers: they exist under /proc/sys only while
 * the module is loaded, so a key missing from a running kernel is not "unknown to this kernel"
 * but "its module is not loaded now". systemd-sysctl runs once at boot, after
 * systemd-modules-load; a module loaded later gets its keys set only when it is listed in
 * modules-load.d or a udev rule reruns systemd-sysctl when it loads (sysctl.d(5), examples 2
 * and 3, "Apply settings available only when a certain module is loaded").
 */
public final class SysctlModules {

    private SysctlModules() { }

    /** Keys under {@code prefix} (or the key itself, when it does not end with a dot) belong to {@code module}. */
    public record Owner(String prefix, String module, String note) {
        boolean owns(String key) {
            return prefix.endsWith(".") ? key.startsWith(prefix) : key.equals(prefix);
        }
    }

    /**
     * net/bridge: the bridge-nf-* keys moved from the bridge module into br_netfilter in Linux
     * 3.18 (commit 34666d46, "netfilter: bridge: move br_netfilter out of the core"); EL7's
     * 3.10 kernels carry the split too, so a version alone does not tell which module it is.
     * net/netfilter and net.nf_conntrack_max: registered by nf_conntrack. net/ipv4/vs: ip_vs.
     */
    public static final List<Owner> OWNERS = List.of(
            new Owner("net.bridge.", "br_netfilter", "the bridge module itself on kernels before 3.18 without the split"),
            new Owner("net.netfilter.", "nf_conntrack", ""),
            new Owner("net.nf_conntrack_max", "nf_conntrack", ""),
            new Owner("net.ipv4.vs.", "ip_vs", ""));

    /** The module that registers {@code key}, if it is one of the keys a module brings. */
    public static Optional<Owner> ownerOf(String key) {
        for (Owner o : OWNERS) if (o.owns(key)) return Optional.of(o);
        return Optional.empty();
    }
}
