package dev.golive.profile;

import dev.golive.model.KernelSysctls;
import dev.golive.model.KernelVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every key a profile may set, per section, with its type and range (DOMAIN.md). A key not
 * in here is a typo or something golive does not know how to set safely: an error, with the
 * closest known key suggested. Ranges that depend on the kernel take the target's version.
 */
final class Schema {
    private Schema() { }

    enum Type {
        /** A whole number; the value may be an expression (docs/profiles.md). */
        INT,
        /** Whitespace-separated whole numbers, exactly {@code fields} of them. */
        VECTOR,
        /** One word from {@code choices}. */
        CHOICE,
        /** {@code SOFT:HARD} or one value for both; each side an expression or "infinity". */
        NOFILE,
        /** A systemd time span ("2s", "1min 30s", "infinity"). */
        DURATION,
        /** TasksMax: a number, a percentage or "infinity". */
        TASKS,
        /** "N% of memory.max". */
        MEMLIMIT,
        /** "derive" or a whole number (expression). */
        GOMAXPROCS,
        /** A memory size as systemd takes it (512M, 10%, infinity). */
        MEMORY,
        /** A CPU list (0-3,6). */
        CPULIST
    }

    record Key(String name, Type type, long min, long max, int fields, List<String> choices, String path) {
        static Key num(String name, long min, long max) { return new Key(name, Type.INT, min, max, 1, List.of(), null); }
        static Key vec(String name, int fields, long min, long max) { return new Key(name, Type.VECTOR, min, max, fields, List.of(), null); }
        static Key choice(String name, String path, String... choices) { return new Key(name, Type.CHOICE, 0, 0, 1, List.of(choices), path); }
        static Key of(String name, Type t) { return new Key(name, t, 0, Long.MAX_VALUE, 1, List.of(), null); }
    }

    private static final long INT_MAX = Integer.MAX_VALUE;

    static final Map<String, Key> SYSCTL = index(List.of(
            Key.num("net.core.somaxconn", 0, INT_MAX),
            Key.num("net.ipv4.tcp_max_syn_backlog", 0, INT_MAX),
            Key.num("net.ipv4.tcp_syncookies", 0, 2),
            Key.num("net.ipv4.tcp_tw_reuse", 0, 2),
            Key.num("net.ipv4.tcp_timestamps", 0, 2),
            Key.num("net.ipv4.tcp_fin_timeout", 1, INT_MAX),
            Key.vec("net.ipv4.ip_local_port_range", 2, 1, 65535),
            Key.num("net.ipv4.tcp_max_tw_buckets", 0, INT_MAX),
            Key.num("net.core.netdev_max_backlog", 1, INT_MAX),
            Key.vec("net.ipv4.tcp_rmem", 3, 1, INT_MAX),
            Key.vec("net.ipv4.tcp_wmem", 3, 1, INT_MAX),
            Key.num("net.core.rmem_max", 0, INT_MAX),
            Key.num("net.core.wmem_max", 0, INT_MAX),
            Key.num("net.ipv4.ip_unprivileged_port_start", 0, 65535),
            Key.num("net.ipv4.tcp_keepalive_time", 1, INT_MAX),
            Key.num("net.ipv4.tcp_slow_start_after_idle", 0, 1),
            Key.num("net.core.busy_poll", 0, INT_MAX),
            Key.num("net.core.busy_read", 0, INT_MAX),
            Key.num("vm.swappiness", 0, 200),
            Key.num("vm.overcommit_memory", 0, 2),
            Key.num("vm.max_map_count", 0, INT_MAX),
            Key.num("fs.file-max", 0, Long.MAX_VALUE),
            Key.num("fs.nr_open", 1024, 1073741816),
            Key.num("kernel.pid_max", 301, 4194304)));

    /** Keys a profile must never set, with the reason (DOMAIN.md, "Advice that is wrong"). */
    static final Map<String, String> FORBIDDEN = Map.of(
            "net.ipv4.tcp_tw_recycle", "was removed in Linux 4.12 and broke clients behind NAT before that; use net.ipv4.tcp_tw_reuse");

    static final Map<String, Key> MANAGER = index(List.of(
            Key.of("DefaultLimitNOFILE", Type.NOFILE),
            Key.of("DefaultTasksMax", Type.TASKS),
            Key.of("DefaultTimeoutStopSec", Type.DURATION)));

    static final String THP = "/sys/kernel/mm/transparent_hugepage/";

    static final Map<String, Key> SYSFS = index(List.of(
            Key.choice("transparent_hugepage.enabled", THP + "enabled", "always", "madvise", "never"),
            Key.choice("transparent_hugepage.defrag", THP + "defrag", "always", "defer", "defer+madvise", "madvise", "never"),
            // its upper bound is the kernel's (HPAGE_PMD_NR - 1), read from the host: ProfileResolver checks it
            new Key("transparent_hugepage.khugepaged.max_ptes_none", Type.INT, 0, INT_MAX, 1, List.of(), THP + "khugepaged/max_ptes_none")));

    static final Map<String, Key> SERVICE = index(List.of(
            Key.of("LimitNOFILE", Type.NOFILE),
            Key.of("TasksMax", Type.TASKS),
            Key.num("IOWeight", 1, 10000),
            Key.num("CPUWeight", 1, 10000),
            Key.of("MemoryLow", Type.MEMORY),
            Key.of("MemoryMin", Type.MEMORY),
            Key.of("AllowedCPUs", Type.CPULIST),
            Key.of("CPUAffinity", Type.CPULIST),
            Key.choice("Hardening", null, "none", "basic", "strict"),
            Key.choice("Restart", null, "no", "on-success", "on-failure", "on-abnormal", "on-watchdog", "on-abort", "always"),
            Key.of("RestartSec", Type.DURATION),
            Key.of("StartLimitIntervalSec", Type.DURATION),
            Key.num("StartLimitBurst", 0, INT_MAX),
            Key.choice("GoRuntime", null, "derive", "off"),
            Key.of("GOMEMLIMIT", Type.MEMLIMIT),
            Key.of("GOMAXPROCS", Type.GOMAXPROCS)));

    /**
     * Service keys systemd applies only on cgroup v2 (systemd.resource-control(5); memory.low,
     * memory.min and the cpuset controller's cpuset.cpus, kernel cgroup-v2.rst): a profile sets
     * them only {@code when: cgroup-v2}, so a v1 or hybrid host skips them with the reason.
     */
    static final java.util.Set<String> CGROUP_V2_ONLY = java.util.Set.of("MemoryLow", "MemoryMin", "AllowedCPUs");

    /** The upper bound of a key on the target kernel, and why it differs from the table's. */
    static Optional<Range> kernelRange(String key, Optional<KernelVersion> kernel) {
        switch (key) {
            case "vm.swappiness": {
                // mm: allow swappiness up to 200 (Linux 5.8); 0 never disabled swap
                boolean wide = kernel.map(k -> k.atLeast(5, 8)).orElse(false);
                return Optional.of(new Range(0, wide ? 200 : 100,
                        wide ? "Linux ≥ 5.8" : kernel.map(k -> "Linux " + k + " (before 5.8)").orElse("an unknown kernel (assuming before 5.8)")));
            }
            case "net.ipv4.tcp_tw_reuse": {
                // 2 (loopback only): certain from KernelSysctls.TW_REUSE_LOOPBACK; refused below it rather than guessed
                boolean two = kernel.map(k -> k.compareTo(KernelSysctls.TW_REUSE_LOOPBACK) >= 0).orElse(false);
                return Optional.of(new Range(0, two ? 2 : 1,
                        two ? "Linux ≥ 4.19" : kernel.map(k -> "Linux " + k + " (before 4.19)").orElse("an unknown kernel (assuming before 4.19)")));
            }
            default:
                return Optional.empty();
        }
    }

    record Range(long min, long max, String kernel) { }

    /** The choices a sysfs file offers on the target kernel ({@link SysfsChoices#offered}). */
    static Optional<List<String>> kernelChoices(String key, Optional<KernelVersion> kernel) {
        return SysfsChoices.offered(key, kernel);
    }

    /** The when: conditions an entry may carry. */
    static final List<String> CONDITIONS = List.of("isolated-cpus", "cgroup-v2", "no-container", "syncookies-off", "thp-on");

    private static Map<String, Key> index(List<Key> keys) {
        Map<String, Key> m = new LinkedHashMap<>();
        for (Key k : keys) m.put(k.name(), k);
        return java.util.Collections.unmodifiableMap(m);
    }
}
