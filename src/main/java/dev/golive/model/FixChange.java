package dev.golive.model;

/**
 * A change golive can make itself to fix a finding. The planner turns these into file edits
 * and live writes; a finding whose fix is advice only has none.
 */
public sealed interface FixChange permits FixChange.SysctlChange, FixChange.SysctlRemoval,
        FixChange.ManagerDefaultChange, FixChange.UnitDirectiveChange, FixChange.UnitDirectiveRemoval,
        FixChange.ServiceEnvironmentChange, FixChange.SysfsChange {

    /** One line for humans, e.g. {@code sysctl net.core.somaxconn = 4096}. */
    String describe();

    /** Set a kernel tunable (in golive's sysctl.d drop-in, and live). */
    record SysctlChange(String key, String value) implements FixChange {
        @Override public String describe() { return "sysctl " + key + " = " + value; }
    }

    /** Remove (comment out) an assignment in a sysctl file: dead or harmful configuration. */
    record SysctlRemoval(String key, Source.File at) implements FixChange {
        @Override public String describe() { return "remove " + key + " from " + at.describe(); }
    }

    /** Set a manager default in system.conf.d (e.g. DefaultLimitNOFILE). */
    record ManagerDefaultChange(String key, String value) implements FixChange {
        @Override public String describe() { return "[Manager] " + key + "=" + value; }
    }

    /** Set a directive of the service (in golive's drop-in). */
    record UnitDirectiveChange(String section, String key, String value) implements FixChange {
        @Override public String describe() { return "[" + section + "] " + key + "=" + value; }
    }

    /** Drop a directive from the service (e.g. a deprecated name replaced by its successor). */
    record UnitDirectiveRemoval(String section, String key, Source.File at) implements FixChange {
        @Override public String describe() { return "remove [" + section + "] " + key + "= (" + at.describe() + ")"; }
    }

    /** Set one variable in the service's environment ({@code Environment=NAME=VALUE}). */
    record ServiceEnvironmentChange(String name, String value) implements FixChange {
        @Override public String describe() { return "[Service] Environment=" + name + "=" + value; }
    }

    /**
     * Set a sysfs choice such as transparent_hugepage/defrag, as a profile's sysfs: section
     * does: live now, and at every boot through golive's tmpfiles.d drop-in (sysctl.d cannot
     * set /sys). {@code key} is the profile key (transparent_hugepage.defrag).
     */
    record SysfsChange(String key, String path, String value) implements FixChange {
        @Override public String describe() { return "sysfs " + key + " = " + value + " (live, and at boot via tmpfiles.d)"; }
    }
}
