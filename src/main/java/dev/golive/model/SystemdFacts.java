package dev.golive.model;

import java.util.List;
import java.util.Map;

/**
 * systemd facts. {@code managerDefaults} holds the Default*= settings of system.conf and
 * system.conf.d/ that golive cares about, each with the file:line that set it.
 * {@code pid1} is false in containers and build chroots: inspection still works there.
 */
public record SystemdFacts(
        Fact<Integer> version,
        Fact<Boolean> pid1,
        Map<String, Fact<String>> managerDefaults,
        List<UnitFileInfo> serviceUnits) {

    public SystemdFacts {
        managerDefaults = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(managerDefaults));
        serviceUnits = List.copyOf(serviceUnits);
    }

    public boolean atLeast(int v) { return version.opt().map(x -> x >= v).orElse(false); }
}
