package dev.golive.ui.cli;

import dev.golive.report.FactFilter;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Which facts a comparison of hosts looks at (a picocli mixin for `diff` and `report --fleet`). */
public final class FleetFilterOptions {

    @Option(names = "--include-volatile",
            description = "Also compare the volatile facts (hostname, free memory, file-nr, the capturing session's cgroup, the service's PID and task counts), left out by default.")
    boolean includeVolatile;

    @Option(names = "--ignore", paramLabel = "PATH",
            description = "Leave out this fact path and everything below it (`*` matches any text), e.g. go.env[*] or sysctls.byKey[vm.swappiness]. Repeatable.")
    List<String> ignore = new ArrayList<>();

    FactFilter filter() { return new FactFilter(includeVolatile, ignore); }

    /** Whether any of these options was given (a command that compares nothing refuses them). */
    boolean given() { return includeVolatile || !ignore.isEmpty(); }
}
