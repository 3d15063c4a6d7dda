package dev.golive.model;

import java.util.List;
import java.util.Map;

/**
 * systemd facts. {@code managerDefaults} holds the Default*= settings of system.conf and
 * system.conf.d/ that golive cares about, each with the file:line that set it.
 * {@code pid1} is false in containers and build chroots: inspection still works there.
 * {@code unitDirectories} are the unit directories that could be listed: when none could,
 * the number of service units is unknown, not 0.
 */
public record SystemdFacts(
        Fact<Integer> version,
        Fact<Boolean> pid1,
        Map<String, Fact<String>> managerDefaults,
        List<UnitFileInfo> serviceUnits,
        List<String> unitDirectories,
        Fact<Boolean> seccomp) {

    /** Whether the manager was built with seccomp is not known (an image tree, a test host). */
    public SystemdFacts(Fact<Integer> version, Fact<Boolean> pid1, Map<String, Fact<String>> managerDefaults,
                        List<UnitFileInfo> serviceUnits, List<String> unitDirectories) {
        this(version, pid1, managerDefaults, serviceUnits, unitDirectories, Fact.unknown("systemctl --version not read"));
    }

    public SystemdFacts {
        managerDefaults = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(managerDefaults));
        serviceUnits = List.copyOf(serviceUnits);
        unitDirectories = List.copyOf(unitDirectories);
    }

    /** How many service units the unit directories hold; unknown when no directory could be listed. */
    public Fact<Integer> serviceUnitCount() {
        if (unitDirectories.isEmpty()) return Fact.unknown("no unit directory could be read (/etc/systemd/system, /usr/lib/systemd/system, …)");
        return Fact.of(serviceUnits.size(), new Source.Derived(String.join(", ", unitDirectories)));
    }

    public boolean atLeast(int v) { return version.opt().map(x -> x >= v).orElse(false); }
}
