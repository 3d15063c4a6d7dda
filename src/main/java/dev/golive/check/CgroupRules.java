package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.CgroupMode;
import dev.golive.model.Finding;
import dev.golive.model.HostFacts;
import dev.golive.model.ProposedFix;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.golive.model.Severity.ERROR;
import static dev.golive.model.Severity.WARN;

/** cgroup layout against the systemd version, and the service's resource directives against the layout. */
final class CgroupRules {

    private CgroupRules() { }

    static final String RC = "man 5 systemd.resource-control";
    static final String CG2 = "https://docs.kernel.org/admin-guide/cgroup-v2.html";
    static final String NEWS = "systemd NEWS (v256: cgroup v1 needs SYSTEMD_CGROUP_ENABLE_LEGACY_FORCE=1; v258: v1 and hybrid removed)";

    static boolean legacy(HostFacts h) {
        return h.cgroups().mode().opt().map(m -> m != CgroupMode.V2).orElse(false);
    }

    static final Rule V1_UNSUPPORTED = Rule.host("CG-V1-UNSUPPORTED-SYSTEMD", ERROR, Area.CGROUPS,
            "cgroup v1/hybrid with a systemd that dropped it",
            "systemd 256 refuses to boot on a cgroup v1 or hybrid layout unless forced, and systemd 258 removed v1 and "
                    + "hybrid support entirely. A host in this state is one reboot away from not coming up, and resource "
                    + "directives behave as on v1 (several are ignored).",
            "Boot with the unified hierarchy: remove systemd.unified_cgroup_hierarchy=0 (and SYSTEMD_CGROUP_ENABLE_LEGACY_FORCE) from the kernel command line.",
            NEWS + "; " + CG2,
            (r, h) -> {
                if (!legacy(h) || !h.systemd().atLeast(256)) return List.of();
                int v = h.systemd().version().opt().get();
                return r.one(h.cgroups().mode().opt().get().label() + " with systemd " + v
                                + (v >= 258 ? ": this systemd has no v1/hybrid support" : ": this systemd boots on it only when forced"),
                        Facts.sources(h.cgroups().mode(), h.systemd().version(), h.cgroups().unifiedHierarchySwitch()),
                        ProposedFix.advice("switch to the unified hierarchy (cgroup v2) before the next reboot"));
            });

    static final Rule V1_LEGACY = Rule.host("CG-V1-OR-HYBRID", WARN, Area.CGROUPS,
            "cgroup v1 or hybrid layout",
            "On a cgroup v1 or hybrid host MemoryHigh=, MemoryLow=, MemoryMin= and MemorySwapMax= are ignored and "
                    + "pressure information (PSI per cgroup) is missing. systemd 256 refuses to boot on v1 unless forced and "
                    + "systemd 258 removed it, so upgrading the distribution will require v2 anyway.",
            "Switch to cgroup v2: systemd.unified_cgroup_hierarchy=1 on the kernel command line (the default of current "
                    + "distributions). That needs Linux 4.5 or later (cgroup2 was merged in 4.5) and systemd 230 or later "
                    + "(the first to run on the unified hierarchy); an older host (EL7: 3.10, systemd 219) gets there only "
                    + "by a distribution upgrade.",
            NEWS + " (v230: unified hierarchy); " + CG2 + "; Linux 4.5 release (cgroup2)",
            (r, h) -> {
                if (!legacy(h) || h.systemd().atLeast(256)) return List.of();
                java.util.Optional<dev.golive.model.KernelVersion> k = h.os().kernel();
                java.util.Optional<Integer> sd = h.systemd().version().opt();
                List<String> cannot = new ArrayList<>();
                k.filter(x -> !x.atLeast(4, 5)).ifPresent(x -> cannot.add("Linux " + x + " has no cgroup2 (needs 4.5)"));
                sd.filter(v -> v < 230).ifPresent(v -> cannot.add("systemd " + v + " cannot run on it (needs 230)"));
                ProposedFix fix = !cannot.isEmpty()
                        ? ProposedFix.advice("this host cannot switch: " + String.join(", ", cannot) + "; cgroup v2 comes with a distribution upgrade")
                        : k.isPresent() && sd.isPresent() ? ProposedFix.advice("boot with systemd.unified_cgroup_hierarchy=1")
                        : ProposedFix.advice("boot with systemd.unified_cgroup_hierarchy=1 if the kernel is 4.5 or later and systemd 230 or later"
                                + " (" + (k.isEmpty() ? "the kernel" : "systemd") + "'s version is unknown here)");
                return r.one("cgroup layout is " + h.cgroups().mode().opt().get().label()
                                + sd.map(v -> " (systemd " + v + ")").orElse(""),
                        Facts.sources(h.cgroups().mode(), h.cgroups().unifiedHierarchySwitch()), fix);
            });

    static final List<String> V2_ONLY = List.of("MemoryLow", "MemoryHigh", "MemoryMin", "MemorySwapMax");

    static final Rule V2_ONLY_ON_V1 = Rule.service("CG-V2-DIRECTIVE-ON-V1", WARN, Area.CGROUPS,
            "cgroup-v2-only directive on a v1/hybrid host",
            "Advice to use MemoryLow= or MemoryHigh= on a cgroup v1 or hybrid host is wrong: those directives (and "
                    + "MemoryMin=, MemorySwapMax=) exist only in cgroup v2, and systemd silently ignores them on v1. The unit "
                    + "looks protected or throttled but is not. MemoryMax= works on both (memory.limit_in_bytes on v1).",
            "Move the host to cgroup v2, or rely on MemoryMax= only.",
            RC + "; " + CG2,
            (r, h) -> {
                if (!legacy(h)) return List.of();
                List<Finding> out = new ArrayList<>();
                for (UnitDirective d : h.service().get().directives()) {
                    if (!d.section().equals("Service") || !V2_ONLY.contains(d.key())) continue;
                    out.add(r.finding(d.key() + "=" + d.value() + " is ignored: the host runs "
                                    + h.cgroups().mode().opt().get().label(),
                            Facts.plus(List.of(d.source()), h.cgroups().mode().src()),
                            ProposedFix.advice("switch the host to cgroup v2 or use MemoryMax=")));
                }
                return out;
            });

    static final List<String> EXEC_KEYS = List.of("ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop", "ExecStopPost", "ExecCondition");

    static final Rule HAND_WRITTEN = Rule.service("CG-HAND-WRITTEN", WARN, Area.CGROUPS,
            "Unit writes /sys/fs/cgroup by hand",
            "Advice to write files under /sys/fs/cgroup by hand for a systemd service is wrong. systemd owns the cgroup "
                    + "tree: it creates the service's cgroup, writes its limits from the unit's directives and rewrites them "
                    + "on every daemon-reload or restart, so hand-written values are lost or fight with systemd's. The "
                    + "resource-control directives (CPUQuota=, MemoryMax=, TasksMax=, IOWeight=, …) set the same files and "
                    + "survive.",
            "Replace the command with the matching directive in the unit (e.g. CPUQuota=200% instead of writing cpu.max).",
            RC + "; https://systemd.io/CGROUP_DELEGATION/",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                for (UnitDirective d : h.service().get().directives()) {
                    if (!EXEC_KEYS.contains(d.key()) || !d.value().contains("/sys/fs/cgroup")) continue;
                    out.add(r.finding(d.key() + " writes under /sys/fs/cgroup: " + d.value(), List.of(d.source()),
                            ProposedFix.advice("use the unit's resource-control directives instead")));
                }
                return out;
            });

    /** The v2 controller each resource directive needs. */
    static final Map<String, String> CONTROLLER = Map.ofEntries(
            Map.entry("CPUQuota", "cpu"), Map.entry("CPUWeight", "cpu"), Map.entry("MemoryMax", "memory"),
            Map.entry("MemoryHigh", "memory"), Map.entry("MemoryLow", "memory"), Map.entry("MemoryMin", "memory"),
            Map.entry("MemorySwapMax", "memory"), Map.entry("IOWeight", "io"), Map.entry("TasksMax", "pids"),
            Map.entry("AllowedCPUs", "cpuset"));

    static final Rule CONTROLLER_MISSING = Rule.service("CG-CONTROLLER-UNAVAILABLE", WARN, Area.CGROUPS,
            "Resource directive without its cgroup controller",
            "A resource-control directive works only when the kernel offers the matching cgroup v2 controller (listed in "
                    + "/sys/fs/cgroup/cgroup.controllers). In containers and on some minimal kernels a controller such as "
                    + "cpu or io is missing; systemd then accepts the directive and enforces nothing.",
            "Enable the controller (kernel config or the container's delegation) or drop the directive.",
            RC + "; " + CG2 + " (Controllers)",
            (r, h) -> {
                if (h.cgroups().mode().opt().filter(m -> m == CgroupMode.V2).isEmpty()) return List.of();
                Optional<List<String>> avail = h.cgroups().v2Controllers().opt();
                if (avail.isEmpty()) return List.of();
                List<Finding> out = new ArrayList<>();
                ServiceFacts s = h.service().get();
                for (UnitDirective d : s.directives()) {
                    String c = CONTROLLER.get(d.key());
                    if (c == null || !d.section().equals("Service") || avail.get().contains(c)) continue;
                    out.add(r.finding(d.key() + "=" + d.value() + " needs the " + c + " controller; available: "
                                    + String.join(" ", avail.get()),
                            Facts.plus(List.<Source>of(d.source()), h.cgroups().v2Controllers().src()),
                            ProposedFix.advice("enable the " + c + " controller or drop " + d.key() + "=")));
                }
                return out;
            });

    static final Rule TASKS_NEAR_PEAK = Rule.service("CG-TASKS-MAX-NEAR-PEAK", WARN, Area.CGROUPS,
            "Task limit without room above the service's peak",
            "The pids controller counts every thread, and a Go program that cannot create an OS thread dies: the "
                    + "runtime's newosproc prints \"runtime: failed to create new OS thread\" and throws when clone fails, "
                    + "as it does with EAGAIN at pids.max (TasksMax=). So a task limit close to the most tasks the service "
                    + "has held is a crash waiting for the next burst of blocking system calls, not a slowdown. The peak "
                    + "is pids.peak of the service's cgroup (Linux 6.1 and later), the most it has held since it started; "
                    + "without it golive cannot tell and finds nothing.",
            "Raise TasksMax= to twice the peak (and at least 64 above it), or find the leak that made the peak.",
            "Go runtime source: runtime/os_linux.go (newosproc: \"failed to create new OS thread\", throw(\"newosproc\")); "
                    + CG2 + " (PID: pids.max, pids.peak; Linux 6.1 commit \"cgroup: add pids.peak interface for pids controller\"); " + RC
                    + " (TasksMax=)",
            (r, h) -> {
                dev.golive.model.ServiceTasks t = h.service().get().tasks();
                Optional<Long> limit = t.limit(), peak = t.peak().opt();
                if (limit.isEmpty() || peak.isEmpty()) return List.of();
                long room = dev.golive.model.ServiceTasks.withHeadroom(peak.get());
                if (limit.get() >= room) return List.of();
                String v = Long.toString(room);
                return r.one(h.service().get().name() + " has held up to " + peak.get() + " tasks and its limit is " + limit.get()
                                + (peak.get() >= limit.get() ? ": it has already hit the limit" : ": less than twice the peak"),
                        Facts.sources(t.peak(), t.max()),
                        ProposedFix.of("set TasksMax=" + v + " on the service", new dev.golive.model.FixChange.UnitDirectiveChange("Service", "TasksMax", v)));
            });

    static List<Rule> all() { return List.of(V1_UNSUPPORTED, V1_LEGACY, V2_ONLY_ON_V1, HAND_WRITTEN, CONTROLLER_MISSING, TASKS_NEAR_PEAK); }
}
