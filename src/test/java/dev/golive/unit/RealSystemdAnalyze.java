package dev.golive.unit;

import dev.golive.host.AccessLog;
import dev.golive.host.CommandResult;
import dev.golive.host.ProcessCommandRunner;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** The real systemd-analyze (scripts/test installs the systemd package): required on CI, skipped with the reason elsewhere. */
final class RealSystemdAnalyze {
    private RealSystemdAnalyze() { }

    static SystemdAnalyze require() {
        ProcessCommandRunner runner = new ProcessCommandRunner(new AccessLog());
        CommandResult r = runner.run("systemd-analyze", "--version");
        if (!r.ok()) {
            String why = "systemd-analyze is needed (" + r.problem() + "); install it with: apt-get install -y systemd";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(why);
            Assumptions.abort(why);
        }
        SystemdAnalyze a = new SystemdAnalyze(runner);
        int v = a.version().opt().orElseThrow();
        if (v < SystemdAnalyze.OFFLINE_SINCE) Assumptions.abort("systemd-analyze " + v + " has no security --offline");
        return a;
    }
}
