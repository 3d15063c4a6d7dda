package dev.golive.inspect;

import dev.golive.config.ManagerConf;
import dev.golive.host.CommandRunner;
import dev.golive.host.HostRoot;
import dev.golive.model.HostFacts;

/**
 * Entry point of inspection: HostRoot + CommandRunner → HostFacts. See
 * {@link dev.golive.inspect.Probes} for the order and what runs in parallel.
 */
public final class Inspector {

    /** What to inspect beyond the host itself: the cgroup to read limits of (null: golive's own). */
    public record Options(String cgroupPath) {
        public static Options defaults() { return new Options(null); }
    }

    private Inspector() { }

    public static HostFacts inspect(HostRoot root, CommandRunner runner, Options options) {
        return dev.golive.inspect.Probes.run(root, runner, options.cgroupPath(), ManagerConf::resolve);
    }
}
