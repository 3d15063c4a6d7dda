package dev.golive.unit;

import dev.golive.model.CgroupLimit;
import dev.golive.model.CpuFacts;
import dev.golive.model.Fact;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoVersion;
import dev.golive.model.MemoryFacts;
import dev.golive.model.ServiceSpec;
import dev.golive.model.SystemdValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * GOMAXPROCS and GOMEMLIMIT for a service, per DOMAIN.md ("CPU and GOMAXPROCS", "Memory"):
 *
 * <ul>
 * <li>GOMAXPROCS is set only where the runtime would not size itself to the CPU quota: Go
 *     before 1.25 ignores quotas; Go 1.25 reads the leaf cgroup's quota only when go.mod says
 *     go ≥ 1.25 (a binary shows go.mod &lt; 1.25 as {@code containermaxprocs=0} in its
 *     DefaultGODEBUG), never sees a quota on a parent slice, and never goes below 2. Where it
 *     must be set it is floor(quota), at least 1 (what automaxprocs does).</li>
 * <li>GOMEMLIMIT (Go 1.19+) is never derived by Go from memory.max: golive sets it to
 *     {@code memLimitPercent} of MemoryMax= (or of the tightest limit on a parent).</li>
 * </ul>
 *
 * A pure function: the caller reads the binary's build info and the go.mod line.
 */
public final class GoRuntimeDerivation {

    private GoRuntimeDerivation() { }

    static final long MIB = 1L << 20;

    /** What the derivation looks at, besides the spec. */
    public record Inputs(Fact<GoBuildInfo> binary, Optional<GoVersion> goModGo, CpuFacts cpu, MemoryFacts memory) { }

    public record Result(GoRuntimeValue gomaxprocs, GoRuntimeValue gomemlimit) {
        public List<GoRuntimeValue> all() { return List.of(gomaxprocs, gomemlimit); }
    }

    public static Result derive(ServiceSpec spec, Inputs in) {
        return new Result(gomaxprocs(spec, in), gomemlimit(spec, in));
    }

    /**
     * The same derivation for the service in a container: its limits are the spec's CPU quota
     * and memory limit on the container's own (leaf) cgroup, the node's CPU count is not known
     * here, and the binary is built by the image's build stage with the Go release go.mod asks
     * for ({@code goModGo}), so that release is the binary's Go version.
     */
    public static Result forContainer(ServiceSpec spec, GoVersion goModGo) {
        Fact<Integer> unknownCpus = Fact.unknown("the node's CPUs are not known when the image is built");
        CpuFacts cpu = new CpuFacts(unknownCpus, unknownCpus, unknownCpus, Fact.unknown(""), Fact.unknown(""), Fact.unknown(""),
                unknownCpus, Fact.unknown(""), Fact.unknown(""), Fact.unknown(""), Fact.unknown(""), Fact.unknown(""), Fact.unknown(""),
                "/", List.of());
        Fact<Long> unknownRam = Fact.unknown("the node's memory is not known when the image is built");
        MemoryFacts memory = new MemoryFacts(unknownRam, unknownRam, unknownRam, unknownRam, Fact.unknown(""), Fact.unknown(""),
                Fact.unknown(""), Fact.unknown(""), Fact.unknown(""), "/", List.of());
        GoBuildInfo built = new GoBuildInfo(goModGo.toString(), "", "", java.util.Map.of());
        return derive(spec, new Inputs(Fact.of(built, new dev.golive.model.Source.Derived("the image's build stage: " + goModGo)),
                Optional.of(goModGo), cpu, memory));
    }

    // ---- GOMAXPROCS

    static GoRuntimeValue gomaxprocs(ServiceSpec spec, Inputs in) {
        String n = "GOMAXPROCS";
        ServiceSpec.GoRuntime go = spec.go();
        if (go.gomaxprocs().isPresent()) return GoRuntimeValue.set(n, go.gomaxprocs().get().toString(), "set in the spec");
        if (spec.environment().containsKey(n)) return GoRuntimeValue.unset(n, "the spec's environment sets it (" + spec.environment().get(n) + ")");
        if (go.mode() == ServiceSpec.GoRuntime.Mode.OFF) return GoRuntimeValue.unset(n, "Go runtime tuning is off in the spec");

        String unitCgroup = "/system.slice/" + spec.unitName();
        Optional<Double> leaf = spec.resources().cpuQuota().flatMap(SystemdValues::cpuQuota);
        String leafFrom = "CPUQuota=" + spec.resources().cpuQuota().orElse("");
        // CPUQuota=infinity (written as the empty CPUQuota=) and "none" over a unit that sets none: no quota once it restarts
        boolean lifted = spec.resources().cpuQuota().filter(SystemdValues.INFINITY::equals).isPresent() || spec.resources().isUnset("cpuQuota");
        if (leaf.isEmpty() && !lifted) {
            // no CPUQuota= in the spec: a quota already on the service's own cgroup stays
            Optional<CgroupLimit> own = in.cpu().cpuLimits().stream().filter(l -> l.path().equals(unitCgroup)).findFirst();
            leaf = own.flatMap(l -> l.value().opt().flatMap(v -> v));
            leafFrom = "the quota on " + unitCgroup;
        }
        Optional<CgroupLimit> parent = in.cpu().cpuLimits().stream()
                .filter(l -> isAncestor(l.path(), unitCgroup) && l.limited())
                .min((a, b) -> Double.compare(a.value().opt().get().get(), b.value().opt().get().get()));
        Optional<Double> parentQuota = parent.map(l -> l.value().opt().get().get());

        if (leaf.isEmpty() && parentQuota.isEmpty()) {
            return GoRuntimeValue.unset(n, "no CPU quota on the service or its parents: the runtime's default (the CPUs it may run on) is right");
        }
        boolean parentTighter = parentQuota.isPresent() && (leaf.isEmpty() || parentQuota.get() < leaf.get());
        double quota = parentTighter ? parentQuota.get() : leaf.get();
        String quotaText = cpus(quota) + " CPUs (" + (parentTighter ? "quota on parent " + parent.get().path() : leafFrom) + ")";
        Optional<Integer> pinned = pinnedCpus(spec.resources());
        Optional<Integer> cpuCount = pinned.or(() -> in.cpu().affinityCount().opt()).or(() -> in.cpu().logicalCpus().opt());
        if (cpuCount.isPresent() && quota >= cpuCount.get()) {
            return GoRuntimeValue.unset(n, "the quota of " + quotaText + " is not below the " + cpuCount.get()
                    + " CPUs the service may run on" + (pinned.isPresent() ? " (its CPUAffinity=/AllowedCPUs=)" : "")
                    + ", so the runtime's default already fits");
        }
        int floor = Math.max(1, (int) Math.floor(quota));
        String value = Integer.toString(floor);

        Optional<GoVersion> v = in.binary().opt().flatMap(GoBuildInfo::version);
        if (v.isEmpty()) {
            String why = in.binary() instanceof Fact.Unknown<GoBuildInfo> u ? u.reason() : "no Go version in its build info";
            return GoRuntimeValue.set(n, value, "the binary's Go version is unknown (" + why + "); floor(" + quotaText
                    + ") is right for every Go version, and an explicit value turns off any quota detection");
        }
        GoVersion gv = v.get();
        if (!gv.atLeast(1, 25, 0)) {
            return GoRuntimeValue.set(n, value, gv + " sizes GOMAXPROCS from the CPU count and ignores CPU quotas; floor(" + quotaText + "), at least 1");
        }
        String godebug = spec.environment().getOrDefault("GODEBUG", "");
        if (godebugSays(godebug, "containermaxprocs", "0")) {
            return GoRuntimeValue.set(n, value, "GODEBUG=containermaxprocs=0 in the spec turns off " + gv + "'s quota-aware default; floor(" + quotaText + ")");
        }
        String modSays;
        String dflt = in.binary().opt().get().defaultGodebug().getOrDefault("containermaxprocs", "");
        if (dflt.equals("0")) {
            return GoRuntimeValue.set(n, value, "the binary's DefaultGODEBUG has containermaxprocs=0 (its go.mod says go < 1.25), so "
                    + gv + " still ignores CPU quotas; floor(" + quotaText + ")");
        }
        if (in.goModGo().isPresent()) {
            if (!in.goModGo().get().atLeast(1, 25, 0)) {
                return GoRuntimeValue.set(n, value, "go.mod says " + in.goModGo().get() + " (< 1.25), so " + gv
                        + " keeps the old default and ignores CPU quotas; floor(" + quotaText + ")");
            }
            modSays = "go.mod says " + in.goModGo().get();
        } else {
            modSays = "its DefaultGODEBUG keeps containermaxprocs on (go.mod ≥ 1.25)";
        }
        if (parentTighter) {
            return GoRuntimeValue.set(n, value, gv + " reads only the service's own cgroup and misses the quota on parent "
                    + parent.get().path() + "; floor(" + quotaText + ")");
        }
        if (quota < 2) {
            return GoRuntimeValue.set(n, value, gv + " never goes below 2 Ps and would be throttled under a quota of "
                    + quotaText + "; floor(quota), at least 1");
        }
        return GoRuntimeValue.unset(n, gv + " reads the service's CPU quota of " + quotaText + " itself (" + modSays + ")");
    }

    /**
     * The CPUs CPUAffinity= and AllowedCPUs= leave the service (both narrow the affinity mask
     * Go's default GOMAXPROCS counts, runtime getproccount); empty when the spec sets neither.
     */
    static Optional<Integer> pinnedCpus(ServiceSpec.Resources r) {
        Optional<java.util.BitSet> a = r.cpuAffinity().flatMap(SystemdValues::cpuList);
        Optional<java.util.BitSet> b = r.allowedCpus().flatMap(SystemdValues::cpuList);
        if (a.isEmpty() && b.isEmpty()) return Optional.empty();
        java.util.BitSet both = (java.util.BitSet) a.orElseGet(b::get).clone();
        b.ifPresent(both::and);
        return Optional.of(Math.max(1, both.cardinality()));
    }

    /** Whether {@code path} is {@code unit} itself's ancestor ("/" and "/system.slice" for /system.slice/app.service). */
    static boolean isAncestor(String path, String unit) {
        if (path.equals(unit)) return false;
        if (path.equals("/") || path.isEmpty()) return true;
        return unit.startsWith(path.endsWith("/") ? path : path + "/");
    }

    private static boolean godebugSays(String godebug, String key, String value) {
        for (String kv : godebug.split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).trim().equals(key) && kv.substring(eq + 1).trim().equals(value)) return true;
        }
        return false;
    }

    // ---- GOMEMLIMIT

    static GoRuntimeValue gomemlimit(ServiceSpec spec, Inputs in) {
        String n = "GOMEMLIMIT";
        ServiceSpec.GoRuntime go = spec.go();
        if (go.gomemlimit().isPresent()) return GoRuntimeValue.set(n, go.gomemlimit().get(), "set in the spec");
        if (spec.environment().containsKey(n)) return GoRuntimeValue.unset(n, "the spec's environment sets it (" + spec.environment().get(n) + ")");
        if (go.mode() == ServiceSpec.GoRuntime.Mode.OFF) return GoRuntimeValue.unset(n, "Go runtime tuning is off in the spec");
        Optional<GoVersion> v = in.binary().opt().flatMap(GoBuildInfo::version);
        if (v.isPresent() && !v.get().atLeast(1, 19, 0)) {
            return GoRuntimeValue.unset(n, v.get() + " predates GOMEMLIMIT (Go 1.19)");
        }

        String unitCgroup = "/system.slice/" + spec.unitName();
        List<String> notes = new ArrayList<>();
        Optional<Long> limit = Optional.empty();
        String from = null;
        Optional<String> memMax = spec.resources().memoryMax();
        if (memMax.isPresent()) {
            Optional<SystemdValues.Size> size = SystemdValues.memory(memMax.get());
            if (size.isPresent() && size.get() instanceof SystemdValues.Bytes b) {
                limit = Optional.of(b.bytes());
            } else if (size.isPresent() && size.get() instanceof SystemdValues.PercentOfRam p) {
                Optional<Long> ram = in.memory().totalBytes().opt();
                if (ram.isEmpty()) return GoRuntimeValue.unset(n, "MemoryMax=" + memMax.get() + " is a share of RAM, and the host's RAM is unknown");
                limit = Optional.of(p.of(ram.get()));
                notes.add(memMax.get() + " of " + mib(ram.get()) + " RAM");
            }
            from = "MemoryMax=" + memMax.get();
        }
        Optional<CgroupLimit> parent = in.memory().memoryLimits().stream()
                .filter(l -> isAncestor(l.path(), unitCgroup) && l.limited())
                .min((a, b) -> Double.compare(a.value().opt().get().get(), b.value().opt().get().get()));
        if (parent.isPresent()) {
            long p = parent.get().value().opt().get().get().longValue();
            if (limit.isEmpty() || p < limit.get()) {
                limit = Optional.of(p);
                from = "the memory limit on parent " + parent.get().path();
            }
        }
        if (limit.isEmpty()) {
            return GoRuntimeValue.unset(n, "no MemoryMax= and no memory limit on a parent: nothing to keep the heap under");
        }
        Optional<String> target = dev.golive.model.GoMemLimit.target(limit.get(), go.memLimitPercent());
        if (target.isEmpty()) return GoRuntimeValue.unset(n, dev.golive.model.GoMemLimit.tooSmall(limit.get(), go.memLimitPercent()) + " (" + from + ")");
        String value = target.get();
        return GoRuntimeValue.set(n, value, go.memLimitPercent() + "% of " + from + " (" + mib(limit.get())
                + (notes.isEmpty() ? "" : ", " + String.join(", ", notes))
                + "): Go does not derive a soft limit from memory.max, and the headroom leaves room for non-heap memory before the OOM killer");
    }

    private static String cpus(double q) {
        return q == Math.rint(q) ? Long.toString((long) q) : String.format(Locale.ROOT, "%.2f", q).replaceAll("0+$", "");
    }

    private static String mib(long bytes) { return bytes % MIB == 0 ? (bytes / MIB) + " MiB" : bytes + " bytes"; }
}
