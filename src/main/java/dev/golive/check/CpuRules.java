package dev.golive.check;

import dev.golive.check.GoRuntime.Awareness;
import dev.golive.check.GoRuntime.QuotaAwareness;
import dev.golive.model.Area;
import dev.golive.model.CgroupLimit;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.ProposedFix;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.golive.model.Severity.INFO;
import static dev.golive.model.Severity.WARN;

/** GOMAXPROCS against the CPU quota of the service's cgroup and its parents (DOMAIN.md, CPU and GOMAXPROCS). */
final class CpuRules {

    private CpuRules() { }

    static final String GO125 = "https://go.dev/doc/go1.25#container-aware-gomaxprocs; https://pkg.go.dev/runtime (GOMAXPROCS)";

    static Optional<Integer> cpuCount(HostFacts h) {
        return h.cpu().affinityCount().opt().or(() -> h.cpu().logicalCpus().opt());
    }

    static Optional<Integer> envGomaxprocs(ServiceFacts s) {
        return GoRuntime.env(s, "GOMAXPROCS").flatMap(v -> ValueParsers.parseLong(v).map(Long::intValue));
    }

    /** Sources of the limited cgroup levels, leaf first. */
    static List<Source> quotaSources(HostFacts h) {
        List<Source> out = new ArrayList<>();
        for (CgroupLimit l : h.cpu().cpuLimits()) if (l.limited()) l.value().src().filter(s -> !out.contains(s)).ifPresent(out::add);
        return out;
    }

    static String tightestPath(HostFacts h) {
        double best = Double.MAX_VALUE;
        String path = h.cpu().cgroupPath();
        for (CgroupLimit l : h.cpu().cpuLimits()) {
            Optional<Double> v = l.value().opt().flatMap(x -> x);
            if (v.isPresent() && v.get() < best) { best = v.get(); path = l.path(); }
        }
        return path;
    }

    static String gomaxprocsFor(double quota) { return Long.toString(Math.max(1, (long) Math.floor(quota))); }

    static final Rule IGNORES_QUOTA = Rule.service("CPU-GOMAXPROCS-IGNORES-QUOTA", WARN, Area.CPU,
            "Go runtime ignores the service's CPU quota",
            "Before Go 1.25 GOMAXPROCS defaults to the number of CPUs the process may run on and ignores CPU quotas "
                    + "(CPUQuota=, cgroup cpu.max). A service with a 2-CPU quota on a 16-CPU host then runs 16 threads of Go "
                    + "code, burns its quota early in each 100 ms period and is throttled, which shows up as latency spikes. "
                    + "Go 1.25 reads the quota only when the main module's go.mod says go 1.25 or later (a binary built from "
                    + "an older go.mod carries containermaxprocs=0 in its DefaultGODEBUG), and not when "
                    + "GODEBUG=containermaxprocs=0 is set.",
            "Set GOMAXPROCS to the quota (rounded down, at least 1) in the unit's environment, or build with Go ≥ 1.25 and go 1.25 in go.mod.",
            GO125 + "; https://github.com/uber-go/automaxprocs",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                Optional<Double> quota = h.cpu().effectiveQuota();
                Optional<Integer> cpus = cpuCount(h);
                if (envGomaxprocs(s).isPresent() || GoRuntime.env(s, "GOMAXPROCS").isPresent() || quota.isEmpty()
                        || cpus.isEmpty() || quota.get() >= cpus.get()) return List.of();
                Awareness a = GoRuntime.quotaAwareness(h, s);
                if (a.kind() != QuotaAwareness.IGNORES_QUOTA) return List.of();
                String g = gomaxprocsFor(quota.get());
                List<Source> src = new ArrayList<>(quotaSources(h));
                a.sources().stream().filter(x -> !src.contains(x)).forEach(src::add);
                return r.one("CPU quota " + ValueParsers.cpus(quota.get()) + " CPUs (" + tightestPath(h) + ") but GOMAXPROCS defaults to "
                                + cpus.get() + ": " + a.reason(), src,
                        ProposedFix.of("set GOMAXPROCS=" + g + " in the service's environment",
                                new FixChange.ServiceEnvironmentChange("GOMAXPROCS", g)));
            });

    static final Rule QUOTA_ON_PARENT = Rule.service("CPU-QUOTA-ON-PARENT", WARN, Area.CPU,
            "CPU quota on a parent slice, missed by Go 1.25",
            "Go 1.25's container-aware GOMAXPROCS reads only the cgroup the process is in. A quota set on a parent slice "
                    + "(for example CPUQuota= on app.slice) limits the service just the same, but the runtime does not see "
                    + "it and sizes GOMAXPROCS from the CPU count, so the service is throttled.",
            "Put CPUQuota= on the service itself (the leaf cgroup), or set GOMAXPROCS in its environment.",
            GO125 + "; man 5 systemd.resource-control (CPUQuota=)",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                Optional<Double> eff = h.cpu().effectiveQuota();
                Optional<Integer> cpus = cpuCount(h);
                if (GoRuntime.env(s, "GOMAXPROCS").isPresent() || eff.isEmpty() || cpus.isEmpty() || eff.get() >= cpus.get()) return List.of();
                Optional<Double> leaf = h.cpu().leafQuota();
                if (leaf.isPresent() && leaf.get() <= eff.get()) return List.of();
                if (GoRuntime.quotaAwareness(h, s).kind() != QuotaAwareness.READS_LEAF) return List.of();
                String pct = Math.round(eff.get() * 100) + "%";
                return r.one("quota " + ValueParsers.cpus(eff.get()) + " CPUs is on " + tightestPath(h) + ", the service's own cgroup "
                                + h.cpu().cgroupPath() + " has " + leaf.map(v -> ValueParsers.cpus(v) + " CPUs").orElse("none")
                                + ": Go sizes GOMAXPROCS from " + (leaf.isPresent() ? ValueParsers.cpus(leaf.get()) : cpus.get()) + " CPUs",
                        quotaSources(h),
                        ProposedFix.of("set CPUQuota=" + pct + " on the service", new FixChange.UnitDirectiveChange("Service", "CPUQuota", pct)));
            });

    static final Rule QUOTA_BELOW_TWO = Rule.service("CPU-QUOTA-BELOW-TWO", WARN, Area.CPU,
            "CPU quota below 2 CPUs: Go 1.25 still runs 2 Ps",
            "Go 1.25's quota-aware default never goes below 2 unless the process may run on only one CPU "
                    + "(runtime/cgroup_linux.go takes the smaller of the CPUs in the affinity mask and max(2, the quota "
                    + "rounded up)): under a limit of 1 CPU or less on a multi-CPU host the runtime still runs Go code on "
                    + "2 threads and can be throttled (uber-go/automaxprocs uses floor(quota), minimum 1, instead). Under "
                    + "a quota below 2 CPUs, decide GOMAXPROCS explicitly.",
            "Set GOMAXPROCS=1 in the service's environment (or raise the quota to 2 CPUs).",
            GO125 + "; https://github.com/uber-go/automaxprocs/issues/98",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                Optional<Double> leaf = h.cpu().leafQuota();
                if (GoRuntime.env(s, "GOMAXPROCS").isPresent() || leaf.isEmpty() || leaf.get() >= 2) return List.of();
                if (GoRuntime.quotaAwareness(h, s).kind() != QuotaAwareness.READS_LEAF) return List.of();
                // the floor of 2 is itself capped by the CPUs the process may run on (runtime/cgroup_linux.go:
                // min(affinity CPUs, max(2, ceil(limit)))): with one CPU Go runs one P and the quota is no surprise
                if (cpuCount(h).filter(n -> n < 2).isPresent()) return List.of();
                String g = gomaxprocsFor(h.cpu().effectiveQuota().orElse(leaf.get()));
                return r.one("quota " + ValueParsers.cpus(leaf.get()) + " CPUs on " + h.cpu().cgroupPath() + ": Go runs 2 Ps anyway",
                        quotaSources(h),
                        ProposedFix.of("set GOMAXPROCS=" + g, new FixChange.ServiceEnvironmentChange("GOMAXPROCS", g)));
            });

    static final Rule ABOVE_QUOTA = Rule.service("CPU-GOMAXPROCS-ABOVE-QUOTA", WARN, Area.CPU,
            "GOMAXPROCS set above the CPU quota",
            "Advice to set GOMAXPROCS to the number of cores is wrong inside a CPU quota. The quota, not the core count, "
                    + "is what the service may use: with more Ps than quota the runtime spends the quota early in every "
                    + "period and the kernel throttles it for the rest. Use the quota (rounded down, at least 1); or leave "
                    + "GOMAXPROCS unset with Go ≥ 1.25 and go 1.25 in go.mod, which then follows a quota on the service's "
                    + "own cgroup.",
            "Set GOMAXPROCS to the quota rounded down (at least 1).",
            GO125,
            (r, h) -> {
                ServiceFacts s = h.service().get();
                Optional<Integer> n = envGomaxprocs(s);
                Optional<Double> quota = h.cpu().effectiveQuota();
                if (n.isEmpty() || quota.isEmpty() || n.get() <= Math.ceil(quota.get())) return List.of();
                String g = gomaxprocsFor(quota.get());
                return r.one("GOMAXPROCS=" + n.get() + " but the CPU quota is " + ValueParsers.cpus(quota.get()) + " CPUs (" + tightestPath(h) + ")",
                        Facts.plus(GoRuntime.envSource(s, "GOMAXPROCS"), quotaSources(h).stream().findFirst()),
                        ProposedFix.of("set GOMAXPROCS=" + g, new FixChange.ServiceEnvironmentChange("GOMAXPROCS", g)));
            });

    static final Rule ENV_SET = Rule.service("CPU-GOMAXPROCS-ENV", INFO, Area.CPU,
            "GOMAXPROCS fixed in the service's environment",
            "GOMAXPROCS in the environment turns off every default the runtime would pick: the CPU affinity count and, "
                    + "from Go 1.25, the cgroup CPU limit that it re-reads while running. That is right when the value was "
                    + "chosen on purpose (for example a quota below 2 CPUs) but goes stale when the host or the quota "
                    + "changes.",
            "Keep it only if chosen on purpose; otherwise remove it and let the runtime decide.",
            "https://pkg.go.dev/runtime (GOMAXPROCS); " + GO125,
            (r, h) -> {
                ServiceFacts s = h.service().get();
                Optional<String> raw = GoRuntime.env(s, "GOMAXPROCS");
                if (raw.isEmpty()) return List.of();
                Optional<Integer> n = envGomaxprocs(s);
                Optional<Double> quota = h.cpu().effectiveQuota();
                if (n.isPresent() && quota.isPresent() && n.get() > Math.ceil(quota.get())) return List.of(); // ABOVE_QUOTA says it
                Optional<Integer> cpus = cpuCount(h);
                String extra = n.isPresent() && cpus.isPresent() && n.get() > cpus.get()
                        ? " (more than the " + cpus.get() + " CPUs it may run on)" : "";
                return r.one("GOMAXPROCS=" + raw.get() + extra + " overrides the runtime's own choice",
                        GoRuntime.envSource(s, "GOMAXPROCS"), ProposedFix.advice("keep it if deliberate, else remove it"));
            });

    static List<Rule> all() { return List.of(IGNORES_QUOTA, QUOTA_ON_PARENT, QUOTA_BELOW_TWO, ABOVE_QUOTA, ENV_SET); }
}
