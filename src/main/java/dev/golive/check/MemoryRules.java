package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.GoVersion;
import dev.golive.model.HostFacts;
import dev.golive.model.KernelVersion;
import dev.golive.model.OwnedFiles;
import dev.golive.model.ProposedFix;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Source;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.SystemdDirectives;
import dev.golive.model.SystemdValues;
import dev.golive.model.UnitDirective;

import dev.golive.profile.SysfsChoices;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.golive.model.Severity.ERROR;
import static dev.golive.model.Severity.INFO;
import static dev.golive.model.Severity.WARN;

/** Memory limits against the Go GC's knobs, swap, overcommit and transparent huge pages. */
final class MemoryRules {
    private MemoryRules() { }

    /** The systemd that knows MemoryTHP= (the directive table's row). */
    private static final int MEMORY_THP = SystemdDirectives.since("Service", "MemoryTHP", "disable");

    static final String GC_GUIDE = "https://go.dev/doc/gc-guide (Memory limit)";
    static final String VM_DOC = "https://docs.kernel.org/admin-guide/sysctl/vm.html";
    static final String THP_DOC = "https://docs.kernel.org/admin-guide/mm/transhuge.html";

    /** The memory limit the service runs under and what shows it: the cgroup (leaf or a parent), or the unit's line the host's systemd acts on. */
    record Limit(long bytes, List<Source> sources) { }

    static Optional<Limit> limit(HostFacts h, ServiceFacts s) {
        Optional<Long> cg = h.memory().effectiveLimit();
        Optional<UnitDirective> d = SystemdDirectives.memoryCap(k -> s.last("Service", k), h.systemd().version().opt());
        Optional<Long> dir = d.flatMap(x -> SystemdValues.memoryBytes(x.value().strip(), h.memory().totalBytes().opt()));
        List<Source> src = new ArrayList<>();
        d.filter(x -> dir.isPresent()).ifPresent(x -> src.add(x.source()));
        if (cg.isPresent()) {
            h.memory().memoryLimits().stream().filter(l -> l.limited()).findFirst()
                    .flatMap(l -> l.value().src()).filter(x -> !src.contains(x)).ifPresent(src::add);
            return Optional.of(new Limit(cg.get(), src));
        }
        return dir.map(b -> new Limit(b, src));
    }

    /** The soft limit the checks propose: the same percentage and rendering the unit derivation uses (model.GoMemLimit). */
    private static final int GOMEMLIMIT_PERCENT = dev.golive.model.ServiceSpec.GoRuntime.DERIVE.memLimitPercent();

    /** Set GOMEMLIMIT below the limit; no fix where the limit is too small for any (model.GoMemLimit.target). */
    private static ProposedFix gomemlimitFix(Limit l) {
        return dev.golive.model.GoMemLimit.target(l.bytes(), GOMEMLIMIT_PERCENT)
                .map(t -> ProposedFix.of("set GOMEMLIMIT=" + t, new FixChange.ServiceEnvironmentChange("GOMEMLIMIT", t)))
                .orElse(null);
    }

    private static String tooSmall(Limit l) {
        return dev.golive.model.GoMemLimit.target(l.bytes(), GOMEMLIMIT_PERCENT).isPresent() ? ""
                : ": no GOMEMLIMIT proposed, " + dev.golive.model.GoMemLimit.tooSmall(l.bytes(), GOMEMLIMIT_PERCENT);
    }

    static final Rule NO_GOMEMLIMIT = Rule.service("MEM-LIMIT-WITHOUT-GOMEMLIMIT", WARN, Area.MEMORY,
            "Memory limit without GOMEMLIMIT",
            "Go does not derive a memory target from the cgroup's memory.max. With MemoryMax= set and GOMEMLIMIT unset, "
                    + "the garbage collector paces only by GOGC (heap may double between collections), so a heap that "
                    + "grows towards the limit is killed by the OOM killer instead of being collected harder. GOMEMLIMIT "
                    + "(Go 1.19+) is a soft limit: at about 90-95% of MemoryMax= it makes the GC work before the kernel kills.",
            "Set GOMEMLIMIT to about 90% of the memory limit in the service's environment.",
            GC_GUIDE + "; man 5 systemd.resource-control (MemoryMax=)",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                if (GoRuntime.env(s, "GOMEMLIMIT").isPresent()) return List.of();
                if (GoRuntime.version(h).map(v -> !v.atLeast(1, 19, 0)).orElse(false)) return List.of();
                Optional<Limit> l = limit(h, s);
                if (l.isEmpty()) return List.of();
                String found = "memory limit " + ValueParsers.mib(l.get().bytes()) + " and no GOMEMLIMIT in the environment";
                return r.one(found + tooSmall(l.get()), l.get().sources(), gomemlimitFix(l.get()));
            });

    static final Rule GOMEMLIMIT_ABOVE = Rule.service("MEM-GOMEMLIMIT-ABOVE-LIMIT", WARN, Area.MEMORY,
            "GOMEMLIMIT at or above the memory limit",
            "GOMEMLIMIT is a soft target the GC works towards; the cgroup limit is hard. When GOMEMLIMIT is not below "
                    + "the limit, the kernel reclaims and then OOM-kills the service before the GC ever reacts, and memory "
                    + "outside the Go heap (stacks, cgo, the binary itself) counts against the cgroup too.",
            "Set GOMEMLIMIT to about 90% of the memory limit.",
            GC_GUIDE,
            (r, h) -> {
                ServiceFacts s = h.service().get();
                Optional<Long> gml = GoRuntime.env(s, "GOMEMLIMIT").flatMap(ValueParsers::goMemLimit);
                Optional<Limit> l = limit(h, s);
                if (gml.isEmpty() || l.isEmpty() || gml.get() < l.get().bytes()) return List.of();
                return r.one("GOMEMLIMIT=" + GoRuntime.env(s, "GOMEMLIMIT").get() + " is not below the limit " + ValueParsers.mib(l.get().bytes())
                                + tooSmall(l.get()),
                        Facts.plus(GoRuntime.envSource(s, "GOMEMLIMIT"), l.get().sources().stream().findFirst()), gomemlimitFix(l.get()));
            });

    static final Rule GOGC_OFF = Rule.service("MEM-GOGC-OFF-WITH-LIMIT", WARN, Area.MEMORY,
            "GOGC=off under a memory limit",
            "GOGC=off stops the collector until GOMEMLIMIT is reached; without GOMEMLIMIT it never runs. Under a "
                    + "memory limit the heap then grows straight to the limit: alone it is OOM-killed, and with GOMEMLIMIT "
                    + "it holds all the memory the limit allows, which starves anything sharing that memory.",
            "Remove GOGC=off (use the default 100, or a higher GOGC) and set GOMEMLIMIT to about 90% of the limit.",
            GC_GUIDE,
            (r, h) -> {
                ServiceFacts s = h.service().get();
                Optional<String> gogc = GoRuntime.env(s, "GOGC").filter(v -> v.trim().equalsIgnoreCase("off"));
                Optional<Limit> l = limit(h, s);
                if (gogc.isEmpty() || l.isEmpty()) return List.of();
                boolean gml = GoRuntime.env(s, "GOMEMLIMIT").isPresent();
                return r.one("GOGC=off with a memory limit of " + ValueParsers.mib(l.get().bytes())
                                + (gml ? ": the heap fills up to GOMEMLIMIT before any collection" : " and no GOMEMLIMIT: the GC never runs"),
                        Facts.plus(GoRuntime.envSource(s, "GOGC"), l.get().sources().stream().findFirst()),
                        ProposedFix.of("set GOGC=100", new FixChange.ServiceEnvironmentChange("GOGC", "100")));
            });

    static final Rule SWAPPINESS_ZERO = Rule.host("MEM-SWAPPINESS-ZERO", WARN, Area.MEMORY,
            "vm.swappiness=0 does not disable swap",
            "Advice that vm.swappiness=0 disables swap is wrong. It only makes the kernel prefer dropping page cache over "
                    + "swapping anonymous memory; under memory pressure it still swaps. Since Linux 5.8 the range is 0..200 "
                    + "(before: 0..100), the default is 60. To run without swap, turn swap off (swapoff, and remove it from "
                    + "/etc/fstab or the swap unit); to bound one service's swap use MemorySwapMax= (cgroup v2).",
            "If no swap is wanted, remove the swap device; otherwise set a small non-zero swappiness (e.g. 10).",
            VM_DOC + " (swappiness)",
            (r, h) -> {
                Optional<SysctlAssignment> c = Facts.configured(h, "vm.swappiness");
                boolean cfgZero = c.map(a -> a.value().trim().equals("0")).orElse(false);
                boolean liveZero = h.memory().swappiness().opt().map(v -> v == 0).orElse(false);
                if (!cfgZero && !liveZero) return List.of();
                String swap = h.memory().swapTotalBytes().opt().map(b -> b > 0 ? " while " + ValueParsers.mib(b) + " of swap is active" : " (no swap active now)").orElse("");
                List<Source> src = new ArrayList<>(Facts.sources(h.memory().swappiness(), h.memory().swapTotalBytes()));
                c.ifPresent(a -> src.add(0, a.source()));
                return r.one("vm.swappiness is 0" + Facts.setBy(h, "vm.swappiness") + swap + ": swap is still used under pressure", src,
                        ProposedFix.advice("swapoff and remove the swap entry if no swap is wanted; else vm.swappiness=10"));
            });

    static final Rule SWAPPINESS_RANGE = Rule.host("MEM-SWAPPINESS-OUT-OF-RANGE", ERROR, Area.MEMORY,
            "vm.swappiness outside what this kernel accepts",
            "vm.swappiness accepts 0..100 before Linux 5.8 and 0..200 from 5.8 on. A value outside the range is rejected "
                    + "when the file is applied (sysctl -p fails, systemd-sysctl logs an error) and the kernel keeps its "
                    + "old value, so the file says one thing and the host does another.",
            "Use a value in range for this kernel (default 60).",
            VM_DOC + " (swappiness)",
            (r, h) -> {
                Optional<SysctlAssignment> c = Facts.configured(h, "vm.swappiness");
                Optional<Long> v = c.flatMap(a -> ValueParsers.parseLong(a.value()));
                if (v.isEmpty()) return List.of();
                Optional<KernelVersion> k = h.os().kernel();
                long max = k.map(x -> x.atLeast(5, 8) ? 200L : 100L).orElse(200L);
                if (v.get() >= 0 && v.get() <= max) return List.of();
                return r.one(c.get().source().describe() + " sets vm.swappiness=" + v.get() + "; kernel "
                                + k.map(KernelVersion::toString).orElse("(version unknown)") + " accepts 0.." + max,
                        List.of(c.get().source()),
                        ProposedFix.of("set vm.swappiness = 60", new FixChange.SysctlChange("vm.swappiness", "60")));
            });

    static final Rule OVERCOMMIT_STRICT = Rule.host("MEM-OVERCOMMIT-STRICT", INFO, Area.MEMORY,
            "Strict memory overcommit (vm.overcommit_memory=2)",
            "vm.overcommit_memory=2 refuses allocations beyond swap + overcommit_ratio% of RAM, even when most of the "
                    + "memory is free. A Go program that cannot get memory from the kernel dies with \"fatal error: out of "
                    + "memory\"; it cannot recover. 0 (heuristic) is the default and suits Go services; 1 always allows.",
            "Use vm.overcommit_memory = 0 unless a workload needs strict accounting.",
            VM_DOC + " (overcommit_memory); https://docs.kernel.org/mm/overcommit-accounting.html",
            (r, h) -> h.memory().overcommitMemory().opt().filter(v -> v == 2)
                    .map(v -> r.one("vm.overcommit_memory is 2" + Facts.setBy(h, "vm.overcommit_memory"),
                            Facts.sources(h.memory().overcommitMemory()),
                            ProposedFix.of("set vm.overcommit_memory = 0", new FixChange.SysctlChange("vm.overcommit_memory", "0"))))
                    .orElse(List.of()));

    static final Rule THP_ALWAYS = Rule.host("MEM-THP-ALWAYS", WARN, Area.MEMORY,
            "THP always without the GC guide's defrag and max_ptes_none",
            "transparent_hugepage/enabled=always (or an explicit always in a per-size hugepages-<size>kB/enabled, which "
                    + "beats the top level since Linux 6.8) backs large anonymous mappings with huge pages. For Go that is a "
                    + "choice by heap size and memory headroom (Go GC guide, \"Linux transparent huge pages\"): heaps of 1 GiB "
                    + "or more gain up to 10% throughput for 1-2% more memory; small heaps gain little and can use up to 50% "
                    + "more. It is not true that Go manages THP itself: since Go 1.21 on Linux 6.2+ the runtime no longer "
                    + "changes huge-page state for its heap, so under madvise a Go heap gets no huge pages. Where THP is on, "
                    + "the guide names two settings: defrag=defer or defer+madvise (no allocation stalls; madvise before "
                    + "Linux 4.11) and khugepaged/max_ptes_none=0 (the default 511 lets khugepaged re-fill the memory Go "
                    + "returned to the OS). A service can opt out alone: GODEBUG=disablethp=1 (Go 1.21.6 and later) or "
                    + "MemoryTHP=disable (systemd " + MEMORY_THP + " and later).",
            "Keep always for large heaps with headroom and set defrag to defer+madvise and khugepaged/max_ptes_none to 0 "
                    + "(golive writes both live and to " + OwnedFiles.TMPFILES_DROPIN + ", so they hold at every boot; a "
                    + "value other than 0 must stay within the kernel's HPAGE_PMD_NR - 1, max_ptes_none_store in "
                    + "mm/khugepaged.c). For small heaps short of memory choose madvise, or opt the service out "
                    + "(GODEBUG=disablethp=1, MemoryTHP=disable).",
            THP_DOC + "; https://go.dev/doc/gc-guide (Linux transparent huge pages); Go source runtime/mem_linux.go; "
                    + "man 5 systemd.exec (MemoryTHP=)",
            MemoryRules::thpAlways);

    private static List<Finding> thpAlways(Rule r, HostFacts h) {
        Optional<List<String>> always = h.memory().thpAlwaysSizes();
        if (always.isEmpty() || always.get().isEmpty()) return List.of();
        Optional<String> defrag = h.memory().thpDefrag().opt().map(String::trim);
        boolean defragOk = defrag.filter(d -> d.equals("defer") || d.equals("defer+madvise")).isPresent()
                // before 4.11 madvise is the closest the kernel offers
                || (defrag.filter("madvise"::equals).isPresent() && defragChange(h).map(c -> c.value().equals("madvise")).orElse(false));
        Optional<Integer> ptes = h.memory().khugepagedMaxPtesNone().opt();
        boolean ptesOk = ptes.map(p -> p == 0).orElse(true);
        if (defragOk && ptesOk) return List.of();
        String where = always.get().equals(List.of("enabled")) ? "transparent_hugepage/enabled is always"
                : "THP is always for " + String.join(", ", always.get()) + (h.memory().thpEnabled().opt().map(String::trim).filter("always"::equals).isPresent()
                        ? "" : " (an explicit always there beats enabled=" + h.memory().thpEnabled().opt().get().trim() + ")");
        List<String> missing = new ArrayList<>();
        if (!defragOk) missing.add("defrag is " + defrag.orElse("unknown"));
        if (!ptesOk) missing.add("khugepaged/max_ptes_none is " + ptes.get());
        List<Source> src = new ArrayList<>(Facts.sources(h.memory().thpEnabled()));
        h.memory().thpPerSize().src().filter(x -> !always.get().equals(List.of("enabled"))).ifPresent(src::add);
        if (!defragOk) src.addAll(Facts.sources(h.memory().thpDefrag()));
        if (!ptesOk) src.addAll(Facts.sources(h.memory().khugepagedMaxPtesNone()));
        List<FixChange> changes = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (!defragOk) defragChange(h).ifPresent(c -> {
            changes.add(c);
            parts.add("set defrag to " + c.value() + defragWhy(c.value(), h));
        });
        if (!ptesOk) {
            changes.add(new FixChange.SysfsChange(SysfsChoices.THP_PTES_NONE, SysfsChoices.THP_PTES_NONE_PATH, SysfsChoices.THP_PTES_NONE_WANTED));
            parts.add("set khugepaged/max_ptes_none to 0");
        }
        String text = String.join("; ", parts) + "; or, for a small heap short of memory, " + optOut(h);
        return r.one(where + " and " + String.join(", ", missing) + ": the GC guide's settings for THP are missing", src,
                new ProposedFix(text, changes));
    }

    /** The per-service opt-outs this host and service have (GODEBUG needs Go 1.21.6, MemoryTHP= the table's systemd). */
    private static String optOut(HostFacts h) {
        List<String> ways = new ArrayList<>(List.of("enabled=madvise for the host"));
        Optional<GoVersion> go = GoRuntime.version(h);
        if (go.map(g -> g.atLeast(1, 21, 6)).orElse(true)) ways.add("GODEBUG=disablethp=1 for one service (Go 1.21.6+)");
        if (h.systemd().atLeast(MEMORY_THP)) ways.add("MemoryTHP=disable in its unit");
        else ways.add("MemoryTHP=disable once systemd is " + MEMORY_THP + " or newer" + h.systemd().version().opt().map(v -> " (it is " + v + ")").orElse(""));
        return String.join(", ", ways);
    }

    static final Rule THP_DEFRAG = Rule.host("MEM-THP-DEFRAG-ALWAYS", INFO, Area.MEMORY,
            "THP defrag=always stalls allocations",
            "transparent_hugepage/defrag=always makes a page fault that wants a huge page compact memory synchronously, "
                    + "so an allocation can stall for milliseconds; a Go service sees that as latency spikes. "
                    + "defer+madvise compacts in the background except for regions that asked for huge pages.",
            "Set defrag to defer+madvise (Linux 4.11 and later; madvise before), live and at every boot: golive writes it to "
                    + OwnedFiles.TMPFILES_DROPIN + ", as the profiles do. By hand: echo defer+madvise > "
                    + "/sys/kernel/mm/transparent_hugepage/defrag, plus a tmpfiles.d 'w' line.",
            THP_DOC,
            (r, h) -> h.memory().thpDefrag().opt().filter(v -> v.trim().equals("always"))
                    .map(v -> r.one("transparent_hugepage/defrag is always", Facts.sources(h.memory().thpDefrag()),
                            defragChange(h).map(c -> ProposedFix.of("set defrag to " + c.value() + defragWhy(c.value(), h), c))
                                    .orElse(ProposedFix.advice("set defrag to madvise"))))
                    .orElse(List.of()));

    /**
     * The defrag value the profiles set on this kernel (base.yaml: defer+madvise, else
     * madvise), as the same kind of change: the planner writes it live and to tmpfiles.d.
     */
    private static Optional<FixChange.SysfsChange> defragChange(HostFacts h) {
        return SysfsChoices.firstOffered(SysfsChoices.THP_DEFRAG, h.os().kernel(), SysfsChoices.THP_DEFRAG_WANTED)
                .map(v -> new FixChange.SysfsChange(SysfsChoices.THP_DEFRAG, SysfsChoices.THP_DEFRAG_PATH, v));
    }

    private static String defragWhy(String value, HostFacts h) {
        if (value.equals(SysfsChoices.THP_DEFRAG_WANTED.get(0))) return "";
        return h.os().kernel().map(k -> " (Linux " + k + " has no defer+madvise; it came in 4.11)").orElse("");
    }

    static List<Rule> all() {
        return List.of(NO_GOMEMLIMIT, GOMEMLIMIT_ABOVE, GOGC_OFF, SWAPPINESS_ZERO, SWAPPINESS_RANGE, OVERCOMMIT_STRICT, THP_ALWAYS, THP_DEFRAG);
    }

}
