package dev.golive.unit;

import dev.golive.host.ProcessCommandRunner;
import org.junit.jupiter.api.Assumptions;

/** The real systemd-analyze (scripts/test installs the systemd package): required on CI, skipped with the reason elsewhere. */
final class RealSystemdAnalyze {
    private RealSystemdAnalyze() { }

    static SystemdAnalyze require() {
        ProcessCommandRunner runner = dev.golive.host.RealTool.require("systemd-analyze", "systemd", "systemd-analyze", "--version");
        SystemdAnalyze a = new SystemdAnalyze(runner);
        int v = a.version().opt().orElseThrow();
        if (v < SystemdAnalyze.OFFLINE_SINCE) Assumptions.abort("systemd-analyze " + v + " has no security --offline");
        return a;
    }
}
