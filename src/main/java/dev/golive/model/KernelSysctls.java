package dev.golive.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kernel tunables golive reads or writes, each with the Linux version that first had it
 * (and removed it), and its default where the kernel fixes one (not where it sizes the value
 * from memory or CPUs at boot). One table for a target without a running kernel: an image
 * tree has no /proc/sys, so whether a key exists is judged against the kernel the admin names
 * ({@code --kernel}), and a profile's {@code current} is the value the key has at first boot.
 *
 * <p>{@link #BASELINE} is the oldest kernel golive knows (EL7's 3.10); a key older than that
 * carries it. Defaults are from the kernel's Documentation/admin-guide/sysctl/ and
 * Documentation/networking/ip-sysctl.rst unless the row names a commit.
 */
public final class KernelSysctls {

    private KernelSysctls() { }

    /** The oldest kernel golive knows (CentOS 7): older ones are refused as --kernel. */
    public static final KernelVersion BASELINE = KernelVersion.of(3, 10);

    /** A default that holds from {@code since} (until the next row's since). */
    public record Default(KernelVersion since, long value) { }

    public record Key(String key, KernelVersion since, Optional<KernelVersion> removed, List<Default> defaults, String source) {
        public Key {
            defaults = List.copyOf(defaults);
        }

        public boolean existsOn(KernelVersion k) {
            return k.compareTo(since) >= 0 && removed.map(r -> k.compareTo(r) < 0).orElse(true);
        }

        /** The kernel's default on {@code k}, if the table has one for it. */
        public Optional<Long> defaultOn(KernelVersion k) {
            Optional<Long> v = Optional.empty();
            for (Default d : defaults) if (k.compareTo(d.since()) >= 0) v = Optional.of(d.value());
            return v;
        }
    }

    private static KernelVersion v(int major, int minor) { return KernelVersion.of(major, minor); }

    private static Key key(String key, KernelVersion since, String source, Default... defaults) {
        return new Key(key, since, Optional.empty(), List.of(defaults), source);
    }

    private static Default dflt(long value) { return new Default(BASELINE, value); }

    private static final String IP_SYSCTL = "Documentation/networking/ip-sysctl.rst";
    private static final String NET = "Documentation/admin-guide/sysctl/net.rst";
    private static final String VM = "Documentation/admin-guide/sysctl/vm.rst";
    private static final String FS = "Documentation/admin-guide/sysctl/fs.rst";

    public static final List<Key> TABLE = List.of(
            key("net.core.somaxconn", BASELINE, "include/linux/socket.h SOMAXCONN; 4096 from Linux 5.4 (commit 19f92a030ca6, net: increase SOMAXCONN to 4096)",
                    dflt(128), new Default(v(5, 4), 4096)),
            key("net.ipv4.tcp_max_syn_backlog", BASELINE, IP_SYSCTL + ": sized at boot from the TCP hash table (memory); no fixed default"),
            key("net.ipv4.tcp_syncookies", BASELINE, IP_SYSCTL, dflt(1)),
            key("net.ipv4.tcp_tw_reuse", BASELINE, IP_SYSCTL + "; 2 (loopback only) from Linux 4.19", dflt(0), new Default(v(4, 19), 2)),
            key("net.ipv4.tcp_timestamps", BASELINE, IP_SYSCTL, dflt(1)),
            key("net.ipv4.tcp_fin_timeout", BASELINE, IP_SYSCTL, dflt(60)),
            key("net.ipv4.ip_local_port_range", BASELINE, IP_SYSCTL + " (two numbers)"),
            key("net.ipv4.ip_local_reserved_ports", BASELINE, IP_SYSCTL + " (a list)"),
            key("net.ipv4.tcp_max_tw_buckets", BASELINE, IP_SYSCTL + ": sized at boot from memory"),
            key("net.core.netdev_max_backlog", BASELINE, NET, dflt(1000)),
            key("net.ipv4.tcp_rmem", BASELINE, IP_SYSCTL + " (three numbers; the maximum scales with memory)"),
            key("net.ipv4.tcp_wmem", BASELINE, IP_SYSCTL + " (three numbers)"),
            key("net.core.rmem_max", BASELINE, NET + ": depends on the size of kernel structures"),
            key("net.core.wmem_max", BASELINE, NET + ": depends on the size of kernel structures"),
            key("net.ipv4.ip_unprivileged_port_start", v(4, 11), "Linux 4.11 (commit 4548b683b781, Introduce a sysctl that modifies the value of PROT_SOCK)", dflt(1024)),
            new Key("net.ipv4.tcp_tw_recycle", BASELINE, Optional.of(v(4, 12)), List.of(dflt(0)), "removed in Linux 4.12 (commit 4396e46187ca, tcp: remove tcp_tw_recycle)"),
            key("net.ipv4.tcp_keepalive_time", BASELINE, IP_SYSCTL, dflt(7200)),
            key("net.ipv4.tcp_slow_start_after_idle", BASELINE, IP_SYSCTL + " (since Linux 2.6.18)", dflt(1)),
            key("net.core.busy_poll", v(3, 11), NET + "; Linux 3.11 (low-latency sockets, commit 060212928670)", dflt(0)),
            key("net.core.busy_read", v(3, 11), NET + "; Linux 3.11 (low-latency sockets, commit 060212928670)", dflt(0)),
            key("vm.swappiness", BASELINE, VM, dflt(60)),
            key("vm.overcommit_memory", BASELINE, VM, dflt(0)),
            key("vm.max_map_count", BASELINE, VM, dflt(65530)),
            key("fs.file-max", BASELINE, FS + ": sized at boot from memory"),
            key("fs.nr_open", BASELINE, FS, dflt(1048576)),
            key("kernel.pid_max", BASELINE, "Documentation/admin-guide/sysctl/kernel.rst: 32768, or more on hosts with many CPUs"));

    private static final Map<String, Key> BY_KEY;

    static {
        Map<String, Key> m = new LinkedHashMap<>();
        for (Key k : TABLE) m.put(k.key(), k);
        BY_KEY = java.util.Collections.unmodifiableMap(m);
    }

    public static Optional<Key> of(String key) { return Optional.ofNullable(BY_KEY.get(key)); }

    /**
     * The largest fs.nr_open systemd 240 and later set at boot (bump_file_max_and_nr_open in
     * src/core/main.c: INT_MAX rounded down to the pointer size, halved until the kernel
     * accepts it): on a 64-bit kernel 1073741816, on a 32-bit one 536870908.
     */
    public static final List<Long> SYSTEMD_NR_OPEN = List.of(1073741816L, 536870908L);

    /** systemd raises fs.nr_open at boot from this version on (DOMAIN.md, File descriptors). */
    public static final int SYSTEMD_BUMPS_NR_OPEN = 240;

    /**
     * The values {@code key} can have at the first boot of an image before any sysctl.d file
     * is applied, on {@code kernel} (every kernel golive knows when empty) under the image's
     * systemd (empty: unknown). One value when it is certain, several when it depends on what
     * is not known, none when the kernel sizes it at boot from the machine.
     */
    public static List<Long> atFirstBoot(String key, Optional<KernelVersion> kernel, Optional<Integer> systemd) {
        Optional<Key> row = of(key);
        if (row.isEmpty()) return List.of();
        List<Long> out = new ArrayList<>();
        if (key.equals("fs.nr_open")) {
            Optional<Boolean> bumps = systemd.map(s -> s >= SYSTEMD_BUMPS_NR_OPEN);
            if (bumps.orElse(true)) out.addAll(SYSTEMD_NR_OPEN);
            if (bumps.orElse(false)) return List.copyOf(out); // systemd raises it before anything reads it
        }
        if (kernel.isPresent()) {
            row.get().defaultOn(kernel.get()).filter(x -> !out.contains(x)).ifPresent(out::add);
        } else {
            for (Default d : row.get().defaults()) if (!out.contains(d.value())) out.add(d.value());
        }
        return List.copyOf(out);
    }

    private static final Pattern NAMED = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,4}))?(?:-[A-Za-z0-9._+~-]+)?");

    /**
     * The --kernel value: MAJOR.MINOR[.PATCH], or a release as uname -r prints it
     * (6.1.0-18-amd64). Anything else, or a kernel older than {@link #BASELINE}, is bad input.
     */
    public static KernelVersion parseNamed(String s) {
        if (s == null || !NAMED.matcher(s).matches()) {
            throw GoliveException.badInput("--kernel " + Printable.text(String.valueOf(s)) + ": expected a Linux version such as 6.1, 5.15.0 or 6.1.0-18-amd64");
        }
        KernelVersion k = KernelVersion.parse(s).orElseThrow();
        if (k.compareTo(BASELINE) < 0) {
            throw GoliveException.badInput("--kernel " + s + ": older than Linux " + label(BASELINE) + " (CentOS 7), the oldest kernel golive knows");
        }
        return k;
    }

    /** 6.1 rather than 6.1.0. */
    public static String label(KernelVersion k) {
        return k.patch() == 0 ? k.major() + "." + k.minor() : k.toString();
    }
}
