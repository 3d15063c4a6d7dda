package dev.golive.verify;

import dev.golive.config.SysctlFile;
import dev.golive.config.SystemdIni;
import dev.golive.inspect.SysctlProbe;
import dev.golive.model.Fact;
import dev.golive.model.FileChange;
import dev.golive.model.LiveChange;
import dev.golive.model.NofileLimit;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.ServiceProcess;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.Verification;
import dev.golive.model.Verification.Item;
import dev.golive.model.Verification.Kind;
import dev.golive.model.Verification.Status;
import dev.golive.model.VerifyFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Did a plan reach what runs? A pure function of the plan, when its apply began, and what
 * {@code inspect.VerifyProbe} read. Files and live values are compared with the plan as they
 * are; what a process took at exec (its limits, its environment) and what a Go process read
 * once (somaxconn, at its first listen; DOMAIN.md, Network) are compared with the process, and
 * a difference is explained by what happened in between: the unit files not reloaded, the
 * manager not re-executed, the process older than the apply, or (a process started after the
 * apply that still lacks the value) a ceiling or sandbox that kept it out.
 */
public final class Verifier {

    /** /proc/stat's btime has whole seconds: a process started within this of the apply is not called older. */
    static final Duration CLOCK_SLACK = Duration.ofSeconds(1);
    /** Go's listen backlog when it cannot read somaxconn: syscall.SOMAXCONN (net/sock_linux.go). */
    static final long GO_FALLBACK_BACKLOG = 128;

    private Verifier() { }

    /**
     * {@code service}: the service whose process was read ({@code facts.process()}); the plan's
     * unit settings are compared only when it is the plan's own service.
     */
    public static Verification verify(Plan plan, String basis, Optional<Instant> appliedAt, VerifyFacts facts) {
        List<Item> items = new ArrayList<>();
        for (FileChange f : plan.files()) items.add(file(f, facts.filesNow().get(f.path())));
        for (LiveChange c : plan.live()) items.add(live(c, facts));
        List<Verification.BootValue> boot = nextBoot(plan, facts);
        for (Verification.BootValue b : boot) {
            boolean planned = plan.live().stream().anyMatch(c -> c.path().equals(b.key()) || SysctlFile.normalizeKey(c.key()).equals(b.key()));
            if (!planned && b.reader().equals("systemd-sysctl")) items.add(bootOnly(b, facts.liveNow().get(SysctlProbe.procPath(b.key()))));
        }

        Optional<String> managerNofile = fileValue(plan, OwnedFiles.MANAGER_DROPIN, "Manager", "DefaultLimitNOFILE");
        Optional<Boolean> reexecDone = Optional.empty();
        if (managerNofile.isPresent()) {
            Item m = manager(managerNofile.get(), facts.managerDefaultNofile());
            items.add(m);
            reexecDone = m.status() == Status.UNKNOWN ? Optional.empty() : Optional.of(m.status() == Status.IN_EFFECT);
        }
        Optional<ServiceProcess> proc = facts.process();
        if (proc.isPresent()) {
            Map<String, String> lost = new LinkedHashMap<>();
            plan.conflicts().forEach(c -> lost.put(c.key(), c.winner().describe() + " " + c.winnerSays() + " and wins over golive's " + c.wanted()));
            Process p = new Process(proc.get(), appliedAt, lost);
            boolean own = plan.service().filter(s -> s.equals(proc.get().unit())).isPresent();
            Map<String, String> unit = own ? unitSettings(plan, proc.get().unit()) : Map.of();
            String nofile = unit.get("LimitNOFILE");
            if (nofile != null) items.add(p.nofile(nofile, "LimitNOFILE", Optional.of(true)));
            else if (own && managerNofile.isPresent() && defaultApplies(proc.get(), facts.managerDefaultNofile())) {
                items.add(p.nofile(managerNofile.get(), "LimitNOFILE (DefaultLimitNOFILE)", reexecDone));
            }
            for (String var : ServiceProcess.GO_VARIABLES) {
                String want = unit.get("Environment:" + var);
                if (want != null) items.add(p.environment(var, want));
            }
            plan.live().stream().filter(c -> c.key().equals("net.core.somaxconn")).findFirst()
                    .ifPresent(c -> p.backlogs(c.after()).forEach(items::add));
            plan.live().stream().filter(c -> c.key().equals("transparent_hugepage.enabled")).findFirst()
                    .ifPresent(c -> items.add(p.hugePages(c.after())));
        }
        return new Verification(basis, plan.id(), appliedAt, proc.map(ServiceProcess::unit).or(plan::service), items, boot, proc);
    }

    // ---- files and live values --------------------------------------------------------------

    static Item file(FileChange f, Fact<Optional<String>> now) {
        String expected = f.after().map(a -> "as planned (" + a.lines().count() + " lines)").orElse("absent");
        if (now == null || !now.known()) {
            return new Item(Kind.FILE, f.path(), expected, "unknown", Status.UNKNOWN, now == null ? "not read" : reason(now));
        }
        Optional<String> is = now.orElse(Optional.empty());
        if (is.equals(f.after())) return new Item(Kind.FILE, f.path(), expected, expected, Status.IN_EFFECT, "as golive wrote it");
        String shown = is.isEmpty() ? "absent" : "changed (" + is.get().lines().count() + " lines)";
        return new Item(Kind.FILE, f.path(), expected, shown, Status.DRIFTED,
                is.isEmpty() ? "removed since the apply" : "changed since the apply; golive diff or golive snapshots show what golive wrote");
    }

    static Item live(LiveChange c, VerifyFacts facts) {
        Fact<String> now = facts.liveNow().get(c.path());
        if (now == null || !now.known()) {
            return new Item(Kind.LIVE, c.key(), c.after(), "unknown", Status.UNKNOWN, now == null ? "not read" : reason(now));
        }
        String is = now.orElse("");
        if (is.equals(c.after())) return new Item(Kind.LIVE, c.key(), c.after(), is, Status.IN_EFFECT, c.path());
        return new Item(Kind.LIVE, c.key(), c.after(), is, Status.DRIFTED, c.path() + " was changed since the apply");
    }

    /** Each planned sysctl and /sys value as the next boot will set it, by the readers' own precedence. */
    static List<Verification.BootValue> nextBoot(Plan plan, VerifyFacts facts) {
        Map<String, String> planned = new LinkedHashMap<>();
        for (LiveChange c : plan.live()) if (c.format() == LiveChange.Format.SYSCTL) planned.put(SysctlFile.normalizeKey(c.key()), c.after());
        plan.files().stream().filter(f -> f.path().equals(OwnedFiles.SYSCTL_DROPIN)).flatMap(f -> f.after().stream()).forEach(text -> {
            for (SysctlFile.Line l : SysctlFile.parse(OwnedFiles.SYSCTL_DROPIN, text).lines()) {
                if (l.isAssignment()) planned.putIfAbsent(SysctlFile.normalizeKey(l.key()), SysctlFile.normalizeValue(l.value()));
            }
        });
        List<Verification.BootValue> out = new ArrayList<>();
        planned.forEach((key, want) -> {
            Optional<SysctlAssignment> a = facts.bootSysctl().getOrDefault(key, Optional.empty());
            Optional<String> value = a.map(x -> SysctlFile.normalizeValue(x.value()));
            out.add(new Verification.BootValue("systemd-sysctl", key, want, value, a.map(x -> x.source().describe()),
                    value.map(v -> v.equals(SysctlFile.normalizeValue(want))).orElse(false)));
        });
        for (LiveChange c : plan.live()) {
            if (!c.format().sysfs()) continue;
            Optional<VerifyFacts.BootWrite> w = facts.bootTmpfiles().getOrDefault(c.path(), Optional.empty());
            out.add(new Verification.BootValue("systemd-tmpfiles", c.path(), c.after(), w.map(VerifyFacts.BootWrite::value),
                    w.map(x -> x.source().describe()), w.map(x -> x.value().equals(c.after())).orElse(false)));
        }
        return out;
    }

    /** A key golive's sysctl.d file sets that the apply did not write live: it is in effect, or it waits for a boot. */
    static Item bootOnly(Verification.BootValue b, Fact<String> now) {
        if (now == null || !now.known()) {
            return new Item(Kind.LIVE, b.key(), b.planned(), "unknown", Status.UNKNOWN, now == null ? "not read" : reason(now));
        }
        String is = now.orElse("");
        if (is.equals(SysctlFile.normalizeValue(b.planned()))) return new Item(Kind.LIVE, b.key(), b.planned(), is, Status.IN_EFFECT, "set in " + OwnedFiles.SYSCTL_DROPIN);
        if (b.asPlanned()) {
            return new Item(Kind.LIVE, b.key(), b.planned(), is, Status.AT_NEXT_BOOT,
                    "not written live; systemd-sysctl sets it at the next boot (" + b.source().orElse(OwnedFiles.SYSCTL_DROPIN) + ")");
        }
        return new Item(Kind.LIVE, b.key(), b.planned(), is, Status.DRIFTED, "neither live nor at the next boot: "
                + b.source().map(s -> s + " sets " + b.value().orElse("")).orElse("no file sets it"));
    }

    static Item manager(String planned, Fact<NofileLimit> loaded) {
        Optional<NofileLimit> want = NofileLimit.parse(planned);
        if (!loaded.known()) return new Item(Kind.MANAGER, "DefaultLimitNOFILE", planned, "unknown", Status.UNKNOWN, reason(loaded));
        NofileLimit is = loaded.orElse(null);
        if (want.isPresent() && want.get().equals(is)) return new Item(Kind.MANAGER, "DefaultLimitNOFILE", planned, is.toString(), Status.IN_EFFECT, "systemd has it loaded");
        return new Item(Kind.MANAGER, "DefaultLimitNOFILE", planned, is.toString(), Status.NEEDS_DAEMON_REEXEC,
                "systemd reads system.conf.d only when it starts or re-executes: systemctl daemon-reexec, then restart the services");
    }

    /** Whether the service takes the manager default: its loaded LimitNOFILE is the default systemd has. */
    private static boolean defaultApplies(ServiceProcess p, Fact<NofileLimit> managerDefault) {
        return p.unitNofile().opt().flatMap(u -> managerDefault.opt().map(u::equals)).orElse(true);
    }

    // ---- the service's process --------------------------------------------------------------

    /** One process and when the plan was applied: the comparisons that depend on when it started. */
    private record Process(ServiceProcess p, Optional<Instant> appliedAt, Map<String, String> conflicts) {

        Item nofile(String planned, String subject, Optional<Boolean> managerLoaded) {
            Optional<NofileLimit> want = NofileLimit.parse(planned);
            if (!p.running() || !p.nofile().known()) return unknown(subject, planned, p.nofile());
            NofileLimit is = p.nofile().orElse(null);
            // Go 1.19+ raises its soft limit to the hard one at start: a higher soft limit is fine
            boolean ok = want.isPresent() && is.hard() == want.get().hard() && is.soft() >= want.get().soft();
            if (ok) return in(subject, planned, is.toString());
            if (managerLoaded.isPresent() && !managerLoaded.get()) {
                return new Item(Kind.PROCESS, subject, planned, is.toString(), Status.NEEDS_DAEMON_REEXEC,
                        "systemd has not loaded the new default yet: systemctl daemon-reexec, then restart " + p.unit());
            }
            String ceiling = p.managerNofile().opt().filter(m -> want.isPresent() && m.hard() < want.get().hard())
                    .map(m -> "systemd's own hard limit is " + (m.hard() == NofileLimit.INFINITY ? "infinity" : Long.toString(m.hard()))
                            + " (" + p.managerNofile().src().get().describe() + ") and it lacks CAP_SYS_RESOURCE to give more")
                    .orElse(conflicts.containsKey("[Service] LimitNOFILE") ? conflicts.get("[Service] LimitNOFILE")
                            : "the unit's LimitNOFILE did not reach the process (" + p.unitNofile().opt().map(u -> "systemd has " + u + " loaded").orElse("loaded value unknown") + ")");
            return changed(subject, planned, is.toString(), ceiling);
        }

        Item environment(String var, String planned) {
            String subject = "Environment " + var;
            if (!p.running() || !p.goEnvironment().known()) return unknown(subject, planned, p.goEnvironment());
            String is = p.goEnvironment().orElse(Map.of()).get(var);
            if (planned.equals(is)) return in(subject, planned, is);
            return changed(subject, planned, is == null ? "not set" : is, conflicts.getOrDefault("[Service] Environment=" + var,
                    "the unit's Environment= did not reach the process"));
        }

        List<Item> backlogs(String somaxconn) {
            if (!p.running() || !p.listeners().known()) return List.of(unknown("listen backlog", somaxconn, p.listeners()));
            List<Item> out = new ArrayList<>();
            for (ServiceProcess.Listener l : p.listeners().orElse(List.of())) {
                String subject = "listen backlog " + l.local();
                String is = Long.toString(l.backlog());
                if (is.equals(somaxconn)) out.add(in(subject, somaxconn, is));
                else out.add(changed(subject, somaxconn, is, l.backlog() == GO_FALLBACK_BACKLOG
                        ? "a Go process that cannot read /proc/sys/net/core/somaxconn (ProcSubset=pid, a sandbox) listens with 128, Go's fallback"
                        : "the listener did not get somaxconn"));
            }
            return out;
        }

        Item hugePages(String planned) {
            String subject = "transparent huge pages";
            if (!p.running() || !p.startedAt().known()) return unknown(subject, planned, p.startedAt());
            String is = p.anonHugePagesKb().opt().map(k -> "AnonHugePages " + k + " kB").orElse("AnonHugePages unknown");
            if (startedBefore().orElse(true)) {
                return new Item(Kind.PROCESS, subject, planned + " for the process's memory", is, Status.NEEDS_RESTART,
                        "a change of transparent_hugepage/enabled reaches only new allocations; " + started());
            }
            return in(subject, planned + " for the process's memory", is);
        }

        /** The value differs: say what is still in the way. */
        private Item changed(String subject, String expected, String now, String notReached) {
            if (p.needDaemonReload().orElse(false)) {
                return new Item(Kind.PROCESS, subject, expected, now, Status.NEEDS_DAEMON_RELOAD,
                        "the unit files changed after systemd loaded them: systemctl daemon-reload, then restart " + p.unit());
            }
            if (startedBefore().orElse(true)) {
                return new Item(Kind.PROCESS, subject, expected, now, Status.NEEDS_RESTART, started() + ": systemctl restart " + p.unit());
            }
            return new Item(Kind.PROCESS, subject, expected, now, Status.NOT_REACHED, started() + ", after the apply, yet " + notReached);
        }

        /** Empty when either time is unknown (a plan file never applied, a capture without /proc/stat). */
        Optional<Boolean> startedBefore() {
            if (appliedAt.isEmpty() || !p.startedAt().known()) return Optional.empty();
            return Optional.of(p.startedAt().orElse(Instant.EPOCH).isBefore(appliedAt.get().minus(CLOCK_SLACK)));
        }

        String started() {
            String pid = "PID " + p.mainPid().orElse(0);
            String when = p.startedAt().opt().map(t -> " started " + t).orElse(" (start time unknown)");
            return pid + when + appliedAt.map(a -> startedBefore().orElse(true) ? ", before the apply at " + a.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : "").orElse("");
        }

        private Item in(String subject, String expected, String now) {
            return new Item(Kind.PROCESS, subject, expected, now, Status.IN_EFFECT, "PID " + p.mainPid().orElse(0) + " has it");
        }

        private Item unknown(String subject, String expected, Fact<?> why) {
            if (!p.running() && p.mainPid().known()) {
                return new Item(Kind.PROCESS, subject, expected, "not running", Status.NEEDS_RESTART,
                        p.unit() + " is not running: systemctl start " + p.unit());
            }
            if (!p.running()) return new Item(Kind.PROCESS, subject, expected, "unknown", Status.UNKNOWN, reason(p.mainPid()));
            return new Item(Kind.PROCESS, subject, expected, "unknown", Status.UNKNOWN, reason(why));
        }
    }

    // ---- the plan's files --------------------------------------------------------------------

    /** The last value of [section] key in golive's planned file at {@code path}. */
    static Optional<String> fileValue(Plan plan, String path, String section, String key) {
        return plan.files().stream().filter(f -> f.path().equals(path)).flatMap(f -> f.after().stream())
                .map(t -> SystemdIni.parse(path, t).values(section, key)).filter(v -> !v.isEmpty()).map(v -> v.get(v.size() - 1)).findFirst();
    }

    /**
     * The settings of the service's unit file or drop-in golive planned that verify reads back:
     * LimitNOFILE, and each Go variable of Environment= as {@code Environment:NAME}.
     */
    public static Map<String, String> unitSettings(Plan plan, String unit) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FileChange f : plan.files()) {
            if (!(f.path().equals(OwnedFiles.unit(unit)) || f.path().equals(OwnedFiles.unitDropIn(unit))) || f.after().isEmpty()) continue;
            SystemdIni ini = SystemdIni.parse(f.path(), f.after().get());
            for (SystemdIni.Entry e : ini.entries()) {
                if (!e.section().equals("Service")) continue;
                if (e.key().equals("LimitNOFILE")) {
                    if (e.value().isEmpty()) out.remove("LimitNOFILE");
                    else out.put("LimitNOFILE", e.value());
                }
                if (e.key().equals("Environment")) {
                    if (e.value().isEmpty()) out.keySet().removeIf(k -> k.startsWith("Environment:"));
                    ini.environment(e).forEach((k, v) -> out.put("Environment:" + k, v));
                }
            }
        }
        return out;
    }

    private static String reason(Fact<?> f) { return f instanceof Fact.Unknown<?> u ? u.reason() : "not read"; }
}
