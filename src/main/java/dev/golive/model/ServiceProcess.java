package dev.golive.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one service's running process really has, read from the process itself rather than
 * from its unit: limits and environment are fixed at exec, and a Go process reads somaxconn
 * once (DOMAIN.md), so these can differ from what the unit files say now.
 *
 * <p>{@code mainPid}: {@code systemctl show -p MainPID} (0 means not running, kept as Known 0).
 * {@code startedAt}: from {@code /proc/PID/stat} (start time in clock ticks after boot) and
 * {@code /proc/stat} {@code btime}. {@code nofile}: the "Max open files" line of
 * {@code /proc/PID/limits}. {@code goEnvironment}: GOMAXPROCS, GOMEMLIMIT and GODEBUG as found
 * in {@code /proc/PID/environ} (a name missing from the map is not set). {@code listeners}:
 * its LISTEN sockets with the backlog each got (the Send-Q column of {@code ss -ltnp}).
 * {@code anonHugePagesKb}: {@code AnonHugePages} of {@code /proc/PID/smaps_rollup}.
 * {@code cgroup}: the limit files of its cgroup that the layout shows. {@code needDaemonReload}:
 * systemd's NeedDaemonReload (the unit files changed after systemd loaded them). {@code unitNofile}:
 * the LimitNOFILE systemd has loaded for the unit, what its next start gets.
 * {@code managerNofile}: systemd's own limit ({@code /proc/1/limits}), the ceiling of what it
 * can give a service without CAP_SYS_RESOURCE.
 */
public record ServiceProcess(
        String unit,
        Fact<Integer> mainPid,
        Fact<Instant> startedAt,
        Fact<NofileLimit> nofile,
        Fact<Map<String, String>> goEnvironment,
        Fact<List<Listener>> listeners,
        Fact<Long> anonHugePagesKb,
        List<CgroupValue> cgroup,
        Fact<Boolean> needDaemonReload,
        Fact<NofileLimit> unitNofile,
        Fact<NofileLimit> managerNofile) {

    /** The environment variables of a Go process that golive sets and verify reads back. */
    public static final List<String> GO_VARIABLES = List.of("GOMAXPROCS", "GOMEMLIMIT", "GODEBUG");

    public ServiceProcess {
        Objects.requireNonNull(unit, "unit");
        cgroup = List.copyOf(cgroup);
    }

    /** True when systemd reports a main process (MainPID above 0). */
    public boolean running() { return mainPid.opt().filter(p -> p > 0).isPresent(); }

    /** One LISTEN socket: its local address and the backlog listen() got (capped at somaxconn then). */
    public record Listener(String local, long backlog) { }

    /** One cgroup limit file of the process's cgroup ({@code pids.max}, {@code memory.max}, …) and its content. */
    public record CgroupValue(String file, Fact<String> value) { }
}
