package dev.golive.ui.tui;

import dev.golive.model.Fact;
import dev.golive.model.HostFacts;
import dev.golive.profile.Profile;
import dev.golive.profile.Section;

/** A profile value's current setting on the host, from the inspected facts ("?" when not known). */
final class CurrentValues {
    private CurrentValues() { }

    static String of(Profile.Value v, HostFacts f) {
        if (v.section() == Section.SYSCTL) return f.sysctls().live(v.key()).orElse("?");
        if (v.section() == Section.MANAGER) {
            if (v.key().equals("DefaultLimitNOFILE")) return f.fds().systemdDefaultLimitNofile().opt().map(String::valueOf).orElse("?");
            Fact<String> m = f.systemd().managerDefaults().get(v.key());
            return m == null ? "default" : m.opt().orElse("?");
        }
        if (v.section() == Section.SYSFS && v.path() != null) {
            if (v.path().endsWith("transparent_hugepage/enabled")) return f.memory().thpEnabled().opt().orElse("?");
            if (v.path().endsWith("transparent_hugepage/defrag")) return f.memory().thpDefrag().opt().orElse("?");
            if (v.path().endsWith("khugepaged/max_ptes_none")) return f.memory().khugepagedMaxPtesNone().opt().map(String::valueOf).orElse("?");
            return "?";
        }
        // service settings: only with a service (the unit editor); none is chosen here
        return f.service().flatMap(s -> s.last("Service", v.key())).map(d -> d.value()).orElse("-");
    }
}
