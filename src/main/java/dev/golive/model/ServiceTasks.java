package dev.golive.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How many tasks (processes and threads: the pids controller counts every thread) one service's
 * cgroup holds, read from the cgroup itself: {@code peak} from {@code pids.peak} (the most it has
 * held since the cgroup was made, Linux ≥ 6.1), {@code current} from {@code pids.current}
 * (what systemd shows as TasksCurrent), {@code max} from {@code pids.max} (empty for "max").
 * A service that is not running has no cgroup: all three are Unknown with that reason.
 *
 * <p>A Go program dies when it cannot create an OS thread (the runtime's {@code newosproc} in
 * {@code runtime/os_linux.go} prints "runtime: failed to create new OS thread" and throws when
 * {@code clone} fails, as it does with EAGAIN at {@code pids.max}), so a task limit has to sit
 * well above the peak: {@link #withHeadroom} is the limit golive proposes for a peak.
 */
public record ServiceTasks(String cgroupDir, Fact<Long> peak, Fact<Long> current, Fact<Optional<Long>> max) {

    /** pids.peak arrived with Linux 6.1 (commit "cgroup: add pids.peak interface for pids controller"). */
    public static final KernelVersion PEAK_SINCE = new KernelVersion(6, 1, 0);

    /** The limit proposed is this percentage of the peak: the peak seen so far is not the worst load. */
    public static final int HEADROOM_PERCENT = 200;

    /** Below this many tasks above the peak a doubled small peak is still too tight (a burst of blocking syscalls each takes a thread). */
    public static final long MIN_SPARE = 64;

    public ServiceTasks {
        Objects.requireNonNull(cgroupDir, "cgroupDir");
        Objects.requireNonNull(peak, "peak");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(max, "max");
    }

    /** Nothing read: every count Unknown with {@code why}. */
    public static ServiceTasks unknown(String cgroupDir, String why) {
        return new ServiceTasks(cgroupDir, Fact.unknown(why), Fact.unknown(why), Fact.unknown(why));
    }

    /** The TasksMax= golive proposes for a peak: {@link #HEADROOM_PERCENT} of it, and at least {@link #MIN_SPARE} above it. */
    public static long withHeadroom(long peak) {
        if (peak < 0) throw new IllegalArgumentException("peak " + peak);
        return Math.max(Math.multiplyExact(peak, HEADROOM_PERCENT) / 100, Math.addExact(peak, MIN_SPARE));
    }

    /** The cgroup's task limit when pids.max holds a number (empty for "max" or unknown). */
    public Optional<Long> limit() { return max.opt().flatMap(m -> m); }
}
