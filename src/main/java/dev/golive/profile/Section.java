package dev.golive.profile;

import java.util.Map;

/** The parts of a profile, by their YAML name. */
public enum Section {
    /** Kernel tunables: /etc/sysctl.d/60-golive.conf and /proc/sys. */
    SYSCTL("sysctl", Schema.SYSCTL),
    /** systemd manager defaults: /etc/systemd/system.conf.d/60-golive.conf. */
    MANAGER("manager", Schema.MANAGER),
    /** sysfs choices (THP): /sys now, /etc/tmpfiles.d/60-golive.conf at boot. */
    SYSFS("sysfs", Schema.SYSFS),
    /** The service's unit settings, merged into its ServiceSpec. */
    SERVICE("service", Schema.SERVICE);

    public final String yamlName;
    final Map<String, Schema.Key> keys;

    Section(String yamlName, Map<String, Schema.Key> keys) {
        this.yamlName = yamlName;
        this.keys = keys;
    }
}
