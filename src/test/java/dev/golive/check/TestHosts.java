package dev.golive.check;

import dev.golive.model.CaptureInfo;
import dev.golive.model.CgroupFacts;
import dev.golive.model.CgroupLimit;
import dev.golive.model.CgroupMode;
import dev.golive.model.CpuFacts;
import dev.golive.model.Fact;
import dev.golive.model.FdFacts;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoToolchainFacts;
import dev.golive.model.HostFacts;
import dev.golive.model.LimitsEntry;
import dev.golive.model.MemoryFacts;
import dev.golive.model.Mount;
import dev.golive.model.NetworkFacts;
import dev.golive.model.NofileLimit;
import dev.golive.model.OsFacts;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Source;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.SysctlFact;
import dev.golive.model.SysctlFacts;
import dev.golive.model.SystemdFacts;
import dev.golive.model.UnitDirective;
import dev.golive.model.UnitFileInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fluent builder of HostFacts for rule tests. {@link #healthy()} is a Debian-12-like host
 * (kernel 6.1, systemd 252, cgroup v2, Go 1.22.2, 4 CPUs, 8 GiB) on which no rule fires; each
 * test changes one thing. {@link #withService()} adds a well-configured Go service "app".
 */
final class TestHosts {

    static final String UNIT = "/etc/systemd/system/app.service";
    static final long GIB = 1L << 30;

    private String kernel = "6.1.0-18-amd64";
    private Fact<Integer> systemd = Fact.of(252, new Source.Command("systemctl --version"));
    private Fact<CgroupMode> cgroupMode = Fact.of(CgroupMode.V2, Source.File.of("/proc/self/mountinfo"));
    private List<String> controllers = List.of("cpuset", "cpu", "io", "memory", "hugetlb", "pids");
    private String container = "none";
    private int cpus = 4;
    private final List<CgroupLimit> cpuLimits = new ArrayList<>();
    private final List<CgroupLimit> memLimits = new ArrayList<>();
    private Fact<Integer> swappiness = proc("vm/swappiness", 60);
    private long swapTotal = 0;
    private int overcommit = 0;
    private String thp = "madvise";
    private String thpDefrag = "madvise";
    private int maxPtesNone = 511;
    /** When the facts were read: Go 1.22 (the healthy host's) was supported in March 2024. */
    private String capturedAt = "2024-03-01T00:00:00Z";
    private Fact<Map<String, String>> thpPerSize = Fact.unknown("before Linux 6.8");
    private Fact<Long> fileMax = proc("fs/file-max", Long.MAX_VALUE);
    private long nrOpen = 1048576;
    private long fileNrAllocated = 2000;
    private Fact<NofileLimit> defaultNofile = Fact.of(new NofileLimit(1024, 524288), new Source.Default("systemd 252 compiled default"));
    private final List<LimitsEntry> limits = new ArrayList<>();
    private final List<dev.golive.model.MalformedLine> sysctlMalformed = new ArrayList<>();
    private Fact<Boolean> sysctlConfAtBoot = Fact.unknown("not read");
    private final List<dev.golive.model.MalformedLine> limitsMalformed = new ArrayList<>();
    private final Map<String, String> live = new LinkedHashMap<>();
    private final Map<String, Boolean> missingKeys = new LinkedHashMap<>();
    private final List<SysctlAssignment> assignments = new ArrayList<>();
    private Fact<List<Integer>> listening = Fact.of(List.of(22, 443), Source.File.of("/proc/net/tcp"));
    private final Map<String, Fact<String>> managerDefaults = new TreeMap<>();
    private Fact<String> goPath = Fact.of("/usr/local/go/bin/go", new Source.Command("command -v go"));
    private Fact<String> goVersion = Fact.of("go1.22.2", new Source.Command("go version"));
    private final Map<String, Fact<String>> goEnv = new TreeMap<>();

    private boolean service;
    private final List<UnitDirective> directives = new ArrayList<>();
    private final Map<String, Fact<String>> env = new TreeMap<>();
    private Fact<GoBuildInfo> binary = Fact.unknown("not read");
    private Fact<dev.golive.model.ExecutableFacts> executable = Fact.of(new dev.golive.model.ExecutableFacts(62, Optional.of("x86_64"),
            Optional.empty(), Optional.empty()), Source.File.of("/usr/local/bin/app"));
    private Fact<String> goMod = Fact.unknown("no go.mod given");
    private Fact<Double> exposure = Fact.of(4.2, new Source.Command("systemd-analyze security --offline=true " + UNIT));
    private Fact<List<String>> verify = Fact.of(List.of(), new Source.Command("systemd-analyze verify " + UNIT));
    private final List<dev.golive.model.LogRotation.Rotated> rotated = new ArrayList<>(List.of(
            new dev.golive.model.LogRotation.Rotated("/var/log/syslog", new Source.File("/etc/logrotate.d/rsyslog", 1))));

    /** The host's logrotate blocks: Debian's syslog block in /var/log (root:root 0755); logrotate's version not needed, not read. */
    private Fact<dev.golive.model.LogrotateBlocks> logrotate = Fact.of(new dev.golive.model.LogrotateBlocks(List.of(
            new dev.golive.model.LogrotateBlocks.Pattern(new dev.golive.model.LogRotation.Rotated("/var/log/syslog", new Source.File("/etc/logrotate.d/rsyslog", 1)),
                    List.of(Fact.of(new dev.golive.model.LogrotateHost.LogDir("/var/log", true, 0, 0, "root", "root", 0755, Optional.of("root")),
                            Source.File.of("/var/log"))))),
            Fact.unknown("not read: no block's directory is refused")), Source.File.of("/etc/logrotate.conf"));

    private TestHosts() {
        live.put("net.core.somaxconn", "4096");
        live.put("net.ipv4.tcp_max_syn_backlog", "4096");
        live.put("net.ipv4.tcp_syncookies", "1");
        live.put("net.ipv4.tcp_tw_reuse", "2");
        live.put("net.ipv4.tcp_timestamps", "1");
        live.put("net.ipv4.tcp_fin_timeout", "60");
        live.put("net.ipv4.ip_local_port_range", "32768\t60999");
        live.put("net.ipv4.ip_local_reserved_ports", "");
        live.put("net.core.rmem_max", "212992");
        live.put("net.core.netdev_max_backlog", "1000");
        live.put("vm.swappiness", "60");
        live.put("vm.overcommit_memory", "0");
        missingKeys.put("net.ipv4.tcp_tw_recycle", true);
        goEnv.put("GOPROXY", Fact.of("https://proxy.golang.org,direct", new Source.Command("go env -json GOROOT GOPATH GOPROXY GOSUMDB GOFLAGS GOCACHE GOTOOLCHAIN GOVERSION GOOS GOARCH GOAMD64 CGO_ENABLED GOPRIVATE GONOSUMDB")));
        goEnv.put("GOSUMDB", Fact.of("sum.golang.org", new Source.Command("go env -json GOROOT GOPATH GOPROXY GOSUMDB GOFLAGS GOCACHE GOTOOLCHAIN GOVERSION GOOS GOARCH GOAMD64 CGO_ENABLED GOPRIVATE GONOSUMDB")));
        goEnv.put("GOFLAGS", Fact.of("", new Source.Command("go env -json GOROOT GOPATH GOPROXY GOSUMDB GOFLAGS GOCACHE GOTOOLCHAIN GOVERSION GOOS GOARCH GOAMD64 CGO_ENABLED GOPRIVATE GONOSUMDB")));
        cpuLimits.add(new CgroupLimit("/system.slice/app.service", Fact.of(Optional.empty(), Source.File.of("/sys/fs/cgroup/system.slice/app.service/cpu.max"))));
        cpuLimits.add(new CgroupLimit("/system.slice", Fact.of(Optional.empty(), Source.File.of("/sys/fs/cgroup/system.slice/cpu.max"))));
        memLimits.add(new CgroupLimit("/system.slice/app.service", Fact.of(Optional.empty(), Source.File.of("/sys/fs/cgroup/system.slice/app.service/memory.max"))));
    }

    static TestHosts healthy() { return new TestHosts(); }

    /** Healthy host plus a well-configured Go 1.22 service "app". */
    static TestHosts withService() {
        TestHosts t = new TestHosts();
        t.service = true;
        t.directive("Unit", "Description", "app");
        t.directive("Service", "Type", "exec");
        t.directive("Service", "ExecStart", "/usr/local/bin/app --listen :8080");
        t.directive("Service", "User", "app");
        t.directive("Service", "Restart", "on-failure");
        t.directive("Service", "RestartSec", "2s");
        t.directive("Service", "NoNewPrivileges", "yes");
        t.directive("Service", "ProtectSystem", "strict");
        t.binary("go1.22.2", "");
        return t;
    }

    private static <T> Fact<T> proc(String path, T v) { return Fact.of(v, Source.File.of("/proc/sys/" + path)); }

    // ---- host ----
    TestHosts kernel(String release) { this.kernel = release; return this; }
    TestHosts systemd(int v) { this.systemd = Fact.of(v, new Source.Command("systemctl --version")); return this; }
    TestHosts systemdUnknown() { this.systemd = Fact.unknown("systemctl not found"); return this; }
    TestHosts cgroups(CgroupMode m) { this.cgroupMode = Fact.of(m, Source.File.of("/proc/self/mountinfo")); return this; }
    TestHosts controllers(String... c) { this.controllers = List.of(c); return this; }
    TestHosts container(String c) { this.container = c; return this; }
    TestHosts cpus(int n) { this.cpus = n; return this; }

    /** CPU quota in CPUs per level, leaf first (null = max). */
    TestHosts cpuQuota(Double leaf, Double parent) {
        cpuLimits.set(0, limit("/system.slice/app.service", leaf, "cpu.max"));
        cpuLimits.set(1, limit("/system.slice", parent, "cpu.max"));
        return this;
    }

    TestHosts memoryMaxCgroup(long bytes) {
        memLimits.set(0, limit("/system.slice/app.service", (double) bytes, "memory.max"));
        return this;
    }

    private static CgroupLimit limit(String path, Double v, String file) {
        return new CgroupLimit(path, Fact.of(Optional.ofNullable(v), Source.File.of("/sys/fs/cgroup" + path + "/" + file)));
    }

    TestHosts sysctl(String key, String value) {
        live.put(key, value);
        if (key.equals("vm.swappiness")) swappiness = proc("vm/swappiness", Integer.parseInt(value));
        if (key.equals("vm.overcommit_memory")) overcommit = Integer.parseInt(value);
        if (key.equals("fs.file-max")) fileMax = proc("fs/file-max", Long.parseLong(value));
        if (key.equals("fs.nr_open")) nrOpen = Long.parseLong(value);
        return this;
    }

    /** The key exists (or not) on this kernel; a missing key has no live value. */
    TestHosts sysctlMissing(String key) { missingKeys.put(key, true); live.remove(key); return this; }
    TestHosts sysctlPresent(String key, String value) { missingKeys.remove(key); live.put(key, value); return this; }

    /** A line in a sysctl file; the live value is left as it is (so "not applied" shows). */
    TestHosts sysctlFile(String path, int line, String key, String value) {
        boolean ignore = key.startsWith("-");
        assignments.add(new SysctlAssignment(ignore ? key.substring(1) : key, value, ignore, new Source.File(path, line)));
        return this;
    }

    /** A sysctl file line that has also been applied (live = value). */
    TestHosts sysctlApplied(String path, int line, String key, String value) {
        sysctlFile(path, line, key, value);
        return sysctl(key, value);
    }

    TestHosts swapBytes(long b) { this.swapTotal = b; return this; }
    TestHosts thp(String enabled, String defrag) { this.thp = enabled; this.thpDefrag = defrag; return this; }
    TestHosts capturedAt(String iso) { this.capturedAt = iso; return this; }
    TestHosts maxPtesNone(int n) { this.maxPtesNone = n; return this; }
    /** Linux 6.8+: hugepages-<size>kB/enabled per page size. */
    TestHosts thpPerSize(Map<String, String> sizes) { this.thpPerSize = Fact.of(sizes, Source.File.of("/sys/kernel/mm/transparent_hugepage/hugepages-*kB/enabled")); return this; }
    TestHosts fileNr(long allocated) { this.fileNrAllocated = allocated; return this; }
    TestHosts defaultLimitNofile(String v) {
        this.defaultNofile = Fact.of(NofileLimit.parse(v).orElseThrow(), new Source.File("/etc/systemd/system.conf", 40));
        managerDefaults.put("DefaultLimitNOFILE", Fact.of(v, new Source.File("/etc/systemd/system.conf", 40)));
        return this;
    }
    /** A [Manager] default of system.conf (DefaultStartLimitBurst=, …) as the host's systemd reads it. */
    TestHosts managerDefault(String key, String value) {
        managerDefaults.put(key, Fact.of(value, new Source.File("/etc/systemd/system.conf", 50 + managerDefaults.size())));
        return this;
    }
    /** Whether a sysctl.d link makes systemd-sysctl read /etc/sysctl.conf (Debian 12: yes; Debian 13: no). */
    TestHosts sysctlConfAtBoot(boolean linked) {
        this.sysctlConfAtBoot = Fact.of(linked, linked ? Source.File.of("/etc/sysctl.d/99-sysctl.conf") : new Source.Derived("no link"));
        return this;
    }

    /** A line of a sysctl file that is not an assignment, as config.SysctlFile reports it. */
    TestHosts sysctlMalformed(String path, int line, String text) {
        sysctlMalformed.add(dev.golive.config.SysctlFile.parse(path, "\n".repeat(line - 1) + text + "\n").malformedLines().get(0));
        return this;
    }

    /** A line of a limits file pam_limits skips, as config.LimitsFile reports it. */
    TestHosts limitsMalformed(String path, int line, String text) {
        limitsMalformed.add(dev.golive.config.LimitsFile.parse(path, "\n".repeat(line - 1) + text + "\n").malformedLines().get(0));
        return this;
    }

    TestHosts limitsConf(String domain, String type, String value) {
        limits.add(new LimitsEntry(domain, type, "nofile", value, new Source.File("/etc/security/limits.conf", 60 + limits.size())));
        return this;
    }
    TestHosts listening(Integer... ports) { this.listening = Fact.of(List.of(ports), Source.File.of("/proc/net/tcp")); return this; }
    TestHosts noGo() {
        goPath = Fact.unknown("go not found on PATH");
        goVersion = Fact.unknown(dev.golive.model.GoToolchainFacts.NOT_INSTALLED);
        goEnv.clear();
        return this;
    }
    TestHosts goToolchain(String v) { goVersion = Fact.of(v, new Source.Command("go version")); return this; }
    TestHosts goEnv(String k, String v) { goEnv.put(k, Fact.of(v, new Source.Command("go env -json GOROOT GOPATH GOPROXY GOSUMDB GOFLAGS GOCACHE GOTOOLCHAIN GOVERSION GOOS GOARCH GOAMD64 CGO_ENABLED GOPRIVATE GONOSUMDB"))); return this; }

    // ---- service ----
    TestHosts directive(String section, String key, String value) {
        directives.add(new UnitDirective(section, key, value, new Source.File(UNIT, directives.size() + 2)));
        return this;
    }
    TestHosts without(String section, String key) {
        directives.removeIf(d -> d.section().equals(section) && d.key().equals(key));
        return this;
    }
    /** A logrotate block (in /etc/logrotate.d/app) that rotates the files {@code glob} takes. */
    TestHosts rotates(String glob) {
        rotated.add(new dev.golive.model.LogRotation.Rotated(glob, new Source.File("/etc/logrotate.d/app", 1)));
        return this;
    }

    /**
     * A block in /etc/logrotate.d/app (line 1) rotating {@code DIR/*.log}, that directory
     * {@code gid}/{@code group} with {@code mode}, the block's {@code su} line (null: none) and
     * logrotate's {@code version} (null: unknown).
     */
    TestHosts logrotateDir(String dir, int gid, String group, int mode, String su, String version) {
        var block = new Source.File("/etc/logrotate.d/app", 1);
        var rotated = new dev.golive.model.LogRotation.Rotated(dir + "/*.log", block);
        if (su != null) rotated = rotated.withSu(new dev.golive.model.LogRotation.Su(su.split(" ")[0], su.split(" ")[1], new Source.File("/etc/logrotate.d/app", 2)));
        var logDir = new dev.golive.model.LogrotateHost.LogDir(dir, true, 0, gid, "root", group, mode, Optional.of("root"));
        Fact<String> v = version == null ? Fact.unknown("no logrotate package in /var/lib/dpkg/status") : Fact.of(version, new Source.File("/var/lib/dpkg/status", 7));
        logrotate = Fact.of(new dev.golive.model.LogrotateBlocks(List.of(new dev.golive.model.LogrotateBlocks.Pattern(rotated,
                List.of(Fact.of(logDir, Source.File.of(dir))))), v), Source.File.of("/etc/logrotate.conf"));
        return this;
    }

    TestHosts set(String section, String key, String value) { return without(section, key).directive(section, key, value); }
    TestHosts env(String k, String v) { env.put(k, Fact.of(v, new Source.File(UNIT, 30 + env.size()))); return this; }
    TestHosts binary(String goVersion, String defaultGodebug) {
        binary = Fact.of(new GoBuildInfo(goVersion, "example.com/app", "example.com/app",
                Map.of("GOOS", "linux", "GOARCH", "amd64", "DefaultGODEBUG", defaultGodebug)), Source.File.of("/usr/local/bin/app"));
        return this;
    }
    /** A build setting of the binary (GOAMD64=v4, CGO_ENABLED=1, …) added to what {@link #binary} gave. */
    TestHosts binarySetting(String key, String value) {
        GoBuildInfo b = binary.opt().orElseThrow();
        Map<String, String> s = new java.util.LinkedHashMap<>(b.settings());
        s.put(key, value);
        binary = Fact.of(new GoBuildInfo(b.goVersion(), b.mainPath(), b.mainModule(), s), binary.src().get());
        return this;
    }

    /** The binary's ELF machine and loader; {@code loaderPresent} is whether the host has that loader file. */
    TestHosts executable(int elfMachine, String loader, boolean loaderPresent) {
        executable = Fact.of(new dev.golive.model.ExecutableFacts(elfMachine, dev.golive.model.ExecutableFacts.unameName(elfMachine),
                Optional.ofNullable(loader), Optional.ofNullable(loader).map(l -> Fact.of(loaderPresent, Source.File.of(l)))),
                Source.File.of("/usr/local/bin/app"));
        return this;
    }

    /** The service's cgroup has held {@code peak} tasks (pids.peak; null: no pids.peak) under pids.max {@code max} (null: "max"). */
    TestHosts tasks(Long peak, Long max) {
        String dir = "/sys/fs/cgroup/system.slice/app.service/";
        tasks = new dev.golive.model.ServiceTasks(dir.substring(0, dir.length() - 1),
                peak == null ? Fact.unknown("no pids.peak") : Fact.of(peak, Source.File.of(dir + "pids.peak")),
                Fact.of(peak == null ? 1L : peak, Source.File.of(dir + "pids.current")),
                Fact.of(Optional.ofNullable(max), Source.File.of(dir + "pids.max")));
        return this;
    }

    TestHosts binaryUnknown() { binary = Fact.unknown("binary not readable"); return this; }
    TestHosts goMod(String v) { goMod = Fact.of(v, new Source.File("/srv/app/go.mod", 3)); return this; }
    TestHosts exposure(double score) { exposure = Fact.of(score, new Source.Command("systemd-analyze security --offline=true " + UNIT)); return this; }
    TestHosts verify(String... lines) { verify = Fact.of(List.of(lines), new Source.Command("systemd-analyze verify " + UNIT)); return this; }

    private dev.golive.model.ServiceTasks tasks = dev.golive.model.ServiceTasks.unknown("/sys/fs/cgroup/system.slice/app.service", "not read");

    HostFacts build() {
        Source.Command uname = new Source.Command("uname -r");
        OsFacts os = new OsFacts(Fact.of("debian", Source.File.of("/etc/os-release")), Fact.of("12", Source.File.of("/etc/os-release")),
                Fact.of("Debian GNU/Linux 12 (bookworm)", Source.File.of("/etc/os-release")), Fact.of(kernel, uname),
                Fact.of("x86_64", new Source.Command("uname -m")), Fact.of("kvm", new Source.Command("systemd-detect-virt")),
                Fact.of(container, new Source.Command("systemd-detect-virt --container")),
                Fact.of("BOOT_IMAGE=/vmlinuz root=/dev/vda1 ro quiet", Source.File.of("/proc/cmdline")),
                Fact.of("web-1", Source.File.of("/etc/hostname")));
        Source.File cpuinfo = Source.File.of("/proc/cpuinfo");
        CpuFacts cpu = new CpuFacts(Fact.of(cpus, cpuinfo), Fact.of(cpus, cpuinfo), Fact.of(1, cpuinfo), Fact.of(false, cpuinfo),
                Fact.of("0-" + (cpus - 1), Source.File.of("/sys/devices/system/cpu/online")), Fact.of("0-" + (cpus - 1), Source.File.of("/proc/self/status")),
                Fact.of(cpus, Source.File.of("/proc/self/status")), Fact.unknown("not set"), Fact.unknown("not set"),
                Fact.of("QEMU Virtual CPU", cpuinfo), Fact.of(List.of("sse4_2", "popcnt", "avx2"), cpuinfo), Fact.of("v3", cpuinfo),
                Fact.unknown("not arm64"), "/system.slice/app.service", cpuLimits);
        Source.File meminfo = Source.File.of("/proc/meminfo");
        MemoryFacts mem = new MemoryFacts(Fact.of(8 * GIB, meminfo), Fact.of(6 * GIB, meminfo), Fact.of(swapTotal, meminfo), Fact.of(0L, meminfo),
                swappiness, proc("vm/overcommit_memory", overcommit),
                Fact.of(thp, Source.File.of("/sys/kernel/mm/transparent_hugepage/enabled")),
                Fact.of(thpDefrag, Source.File.of("/sys/kernel/mm/transparent_hugepage/defrag")),
                Fact.of(maxPtesNone, Source.File.of("/sys/kernel/mm/transparent_hugepage/khugepaged/max_ptes_none")),
                "/system.slice/app.service", memLimits, thpPerSize);
        FdFacts fds = new FdFacts(fileMax, proc("fs/nr_open", nrOpen), proc("fs/file-nr", fileNrAllocated),
                proc("fs/file-nr", fileMax.orElse(Long.MAX_VALUE)), Fact.of(new NofileLimit(1024, 524288), Source.File.of("/proc/self/limits")),
                defaultNofile, limits, limitsMalformed);
        live.put("fs.file-max", Long.toString(fileMax.orElse(Long.MAX_VALUE)));
        live.put("fs.nr_open", Long.toString(nrOpen));
        Map<String, SysctlFact> byKey = new LinkedHashMap<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(live.keySet());
        keys.addAll(missingKeys.keySet());
        for (SysctlAssignment a : assignments) keys.add(a.key());
        for (String k : keys) {
            String path = "/proc/sys/" + k.replace('.', '/');
            boolean missing = missingKeys.containsKey(k);
            Fact<String> lv = missing ? Fact.unknown("no such key on this kernel") : live.containsKey(k) ? Fact.of(live.get(k), Source.File.of(path)) : Fact.unknown("not read");
            SysctlAssignment win = null;
            for (SysctlAssignment a : assignments) if (a.key().equals(k)) win = a;
            byKey.put(k, new SysctlFact(k, Fact.of(!missing, Source.File.of(path)), lv, Optional.ofNullable(win),
                    dev.golive.inspect.SysctlProbe.perNamespace(k)));
        }
        SysctlFacts sysctls = new SysctlFacts(byKey, assignments, assignments.stream().map(a -> a.source().path()).distinct().toList(), List.of(),
                sysctlMalformed, dev.golive.model.KernelBasis.RUNNING_KERNEL, sysctlConfAtBoot);
        CgroupFacts cg = new CgroupFacts(cgroupMode, List.of(new Mount("/sys/fs/cgroup", "cgroup2", "rw")),
                Fact.of(controllers, Source.File.of("/sys/fs/cgroup/cgroup.controllers")),
                Fact.of(controllers, Source.File.of("/sys/fs/cgroup/cgroup.subtree_control")), List.of(),
                Fact.unknown("not on the kernel command line"), Fact.unknown("not on the kernel command line"),
                Fact.of("0::/system.slice/app.service", Source.File.of("/proc/self/cgroup")));
        SystemdFacts sd = new SystemdFacts(systemd, Fact.of(true, Source.File.of("/proc/1/comm")), managerDefaults,
                service ? List.of(new UnitFileInfo("app.service", UNIT, "/etc/systemd/system", List.of())) : List.of(),
                List.of("/etc/systemd/system", "/usr/lib/systemd/system"));
        GoToolchainFacts go = new GoToolchainFacts(goPath, goVersion, goEnv);
        Optional<ServiceFacts> svc = service
                ? Optional.of(new ServiceFacts("app.service", Fact.of(new UnitFileInfo("app.service", UNIT, "/etc/systemd/system", List.of()), Source.File.of(UNIT)),
                        directives, binary, env, "/system.slice/app.service", goMod, exposure, verify, executable,
                        Fact.unknown("the binary was not searched for sd_notify strings"), tasks,
                        Fact.of(new dev.golive.model.LogRotation(rotated, List.of("/etc/logrotate.conf", "/etc/logrotate.d/rsyslog"), List.of()),
                                Source.File.of("/etc/logrotate.conf"))))
                : Optional.empty();
        return new HostFacts(new CaptureInfo("/", true, capturedAt, "web-1"), os, cpu, mem, fds, sysctls,
                new NetworkFacts(listening), cg, sd, go, svc, logrotate);
    }

    /** A host about which nothing is known: every rule must cope without an exception. */
    static HostFacts allUnknown(boolean withService) {
        Fact<String> u = Fact.unknown("unknown");
        OsFacts os = new OsFacts(u, u, u, u, u, u, u, u, u);
        CpuFacts cpu = new CpuFacts(Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), u, u, Fact.unknown("x"),
                u, u, u, Fact.unknown("x"), u, Fact.unknown("x"), "/", List.of(new CgroupLimit("/", Fact.unknown("x"))));
        MemoryFacts mem = new MemoryFacts(Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"),
                Fact.unknown("x"), u, u, Fact.unknown("x"), "/", List.of(new CgroupLimit("/", Fact.unknown("x"))));
        FdFacts fds = new FdFacts(Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), Fact.unknown("x"), List.of());
        Map<String, SysctlFact> byKey = new LinkedHashMap<>();
        for (String k : List.of("net.core.somaxconn", "net.ipv4.tcp_tw_recycle", "vm.swappiness", "fs.file-max")) {
            byKey.put(k, new SysctlFact(k, Fact.unknown("x"), Fact.unknown("x"), Optional.empty(), true));
        }
        SysctlFacts s = new SysctlFacts(byKey, List.of(), List.of(), List.of());
        CgroupFacts cg = new CgroupFacts(Fact.unknown("x"), List.of(), Fact.unknown("x"), Fact.unknown("x"), List.of(), u, u, u);
        SystemdFacts sd = new SystemdFacts(Fact.unknown("x"), Fact.unknown("x"), Map.of(), List.of(), List.of());
        GoToolchainFacts go = new GoToolchainFacts(u, u, Map.of("GOPROXY", u));
        Optional<ServiceFacts> svc = withService
                ? Optional.of(new ServiceFacts("x.service", Fact.unknown("x"), List.of(), Fact.unknown("x"), Map.of("GOMAXPROCS", u),
                        "/", u, Fact.unknown("x"), Fact.unknown("x")))
                : Optional.empty();
        return new HostFacts(new CaptureInfo("/", false, null, null), os, cpu, mem, fds, s, new NetworkFacts(Fact.unknown("x")),
                cg, sd, go, svc);
    }
}
