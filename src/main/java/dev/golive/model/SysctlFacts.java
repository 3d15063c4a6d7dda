package dev.golive.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kernel tunables golive reads, by key, plus every assignment found in the sysctl load
 * order (all files, in load order, including ones later overridden) and the files that
 * were read or masked. Checks use the full list for dead keys and conflicts.
 * {@code malformedLines}: lines of those files systemd-sysctl skips (not an assignment).
 * {@code kernel} says what the keys were judged against: a running kernel, or (an image tree
 * without /proc/sys) the kernel the admin named or only the keys golive knows.
 */
public record SysctlFacts(
        Map<String, SysctlFact> byKey,
        List<SysctlAssignment> allAssignments,
        List<String> filesInLoadOrder,
        List<String> maskedFiles,
        List<MalformedLine> malformedLines,
        KernelBasis kernel) {

    /** Facts read from a running (or captured) kernel's /proc/sys, files without a malformed line. */
    public SysctlFacts(Map<String, SysctlFact> byKey, List<SysctlAssignment> allAssignments, List<String> filesInLoadOrder,
                       List<String> maskedFiles) {
        this(byKey, allAssignments, filesInLoadOrder, maskedFiles, List.of(), KernelBasis.RUNNING_KERNEL);
    }

    /** Facts read from a running (or captured) kernel's /proc/sys. */
    public SysctlFacts(Map<String, SysctlFact> byKey, List<SysctlAssignment> allAssignments, List<String> filesInLoadOrder,
                       List<String> maskedFiles, List<MalformedLine> malformedLines) {
        this(byKey, allAssignments, filesInLoadOrder, maskedFiles, malformedLines, KernelBasis.RUNNING_KERNEL);
    }

    /** Files without a malformed line, judged against {@code kernel}. */
    public SysctlFacts(Map<String, SysctlFact> byKey, List<SysctlAssignment> allAssignments, List<String> filesInLoadOrder,
                       List<String> maskedFiles, KernelBasis kernel) {
        this(byKey, allAssignments, filesInLoadOrder, maskedFiles, List.of(), kernel);
    }

    public SysctlFacts {
        java.util.Objects.requireNonNull(kernel, "kernel");
        malformedLines = List.copyOf(malformedLines);
        byKey = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byKey));
        allAssignments = List.copyOf(allAssignments);
        filesInLoadOrder = List.copyOf(filesInLoadOrder);
        maskedFiles = List.copyOf(maskedFiles);
    }

    public Optional<SysctlFact> get(String key) { return Optional.ofNullable(byKey.get(key)); }

    /** Live value of a key, if known. */
    public Optional<String> live(String key) { return get(key).flatMap(f -> f.liveNormalized()); }

    public Optional<Long> liveLong(String key) {
        return live(key).flatMap(v -> {
            try { return Optional.of(Long.parseLong(v.trim())); } catch (NumberFormatException e) { return Optional.empty(); }
        });
    }
}
