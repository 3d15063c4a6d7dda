package dev.golive.model;

import java.util.List;
import java.util.Optional;

/**
 * The value a kernel tunable has at boot when no sysctl file sets it, for the keys whose
 * default is a constant of the kernel source (not scaled with RAM, CPUs or hash sizes, and not
 * raised by systemd itself, as fs.file-max and fs.nr_open are). With it golive can tell "the
 * kernel default" from "set since boot and lost at the next one"; a key not here has no known
 * default, and golive says so rather than guess. Where a default changed (somaxconn in 5.4,
 * tcp_tw_reuse in 4.19, the port range in 4.2) and distributions backport the change, only the
 * side golive is sure of is listed.
 */
public final class KernelDefaults {

    private KernelDefaults() { }

    /** {@code value} is the default from kernel {@code since} on (inclusive); {@code source} names where it is set. */
    public record Row(String key, String value, KernelVersion since, String source) { }

    private static Row r(String key, String value, int major, int minor, String source) {
        return new Row(key, value, KernelVersion.of(major, minor), source);
    }

    /** Later rows of a key win from their version on; a kernel older than a key's first row has no known default. */
    public static final List<Row> TABLE = List.of(
            r("net.core.somaxconn", "128", 2, 6, "SOMAXCONN in include/linux/socket.h"),
            r("net.core.somaxconn", "4096", 5, 4, "SOMAXCONN raised to 4096 in Linux 5.4 (include/linux/socket.h)"),
            r("net.ipv4.tcp_syncookies", "1", 3, 0, "tcp_sk_init in net/ipv4/tcp_ipv4.c"),
            r("net.ipv4.tcp_timestamps", "1", 3, 0, "tcp_sk_init in net/ipv4/tcp_ipv4.c"),
            r("net.ipv4.tcp_tw_reuse", "2", 4, 19, "tcp_sk_init in net/ipv4/tcp_ipv4.c: 2 (loopback only) since Linux 4.19"),
            r("net.ipv4.tcp_fin_timeout", "60", 3, 0, "TCP_FIN_TIMEOUT in include/net/tcp.h"),
            r("net.ipv4.tcp_keepalive_time", "7200", 3, 0, "TCP_KEEPALIVE_TIME in include/net/tcp.h"),
            r("net.ipv4.tcp_slow_start_after_idle", "1", 3, 0, "tcp_sk_init in net/ipv4/tcp_ipv4.c"),
            r("net.ipv4.ip_local_port_range", "32768 60999", 4, 2, "inet_init_net in net/ipv4/af_inet.c; 32768 61000 before Linux 4.2 (commit 07f4c90062f8)"),
            r("net.ipv4.ip_local_reserved_ports", "", 3, 0, "empty until set (net/ipv4/sysctl_net_ipv4.c)"),
            r("net.ipv4.ip_unprivileged_port_start", "1024", 4, 11, "inet_init_net in net/ipv4/af_inet.c (PROT_SOCK)"),
            r("net.core.netdev_max_backlog", "1000", 3, 0, "netdev_max_backlog in net/core/dev.c"),
            r("net.core.busy_poll", "0", 3, 11, "net/core/sysctl_net_core.c"),
            r("net.core.busy_read", "0", 3, 11, "net/core/sysctl_net_core.c"),
            r("vm.swappiness", "60", 2, 6, "vm_swappiness in mm/vmscan.c"),
            r("vm.overcommit_memory", "0", 2, 6, "OVERCOMMIT_GUESS in mm/util.c"),
            r("vm.max_map_count", "65530", 2, 6, "DEFAULT_MAX_MAP_COUNT in include/linux/mm.h"));

    /** The default of {@code key} on {@code kernel}, when the kernel source fixes one. */
    public static Optional<Row> of(String key, KernelVersion kernel) {
        Row found = null;
        for (Row row : TABLE) {
            if (row.key().equals(key) && kernel.compareTo(row.since()) >= 0) found = row;
        }
        return Optional.ofNullable(found);
    }

    /** The default on the host's kernel; empty when the kernel is unknown or the key has no fixed default. */
    public static Optional<Row> of(String key, OsFacts os) {
        return os.kernel().flatMap(k -> of(key, k));
    }
}
