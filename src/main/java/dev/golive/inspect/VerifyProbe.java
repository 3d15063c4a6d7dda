package dev.golive.inspect;

import dev.golive.config.SysctlFile;
import dev.golive.config.TmpfilesLoadOrder;
import dev.golive.host.CommandResult;
import dev.golive.host.CommandRunner;
import dev.golive.host.HostRoot;
import dev.golive.host.LiveValues;
import dev.golive.model.CgroupMode;
import dev.golive.model.Fact;
import dev.golive.model.FileChange;
import dev.golive.model.LiveChange;
import dev.golive.model.NofileLimit;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.ServiceProcess;
import dev.golive.model.Source;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.VerifyFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads what {@code golive verify} compares with a plan: the planned live values and files as
 * they are now, what the boot-time readers will set, systemd's loaded manager default, and the
 * service's running process. On a live host the process is found with {@code systemctl show}
 * and read from {@code /proc/PID/…} and {@code ss -ltnp}; on a capture the same commands are
 * answered from its manifest and the same files from its tree. Nothing here throws for a
 * missing file or command: each becomes an Unknown with the reason.
 */
public final class VerifyProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Clock ticks per second of /proc/PID/stat's start time: USER_HZ, which the kernel fixes at
     * 100 for user space on every architecture golive targets (include/asm-generic/param.h).
     */
    static final long USER_HZ = 100;
    static final List<String> MANAGER_SHOW = List.of("systemctl", "show", "-p", "DefaultLimitNOFILE", "-p", "DefaultLimitNOFILESoft");
    static final List<String> SS = List.of("ss", "-ltnp");

    private VerifyProbe() { }

    /** {@code unit}: the service whose process to read (empty: none). */
    public static VerifyFacts read(HostRoot root, CommandRunner runner, Plan plan, Optional<String> unit) {
        Map<String, Fact<String>> live = new LinkedHashMap<>();
        for (LiveChange c : plan.live()) {
            live.put(c.path(), root.read(c.path()).map(raw -> LiveValues.normalise(c.format(), raw)));
        }
        // keys golive's sysctl.d file sets that the plan did not write live: what they are now
        for (String k : sysctlKeys(plan)) {
            String path = SysctlProbe.procPath(k);
            if (!live.containsKey(path)) live.put(path, root.read(path).map(raw -> LiveValues.normalise(LiveChange.Format.SYSCTL, raw)));
        }
        Map<String, Fact<Optional<String>>> files = new LinkedHashMap<>();
        for (FileChange f : plan.files()) files.put(f.path(), fileNow(root, f.path()));

        Map<String, Optional<SysctlAssignment>> boot = new TreeMap<>();
        List<String> keys = sysctlKeys(plan);
        if (!keys.isEmpty()) {
            // the one boot-time resolution (SysctlFacts.atBoot): /etc/sysctl.conf only where read, then TuneD
            dev.golive.model.SysctlFacts s = SysctlProbe.probe(root);
            for (String k : keys) boot.put(k, s.atBoot(dev.golive.config.SysctlFile.normalizeKey(k), ""));
        }
        Map<String, Optional<VerifyFacts.BootWrite>> tmpfiles = new TreeMap<>();
        List<String> sysPaths = plan.live().stream().filter(c -> c.format().sysfs()).map(LiveChange::path).toList();
        if (!sysPaths.isEmpty()) {
            Map<String, VerifyFacts.BootWrite> writes = TmpfilesLoadOrder.writes(root);
            for (String p : sysPaths) tmpfiles.put(p, Optional.ofNullable(writes.get(p)));
        }
        boolean managerPlanned = plan.files().stream().anyMatch(f -> f.path().equals(OwnedFiles.MANAGER_DROPIN));
        Fact<NofileLimit> managerDefault = managerPlanned ? managerDefault(runner) : Fact.unknown("the plan sets no manager default");
        Fact<Long> somaxconn = Text.longFact(root.read("/proc/sys/net/core/somaxconn"));
        Optional<ServiceProcess> process = unit.map(u -> process(root, runner, u));
        return new VerifyFacts(live, files, boot, tmpfiles, managerDefault, somaxconn, process);
    }

    private static Fact<Optional<String>> fileNow(HostRoot root, String path) {
        Fact<Boolean> there = root.presence(path);
        if (!there.known()) return Fact.unknown(CpuProbe.reason(there));
        if (!there.orElse(false)) return Fact.of(Optional.empty(), Source.File.of(path));
        return root.read(path).map(Optional::of);
    }

    /** The keys golive's sysctl.d file sets as planned (the live changes and the file may differ: global keys in a container). */
    static List<String> sysctlKeys(Plan plan) {
        List<String> keys = new ArrayList<>();
        for (LiveChange c : plan.live()) if (c.format() == LiveChange.Format.SYSCTL) keys.add(SysctlFile.normalizeKey(c.key()));
        for (FileChange f : plan.files()) {
            if (!f.path().equals(OwnedFiles.SYSCTL_DROPIN) || f.after().isEmpty()) continue;
            for (SysctlFile.Line l : SysctlFile.parse(f.path(), f.after().get()).lines()) {
                if (l.isAssignment() && !keys.contains(SysctlFile.normalizeKey(l.key()))) keys.add(SysctlFile.normalizeKey(l.key()));
            }
        }
        return keys;
    }

    static Fact<NofileLimit> managerDefault(CommandRunner runner) {
        return nofile(show(runner, MANAGER_SHOW), "DefaultLimitNOFILE", "DefaultLimitNOFILESoft");
    }

    /** systemctl show prints a limit as two properties, the hard one under the directive's name. */
    private static Fact<NofileLimit> nofile(Fact<Map<String, String>> props, String hardName, String softName) {
        return props.map(p -> {
            String hard = p.get(hardName), soft = p.get(softName);
            if (hard == null) return null;
            return NofileLimit.parse((soft == null ? hard : soft) + ":" + hard).orElse(null);
        });
    }

    /** {@code systemctl show} output as properties, Unknown when the command did not run or failed. */
    static Fact<Map<String, String>> show(CommandRunner runner, List<String> argv) {
        CommandResult r = runner.run(argv, TIMEOUT);
        if (!r.ok()) return Fact.unknown(r.problem());
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) m.put(line.substring(0, eq), line.substring(eq + 1).trim());
        }
        return Fact.of(m, new Source.Command(r.commandLine()));
    }

    static ServiceProcess process(HostRoot root, CommandRunner runner, String unit) {
        List<String> argv = List.of("systemctl", "show", "-p", "MainPID", "-p", "NeedDaemonReload", "-p", "LimitNOFILE", "-p", "LimitNOFILESoft", unit);
        Fact<Map<String, String>> props = show(runner, argv);
        Fact<Integer> pid = props.map(p -> p.get("MainPID")).map(v -> Text.parseInt(v).orElse(null));
        Fact<Boolean> reload = props.map(p -> p.get("NeedDaemonReload")).map(v -> v.equals("yes"));
        Fact<NofileLimit> loaded = nofile(props, "LimitNOFILE", "LimitNOFILESoft");
        Fact<NofileLimit> pid1 = FdProbe.processNofile(root.read("/proc/1/limits"));
        int p = pid.opt().orElse(0);
        if (p <= 0) {
            String why = pid.known() ? unit + " has no main process (MainPID=0: not running)" : CpuProbe.reason(pid);
            return new ServiceProcess(unit, pid, Fact.unknown(why), Fact.unknown(why), Fact.unknown(why), Fact.unknown(why),
                    Fact.unknown(why), List.of(), reload, loaded, pid1);
        }
        String proc = "/proc/" + p;
        return new ServiceProcess(unit, pid, startedAt(root, proc), FdProbe.processNofile(root.read(proc + "/limits")),
                goEnvironment(root.read(proc + "/environ")), listeners(runner, p),
                Text.longFact(Text.fieldFact(root.read(proc + "/smaps_rollup"), "AnonHugePages", ':').map(v -> v.replace("kB", "").trim())),
                cgroup(root, proc), reload, loaded, pid1);
    }

    /** Boot time ({@code btime} of /proc/stat) plus the process's start time (field 22 of /proc/PID/stat, in ticks). */
    static Fact<Instant> startedAt(HostRoot root, String proc) {
        Fact<String> stat = root.read(proc + "/stat");
        if (!stat.known()) return Fact.unknown(CpuProbe.reason(stat));
        String s = stat.orElse("");
        int close = s.lastIndexOf(')'); // the command name may hold spaces and parentheses
        String[] f = (close < 0 ? "" : s.substring(close + 1)).trim().split("\\s+");
        // after ")" come field 3 (state) onwards: starttime, field 22, is index 19
        if (f.length < 20 || Text.parseLong(f[19]).isEmpty()) return Fact.unknown(proc + "/stat: no start time");
        long ticks = Text.parseLong(f[19]).get();
        Fact<Long> btime = Text.longFact(Text.fieldFact(root.read("/proc/stat"), "btime", ' '));
        if (!btime.known()) return Fact.unknown(CpuProbe.reason(btime));
        Instant at = Instant.ofEpochSecond(btime.orElse(0L)).plusMillis(ticks * 1000 / USER_HZ);
        return Fact.of(at, new Source.Derived(proc + "/stat start time and btime of /proc/stat"));
    }

    static Fact<Map<String, String>> goEnvironment(Fact<String> environ) {
        return environ.map(text -> {
            Map<String, String> m = new TreeMap<>();
            for (String kv : text.split("\0")) {
                int eq = kv.indexOf('=');
                if (eq > 0 && ServiceProcess.GO_VARIABLES.contains(kv.substring(0, eq))) m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            return m;
        });
    }

    /**
     * The process's LISTEN sockets from {@code ss -ltnp}: the Send-Q column of a listening socket
     * is its backlog (sk_max_ack_backlog, as sock_diag reports it); /proc/net/tcp does not show it.
     */
    static Fact<List<ServiceProcess.Listener>> listeners(CommandRunner runner, int pid) {
        CommandResult r = runner.run(SS, TIMEOUT);
        if (!r.ok()) return Fact.unknown(r.problem() + " (the backlog of a listener shows only there, not in /proc/net/tcp)");
        List<ServiceProcess.Listener> out = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || !f[0].equals("LISTEN") || !line.contains("pid=" + pid + ",")) continue;
            Text.parseLong(f[2]).ifPresent(b -> out.add(new ServiceProcess.Listener(f[3], b)));
        }
        return Fact.of(out, new Source.Command(r.commandLine()));
    }

    /** The limit files of the process's cgroup that exist: on v2 in its one directory, on v1 per controller. */
    static List<ServiceProcess.CgroupValue> cgroup(HostRoot root, String proc) {
        Fact<String> own = root.read(proc + "/cgroup");
        if (!own.known()) return List.of();
        CgroupLayout layout = CgroupLayout.read(root);
        Map<String, String> paths = new TreeMap<>();
        for (String line : own.orElse("").split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length < 3) continue;
            if (f[1].isEmpty()) paths.put("", f[2].strip());
            else for (String c : f[1].split(",")) paths.put(c, f[2].strip());
        }
        boolean v2 = layout.mode.opt().orElse(null) == CgroupMode.V2;
        Map<String, List<String>> byController = v2
                ? Map.of("", List.of("cpu.max", "memory.max", "memory.high", "pids.max"))
                : Map.of("cpu", List.of("cpu.cfs_quota_us", "cpu.cfs_period_us"), "memory", List.of("memory.limit_in_bytes"), "pids", List.of("pids.max"));
        List<ServiceProcess.CgroupValue> out = new ArrayList<>();
        for (var e : new TreeMap<>(byController).entrySet()) {
            String path = paths.get(e.getKey());
            var mount = layout.mountFor(e.getKey().isEmpty() ? "cpu" : e.getKey());
            if (path == null || mount.isEmpty() || path.contains("..")) continue;
            String rel = path;
            String hroot = mount.get().hierarchyRoot();
            if (!hroot.equals("/") && rel.startsWith(hroot)) rel = rel.substring(hroot.length());
            String dir = mount.get().mountPoint() + (rel.equals("/") ? "" : rel);
            for (String file : e.getValue()) {
                if (root.exists(dir + "/" + file)) out.add(new ServiceProcess.CgroupValue(dir + "/" + file, Text.trimmed(root.read(dir + "/" + file))));
            }
        }
        return out;
    }
}
