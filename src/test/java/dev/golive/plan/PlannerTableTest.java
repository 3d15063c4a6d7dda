package dev.golive.plan;

import dev.golive.model.FileChange;
import dev.golive.model.LiveChange;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Host × profile → the owned files created (C:) or modified (M:), the live values changed
 * and the actions, for every fixture host and shipped profile. Read a row as: "on this
 * host, this profile changes exactly these". Reviewed against the fixtures' facts: e.g.
 * debian12-vm already has somaxconn 8192 (60-custom.conf, loaded before ours) and THP
 * enabled=madvise, so neither appears; the container gets no global value (netdev backlog,
 * THP, manager defaults), only per-namespace sysctls; centos7's systemd 219 gives a hard
 * nofile limit of 4096, so every profile writes DefaultLimitNOFILE and re-executes the manager.
 */
class PlannerTableTest {

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            debian12-vm       | base              | C:tmpfiles.d | transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            debian12-vm       | web-api           | C:sysctl.d C:tmpfiles.d | net.core.netdev_max_backlog net.ipv4.tcp_slow_start_after_idle transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            debian12-vm       | high-connections  | C:sysctl.d C:systemd/system.conf.d C:tmpfiles.d | net.core.netdev_max_backlog net.ipv4.tcp_slow_start_after_idle net.core.somaxconn net.ipv4.ip_local_port_range net.ipv4.tcp_tw_reuse net.ipv4.tcp_max_tw_buckets transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | DAEMON_REEXEC
            debian12-vm       | low-latency       | C:sysctl.d C:tmpfiles.d | net.ipv4.tcp_slow_start_after_idle transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            debian12-vm       | batch             | C:tmpfiles.d | transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            debian12-vm       | container-limited | C:tmpfiles.d | transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            ubuntu2004-hybrid | base              | C:sysctl.d C:tmpfiles.d | net.ipv4.tcp_max_syn_backlog transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            ubuntu2004-hybrid | web-api           | C:sysctl.d C:tmpfiles.d | net.core.somaxconn net.ipv4.tcp_max_syn_backlog net.core.netdev_max_backlog net.ipv4.tcp_slow_start_after_idle transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            ubuntu2004-hybrid | high-connections  | C:sysctl.d C:systemd/system.conf.d C:tmpfiles.d | net.core.netdev_max_backlog net.ipv4.tcp_slow_start_after_idle net.core.somaxconn net.ipv4.tcp_max_syn_backlog net.ipv4.ip_local_port_range net.ipv4.tcp_tw_reuse net.ipv4.tcp_max_tw_buckets transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | DAEMON_REEXEC
            ubuntu2004-hybrid | low-latency       | C:sysctl.d C:tmpfiles.d | net.ipv4.tcp_max_syn_backlog vm.swappiness net.ipv4.tcp_slow_start_after_idle transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            ubuntu2004-hybrid | batch             | C:sysctl.d C:tmpfiles.d | net.ipv4.tcp_max_syn_backlog transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            ubuntu2004-hybrid | container-limited | C:sysctl.d C:tmpfiles.d | net.ipv4.tcp_max_syn_backlog transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            centos7-v1        | base              | C:sysctl.d C:systemd/system.conf.d C:tmpfiles.d | net.core.somaxconn transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | DAEMON_REEXEC
            centos7-v1        | web-api           | C:sysctl.d C:systemd/system.conf.d C:tmpfiles.d | net.core.somaxconn net.core.netdev_max_backlog net.ipv4.tcp_slow_start_after_idle transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | DAEMON_REEXEC
            centos7-v1        | high-connections  | C:sysctl.d C:systemd/system.conf.d C:tmpfiles.d | net.core.netdev_max_backlog net.ipv4.tcp_slow_start_after_idle net.core.somaxconn net.ipv4.ip_local_port_range net.ipv4.tcp_tw_reuse net.ipv4.tcp_max_tw_buckets fs.file-max transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | DAEMON_REEXEC
            centos7-v1        | low-latency       | C:sysctl.d C:systemd/system.conf.d C:tmpfiles.d | net.core.somaxconn vm.swappiness net.ipv4.tcp_slow_start_after_idle transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | DAEMON_REEXEC
            centos7-v1        | batch             | C:sysctl.d C:systemd/system.conf.d C:tmpfiles.d | net.core.somaxconn transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | DAEMON_REEXEC
            centos7-v1        | container-limited | C:sysctl.d C:systemd/system.conf.d C:tmpfiles.d | net.core.somaxconn transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | DAEMON_REEXEC
            arm64-server      | base              | C:tmpfiles.d | transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            arm64-server      | web-api           | C:sysctl.d C:tmpfiles.d | net.core.somaxconn net.core.netdev_max_backlog net.ipv4.tcp_slow_start_after_idle transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            arm64-server      | high-connections  | C:sysctl.d C:systemd/system.conf.d C:tmpfiles.d | net.core.netdev_max_backlog net.ipv4.tcp_slow_start_after_idle net.core.somaxconn net.ipv4.ip_local_port_range net.ipv4.tcp_tw_reuse net.ipv4.tcp_max_tw_buckets transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | DAEMON_REEXEC
            arm64-server      | low-latency       | C:sysctl.d C:tmpfiles.d | vm.swappiness net.ipv4.tcp_slow_start_after_idle transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            arm64-server      | batch             | C:tmpfiles.d | transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            arm64-server      | container-limited | C:tmpfiles.d | transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            container-quota   | base              |  |  | 
            container-quota   | web-api           | C:sysctl.d | net.core.somaxconn net.ipv4.tcp_slow_start_after_idle | 
            container-quota   | high-connections  | C:sysctl.d | net.ipv4.tcp_slow_start_after_idle net.core.somaxconn net.ipv4.ip_local_port_range net.ipv4.tcp_tw_reuse | 
            container-quota   | low-latency       | C:sysctl.d | net.ipv4.tcp_slow_start_after_idle | 
            container-quota   | batch             |  |  | 
            container-quota   | container-limited |  |  | 
            two-socket-smt    | base              | C:tmpfiles.d | transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            two-socket-smt    | web-api           | C:sysctl.d C:tmpfiles.d | net.core.somaxconn net.core.netdev_max_backlog net.ipv4.tcp_slow_start_after_idle transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            two-socket-smt    | high-connections  | C:sysctl.d C:systemd/system.conf.d C:tmpfiles.d | net.core.netdev_max_backlog net.ipv4.tcp_slow_start_after_idle net.core.somaxconn net.ipv4.ip_local_port_range net.ipv4.tcp_tw_reuse transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | DAEMON_REEXEC
            two-socket-smt    | low-latency       | C:sysctl.d C:tmpfiles.d | vm.swappiness net.ipv4.tcp_slow_start_after_idle transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            two-socket-smt    | batch             | C:tmpfiles.d | transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            two-socket-smt    | container-limited | C:tmpfiles.d | transparent_hugepage.defrag transparent_hugepage.khugepaged.max_ptes_none | 
            sparse            | base              | C:tmpfiles.d |  | 
            sparse            | web-api           | C:sysctl.d C:tmpfiles.d |  | 
            sparse            | high-connections  | C:sysctl.d C:tmpfiles.d |  | 
            sparse            | low-latency       | C:sysctl.d C:tmpfiles.d |  | 
            sparse            | batch             | C:tmpfiles.d |  | 
            sparse            | container-limited | C:tmpfiles.d |  | 
            """)
    void planChangesExactlyThese(String host, String profile, String files, String live, String actions) {
        Plan plan = PlanFixtures.plan(host, profile);
        assertThat(plan.files().stream().map(PlannerTableTest::shortName).toList()).as("files").isEqualTo(words(files));
        assertThat(plan.live().stream().map(LiveChange::key).toList()).as("live values").isEqualTo(words(live));
        assertThat(plan.actions().stream().map(a -> a.kind().name()).toList()).as("actions").isEqualTo(words(actions));
        assertThat(plan.files()).allSatisfy(f -> assertThat(f.after().orElseThrow()).startsWith("# Managed by golive (snapshot " + PlanFixtures.ID + ")"));
        assertThat(plan.live()).allSatisfy(l -> assertThat(l.before()).isNotEqualTo(l.after()));
    }

    private static String shortName(FileChange f) {
        return f.kind().name().charAt(0) + ":" + f.path().replace("/60-golive.conf", "").replace("/etc/", "");
    }

    private static List<String> words(String s) { return s == null ? List.of() : Arrays.asList(s.trim().split("\\s+")); }
}
