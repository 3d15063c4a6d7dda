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
 * carries it. Each default names where the kernel source sets it; the one table for "which keys
 * exist on Linux N" (image trees) and "what the kernel gives at boot" (inspect's "kernel default",
 * the runtime-only finding, the planner's next-boot value).
 */
public final class KernelSysctls {

    private KernelSysctls() { }

    /** The oldest kernel golive knows (CentOS 7): older ones are refused as --kernel. */
    public static final KernelVersion BASELINE = KernelVersion.of(3, 10);

    /**
     * A default that holds from {@code since} (until the next row's since), where the kernel source
     * sets it ({@code source}). Several {@code values}: the version alone does not tell which,
     * because a distribution kernel may carry a later upstream change (its version string names
     * the base release, not the patches on top), or because the release that first had the
     * change is not pinned down; golive then states no kernel default rather than guess.
     */
    public record Default(KernelVersion since, List<String> values, String source) {
        public Default {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("a default needs a value");
        }
    }

    /**
     * One row per key: the Linux version that first had it (and removed it), its defaults by
     * version, and where its existence is documented. {@code raisedBySystemd}: systemd sets the key
     * at boot before any sysctl file (fs.nr_open), so its kernel default is not what a host boots with.
     */
    public record Key(String key, KernelVersion since, Optional<KernelVersion> removed, List<Default> defaults, String source,
                      boolean raisedBySystemd) {
        public Key {
            defaults = List.copyOf(defaults);
        }

        public boolean existsOn(KernelVersion k) {
            return k.compareTo(since) >= 0 && removed.map(r -> k.compareTo(r) < 0).orElse(true);
        }

        /** The kernel's default row on {@code k}, if the table has one for it. */
        public Optional<Default> defaultOn(KernelVersion k) {
            Default v = null;
            for (Default d : defaults) if (k.compareTo(d.since()) >= 0) v = d;
            return Optional.ofNullable(v);
        }
    }

    /** A key's value at boot when no sysctl file sets it, as the kernel source fixes it, and where. */
    public record Fixed(String value, String source) { }

    private static KernelVersion v(int major, int minor) { return KernelVersion.of(major, minor); }

    private static Key key(String key, KernelVersion since, String source, Default... defaults) {
        return new Key(key, since, Optional.empty(), List.of(defaults), source, false);
    }

    private static Default dflt(String value, String source) { return new Default(BASELINE, List.of(value), source); }

    private static Default from(int major, int minor, String value, String source) { return new Default(v(major, minor), List.of(value), source); }

    /**
     * The first release certain to have tcp_tw_reuse=2 (loopback only) and to default to it: commit
     * 79e9fed46038 (net-tcp: extend tcp_tw_reuse sysctl to enable loopback only optimization) went
     * into net-next on 2018-06-04, the day after Linux 4.17, so it is in 4.18 or 4.19; golive counts
     * from 4.19 and treats 4.18 and older as either.
     */
    public static final KernelVersion TW_REUSE_LOOPBACK = KernelVersion.of(4, 19);

    private static final String IP_SYSCTL = "Documentation/networking/ip-sysctl.rst";
    private static final String NET = "Documentation/admin-guide/sysctl/net.rst";
    private static final String VM = "Documentation/admin-guide/sysctl/vm.rst";
    private static final String FS = "Documentation/admin-guide/sysctl/fs.rst";
    private static final String TCP_SK_INIT = "tcp_sk_init in net/ipv4/tcp_ipv4.c";

    public static final List<Key> TABLE = List.of(
            key("net.core.somaxconn", BASELINE, NET,
                    dflt("128", "SOMAXCONN in include/linux/socket.h"),
                    from(5, 4, "4096", "SOMAXCONN in include/linux/socket.h, 4096 from Linux 5.4 (commit 19f92a030ca6, net: increase SOMAXCONN to 4096)")),
            key("net.ipv4.tcp_max_syn_backlog", BASELINE, IP_SYSCTL + ": sized at boot from the TCP hash table (memory); no fixed default"),
            key("net.ipv4.tcp_syncookies", BASELINE, IP_SYSCTL, dflt("1", TCP_SK_INIT)),
            key("net.ipv4.tcp_tw_reuse", BASELINE, IP_SYSCTL,
                    new Default(BASELINE, List.of("0", "2"), TCP_SK_INIT + ": 0 before commit 79e9fed46038 (net-tcp: extend "
                            + "tcp_tw_reuse sysctl to enable loopback only optimization, June 2018, in Linux 4.18 or 4.19), 2 after it "
                            + "and on a distribution kernel that carries it"),
                    new Default(TW_REUSE_LOOPBACK, List.of("2"), TCP_SK_INIT + ": 2 (loopback only) in every release from Linux 4.19 (commit 79e9fed46038)")),
            key("net.ipv4.tcp_timestamps", BASELINE, IP_SYSCTL, dflt("1", TCP_SK_INIT)),
            key("net.ipv4.tcp_fin_timeout", BASELINE, IP_SYSCTL, dflt("60", "TCP_FIN_TIMEOUT in include/net/tcp.h")),
            key("net.ipv4.ip_local_port_range", BASELINE, IP_SYSCTL + " (two numbers)",
                    new Default(BASELINE, List.of("32768 61000", "32768 60999"), "inet_init_net in net/ipv4/af_inet.c: 32768 61000 upstream "
                            + "before Linux 4.2, 32768 60999 on a distribution kernel that carries the change"),
                    from(4, 2, "32768 60999", "inet_init_net in net/ipv4/af_inet.c; 32768 60999 from Linux 4.2 (commit 07f4c90062f8, "
                            + "tcp/dccp: try to not exhaust ip_local_port_range in connect(), May 2015)")),
            key("net.ipv4.ip_local_reserved_ports", BASELINE, IP_SYSCTL + " (a list)", dflt("", "empty until set (net/ipv4/sysctl_net_ipv4.c)")),
            key("net.ipv4.tcp_max_tw_buckets", BASELINE, IP_SYSCTL + ": sized at boot from memory"),
            key("net.core.netdev_max_backlog", BASELINE, NET, dflt("1000", "netdev_max_backlog in net/core/dev.c")),
            key("net.ipv4.tcp_rmem", BASELINE, IP_SYSCTL + " (three numbers; the maximum scales with memory)"),
            key("net.ipv4.tcp_wmem", BASELINE, IP_SYSCTL + " (three numbers)"),
            key("net.core.rmem_max", BASELINE, NET + ": depends on the size of kernel structures"),
            key("net.core.wmem_max", BASELINE, NET + ": depends on the size of kernel structures"),
            key("net.ipv4.ip_unprivileged_port_start", v(4, 11), "Linux 4.11 (commit 4548b683b781, Introduce a sysctl that modifies the value of PROT_SOCK)",
                    dflt("1024", "inet_init_net in net/ipv4/af_inet.c (PROT_SOCK)")),
            new Key("net.ipv4.tcp_tw_recycle", BASELINE, Optional.of(v(4, 12)), List.of(dflt("0", IP_SYSCTL)),
                    "removed in Linux 4.12 (commit 4396e46187ca, tcp: remove tcp_tw_recycle)", false),
            key("net.ipv4.tcp_keepalive_time", BASELINE, IP_SYSCTL, dflt("7200", "TCP_KEEPALIVE_TIME in include/net/tcp.h")),
            key("net.ipv4.tcp_slow_start_after_idle", BASELINE, IP_SYSCTL + " (since Linux 2.6.18)", dflt("1", TCP_SK_INIT)),
            key("net.core.busy_poll", v(3, 11), NET + "; Linux 3.11 (low-latency sockets; named busy_poll by commit 64b0dc517ea1 before 3.11-rc1)", dflt("0", "net/core/sysctl_net_core.c")),
            key("net.core.busy_read", v(3, 11), NET + "; Linux 3.11 (low-latency sockets; named busy_read by commit 64b0dc517ea1 before 3.11-rc1)", dflt("0", "net/core/sysctl_net_core.c")),
            key("vm.swappiness", BASELINE, VM, dflt("60", "vm_swappiness in mm/vmscan.c")),
            key("vm.overcommit_memory", BASELINE, VM, dflt("0", "OVERCOMMIT_GUESS in mm/util.c")),
            key("vm.max_map_count", BASELINE, VM, dflt("65530", "DEFAULT_MAX_MAP_COUNT in include/linux/mm.h")),
            key("fs.file-max", BASELINE, FS + ": sized at boot from memory"),
            new Key("fs.nr_open", BASELINE, Optional.empty(), List.of(dflt("1048576", "sysctl_nr_open in fs/file.c")), FS, true),
            key("kernel.pid_max", BASELINE, "Documentation/admin-guide/sysctl/kernel.rst: 32768, or more on hosts with many CPUs"));

    private static final Map<String, Key> BY_KEY;

    static {
        Map<String, Key> m = new LinkedHashMap<>();
        for (Key k : TABLE) m.put(k.key(), k);
        BY_KEY = java.util.Collections.unmodifiableMap(m);
    }

    public static Optional<Key> of(String key) { return Optional.ofNullable(BY_KEY.get(key)); }

    /**
     * The value {@code key} has at boot on {@code kernel} when no sysctl file sets it, where the kernel
     * source fixes one value for that version. Empty where the default scales with the machine, where
     * backports make the version alone ambiguous, or where systemd sets the key at boot (fs.nr_open):
     * golive then cannot tell a default from a value set since boot, and says so rather than guess.
     */
    public static Optional<Fixed> fixedDefault(String key, KernelVersion kernel) {
        return of(key).filter(k -> !k.raisedBySystemd() && k.existsOn(kernel)).flatMap(k -> k.defaultOn(kernel))
                .filter(d -> d.values().size() == 1).map(d -> new Fixed(d.values().get(0), d.source()));
    }

    /** {@link #fixedDefault(String, KernelVersion)} on the host's kernel; empty when its version is unknown. */
    public static Optional<Fixed> fixedDefault(String key, OsFacts os) {
        return os.kernel().flatMap(k -> fixedDefault(key, k));
    }

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
        List<Default> rows = kernel.isPresent() ? row.get().defaultOn(kernel.get()).stream().toList() : row.get().defaults();
        for (Default d : rows) {
            for (String value : d.values()) {
                // a number only: a profile's expression reads one ("current"); vectors and lists are not summed up
                if (!value.matches("\\d+")) continue;
                long x = Long.parseLong(value);
                if (!out.contains(x)) out.add(x);
            }
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
