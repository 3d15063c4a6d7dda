package dev.golive.model;

import java.util.List;
import java.util.Optional;

/**
 * CPU facts. {@code cpuLimits} holds the CPU quota of the cgroup golive looked at and of
 * each parent, leaf first: Go before 1.25 ignores all of them, Go 1.25 reads only the leaf.
 */
public record CpuFacts(
        Fact<Integer> logicalCpus,
        Fact<Integer> physicalCores,
        Fact<Integer> sockets,
        Fact<Boolean> smtActive,
        Fact<String> onlineList,
        Fact<String> affinityList,
        Fact<Integer> affinityCount,
        Fact<String> isolcpus,
        Fact<String> nohzFull,
        Fact<String> modelName,
        Fact<List<String>> flags,
        Fact<String> goamd64Level,
        Fact<List<String>> arm64Features,
        String cgroupPath,
        List<CgroupLimit> cpuLimits) {

    public CpuFacts { cpuLimits = List.copyOf(cpuLimits); }

    /** The tightest CPU quota on the path from the leaf to the root, in CPUs. */
    public Optional<Double> effectiveQuota() {
        return cpuLimits.stream()
                .map(l -> l.value().opt().flatMap(v -> v))
                .flatMap(Optional::stream)
                .min(Double::compare);
    }

    /** The quota of the leaf cgroup only: what Go 1.25's runtime reads. */
    public Optional<Double> leafQuota() {
        return cpuLimits.isEmpty() ? Optional.empty() : cpuLimits.get(0).value().opt().flatMap(v -> v);
    }
}
