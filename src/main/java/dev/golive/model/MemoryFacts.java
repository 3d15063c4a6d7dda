package dev.golive.model;

import java.util.List;
import java.util.Optional;

/**
 * Memory facts. THP values hold the selected mode (the bracketed word in
 * {@code /sys/kernel/mm/transparent_hugepage/enabled}). {@code memoryLimits}: memory.max
 * (v2) or memory.limit_in_bytes (v1) of the cgroup looked at and each parent, leaf first.
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
        List<CgroupLimit> memoryLimits) {

    public MemoryFacts { memoryLimits = List.copyOf(memoryLimits); }

    /** The tightest memory limit on the path to the root, in bytes. */
    public Optional<Long> effectiveLimit() {
        return memoryLimits.stream()
                .map(l -> l.value().opt().flatMap(v -> v))
                .flatMap(Optional::stream)
                .map(Double::longValue)
                .min(Long::compare);
    }
}
