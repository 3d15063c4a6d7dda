package dev.golive.model;

import java.util.List;

/**
 * File descriptor facts. {@code systemdDefaultLimitNofile} is what the service manager
 * gives every service that sets no LimitNOFILE=: from system.conf and system.conf.d/, or
 * the compiled default of the systemd version found. {@code limitsMalformed}: the lines of
 * limits.conf and limits.d/*.conf that pam_limits skips.
 */
public record FdFacts(
        Fact<Long> fileMax,
        Fact<Long> nrOpen,
        Fact<Long> fileNrAllocated,
        Fact<Long> fileNrMax,
        Fact<NofileLimit> processNofile,
        Fact<NofileLimit> systemdDefaultLimitNofile,
        List<LimitsEntry> limitsNofile,
        List<MalformedLine> limitsMalformed) {

    /** limits.conf files without a malformed line. */
    public FdFacts(Fact<Long> fileMax, Fact<Long> nrOpen, Fact<Long> fileNrAllocated, Fact<Long> fileNrMax,
                   Fact<NofileLimit> processNofile, Fact<NofileLimit> systemdDefaultLimitNofile, List<LimitsEntry> limitsNofile) {
        this(fileMax, nrOpen, fileNrAllocated, fileNrMax, processNofile, systemdDefaultLimitNofile, limitsNofile, List.of());
    }

    public FdFacts {
        limitsNofile = List.copyOf(limitsNofile);
        limitsMalformed = List.copyOf(limitsMalformed);
    }
}
