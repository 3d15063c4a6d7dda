package dev.golive.model;

/** The cgroup hierarchy layout: v1 only (legacy), hybrid (v1 controllers + cgroup2 at /unified), or v2 only. */
public enum CgroupMode {
    V1("legacy (v1 only)"), HYBRID("hybrid (v1 controllers, cgroup2 at /sys/fs/cgroup/unified)"), V2("unified (v2 only)");

    private final String label;
    CgroupMode(String label) { this.label = label; }
    public String label() { return label; }
}
