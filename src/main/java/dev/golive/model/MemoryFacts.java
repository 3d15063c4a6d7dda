package dev.golive.model;

import java.util.List;
import java.util.Optional;

/**
 * Memory facts. THP values hold the selected mode (the bracketed word in
 * {@code /sys/kernel/mm/transparent_hugepage/enabled}). {@code memoryLimits}: memory.max
 * (v2) or memory.limit_in_bytes (v1) of the cgroup looked at and each parent, leaf first.
 * {@code khugepagedMaxPtesNoneMax}: the largest value the kernel takes for
 * {@code khugepaged/max_ptes_none} (HPAGE_PMD_NR - 1, {@code max_ptes_none_store} in mm/khugepaged.c),
 * derived from {@code transparent_hugepage/hpage_pmd_size} by {@link #maxPtesNoneBound}.
 */
public record MemoryFacts(
        Fact<Long> totalBytes,
        Fact<Long> availableBytes,
        Fact<Long> swapTotalBytes,
        Fact<Long> swapUsedBytes,
        Fact<Integer> swappiness,
        Fact<Integer> overcommitMemory,
        Fact<String> thpEnabled,
        Fact<String> thpDefrag,
        Fact<Integer> khugepagedMaxPtesNone,
        String cgroupPath,
        List<CgroupLimit> memoryLimits,
        Fact<java.util.Map<String, String>> thpPerSize,
        Fact<Integer> khugepagedMaxPtesNoneMax) {

    /** Without the bound of max_ptes_none (hpage_pmd_size not read). */
    public MemoryFacts(Fact<Long> totalBytes, Fact<Long> availableBytes, Fact<Long> swapTotalBytes, Fact<Long> swapUsedBytes,
                       Fact<Integer> swappiness, Fact<Integer> overcommitMemory, Fact<String> thpEnabled, Fact<String> thpDefrag,
                       Fact<Integer> khugepagedMaxPtesNone, String cgroupPath, List<CgroupLimit> memoryLimits,
                       Fact<java.util.Map<String, String>> thpPerSize) {
        this(totalBytes, availableBytes, swapTotalBytes, swapUsedBytes, swappiness, overcommitMemory, thpEnabled, thpDefrag,
                khugepagedMaxPtesNone, cgroupPath, memoryLimits, thpPerSize, Fact.unknown("hpage_pmd_size not read"));
    }

    /**
     * HPAGE_PMD_NR - 1 for a PMD huge page of {@code pmdBytes}: a page table holds page-size / 8
     * entries (8-byte entries), so a PMD maps n pages of n × 8 bytes each and n = √(pmdBytes / 8):
     * 512 for 2 MiB (4 KiB pages), 2048 for 32 MiB (16 KiB), 8192 for 512 MiB (64 KiB). Empty when
     * the size is not of that form.
     */
    public static Optional<Integer> maxPtesNoneBound(long pmdBytes) {
        if (pmdBytes <= 0 || pmdBytes % 8 != 0) return Optional.empty();
        long n = Math.round(Math.sqrt(pmdBytes / 8.0));
        if (n * n * 8 != pmdBytes || n < 2 || n > Integer.MAX_VALUE) return Optional.empty();
        return Optional.of((int) (n - 1));
    }

    /** THP is on when the top-level enabled is not never, or a per-size knob says always or madvise. */
    public boolean thpOn() {
        boolean top = thpEnabled.opt().map(String::trim).filter(v -> !v.equals("never")).isPresent();
        boolean size = thpPerSize.opt().orElse(java.util.Map.of()).values().stream().anyMatch(v -> v.equals("always") || v.equals("madvise"));
        return top || size;
    }

    public MemoryFacts {
        memoryLimits = List.copyOf(memoryLimits);
        thpPerSize = thpPerSize.known() ? Fact.of(java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(thpPerSize.opt().get())), thpPerSize.src().get()) : thpPerSize;
    }

    /** Without the per-size THP knobs (hosts before Linux 6.8, or facts built without them). */
    public MemoryFacts(Fact<Long> totalBytes, Fact<Long> availableBytes, Fact<Long> swapTotalBytes, Fact<Long> swapUsedBytes,
                       Fact<Integer> swappiness, Fact<Integer> overcommitMemory, Fact<String> thpEnabled, Fact<String> thpDefrag,
                       Fact<Integer> khugepagedMaxPtesNone, String cgroupPath, List<CgroupLimit> memoryLimits) {
        this(totalBytes, availableBytes, swapTotalBytes, swapUsedBytes, swappiness, overcommitMemory, thpEnabled, thpDefrag,
                khugepagedMaxPtesNone, cgroupPath, memoryLimits, Fact.unknown("per-size THP knobs not read"));
    }

    /**
     * The page sizes for which THP is "always" in effect: each {@code hugepages-<size>kB/enabled}
     * that says always, or that says inherit while the top-level enabled says always (Linux 6.8+,
     * Documentation/admin-guide/mm/transhuge.rst). Without per-size knobs, the top level alone.
     * Empty when nothing is always; unknown when the top level is unknown.
     */
    public Optional<List<String>> thpAlwaysSizes() {
        if (!thpEnabled.known()) return Optional.empty();
        boolean top = thpEnabled.opt().get().trim().equals("always");
        java.util.Map<String, String> sizes = thpPerSize.opt().orElse(java.util.Map.of());
        if (sizes.isEmpty()) return Optional.of(top ? List.of("enabled") : List.of());
        List<String> out = new java.util.ArrayList<>();
        sizes.forEach((size, mode) -> {
            if (mode.equals("always") || (top && mode.equals("inherit"))) out.add(size);
        });
        return Optional.of(List.copyOf(out));
    }

    /** The tightest memory limit on the path to the root, in bytes. */
    public Optional<Long> effectiveLimit() {
        return memoryLimits.stream()
                .map(l -> l.value().opt().flatMap(v -> v))
                .flatMap(Optional::stream)
                .map(Double::longValue)
                .min(Long::compare);
    }
}
