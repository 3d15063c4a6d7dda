package dev.golive.model;

import java.util.Optional;

/**
 * Everything golive knows about one host, each value with its source. Immutable; built by
 * the probes in {@code host}, read by checks, planner, reports and UIs. {@code service} is
 * present when inspection was asked about one service (--service NAME).
 */
public record HostFacts(
        CaptureInfo origin,
        OsFacts os,
        CpuFacts cpu,
        MemoryFacts memory,
        FdFacts fds,
        SysctlFacts sysctls,
        NetworkFacts network,
        CgroupFacts cgroups,
        SystemdFacts systemd,
        GoToolchainFacts go,
        Optional<ServiceFacts> service) {

    public HostFacts withOrigin(CaptureInfo o) {
        return new HostFacts(o, os, cpu, memory, fds, sysctls, network, cgroups, systemd, go, service);
    }

    public HostFacts withService(ServiceFacts s) {
        return new HostFacts(origin, os, cpu, memory, fds, sysctls, network, cgroups, systemd, go, Optional.of(s));
    }
}
