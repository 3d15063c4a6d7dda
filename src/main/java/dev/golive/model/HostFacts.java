package dev.golive.model;

import java.util.Optional;

/**
 * Everything golive knows about one host, each value with its source. Immutable; built by
 * the probes in {@code host}, read by checks, planner, reports and UIs. {@code service} is
 * present when inspection was asked about one service (--service NAME). {@code logrotate}: the
 * logrotate blocks already on the host and the directories logrotate checks for them (unknown
 * on a capture, which keeps no owners and modes).
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
        Optional<ServiceFacts> service,
        Fact<LogrotateBlocks> logrotate) {

    /** A host whose logrotate blocks were not read. */
    public HostFacts(CaptureInfo origin, OsFacts os, CpuFacts cpu, MemoryFacts memory, FdFacts fds, SysctlFacts sysctls,
                     NetworkFacts network, CgroupFacts cgroups, SystemdFacts systemd, GoToolchainFacts go, Optional<ServiceFacts> service) {
        this(origin, os, cpu, memory, fds, sysctls, network, cgroups, systemd, go, service, Fact.unknown("logrotate's blocks were not read"));
    }

    public HostFacts withOrigin(CaptureInfo o) {
        return new HostFacts(o, os, cpu, memory, fds, sysctls, network, cgroups, systemd, go, service, logrotate);
    }

    public HostFacts withService(ServiceFacts s) {
        return new HostFacts(origin, os, cpu, memory, fds, sysctls, network, cgroups, systemd, go, Optional.of(s), logrotate);
    }

    public HostFacts withLogrotate(Fact<LogrotateBlocks> l) {
        return new HostFacts(origin, os, cpu, memory, fds, sysctls, network, cgroups, systemd, go, service, l);
    }
}
