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
 * {@code sysctlConfAtBoot}: whether systemd-sysctl reads /etc/sysctl.conf at boot, which it does
 * only through a link in a sysctl.d directory (Debian ≤ 12's {@code 99-sysctl.conf}); without
 * one only {@code sysctl --system} reads it (sysctl.d(5)). Unknown where the directories were not read.
 */
public record SysctlFacts(
        Map<String, SysctlFact> byKey,
        List<SysctlAssignment> allAssignments,
        List<String> filesInLoadOrder,
        List<String> maskedFiles,
        List<MalformedLine> malformedLines,
        KernelBasis kernel,
        Fact<Boolean> sysctlConfAtBoot,
        TunedSysctls tuned) {

    /** A host where TuneD was not looked at. */
    public SysctlFacts(Map<String, SysctlFact> byKey, List<SysctlAssignment> allAssignments, List<String> filesInLoadOrder,
                       List<String> maskedFiles, List<MalformedLine> malformedLines, KernelBasis kernel, Fact<Boolean> sysctlConfAtBoot) {
        this(byKey, allAssignments, filesInLoadOrder, maskedFiles, malformedLines, kernel, sysctlConfAtBoot, TunedSysctls.NONE);
    }

    /** Whether systemd-sysctl reads /etc/sysctl.conf at boot is not known. */
    public SysctlFacts(Map<String, SysctlFact> byKey, List<SysctlAssignment> allAssignments, List<String> filesInLoadOrder,
                       List<String> maskedFiles, List<MalformedLine> malformedLines, KernelBasis kernel) {
        this(byKey, allAssignments, filesInLoadOrder, maskedFiles, malformedLines, kernel,
                Fact.unknown("the sysctl.d directories were not read"));
    }

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
        java.util.Objects.requireNonNull(sysctlConfAtBoot, "sysctlConfAtBoot");
        java.util.Objects.requireNonNull(tuned, "tuned");
        malformedLines = List.copyOf(malformedLines);
        byKey = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byKey));
        allAssignments = List.copyOf(allAssignments);
        filesInLoadOrder = List.copyOf(filesInLoadOrder);
        maskedFiles = List.copyOf(maskedFiles);
    }

    /** Whether an assignment in /etc/sysctl.conf is certainly not applied at boot (no sysctl.d link reads it). */
    public boolean sysctlConfSkippedAtBoot() { return sysctlConfAtBoot.opt().filter(b -> !b).isPresent(); }

    /**
     * The assignment of {@code key} the next boot applies: the last one in load order, leaving out
     * /etc/sysctl.conf where systemd-sysctl does not read it and {@code except} (a file about to be
     * rewritten). Where tuned.service is enabled, TuneD comes after: its profile's value, then, with
     * reapply_sysctl, the lines of /run/sysctl.d and /etc/sysctl.d by file name and /etc/sysctl.conf
     * last, all written again (even where systemd-sysctl skips /etc/sysctl.conf). Glob keys are not
     * expanded. TuneD's value may be one it computes ({@link TunedSysctls#computed}).
     */
    public Optional<SysctlAssignment> atBoot(String key, String except) {
        Optional<SysctlAssignment> fromTuned = tuned.atBoot(key);
        // TuneD's sysctl plugin, which writes the files again, runs only for a profile with a [sysctl] section
        if (tuned.runs().orElse(false) && tuned.reapplySysctl() && !tuned.byKey().isEmpty()) {
            SysctlAssignment last = null, conf = null;
            for (SysctlAssignment a : allAssignments) {
                String path = a.source().path();
                if (!a.key().equals(key) || path.equals(except) || !TunedSysctls.reappliedFile(path)) continue;
                if (path.equals(SYSCTL_CONF)) conf = a;
                else last = a;
            }
            if (conf != null) return Optional.of(conf);
            if (last != null) return Optional.of(last);
        }
        return fromTuned.or(() -> filesAtBoot(key, except));
    }

    /** TuneD's assignment of {@code key} where it is what the next boot ends with ({@link #atBoot}). */
    public Optional<SysctlAssignment> tunedAtBoot(String key) {
        return tuned.atBoot(key).filter(t -> atBoot(key, "").filter(t::equals).isPresent());
    }

    /** What systemd-sysctl applies at boot (see {@link #atBoot}). */
    private Optional<SysctlAssignment> filesAtBoot(String key, String except) {
        Optional<SysctlAssignment> winner = get(key).flatMap(SysctlFact::configured);
        if (winner.isEmpty()) return winner;
        String from = winner.get().source().path();
        if (!from.equals(except) && !(sysctlConfSkippedAtBoot() && from.equals(SYSCTL_CONF))) return winner;
        SysctlAssignment last = null;
        for (SysctlAssignment a : allAssignments) {
            if (!a.key().equals(key) || a.source().path().equals(except)) continue;
            if (sysctlConfSkippedAtBoot() && a.source().path().equals(SYSCTL_CONF)) continue;
            last = a;
        }
        return Optional.ofNullable(last);
    }

    /** The file systemd-sysctl stopped reading in v207 (sysctl.d(5)); procps' sysctl --system still reads it last. */
    public static final String SYSCTL_CONF = "/etc/sysctl.conf";

    public Optional<SysctlFact> get(String key) { return Optional.ofNullable(byKey.get(key)); }

    /** Live value of a key, if known. */
    public Optional<String> live(String key) { return get(key).flatMap(f -> f.liveNormalized()); }

    public Optional<Long> liveLong(String key) {
        return live(key).flatMap(v -> {
            try { return Optional.of(Long.parseLong(v.trim())); } catch (NumberFormatException e) { return Optional.empty(); }
        });
    }
}
