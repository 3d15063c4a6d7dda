package dev.golive.check;

import dev.golive.model.HostFacts;

/** Named hosts from TestHosts for tests outside this package (the CLI's). */
public final class CheckFixtures {
    private CheckFixtures() { }

    /** A host set up from a popular tuning guide: tw_recycle, fin_timeout, swappiness 0, THP always. */
    public static HostFacts tuningGuideVictim() {
        return TestHosts.healthy()
                .sysctlFile("/etc/sysctl.d/99-tuning.conf", 3, "net.ipv4.tcp_tw_recycle", "1")
                .sysctlApplied("/etc/sysctl.d/99-tuning.conf", 4, "net.ipv4.tcp_fin_timeout", "15")
                .sysctlApplied("/etc/sysctl.d/99-tuning.conf", 5, "vm.swappiness", "0").swapBytes(2L << 30)
                .thp("always", "madvise").sysctl("vm.overcommit_memory", "2")
                .build();
    }

    public static HostFacts warnOnly() { return TestHosts.healthy().sysctl("net.core.somaxconn", "128").build(); }

    public static HostFacts clean() { return TestHosts.healthy().build(); }
}
