package dev.golive.inspect;

import dev.golive.host.CommandRunner;
import dev.golive.host.HostRoot;
import dev.golive.model.CaptureInfo;
import dev.golive.model.CpuFacts;
import dev.golive.model.Fact;
import dev.golive.model.FdFacts;
import dev.golive.model.HostFacts;
import dev.golive.model.KernelSysctls;
import dev.golive.model.KernelVersion;
import dev.golive.model.Source;
import dev.golive.model.MemoryFacts;
import dev.golive.model.OsFacts;
import dev.golive.model.ServiceFacts;
import dev.golive.model.SystemdFacts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs every probe against one root. Commands start first on their own threads; the file
 * probes run meanwhile on this thread; then the command results are folded in.
 */
public final class Probes {
    private Probes() { }

    /**
     * Wall time of the last run on this thread: without the time spent waiting for commands,
     * in all, and per phase (each probe; "wait ..." for time blocked on a command), in order.
     */
    public record Timing(long probingNanos, long totalNanos, Map<String, Long> phases) {
        public Timing(long probingNanos, long totalNanos) { this(probingNanos, totalNanos, Map.of()); }
    }

    /** Phase times for --timing: System.nanoTime only, so measuring costs nothing worth counting. */
    private static final class Phases {
        final Map<String, Long> nanos = new java.util.LinkedHashMap<>();
        long last = System.nanoTime();

        void lap(String name) {
            long now = System.nanoTime();
            nanos.merge(name, now - last, Long::sum);
            last = now;
        }
    }

    private static final ThreadLocal<Timing> LAST = new ThreadLocal<>();

    public static Optional<Timing> lastTiming() { return Optional.ofNullable(LAST.get()); }

    public static HostFacts run(HostRoot root, CommandRunner runner, String cgroupPath,
                                Function<HostRoot, Map<String, Fact<String>>> managerConf) {
        return run(root, runner, new Inspector.Options(cgroupPath), managerConf);
    }

    static HostFacts run(HostRoot root, CommandRunner runner, Inspector.Options options,
                         Function<HostRoot, Map<String, Fact<String>>> managerConf) {
        long t0 = System.nanoTime();
        Phases ph = new Phases();
        Commands cmds = new Commands(runner);
        cmds.prefetch();
        ph.lap("start commands");

        // a service's unit first: it says which cgroup the CPU and memory limits are read from
        ServiceProbe.Unit unit = options.service() == null ? null : ServiceProbe.resolve(root, options.service());
        String cgroupPath = options.cgroupPath() != null ? options.cgroupPath() : unit != null ? unit.cgroupPath() : null;
        if (unit != null) ph.lap("service unit");
        CgroupLayout cg = CgroupLayout.read(root);
        ph.lap("cgroup layout");
        OsFacts os = OsProbe.probe(root, cmds);
        ph.lap("os");
        Fact<String> cmdline = os.kernelCmdline();
        String cpuPath = cgroupPath != null ? cgroupPath : cg.selfPath("cpu").orElse(null);
        String memPath = cgroupPath != null ? cgroupPath : cg.selfPath("memory").orElse(null);
        CpuFacts cpu = CpuProbe.probe(root, os.architecture(), cmdline, cg, cpuPath);
        if (unit != null) cpu = ServiceProbe.withConfiguredQuota(cpu, unit);
        ph.lap("cpu");
        MemoryFacts mem = MemoryProbe.probe(root, cg, memPath);
        ph.lap("memory");
        Optional<KernelVersion> named = Optional.ofNullable(options.kernel());
        var sysctls = SysctlProbe.probe(root, named);
        if (!sysctls.kernel().running()) os = firstBootKernel(os, named);
        ph.lap("sysctl");
        var network = NetworkProbe.probe(root);
        ph.lap("network");
        var cgroups = cg.facts(root, cmdline);
        ph.lap("cgroups");
        Map<String, Fact<String>> manager = managerConf.apply(root);
        ph.lap("system.conf");

        var systemctl = cmds.get(Commands.SYSTEMCTL_VERSION);
        ph.lap("wait systemctl --version");
        Fact<Integer> systemdVersion = SystemdProbe.version(root, systemctl);
        if (unit != null) cmds.startAll(ServiceProbe.analyzeCommands(unit, systemdVersion));
        SystemdFacts systemd = SystemdProbe.probe(root, systemdVersion, manager);
        ph.lap("systemd");
        FdFacts fds = FdProbe.probe(root, manager, systemdVersion);
        ph.lap("fds");
        var goVersion = cmds.get(Commands.GO_VERSION);
        var goEnv = cmds.get(Commands.GO_ENV);
        ph.lap("wait go");
        var go = GoProbe.probe(root, goVersion, goEnv);
        ph.lap("go");
        Optional<ServiceFacts> service = unit == null ? Optional.empty()
                : Optional.of(ServiceProbe.probe(root, cmds, unit, systemdVersion, options.goModDir(),
                        cg.tasks(root, unit.cgroupPath(), os.kernel())));
        if (unit != null) ph.lap("service");
        long total = System.nanoTime() - t0;
        LAST.set(new Timing(total - cmds.waitedNanos(), total, java.util.Collections.unmodifiableMap(ph.nanos)));

        CaptureInfo origin = new CaptureInfo(root.describe(), root.isLive(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), os.hostname().orElse(null));
        return new HostFacts(origin, os, cpu, mem, fds, sysctls, network, cgroups, systemd, go, service);
    }

    /**
     * An image tree has no kernel to ask: its release is the one the admin named with
     * --kernel (profile ranges and sysfs choices are judged against it), or unknown, said so.
     */
    private static OsFacts firstBootKernel(OsFacts os, Optional<KernelVersion> named) {
        Fact<String> release = named.<Fact<String>>map(k -> Fact.of(KernelSysctls.label(k), new Source.Derived("named with --kernel (no kernel in this tree)")))
                .orElseGet(() -> Fact.unknown("no kernel in this tree (no /proc/sys); name the image's kernel with --kernel"));
        return new OsFacts(os.distroId(), os.distroVersion(), os.prettyName(), release, os.architecture(), os.virtualization(),
                os.container(), os.kernelCmdline(), os.hostname());
    }
}
