package dev.golive.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The fact paths ({@link FactPaths}) whose values change while a host runs, or that name the
 * host or the login session that took the capture: two hosts set up the same way still differ
 * on these, so a fleet comparison leaves them out unless asked to include them
 * ({@code --include-volatile}). Drift then means configuration.
 */
public final class VolatileFacts {

    /** One kind of volatile fact: the paths it covers and why they change. */
    public record Kind(String pattern, String why) { }

    /** The one list of them; docs/fleet.md and `golive diff --help` name the same. */
    public static final List<Kind> KINDS = List.of(
            new Kind("os\\.hostname", "each host's own name"),
            new Kind("memory\\.availableBytes|memory\\.swapUsedBytes", "free memory and swap in use at the moment of the capture (/proc/meminfo)"),
            new Kind("fds\\.fileNrAllocated", "file handles open at the moment of the capture (/proc/sys/fs/file-nr)"),
            new Kind("cgroups\\.selfCgroup", "the cgroup of the process that took the capture (its login session)"),
            new Kind("fds\\.processNofile(\\..*)?", "the open-files limit of the process that took the capture (/proc/self/limits; golive's JVM raises its soft limit to the hard one), not a service's"),
            new Kind("service\\.tasks\\.(peak|current)", "tasks the service runs now and has run since it started (pids.current, pids.peak)"),
            new Kind("service\\.process\\.(mainPid|startedAt|anonHugePagesKb)", "the running process: its PID, start time and huge pages in use"));

    private static final Pattern SESSION = Pattern.compile(".*/user\\.slice(/.*)?");
    private static final Pattern ANY = Pattern.compile(String.join("|", KINDS.stream().map(k -> "(?:" + k.pattern() + ")").toList()));

    private VolatileFacts() { }

    /**
     * True for a volatile path, and for a value that is the capturing login session's cgroup
     * (under /user.slice: where golive ran when no service was named, not how the host is set up).
     */
    public static boolean isVolatile(String path, String value) {
        return isVolatilePath(path) || valueMatters(path) && SESSION.matcher(value).matches();
    }

    /** Volatile whatever its value: one of {@link #KINDS}, or an entry of the capturing session's cgroup chain. */
    static boolean isVolatilePath(String path) {
        return ANY.matcher(path).matches() || path.contains("[/user.slice");
    }

    /** Whether the value decides (a cgroup path: the session's is volatile, a service's is not). */
    public static boolean valueMatters(String path) { return path.endsWith("cgroupPath"); }
}
