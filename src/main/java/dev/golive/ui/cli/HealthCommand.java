package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.model.GoliveException;
import dev.golive.model.ServiceHealth;
import dev.golive.verify.HealthJudge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Is the service up? The health step `apply --finish` ends with: the unit is active, each --port listens, "
                + "--health-url answers 2xx/3xx, and systemd's restart counter (NRestarts) does not move while golive watches; "
                + "then the unit's last journal lines."},
        footer = {"", "The live host only. Exit codes: 0 healthy, 1 not healthy, 2 bad input (no --service, a target tree or capture)."})
public final class HealthCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--service", paramLabel = "NAME", required = true, description = "The service (app or app.service).")
    String service;

    @Option(names = "--port", paramLabel = "N", description = "A TCP port the service must listen on (repeatable).")
    List<Integer> ports;

    @Option(names = "--health-url", paramLabel = "URL", description = "An http:// URL that must answer 2xx or 3xx.")
    String healthUrl;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "How long to wait for the service to pass (default 0: look once, then watch the restart counter 3 s).")
    int waitSeconds;

    /** Tests replace this. */
    Function<String, Session> sessions = Session::open;

    @Override public Integer call() {
        if (waitSeconds < 0 || waitSeconds > 600) throw GoliveException.badInput("--wait " + waitSeconds + ": expected 0..600 seconds");
        Optional<String> url = Optional.ofNullable(healthUrl).map(ApplyCommand::checkUrl);
        try (Session s = sessions.apply(common.root)) {
            ServiceHealth h = s.health(service, ports == null ? List.of() : ports, url, Duration.ofSeconds(waitSeconds), dev.golive.app.Session.HEALTH_SETTLE);
            PrintWriter out = spec.commandLine().getOut();
            out.println("health of " + h.unit() + ": " + (h.ok() ? "healthy" : "NOT healthy"));
            HealthJudge.lines(h).forEach(l -> out.println("  " + l));
            out.flush();
            return h.ok() ? 0 : 1;
        }
    }
}
