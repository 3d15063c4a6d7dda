package dev.golive.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service golive was asked about (--service NAME): its unit file and drop-ins, the
 * effective directives after merging them (an empty assignment resets a list, so the list
 * here is already the result), the Go build info of its ExecStart binary where readable,
 * its environment as systemd would pass it, the go.mod {@code go} line when golive was
 * given the module, and what systemd-analyze said of the unit (exposure score from
 * {@code security --offline=true}, the lines of {@code verify}); Unknown where systemd is
 * too old or absent. {@code executable}: the ExecStart binary's ELF header; {@code notifyStrings}:
 * which of {@link #NOTIFY_MARKERS} the binary contains (evidence that it sends READY=1 over sd_notify).
 * {@code tasks}: the task counts of its cgroup (peak, current, limit; {@link ServiceTasks}).
 * {@code logRotation}: what logrotate rotates on the host, for a unit that writes its output to a file.
 */
public record ServiceFacts(
        String name,
        Fact<UnitFileInfo> unit,
        List<UnitDirective> directives,
        Fact<GoBuildInfo> binary,
        Map<String, Fact<String>> environment,
        String cgroupPath,
        Fact<String> goModGoVersion,
        Fact<Double> securityExposure,
        Fact<List<String>> verifyMessages,
        Fact<ExecutableFacts> executable,
        Fact<List<String>> notifyStrings,
        ServiceTasks tasks,
        Fact<LogRotation> logRotation) {

    /** A service for which logrotate's configuration was not read. */
    public ServiceFacts(String name, Fact<UnitFileInfo> unit, List<UnitDirective> directives, Fact<GoBuildInfo> binary,
                        Map<String, Fact<String>> environment, String cgroupPath, Fact<String> goModGoVersion,
                        Fact<Double> securityExposure, Fact<List<String>> verifyMessages, Fact<ExecutableFacts> executable,
                        Fact<List<String>> notifyStrings, ServiceTasks tasks) {
        this(name, unit, directives, binary, environment, cgroupPath, goModGoVersion, securityExposure, verifyMessages, executable,
                notifyStrings, tasks, Fact.unknown("logrotate's configuration was not read"));
    }

    /** A service whose binary's ELF header was not read nor searched for sd_notify strings. */
    public ServiceFacts(String name, Fact<UnitFileInfo> unit, List<UnitDirective> directives, Fact<GoBuildInfo> binary,
                        Map<String, Fact<String>> environment, String cgroupPath, Fact<String> goModGoVersion,
                        Fact<Double> securityExposure, Fact<List<String>> verifyMessages) {
        this(name, unit, directives, binary, environment, cgroupPath, goModGoVersion, securityExposure, verifyMessages,
                Fact.unknown("ELF header not read"));
    }

    /** A service whose binary was not searched for sd_notify strings. */
    public ServiceFacts(String name, Fact<UnitFileInfo> unit, List<UnitDirective> directives, Fact<GoBuildInfo> binary,
                        Map<String, Fact<String>> environment, String cgroupPath, Fact<String> goModGoVersion,
                        Fact<Double> securityExposure, Fact<List<String>> verifyMessages, Fact<ExecutableFacts> executable) {
        this(name, unit, directives, binary, environment, cgroupPath, goModGoVersion, securityExposure, verifyMessages, executable,
                Fact.unknown("the binary was not searched for sd_notify strings"));
    }

    /** A service whose cgroup's task counts were not read. */
    public ServiceFacts(String name, Fact<UnitFileInfo> unit, List<UnitDirective> directives, Fact<GoBuildInfo> binary,
                        Map<String, Fact<String>> environment, String cgroupPath, Fact<String> goModGoVersion,
                        Fact<Double> securityExposure, Fact<List<String>> verifyMessages, Fact<ExecutableFacts> executable,
                        Fact<List<String>> notifyStrings) {
        this(name, unit, directives, binary, environment, cgroupPath, goModGoVersion, securityExposure, verifyMessages, executable,
                notifyStrings, ServiceTasks.unknown(cgroupPath == null ? "" : cgroupPath, "the cgroup's task counts were not read"));
    }

    public ServiceFacts {
        directives = List.copyOf(directives);
        environment = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(environment));
        notifyStrings = notifyStrings.known() ? Fact.of(List.copyOf(notifyStrings.opt().get()), notifyStrings.src().get()) : notifyStrings;
    }

    /** The strings an sd_notify sender carries ("READY=1", "NOTIFY_SOCKET"); the binary holds those listed. */
    public static final List<String> NOTIFY_MARKERS = List.of("READY=1", "NOTIFY_SOCKET");

    /** The last value of a directive (what systemd uses for single-valued settings). */
    public Optional<UnitDirective> last(String section, String key) {
        UnitDirective found = null;
        for (UnitDirective d : directives) if (d.section().equals(section) && d.key().equals(key)) found = d;
        return Optional.ofNullable(found);
    }

    public List<UnitDirective> all(String section, String key) {
        return directives.stream().filter(d -> d.section().equals(section) && d.key().equals(key)).toList();
    }
}
