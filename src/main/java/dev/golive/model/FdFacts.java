package dev.golive.model;

import java.util.List;

/**
 * File descriptor facts. {@code systemdDefaultLimitNofile} is what the service manager
 * gives every service that sets no LimitNOFILE=: from system.conf and system.conf.d/, or
 * the compiled default of the systemd version found.
 */
public record FdFacts(
        Fact<Long> fileMax,
        Fact<Long> nrOpen,
        Fact<Long> fileNrAllocated,
        Fact<Long> fileNrMax,
        Fact<NofileLimit> processNofile,
        Fact<NofileLimit> systemdDefaultLimitNofile,
        List<LimitsEntry> limitsNofile) {

    public FdFacts { limitsNofile = List.copyOf(limitsNofile); }
}
