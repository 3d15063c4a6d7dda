package dev.golive.model;

import java.util.List;

/**
 * cgroup layout. {@code v2Controllers} is cgroup.controllers of the v2 root (available),
 * {@code v2SubtreeControl} what the root enables for its children; {@code v1Controllers}
 * the controllers mounted as v1 hierarchies. {@code unifiedHierarchySwitch} and
 * {@code cgroupNoV1} are the kernel command-line switches, when given. {@code blockIo}: what
 * enforces an io weight (IOWeight=) here.
 */
public record CgroupFacts(
        Fact<CgroupMode> mode,
        List<Mount> mounts,
        Fact<List<String>> v2Controllers,
        Fact<List<String>> v2SubtreeControl,
        List<String> v1Controllers,
        Fact<String> unifiedHierarchySwitch,
        Fact<String> cgroupNoV1,
        Fact<String> selfCgroup,
        BlockIo blockIo) {

    /** Block schedulers and iocost not read. */
    public CgroupFacts(Fact<CgroupMode> mode, List<Mount> mounts, Fact<List<String>> v2Controllers, Fact<List<String>> v2SubtreeControl,
                       List<String> v1Controllers, Fact<String> unifiedHierarchySwitch, Fact<String> cgroupNoV1, Fact<String> selfCgroup) {
        this(mode, mounts, v2Controllers, v2SubtreeControl, v1Controllers, unifiedHierarchySwitch, cgroupNoV1, selfCgroup,
                BlockIo.unknown("/sys/block not read"));
    }

    public CgroupFacts {
        java.util.Objects.requireNonNull(blockIo, "blockIo");
        mounts = List.copyOf(mounts);
        v1Controllers = List.copyOf(v1Controllers);
    }
}
