package dev.golive.profile;

import dev.golive.model.KernelVersion;

import java.util.List;
import java.util.Optional;

/**
 * The THP values profiles set, and which of them a kernel offers: one place for the profiles
 * and the check's proposed fixes, so a finding offers exactly what a profile would write.
 */
public final class SysfsChoices {

    public static final String THP_ENABLED = "transparent_hugepage.enabled";
    public static final String THP_DEFRAG = "transparent_hugepage.defrag";
    public static final String THP_ENABLED_PATH = Schema.THP + "enabled";
    public static final String THP_DEFRAG_PATH = Schema.THP + "defrag";
    /**
     * khugepaged/max_ptes_none: how many empty PTEs khugepaged fills to collapse a range into a huge
     * page. The Go GC guide sets it to 0 where THP is on: the default (HPAGE_PMD_NR - 1, 511 with 4 KiB
     * pages) lets khugepaged back the memory Go returned to the OS again.
     */
    public static final String THP_PTES_NONE = "transparent_hugepage.khugepaged.max_ptes_none";
    public static final String THP_PTES_NONE_PATH = Schema.THP + "khugepaged/max_ptes_none";
    /** The value the GC guide names. */
    public static final String THP_PTES_NONE_WANTED = "0";

    /** base.yaml's choices: defer+madvise where the kernel has it (4.11+), madvise before (DOMAIN.md, THP). */
    public static final List<String> THP_DEFRAG_WANTED = List.of("defer+madvise", "madvise");

    private SysfsChoices() { }

    /**
     * The choices a sysfs file offers on the target kernel, when they differ by version:
     * THP defrag gained "defer" in Linux 4.6 and "defer+madvise" in 4.11 (mm/huge_memory.c;
     * RHEL 7's 3.10 offers "always madvise never"). Empty: all of the schema's choices.
     */
    public static Optional<List<String>> offered(String key, Optional<KernelVersion> kernel) {
        if (!key.equals(THP_DEFRAG) || kernel.isEmpty()) return Optional.empty();
        KernelVersion k = kernel.get();
        if (k.atLeast(4, 11)) return Optional.empty();
        if (k.atLeast(4, 6)) return Optional.of(List.of("always", "defer", "madvise", "never"));
        return Optional.of(List.of("always", "madvise", "never"));
    }

    /** The first of {@code options} the kernel offers (an unknown kernel: the first), or empty when it offers none. */
    public static Optional<String> firstOffered(String key, Optional<KernelVersion> kernel, List<String> options) {
        Optional<List<String>> offered = offered(key, kernel);
        if (offered.isEmpty()) return options.stream().findFirst();
        return options.stream().filter(offered.get()::contains).findFirst();
    }
}
