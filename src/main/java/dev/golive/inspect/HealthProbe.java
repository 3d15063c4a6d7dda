package dev.golive.inspect;

import dev.golive.host.CommandResult;
import dev.golive.host.CommandRunner;
import dev.golive.host.HostRoot;
import dev.golive.host.HttpGet;
import dev.golive.model.Fact;
import dev.golive.model.ServiceHealth;
import dev.golive.model.Source;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the health step judges (model.ServiceHealth.Facts): {@code systemctl show} of the
 * unit, the host's LISTEN sockets (/proc/net/tcp, tcp6, as {@link NetworkProbe}), an HTTP GET
 * of the health URL, and the unit's last journal lines ({@code journalctl -u UNIT -n N}).
 */
public final class HealthProbe {

    static final List<String> PROPERTIES = List.of("ActiveState", "SubState", "Result", "NRestarts", "MainPID");
    public static final int JOURNAL_LINES = 20;

    private HealthProbe() { }

    public static ServiceHealth.Facts read(HostRoot root, CommandRunner runner, String unit, Optional<String> url) {
        List<String> show = new java.util.ArrayList<>(List.of("systemctl", "show"));
        PROPERTIES.forEach(p -> { show.add("-p"); show.add(p); });
        show.add(unit);
        var props = VerifyProbe.show(runner, show);
        var ports = NetworkProbe.probe(root).listeningTcpPorts();
        return new ServiceHealth.Facts(unit, props, ports, url.map(u -> HttpGet.status(u, Duration.ofSeconds(5))), journal(runner, unit));
    }

    /** The unit's last journal lines; Unknown when journalctl did not run. */
    public static Fact<List<String>> journal(CommandRunner runner, String unit) {
        CommandResult r = runner.run(List.of("journalctl", "-u", unit, "-n", String.valueOf(JOURNAL_LINES), "--no-pager", "-o", "short-iso"),
                Duration.ofSeconds(10));
        if (!r.ok()) return Fact.unknown(r.problem());
        return Fact.of(r.stdout().lines().toList(), new Source.Command(r.commandLine()));
    }
}
