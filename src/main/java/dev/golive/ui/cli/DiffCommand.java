package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.model.GoliveException;
import dev.golive.report.Fleet;
import dev.golive.report.FleetJson;
import dev.golive.report.FleetText;
import dev.golive.report.HostDiff;
import dev.golive.report.HostDiffJson;
import dev.golive.report.HostDiffText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What differs between two hosts, or one host at two moments: every fact with a different",
                "value (with both sources), findings only one side has, and golive's owned files as a diff.",
                "A and B are each `live`, a capture directory, or a capture .tar.gz.",
                "Three or more hosts, or one directory of captures (one per host, named by host): every value",
                "that differs, with the groups of hosts sharing each value and the outliers named, and the",
                "findings only some hosts have; an entry of the directory that is not a readable capture is listed."},
        footer = {"", "Volatile facts (hostname, free memory, file-nr, the capturing session's cgroup, the service's PID and",
                "task counts) are left out unless --include-volatile, so a difference means configuration.",
                "", "Exit 0 whether or not they differ (read the output or --json); with --exit-code, 1 when they differ",
                "(a value, a finding, or a capture of the directory that cannot be read); 2 bad input."})
public final class DiffCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Mixin FleetFilterOptions compare;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "HOST", arity = "1..*",
            description = "live, a capture directory, or a .tar.gz capture; or one directory of captures.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--json", description = "Print stable JSON (schema in docs/report-json.md; of many hosts: docs/fleet.md).")
    boolean json;

    @Option(names = "--exit-code", description = "Exit 1 when the hosts differ, 0 when they match (for CI).")
    boolean exitCode;

    @Option(names = "--service", paramLabel = "NAME", description = "Also compare this service (its unit settings, binary, environment); the hosts are then laid out as for many, also two.")
    String service;

    @Override public Integer call() {
        if (common.root != null) throw GoliveException.badInput("diff takes the hosts as arguments (A B, or a directory of captures); drop --root");
        var out = spec.commandLine().getOut();
        if (hosts.size() == 2 && service == null) {
            HostDiff d = Session.diff(hosts.get(0), hosts.get(1), compare.filter());
            out.print(json ? HostDiffJson.render(d) : HostDiffText.render(d, Output.style(common)));
            out.flush();
            return exitCode && !d.identical() ? 1 : 0;
        }
        Fleet f = hosts.size() == 1 ? Session.fleet(hosts.get(0), service, compare.filter()) : Session.fleetOf(hosts, service, compare.filter());
        out.print(json ? FleetJson.render(f) : FleetText.renderDiff(f, Output.style(common)));
        out.flush();
        return exitCode && f.drift() ? 1 : 0;
    }
}
