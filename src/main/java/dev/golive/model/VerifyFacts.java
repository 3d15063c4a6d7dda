package dev.golive.model;

import java.util.Map;
import java.util.Optional;

/**
 * What {@code golive verify} reads from a host to compare with a plan: each planned live
 * value as it is now ({@code liveNow}, by path, normalised as the plan stores it), each planned
 * file as it is now ({@code filesNow}, by path; an empty Optional is "absent"), what the next
 * boot sets ({@code bootSysctl}: per sysctl key the assignment the boot ends with, SysctlFacts.atBoot;
 * {@code bootTmpfiles}: per /sys path the {@code w} line systemd-tmpfiles applies), systemd's
 * loaded {@code DefaultLimitNOFILE} ({@code systemctl show}), the namespace's somaxconn, and
 * the service's process where the plan or the admin names a service.
 */
public record VerifyFacts(
        Map<String, Fact<String>> liveNow,
        Map<String, Fact<Optional<String>>> filesNow,
        Map<String, Optional<SysctlAssignment>> bootSysctl,
        Map<String, Optional<BootWrite>> bootTmpfiles,
        Fact<NofileLimit> managerDefaultNofile,
        Fact<Long> somaxconn,
        Optional<ServiceProcess> process) {

    public VerifyFacts {
        liveNow = Map.copyOf(liveNow);
        filesNow = Map.copyOf(filesNow);
        bootSysctl = Map.copyOf(bootSysctl);
        bootTmpfiles = Map.copyOf(bootTmpfiles);
    }

    /** A value a boot-time reader writes to a file, with the file and line that says so. */
    public record BootWrite(String value, Source.File source) { }
}
