package dev.golive.inspect;

import dev.golive.config.SysctlLoadOrder;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.KernelBasis;
import dev.golive.model.KernelSysctls;
import dev.golive.model.KernelVersion;
import dev.golive.model.Source;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.SysctlFact;
import dev.golive.model.SysctlFacts;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kernel tunables: every key of DOMAIN.md's tables plus every key any sysctl file sets,
 * each with its live value (/proc/sys), whether this kernel has it, and the assignment
 * that wins in the load order.
 */
public final class SysctlProbe {

    /** The keys golive always reports, in display order. */
    public static final List<String> KEYS = List.of(
            "net.core.somaxconn", "net.ipv4.tcp_max_syn_backlog", "net.ipv4.tcp_syncookies",
            "net.ipv4.tcp_tw_reuse", "net.ipv4.tcp_timestamps", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.ip_local_port_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_max_tw_buckets", "net.core.netdev_max_backlog",
            "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem", "net.core.rmem_max", "net.core.wmem_max",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_tw_recycle", "net.ipv4.tcp_keepalive_time",
            "net.ipv4.tcp_slow_start_after_idle", "net.core.busy_poll", "net.core.busy_read",
            "vm.swappiness", "vm.overcommit_memory", "vm.max_map_count",
            "fs.file-max", "fs.nr_open", "kernel.pid_max");

    /**
     * net.* keys that are global although they sit under net (net/core/sysctl_net_core.c's
     * global table). Writing one inside a private network namespace changes the whole host.
     */
    public static final Set<String> GLOBAL_NET_KEYS = Set.of(
            "net.core.netdev_max_backlog", "net.core.rmem_max", "net.core.wmem_max",
            "net.core.rmem_default", "net.core.wmem_default", "net.core.busy_poll", "net.core.busy_read",
            "net.core.netdev_budget", "net.core.dev_weight", "net.core.optmem_max");

    private SysctlProbe() { }

    public static boolean perNamespace(String key) {
        return key.startsWith("net.") && !GLOBAL_NET_KEYS.contains(key);
    }

    /** /proc/sys path of a key: dots become slashes, slashes (inside names) become dots. */
    public static String procPath(String key) {
        StringBuilder b = new StringBuilder("/proc/sys/");
        for (char c : key.toCharArray()) b.append(c == '.' ? '/' : c == '/' ? '.' : c);
        return b.toString();
    }

    /** Why a key has no live value in an image tree. */
    public static final String NO_KERNEL = "no running kernel in this tree (no /proc/sys): set at first boot";

    /**
     * Whether the root has no kernel to read: a target tree made by an image build (mmdebstrap,
     * debootstrap) has no /proc/sys, or an empty directory where the running system mounts it.
     */
    static boolean noKernel(HostRoot root) {
        if (root.isLive()) return false;
        Optional<List<String>> entries = root.list("/proc/sys");
        if (entries.isPresent() && !entries.get().isEmpty()) return false;
        // absent for certain (a tree, or a capture that recorded it absent); a capture that merely
        // did not copy it has a kernel whose values are unknown, not none
        return root.presence("/proc/sys").opt().map(present -> !present || entries.isPresent()).orElse(false);
    }

    static SysctlFacts probe(HostRoot root) { return probe(root, Optional.empty()); }

    /** {@code named}: the kernel the admin named (--kernel), used only where the root has none. */
    static SysctlFacts probe(HostRoot root, Optional<KernelVersion> named) {
        SysctlLoadOrder.Resolution res = SysctlLoadOrder.resolve(root);
        Map<String, SysctlAssignment> effective = res.effective();
        Set<String> keys = new LinkedHashSet<>(KEYS);
        for (String k : effective.keySet()) if (!k.contains("*") && !k.contains("?")) keys.add(k);
        KernelBasis basis = noKernel(root) ? KernelBasis.firstBoot(named) : KernelBasis.RUNNING_KERNEL;
        Map<String, SysctlFact> byKey = new LinkedHashMap<>();
        for (String key : keys) {
            String path = procPath(key);
            Fact<String> live;
            Fact<Boolean> exists;
            if (basis.running()) {
                live = root.read(path).map(String::trim);
                exists = live.known() ? Fact.of(true, Source.File.of(path)) : root.presence(path);
                if (!live.known() && exists.orElse(true).equals(false)) live = Fact.unknown("no such key on this kernel (" + path + ")");
            } else {
                live = Fact.unknown(NO_KERNEL);
                exists = existsOnNamed(key, basis);
            }
            byKey.put(key, new SysctlFact(key, exists, live, Optional.ofNullable(effective.get(key)), perNamespace(key)));
        }
        List<dev.golive.model.MalformedLine> malformed = new java.util.ArrayList<>();
        for (dev.golive.config.SysctlFile f : res.files()) malformed.addAll(f.malformedLines());
        return new SysctlFacts(byKey, res.assignments(), res.paths(), res.masked(), malformed, basis, res.sysctlConfAtBoot(),
                TunedProbe.probe(root));
    }

    /** Whether the kernel the admin named has {@code key} (model.KernelSysctls), or Unknown with why not. */
    static Fact<Boolean> existsOnNamed(String key, KernelBasis basis) {
        if (basis.named().isEmpty()) return Fact.unknown("no kernel in this tree; checked against the keys golive knows (name one with --kernel)");
        KernelVersion k = basis.named().get();
        return KernelSysctls.of(key)
                .<Fact<Boolean>>map(row -> Fact.of(row.existsOn(k), new Source.Derived("Linux " + KernelSysctls.label(k) + " named with --kernel; "
                        + key + ": " + row.source())))
                .orElseGet(() -> Fact.unknown("golive does not know which Linux versions have " + key + " (no kernel in this tree to ask)"));
    }
}
