package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.golive.check.CpuRulesBoundaryTest.of;
import static dev.golive.check.CpuRulesBoundaryTest.one;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network rules on their thresholds, each with the change its fix would make: somaxconn
 * 4096, a SYN backlog equal to somaxconn, a listening port exactly on either edge of the
 * ephemeral range, a range exactly as wide as the default, tcp_fin_timeout 60, syncookies 0/1/2.
 */
class NetworkEdgesTest {

    static List<FixChange> changes(Finding f) { return f.fix().orElseThrow().changes(); }

    @ParameterizedTest(name = "somaxconn {0}: fires = {1}")
    @CsvSource({"4096, false", "4095, true", "128, true", "65535, false"})
    void somaxconnBelowTheModernDefaultIsRaisedToIt(String live, boolean fires) {
        List<Finding> f = of("NET-SOMAXCONN-LOW", TestHosts.healthy().sysctl("net.core.somaxconn", live));
        assertThat(f).hasSize(fires ? 1 : 0);
        if (fires) {
            assertThat(f.get(0).message()).startsWith("net.core.somaxconn is " + live);
            assertThat(changes(f.get(0))).containsExactly(new FixChange.SysctlChange("net.core.somaxconn", "4096"));
        }
    }

    @Test
    void aSynBacklogBelowSomaxconnWithSyncookiesOffIsRaisedToSomaxconnExactly() {
        TestHosts off = TestHosts.healthy().sysctl("net.ipv4.tcp_syncookies", "0").sysctl("net.core.somaxconn", "8192");
        assertThat(of("NET-SYN-BACKLOG-LOW", off.sysctl("net.ipv4.tcp_max_syn_backlog", "8192"))).isEmpty();
        Finding f = one("NET-SYN-BACKLOG-LOW", off.sysctl("net.ipv4.tcp_max_syn_backlog", "8191"));
        assertThat(f.message()).isEqualTo("net.ipv4.tcp_max_syn_backlog is 8191, below net.core.somaxconn 8192, and tcp_syncookies=0: SYNs beyond 3/4 of it are dropped");
        assertThat(changes(f)).containsExactly(new FixChange.SysctlChange("net.ipv4.tcp_max_syn_backlog", "8192"));
        assertThat(f.sources()).contains(Source.File.of("/proc/sys/net/core/somaxconn"), Source.File.of("/proc/sys/net/ipv4/tcp_syncookies"));
        // syncookies 2 (always) or unknown: the kernel does not read the backlog, or golive cannot tell
        assertThat(of("NET-SYN-BACKLOG-LOW", TestHosts.healthy().sysctl("net.ipv4.tcp_syncookies", "2").sysctl("net.ipv4.tcp_max_syn_backlog", "128"))).isEmpty();
        assertThat(of("NET-SYN-BACKLOG-LOW", TestHosts.healthy().sysctlMissing("net.ipv4.tcp_syncookies").sysctl("net.ipv4.tcp_max_syn_backlog", "128"))).isEmpty();
    }

    @ParameterizedTest(name = "port {0} in 32768-60999: inside = {1}")
    @CsvSource({"32767, false", "32768, true", "60999, true", "61000, false"})
    void aListeningPortOnEitherEdgeOfTheEphemeralRangeIsInsideIt(int port, boolean inside) {
        List<Finding> f = of("NET-PORT-RANGE-OVERLAP", TestHosts.healthy().listening(22, port));
        assertThat(f).hasSize(inside ? 1 : 0);
        if (inside) {
            assertThat(f.get(0).message()).isEqualTo("port(s) " + port + " listen inside ip_local_port_range 32768-60999");
            assertThat(changes(f.get(0))).containsExactly(new FixChange.SysctlChange("net.ipv4.ip_local_reserved_ports", Integer.toString(port)));
        }
    }

    @Test
    void theReservationKeepsThePortsAlreadyReservedAndEachPortOnce() {
        Finding f = one("NET-PORT-RANGE-OVERLAP", TestHosts.healthy().listening(40000, 22, 50000, 40000, 45000)
                .sysctl("net.ipv4.ip_local_reserved_ports", "45000"));
        assertThat(f.message()).isEqualTo("port(s) 40000,50000 listen inside ip_local_port_range 32768-60999");
        assertThat(changes(f)).containsExactly(new FixChange.SysctlChange("net.ipv4.ip_local_reserved_ports", "45000,40000,50000"));
    }

    @ParameterizedTest(name = "range {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            32768 60999 |
            32767 60998 |
            32769 60999 | ip_local_port_range 32769-60999 gives 28231 ports (default 28232)
            50000 50000 | ip_local_port_range is 50000 50000: low is not below high
            """)
    void aRangeNarrowerThanTheDefaultByOnePortIsNarrow(String range, String message) {
        List<Finding> f = of("NET-PORT-RANGE-NARROW", TestHosts.healthy().sysctl("net.ipv4.ip_local_port_range", range));
        if (message == null) {
            assertThat(f).isEmpty();
        } else {
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.message()).isEqualTo(message);
                assertThat(changes(x)).containsExactly(new FixChange.SysctlChange("net.ipv4.ip_local_port_range", "32768 60999"));
            });
        }
    }

    @ParameterizedTest(name = "tcp_fin_timeout {0}: fires = {1}")
    @CsvSource({"60, false", "59, true", "120, false"})
    void finTimeoutBelowSixtyIsSaidToLeaveTimeWaitAlone(String value, boolean fires) {
        List<Finding> f = of("NET-FIN-TIMEOUT-NOT-TIME-WAIT", TestHosts.healthy().sysctlApplied("/etc/sysctl.d/99-t.conf", 4, "net.ipv4.tcp_fin_timeout", value));
        assertThat(f).hasSize(fires ? 1 : 0);
        if (fires) {
            assertThat(f.get(0).message()).isEqualTo("net.ipv4.tcp_fin_timeout is 59 (set in /etc/sysctl.d/99-t.conf:4): FIN_WAIT_2 is shorter, TIME_WAIT still lasts 60 s");
            assertThat(changes(f.get(0))).isEmpty();
        }
    }

    @ParameterizedTest(name = "tcp_syncookies {0}: fires = {1}")
    @CsvSource({"0, true", "1, false", "2, true"})
    void syncookiesOtherThanOneAreSetBackToOne(String value, boolean fires) {
        List<Finding> f = of("NET-SYNCOOKIES-NOT-DEFAULT", TestHosts.healthy().sysctl("net.ipv4.tcp_syncookies", value));
        assertThat(f).hasSize(fires ? 1 : 0);
        if (fires) assertThat(changes(f.get(0))).containsExactly(new FixChange.SysctlChange("net.ipv4.tcp_syncookies", "1"));
    }

    @Test
    void twReuseWithoutTimestampsTurnsTimestampsBackOn() {
        Finding f = one("NET-TW-REUSE-NO-TIMESTAMPS", TestHosts.healthy().sysctl("net.ipv4.tcp_timestamps", "0").sysctl("net.ipv4.tcp_tw_reuse", "1"));
        assertThat(f.message()).startsWith("tcp_tw_reuse is 1 but tcp_timestamps is 0");
        assertThat(changes(f)).containsExactly(new FixChange.SysctlChange("net.ipv4.tcp_timestamps", "1"));
        assertThat(of("NET-TW-REUSE-NO-TIMESTAMPS", TestHosts.healthy().sysctl("net.ipv4.tcp_timestamps", "2").sysctl("net.ipv4.tcp_tw_reuse", "1"))).isEmpty();
    }

    @Test
    void tcpTwRecycleInAFileIsRemovedFromThatFileLiveOnAnOldKernelSetToZero() {
        String file = "/etc/sysctl.d/99-t.conf";
        Finding dead = one("NET-TW-RECYCLE", TestHosts.healthy().sysctlFile(file, 3, "net.ipv4.tcp_tw_recycle", "1"));
        assertThat(dead.message()).isEqualTo(file + ":3 sets net.ipv4.tcp_tw_recycle=1, but this kernel (6.1.0) has no such key: dead configuration, and `sysctl -p` fails on it");
        assertThat(changes(dead)).containsExactly(new FixChange.SysctlRemoval("net.ipv4.tcp_tw_recycle", new Source.File(file, 3)));
        Finding old = one("NET-TW-RECYCLE", TestHosts.healthy().kernel("4.9.0-19-amd64").sysctlPresent("net.ipv4.tcp_tw_recycle", "1"));
        assertThat(old.message()).isEqualTo("net.ipv4.tcp_tw_recycle is 1 live on this kernel (4.9.0): clients behind NAT lose connections");
        assertThat(changes(old)).containsExactly(new FixChange.SysctlChange("net.ipv4.tcp_tw_recycle", "0"));
        // a 0 in a file on an old kernel is harmless
        assertThat(of("NET-TW-RECYCLE", TestHosts.healthy().kernel("4.9.0-19-amd64").sysctlPresent("net.ipv4.tcp_tw_recycle", "0")
                .sysctlFile(file, 3, "net.ipv4.tcp_tw_recycle", "0"))).isEmpty();
    }
}
