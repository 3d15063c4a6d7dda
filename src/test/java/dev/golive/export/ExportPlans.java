package dev.golive.export;

import dev.golive.model.FileChange;
import dev.golive.model.LiveChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;

import java.util.List;
import java.util.Optional;

/** Small plans for the renderer tests. */
final class ExportPlans {
    private ExportPlans() { }

    static final String ID = "20260101-000000-abcd";

    static FileChange create(String path, String body) {
        return new FileChange(path, Optional.empty(), Optional.of(OwnedFiles.header(ID) + body), 0644, "root", "root", "why " + path);
    }

    static LiveChange sysctl(String key, String before, String after) {
        return new LiveChange(key, "/proc/sys/" + key.replace('.', '/'), LiveChange.Format.SYSCTL, before, after, key.startsWith("net."), "why " + key);
    }

    static LiveChange thp(String after) {
        return new LiveChange("transparent_hugepage.enabled", "/sys/kernel/mm/transparent_hugepage/enabled", LiveChange.Format.SYSFS_CHOICE,
                "madvise", after, false, "thp");
    }

    /** Sysctls and THP, no systemd files: no actions. */
    static Plan kernelOnly() {
        return new Plan(ID, "web-api", Optional.empty(),
                List.of(create(OwnedFiles.SYSCTL_DROPIN, "net.core.somaxconn = 8192\nnet.ipv4.ip_local_port_range = 10240 65535\n"),
                        create(OwnedFiles.TMPFILES_DROPIN, "w /sys/kernel/mm/transparent_hugepage/enabled - - - - never\n")),
                List.of(sysctl("net.core.somaxconn", "4096", "8192"), sysctl("net.ipv4.ip_local_port_range", "32768 60999", "10240 65535"), thp("never")),
                List.of(), List.of(), List.of("restart running Go services when convenient"));
    }

    /** A service drop-in and manager defaults: reload, re-exec and a restart. */
    static Plan withUnits(String dropInBody) {
        return new Plan(ID, "high-connections", Optional.of("app.service"),
                List.of(create(OwnedFiles.MANAGER_DROPIN, "[Manager]\nDefaultLimitNOFILE=1024:1048576\n"),
                        create(OwnedFiles.unitDropIn("app.service"), dropInBody)),
                List.of(sysctl("net.core.somaxconn", "4096", "8192")),
                List.of(new PlanAction(PlanAction.Kind.DAEMON_REEXEC, Optional.empty(), "manager defaults"),
                        new PlanAction(PlanAction.Kind.DAEMON_RELOAD, Optional.empty(), "unit changed"),
                        new PlanAction(PlanAction.Kind.RESTART_SERVICE, Optional.of("app.service"), "somaxconn is read once")),
                List.of(), List.of());
    }
}
