package dev.golive.inspect;

import dev.golive.host.AccessLog;
import dev.golive.host.CommandRunner;
import dev.golive.host.HostRoot;
import dev.golive.host.ThreadCpu;
import dev.golive.model.CaptureInfo;
import dev.golive.model.CpuFacts;
import dev.golive.model.Fact;
import dev.golive.model.FdFacts;
import dev.golive.model.HostFacts;
import dev.golive.model.KernelSysctls;
import dev.golive.model.KernelVersion;
import dev.golive.model.Source;
import dev.golive.model.MemoryFacts;
import dev.golive.model.NetworkFacts;
import dev.golive.model.SysctlFacts;
import dev.golive.model.OsFacts;
import dev.golive.model.ServiceFacts;
import dev.golive.model.SystemdFacts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs every probe against one root. Commands start first on their own threads; the file
 * probes run meanwhile on this thread and on a second one ({@link Beside}); then the command
 * results are folded in.
 */
public final class Probes {
    private Probes() { }

    /**
     * Wall time of the last run on this thread: without the time spent only waiting for commands
     * (blocked while the second thread probed counts as probing), in all, and per phase (each
     * probe; "wait ..." for time blocked on a command or on the second thread), in order; and
     * the CPU time both probing threads used (-1 where the kernel does not say), which holds up
     * when other work shares the cores. The commands' own threads and processes are in neither.
     */
    public record Timing(long probingNanos, long totalNanos, Map<String, Long> phases, long cpuNanos) {
        public Timing(long probingNanos, long totalNanos) { this(probingNanos, totalNanos, Map.of(), -1); }
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
        long cpu0 = ThreadCpu.nanos();
        Phases ph = new Phases();
        // the probes that need nothing the others read run on a second thread meanwhile, started
        // first: with the kernel's walk of the TCP hash for the listening ports it is the longer
        Optional<KernelVersion> named = Optional.ofNullable(options.kernel());
        Beside beside = Beside.start(root, named);
        ph.lap("start 2nd thread");
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
        var cgroups = cg.facts(root, cmdline);
        ph.lap("cgroups");
        // what needs nothing from the second thread is done before waiting for it; the two
        // threads then take about the same CPU (measured: docs/ARCHITECTURE.md, Speed)
        Map<String, Fact<String>> manager = managerConf.apply(root);
        ph.lap("system.conf");
        // a capture keeps no owners and modes (nor does one being written): logrotate's files are read there only for a service
        Optional<Fact<dev.golive.model.LogRotation>> rotation = !options.forCapture() && LogrotateBlocksProbe.ownersKnown(root)
                ? Optional.of(LogRotateProbe.probe(root)) : Optional.empty();
        ph.lap("logrotate files");
        Fact<dev.golive.model.LogrotateBlocks> logrotateBlocks = rotation.isPresent() ? LogrotateBlocksProbe.probe(root, rotation.get())
                : Fact.unknown(LogrotateBlocksProbe.NO_OWNERS);
        ph.lap("logrotate dirs");
        var systemctl = cmds.get(Commands.SYSTEMCTL_VERSION);
        ph.lap("wait systemctl --version");
        Fact<Integer> systemdVersion = SystemdProbe.version(root, systemctl);
        if (unit != null) cmds.startAll(ServiceProbe.analyzeCommands(unit, systemdVersion));
        ph.lap("systemd version");
        var goEnv = cmds.get(Commands.GO_ENV);
        ph.lap("wait go");
        var go = GoProbe.probe(root, goEnv, () -> cmds.get(Commands.GO_VERSION));
        ph.lap("go");
        Beside.Done other = beside.join(root);
        ph.lap("wait 2nd thread");
        var sysctls = other.sysctls();
        if (!sysctls.kernel().running()) os = firstBootKernel(os, named);
        SystemdFacts systemd = SystemdProbe.probe(other.systemd(), systemdVersion, manager, SystemdProbe.seccomp(systemctl));
        ph.lap("systemd");
        FdFacts fds = FdProbe.probe(root, manager, systemdVersion);
        ph.lap("fds");
        Optional<ServiceFacts> service = unit == null ? Optional.empty()
                : Optional.of(ServiceProbe.probe(root, cmds, unit, systemdVersion, options.goModDir(),
                        cg.tasks(root, unit.cgroupPath(), os.kernel()), rotation.orElseGet(() -> LogRotateProbe.probe(root))));
        if (unit != null) ph.lap("service");
        Fact<dev.golive.model.LogrotateBlocks> logrotate = LogrotateBlocksProbe.withVersion(logrotateBlocks, root, runner);
        ph.lap("logrotate version");
        long total = System.nanoTime() - t0;
        // blocked on a command while the second thread probed is probing time, not waiting
        long waited = cmds.waitedOutside(other.from(), other.to());
        Map<String, Long> phases = new java.util.LinkedHashMap<>(ph.nanos);
        other.phases().forEach((k, v) -> phases.put(k + " (2nd thread)", v));
        long cpu1 = ThreadCpu.nanos();
        long probingCpu = cpu0 < 0 || cpu1 < 0 || other.cpu() < 0 ? -1 : cpu1 - cpu0 + other.cpu();
        LAST.set(new Timing(total - waited, total, java.util.Collections.unmodifiableMap(phases), probingCpu));

        CaptureInfo origin = new CaptureInfo(root.describe(), root.isLive(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), os.hostname().orElse(null));
        return new HostFacts(origin, os, cpu, mem, fds, sysctls, other.network(), cgroups, systemd, go, service, logrotate);
    }

    /**
     * The probes that read only files and need nothing the others found: sysctl (its load order
     * and every key), the listening ports and the installed units.
     * They run on a second thread while the main one reads CPU, memory and cgroups: inspection
     * is mostly first-use work of the JVM (interpreting, linking), which two cores share out.
     * What they log is held apart and added where the main thread joins, so the access log has
     * the same order on every run.
     */
    private static final class Beside {
        record Done(SysctlFacts sysctls, NetworkFacts network, SystemdProbe.Installed systemd,
                    Map<String, Long> phases, long from, long to, long cpu) { }

        private final java.util.concurrent.FutureTask<Done> task;
        private List<AccessLog.Entry> logged = List.of();

        private Beside(HostRoot root, Optional<KernelVersion> named) {
            task = new java.util.concurrent.FutureTask<>(() -> {
                Done[] done = new Done[1];
                logged = root.log().collectApart(() -> {
                    long from = System.nanoTime();
                    long cpu0 = ThreadCpu.nanos();
                    Phases ph = new Phases();
                    SysctlFacts sysctls = SysctlProbe.probe(root, named);
                    ph.lap("sysctl");
                    NetworkFacts network = NetworkProbe.probe(root);
                    ph.lap("network");
                    SystemdProbe.Installed units = SystemdProbe.installed(root);
                    ph.lap("unit files");
                    done[0] = new Done(sysctls, network, units, ph.nanos, from, System.nanoTime(), cpuSince(cpu0));
                });
                return done[0];
            });
        }

        static Beside start(HostRoot root, Optional<KernelVersion> named) {
            Beside b = new Beside(root, named);
            Thread t = new Thread(b.task, "golive-probe");
            t.setDaemon(true);
            t.start();
            return b;
        }

        private static long cpuSince(long cpu0) {
            long now = ThreadCpu.nanos();
            return cpu0 < 0 || now < 0 ? -1 : now - cpu0;
        }

        /** Waits for the second thread; what it threw is thrown here, an Error (a test's fake) as itself. */
        Done join(HostRoot root) {
            Done d = dev.golive.model.Joined.get(task, "probing");
            root.log().addAll(logged);
            return d;
        }
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
