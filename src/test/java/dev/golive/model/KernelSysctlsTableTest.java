package dev.golive.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one table of kernel tunables: where a default changed upstream and a distribution kernel
 * may carry the change on an older base (or the first release with it is not pinned down), the
 * version alone does not tell the default, so golive does not call a value "the kernel default"
 * there, and an image's first boot is one of both values.
 */
class KernelSysctlsTableTest {

    @ParameterizedTest(name = "{0} on Linux {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            net.ipv4.tcp_tw_reuse        | 4.18 | -
            net.ipv4.tcp_tw_reuse        | 4.19 | 2
            net.ipv4.ip_local_port_range | 3.10 | -
            net.ipv4.ip_local_port_range | 4.1  | -
            net.ipv4.ip_local_port_range | 4.2  | 32768 60999
            net.core.somaxconn           | 5.3  | 128
            net.core.somaxconn           | 5.4  | 4096
            fs.nr_open                   | 6.1  | -
            net.ipv4.tcp_max_syn_backlog | 6.1  | -
            net.ipv4.ip_unprivileged_port_start | 4.10 | -
            net.ipv4.ip_unprivileged_port_start | 4.11 | 1024
            """)
    void theKernelDefaultIsNamedOnlyWhereTheVersionFixesIt(String key, String kernel, String value) {
        Optional<KernelSysctls.Fixed> d = KernelSysctls.fixedDefault(key, KernelVersion.parse(kernel).orElseThrow());
        assertThat(d.map(KernelSysctls.Fixed::value).orElse(null)).isEqualTo(value);
        d.ifPresent(x -> assertThat(x.source()).as("where the kernel source sets it").isNotBlank());
    }

    @Test
    void anImageOnABackportRangeStartsWithEitherValue() {
        assertThat(KernelSysctls.atFirstBoot("net.ipv4.tcp_tw_reuse", Optional.of(KernelVersion.of(4, 18)), Optional.of(239))).containsExactly(0L, 2L);
        assertThat(KernelSysctls.atFirstBoot("net.ipv4.tcp_tw_reuse", Optional.of(KernelVersion.of(5, 10)), Optional.of(247))).containsExactly(2L);
        // two numbers are no one value for an expression
        assertThat(KernelSysctls.atFirstBoot("net.ipv4.ip_local_port_range", Optional.of(KernelVersion.of(6, 1)), Optional.of(252))).isEmpty();
        assertThat(KernelSysctls.atFirstBoot("fs.nr_open", Optional.of(KernelVersion.of(6, 1)), Optional.of(252))).containsExactly(1073741816L, 536870908L);
    }

    /** First and last releases, each from the commit that added or removed the key (its date fixes the merge window). */
    @ParameterizedTest(name = "{0} on Linux {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            net.ipv4.tcp_tw_recycle             | 4.11 | true
            net.ipv4.tcp_tw_recycle             | 4.12 | false
            net.ipv4.ip_unprivileged_port_start | 4.10 | false
            net.ipv4.ip_unprivileged_port_start | 4.11 | true
            net.core.busy_poll                  | 3.10 | false
            net.core.busy_read                  | 3.11 | true
            net.ipv4.tcp_max_syn_backlog        | 3.10 | true
            net.core.somaxconn                  | 6.12 | true
            """)
    void aKeyExistsFromTheReleaseThatAddedItUntilTheOneThatRemovedIt(String key, String kernel, boolean exists) {
        assertThat(KernelSysctls.of(key).orElseThrow().existsOn(KernelVersion.parse(kernel).orElseThrow())).isEqualTo(exists);
    }

    @Test
    void aDefaultChangeNamesItsCommitAndNoUnprovenBackport() {
        KernelSysctls.Key reuse = KernelSysctls.of("net.ipv4.tcp_tw_reuse").orElseThrow();
        // net-tcp: extend tcp_tw_reuse sysctl to enable loopback only optimization (79e9fed460385a3d…)
        assertThat(reuse.defaults()).allSatisfy(d -> assertThat(d.source()).contains("79e9fed46038").doesNotContain("RHEL"));
        KernelSysctls.Key ports = KernelSysctls.of("net.ipv4.ip_local_port_range").orElseThrow();
        assertThat(ports.defaults()).allSatisfy(d -> assertThat(d.source()).doesNotContain("RHEL"));
        assertThat(ports.defaults().get(1).source()).contains("07f4c90062f8");
    }

    @Test
    void everyKeyGoliveReadsIsInTheOneTable() {
        for (String key : List.of("net.core.somaxconn", "net.ipv4.tcp_tw_reuse", "net.ipv4.ip_local_port_range", "vm.swappiness", "fs.nr_open")) {
            assertThat(KernelSysctls.of(key)).as(key).isPresent();
        }
    }
}
