package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.model.HostFacts;
import dev.golive.report.FactsJson;
import dev.golive.report.InspectText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show the host's state by area (CPU, memory, file descriptors, network, cgroups, systemd, Go),",
                "each value with the file:line or command it came from. Runs no command on a capture."})
public final class InspectCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Mixin KernelOption kernel;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print stable JSON (schema in docs/inspect-json.md).")
    boolean json;

    @Option(names = "--cgroup", paramLabel = "PATH", description = "Read CPU and memory limits of this cgroup (e.g. /system.slice/app.service) and its parents instead of golive's own.")
    String cgroup;

    @Option(names = "--service", paramLabel = "NAME", description = "Also inspect this service: its unit and drop-ins, environment, binary's Go build info, systemd-analyze's verdicts; limits are read from its cgroup.")
    String service;

    @Option(names = "--go-mod", paramLabel = "DIR", description = "The service's Go module directory (reads the go line of its go.mod).")
    String goModDir;

    @Option(names = "--timing", hidden = true, description = "Print probing and total inspection time to stderr (for scripts/bench).")
    boolean timing;

    @Override public Integer call() {
        if (cgroup != null && (!cgroup.startsWith("/") || cgroup.contains("..") || cgroup.contains("\n"))) {
            throw dev.golive.model.GoliveException.badInput("--cgroup " + cgroup + ": expected an absolute cgroup path like /system.slice/app.service");
        }
        if (goModDir != null && service == null) throw dev.golive.model.GoliveException.badInput("--go-mod needs --service NAME");
        if (cgroup != null && service != null) throw dev.golive.model.GoliveException.badInput("--cgroup and --service exclude each other: a service's limits are read from its own cgroup");
        try (Session s = Session.open(common.root)) {
            s.kernel(kernel.kernel);
            HostFacts f = service != null ? s.inspectService(service, goModDir) : s.inspect(cgroup);
            var out = spec.commandLine().getOut();
            out.print(json ? FactsJson.render(f) : InspectText.render(f, Output.style(common)));
            out.flush();
            if (timing) {
                List<String> lines = Session.lastInspectTiming();
                lines.forEach(System.err::println);
                if (!lines.isEmpty()) {
                    // since the JVM started: class loading, picocli and rendering are in here too
                    System.err.printf(java.util.Locale.ROOT, "  %-26s %7.1f ms%n", "JVM start to now", (System.currentTimeMillis() - ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis())) * 1.0);
                }
            }
        }
        return 0;
    }
}
