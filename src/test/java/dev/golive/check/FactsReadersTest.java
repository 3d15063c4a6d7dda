package dev.golive.check;

import dev.golive.model.Fact;
import dev.golive.model.HostFacts;
import dev.golive.model.Source;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.SysctlFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readers the rules share: where a sysctl is set and read, the ephemeral port range as the
 * kernel prints it, the reserved ports list, and sources listed once each.
 */
class FactsReadersTest {

    static final Source.File CONF = new Source.File("/etc/sysctl.d/90-net.conf", 4);

    @Test
    void sourcesAreListedOnceInOrderAndUnknownFactsAddNone() {
        Source.File a = Source.File.of("/proc/sys/a");
        Source.File b = Source.File.of("/proc/sys/b");
        assertThat(Facts.sources(Fact.of(1, a), Fact.unknown("x"), Fact.of(2, b), Fact.of(3, a))).containsExactly(a, b);
        assertThat(Facts.plus(List.of(a), Optional.of(b))).containsExactly(a, b);
        assertThat(Facts.plus(List.of(a, b), Optional.of(a))).containsExactly(a, b);
        assertThat(Facts.plus(List.of(a), Optional.empty())).containsExactly(a);
    }

    @Test
    void aKeySetInAFileIsReadWithWhereItIsSet() {
        HostFacts h = TestHosts.healthy().sysctlApplied(CONF.path(), CONF.line(), "net.core.somaxconn", "8192").build();
        assertThat(Facts.setBy(h, "net.core.somaxconn")).isEqualTo(" (set in /etc/sysctl.d/90-net.conf:4)");
        assertThat(Facts.sysctlSources(h, "net.core.somaxconn")).containsExactly(Source.File.of("/proc/sys/net/core/somaxconn"), CONF);
        assertThat(Facts.liveLong(h, "net.core.somaxconn")).contains(8192L);
        assertThat(Facts.live(h, "net.core.somaxconn")).contains("8192");
        HostFacts unset = TestHosts.healthy().build();
        assertThat(Facts.setBy(unset, "net.core.somaxconn")).isEmpty();
        assertThat(Facts.sysctlSources(unset, "net.core.somaxconn")).containsExactly(Source.File.of("/proc/sys/net/core/somaxconn"));
    }

    @Test
    void aKeyWithoutItsOwnFactIsFoundInTheAssignmentsLastOneWinning() {
        HostFacts base = TestHosts.healthy().build();
        SysctlAssignment first = new SysctlAssignment("net.core.busy_poll", "10", false, new Source.File("/etc/sysctl.d/10-a.conf", 1));
        SysctlAssignment other = new SysctlAssignment("net.core.busy_read", "5", false, new Source.File("/etc/sysctl.d/10-a.conf", 2));
        SysctlAssignment last = new SysctlAssignment("net.core.busy_poll", "50", false, new Source.File("/etc/sysctl.d/20-b.conf", 1));
        SysctlFacts s = new SysctlFacts(Map.of(), List.of(first, other, last), List.of("/etc/sysctl.d/10-a.conf", "/etc/sysctl.d/20-b.conf"), List.of());
        HostFacts h = new HostFacts(base.origin(), base.os(), base.cpu(), base.memory(), base.fds(), s, base.network(), base.cgroups(),
                base.systemd(), base.go(), base.service());
        assertThat(Facts.configured(h, "net.core.busy_poll")).contains(last);
        assertThat(Facts.configured(h, "net.core.somaxconn")).isEmpty();
        assertThat(Facts.setBy(h, "net.core.busy_poll")).isEqualTo(" (set in /etc/sysctl.d/20-b.conf:1)");
        // no live value here: only the file
        assertThat(Facts.sysctlSources(h, "net.core.busy_poll")).containsExactly(last.source());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            '32768\t60999'  | 32768 | 60999
            ' 1024   65535 '| 1024  | 65535
            '32768'         | -     | -
            '1 2 3'         | -     | -
            'a 60999'       | -     | -
            '32768 b'       | -     | -
            """)
    void thePortRangeIsTwoNumbers(String live, String lo, String hi) {
        Optional<long[]> r = Facts.portRange(TestHosts.healthy().sysctl("net.ipv4.ip_local_port_range", live).build());
        if (lo.equals("-")) assertThat(r).isEmpty();
        else assertThat(r).hasValueSatisfying(p -> assertThat(p).containsExactly(Long.parseLong(lo), Long.parseLong(hi)));
    }

    @ParameterizedTest(name = "{1} in \"{0}\": {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL                | 8080 | false
            ''                  | 8080 | false
            8080                | 8080 | true
            8080                | 8081 | false
            '8080, 9000-9100'   | 9000 | true
            '8080, 9000-9100'   | 9100 | true
            '8080, 9000-9100'   | 9050 | true
            '8080, 9000-9100'   | 8999 | false
            '8080, 9000-9100'   | 9101 | false
            '9000 - 9100'       | 9100 | true
            ',,8080,'           | 8080 | true
            'x,8080'            | 8080 | false
            """)
    void aReservedPortIsOneListedOrInsideARange(String spec, int port, boolean reserved) {
        // the kernel prints only lists it accepted; one it could not have written ("x,8080") is not read at all
        assertThat(Facts.reserved(spec, port)).isEqualTo(reserved);
    }
}
