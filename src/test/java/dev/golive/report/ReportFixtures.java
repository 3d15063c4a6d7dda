package dev.golive.report;

import dev.golive.app.Session;
import dev.golive.check.Checker;
import dev.golive.model.CaptureInfo;
import dev.golive.model.Fact;
import dev.golive.model.FileChange;
import dev.golive.model.HostFacts;
import dev.golive.model.LiveChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;
import dev.golive.model.PlanConflict;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;
import dev.golive.model.UnitFileInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fixture hosts (src/test/resources/hosts) and hand-made plan/unit pieces for the review and diff tests. */
final class ReportFixtures {

    private ReportFixtures() { }

    static Path host(String name) {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts").resolve(name);
    }

    static HostFacts facts(String name) {
        try (Session s = Session.open(host(name).toString())) {
            HostFacts f = s.inspect();
            return f.withOrigin(new CaptureInfo("hosts/" + name, false, f.origin().capturedAt(), f.origin().hostname()));
        }
    }

    /** A plan as the planner would make it: one new drop-in, one live value, a reload, a conflict, a manual step. */
    static Plan plan() {
        String after = OwnedFiles.header("20260101-120000-ab12") + "net.core.somaxconn = 8192\n";
        return new Plan("20260101-120000-ab12", "web", Optional.of("app.service"),
                List.of(new FileChange(OwnedFiles.SYSCTL_DROPIN, Optional.empty(), Optional.of(after), 0644, "root", "root",
                        "persist the tuned sysctls at boot")),
                List.of(new LiveChange("net.core.somaxconn", "/proc/sys/net/core/somaxconn", LiveChange.Format.SYSCTL,
                        "4096", "8192", true, "listen() backlog cap")),
                List.of(new PlanAction(PlanAction.Kind.RESTART_SERVICE, Optional.of("app.service"), "Go reads somaxconn once per process")),
                List.of(new PlanConflict("net.ipv4.tcp_fin_timeout", "30", "15", new Source.File("/etc/sysctl.d/99-web-tuning.conf", 2), "a later file wins")),
                List.of("remove the nofile lines from /etc/security/limits.conf (they do not reach services)"));
    }

    /** The fixture's facts plus a unit "app.service" as the service probe reports it. */
    static HostFacts withService(HostFacts f, Fact<Double> exposure) {
        String unit = "/etc/systemd/system/app.service";
        List<UnitDirective> d = List.of(
                new UnitDirective("Service", "ExecStart", "/usr/local/bin/app", new Source.File(unit, 5)),
                new UnitDirective("Service", "NoNewPrivileges", "yes", new Source.File(unit, 6)));
        return f.withService(new ServiceFacts("app.service",
                Fact.of(new UnitFileInfo("app.service", unit, "/etc/systemd/system", List.of()), Source.File.of(unit)),
                d, Fact.unknown("no binary"), Map.of(), "/system.slice/app.service", Fact.unknown("no go.mod given"),
                exposure, Fact.of(List.of(), new Source.Command("systemd-analyze verify " + unit))));
    }

    static ReviewBuilder.Inputs inputs(HostFacts f, Optional<String> service, Part<ReviewBuilder.RecommendedPlan> plan,
                                       Part<List<Review.SnapshotRow>> snapshots) {
        return new ReviewBuilder.Inputs(f, Checker.run(f), service, plan, snapshots, "2026-01-01T12:00:00Z", "golive test");
    }
}
