package dev.golive.inspect;

import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.MemoryFacts;
import dev.golive.model.Source;

/** /proc/meminfo, vm sysctls, transparent huge pages, and cgroup memory limits. */
final class MemoryProbe {
    private MemoryProbe() { }

    static final String THP = "/sys/kernel/mm/transparent_hugepage";

    static MemoryFacts probe(HostRoot root, CgroupLayout cg, String cgroupPath) {
        Fact<String> meminfo = root.read("/proc/meminfo");
        Fact<Long> total = kib(meminfo, "MemTotal");
        Fact<Long> avail = kib(meminfo, "MemAvailable");
        Fact<Long> swapTotal = kib(meminfo, "SwapTotal");
        Fact<Long> swapFree = kib(meminfo, "SwapFree");
        Fact<Long> swapUsed = swapTotal.known() && swapFree.known()
                ? Fact.of(swapTotal.orElse(0L) - swapFree.orElse(0L), new Source.Derived("SwapTotal - SwapFree in /proc/meminfo"))
                : Fact.unknown("no SwapTotal/SwapFree in /proc/meminfo");
        Fact<Integer> swappiness = Text.intFact(root.read("/proc/sys/vm/swappiness"));
        Fact<Integer> overcommit = Text.intFact(root.read("/proc/sys/vm/overcommit_memory"));
        Fact<String> enabled = selected(root.read(THP + "/enabled"));
        Fact<String> defrag = selected(root.read(THP + "/defrag"));
        Fact<Integer> ptes = Text.intFact(root.read(THP + "/khugepaged/max_ptes_none"));
        Fact<Long> pmd = Text.longFact(root.read(THP + "/hpage_pmd_size"));
        Fact<Integer> ptesMax = pmd.known()
                ? Text.factOr(MemoryFacts.maxPtesNoneBound(pmd.opt().get()),
                        new Source.Derived("HPAGE_PMD_NR - 1 from " + THP + "/hpage_pmd_size = " + pmd.opt().get()),
                        Fact.unknown(THP + "/hpage_pmd_size: " + pmd.opt().get() + " is not a PMD size"))
                : Fact.unknown(CpuProbe.reason(pmd));
        return new MemoryFacts(total, avail, swapTotal, swapUsed, swappiness, overcommit, enabled, defrag, ptes,
                cgroupPath, cg.memoryLimits(root, cgroupPath), perSize(root), ptesMax);
    }

    /** "MemTotal:  16384 kB" → bytes. */
    private static Fact<Long> kib(Fact<String> meminfo, String key) {
        Fact<String> f = Text.fieldFact(meminfo, key, ':');
        if (!f.known()) return Fact.unknown(CpuProbe.reason(f));
        String v = f.orElse("").replace("kB", "").trim();
        java.util.Optional<Long> n = Text.parseLong(v);
        return n.isPresent() ? Fact.of(n.get() * 1024, f.src().get()) : Fact.unknown("/proc/meminfo: " + key + " is not a number");
    }

    /** Linux 6.8+: hugepages-<size>kB/enabled per page size (always, inherit, madvise, never); none before. */
    private static Fact<java.util.Map<String, String>> perSize(HostRoot root) {
        java.util.Optional<java.util.List<String>> names = root.list(THP);
        if (names.isEmpty()) return Fact.unknown(THP + " not readable");
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String n : names.get()) {
            if (!n.startsWith("hugepages-")) continue;
            Fact<String> mode = selected(root.read(THP + "/" + n + "/enabled"));
            if (mode.known()) out.put(n, mode.orElse(""));
        }
        return Fact.of(out, Source.File.of(THP + "/hugepages-*kB/enabled"));
    }

    private static Fact<String> selected(Fact<String> f) {
        if (!f.known()) return Fact.unknown(CpuProbe.reason(f));
        java.util.Optional<String> v = Text.bracketed(f.orElse(""));
        return v.isPresent() ? Fact.of(v.get(), f.src().get()) : Fact.unknown(f.src().get().describe() + ": no [selected] mode");
    }
}
