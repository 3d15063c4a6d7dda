package dev.golive.inspect;

import dev.golive.config.ManagerConf;
import dev.golive.host.CommandRunner;
import dev.golive.host.HostRoot;
import dev.golive.model.HostFacts;
import dev.golive.model.KernelVersion;

/**
 * Entry point of inspection: HostRoot + CommandRunner → HostFacts. See
 * {@link dev.golive.inspect.Probes} for the order and what runs in parallel.
 */
public final class Inspector {

    /**
     * What to inspect beyond the host itself: the cgroup to read limits of (null: golive's
     * own, or the service's when a service is named), a service unit (app.service; null for
     * none), the Go module directory of that service (for go.mod's go line; null for none) and
     * the kernel the admin named for an image tree without /proc/sys (--kernel; null for none).
     */
    /**
     * {@code forCapture}: the inspection whose reads become a capture; logrotate's log directories
     * are not listed then (a capture keeps no owners and modes to judge them by, and a listed
     * directory's files would be copied into it).
     */
    public record Options(String cgroupPath, String service, String goModDir, KernelVersion kernel, boolean forCapture) {
        public Options(String cgroupPath, String service, String goModDir, KernelVersion kernel) { this(cgroupPath, service, goModDir, kernel, false); }

        public Options(String cgroupPath, String service, String goModDir) { this(cgroupPath, service, goModDir, null); }

        public Options(String cgroupPath) { this(cgroupPath, null, null); }

        public static Options defaults() { return new Options(null, null, null); }

        public static Options forService(String service, String goModDir) { return new Options(null, service, goModDir); }

        public Options withKernel(java.util.Optional<KernelVersion> k) { return new Options(cgroupPath, service, goModDir, k.orElse(null), forCapture); }

        public Options capturing() { return new Options(cgroupPath, service, goModDir, kernel, true); }
    }

    private Inspector() { }

    public static HostFacts inspect(HostRoot root, CommandRunner runner, Options options) {
        return dev.golive.inspect.Probes.run(root, runner, options, ManagerConf::resolve);
    }
}
