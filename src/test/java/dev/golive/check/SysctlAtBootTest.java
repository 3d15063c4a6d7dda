package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the next boot does to a kernel tunable: a value set only at runtime goes back to the
 * kernel's default, and a value only /etc/sysctl.conf sets is lost where systemd-sysctl does
 * not read that file (Debian 13: no 99-sysctl.conf link).
 */
class SysctlAtBootTest {

    static List<Finding> runtimeOnly(TestHosts t) { return SysctlBootRules.RUNTIME_ONLY.evaluate(t.build()); }

    static List<Finding> notAtBoot(TestHosts t) { return SysctlBootRules.CONF_NOT_AT_BOOT.evaluate(t.build()); }

    static List<String> at(Finding f) { return f.sources().stream().map(Source::describe).toList(); }

    @Test
    void aLiveValueNoFileSetsGoesBackToTheKernelDefault() {
        Finding f = runtimeOnly(TestHosts.healthy().sysctl("net.core.somaxconn", "8192")).get(0);
        assertThat(f.title()).isEqualTo("net.core.somaxconn = 8192 is set only at runtime");
        assertThat(f.message()).startsWith("net.core.somaxconn is 8192 now, but no sysctl file sets it: the next boot gives the kernel default 4096 (");
        assertThat(at(f)).containsExactly("/proc/sys/net/core/somaxconn");
        assertThat(f.fix().orElseThrow().text()).isEqualTo("keep net.core.somaxconn = 8192 across reboots");
        assertThat(f.fix().orElseThrow().changes()).containsExactly(new FixChange.SysctlChange("net.core.somaxconn", "8192"));
    }

    @Test
    void theDefaultItselfAFileOrAContainerLeaveNothingToSay() {
        assertThat(runtimeOnly(TestHosts.healthy())).isEmpty();
        assertThat(runtimeOnly(TestHosts.healthy().sysctlApplied("/etc/sysctl.d/90-net.conf", 1, "net.core.somaxconn", "8192"))).isEmpty();
        assertThat(runtimeOnly(TestHosts.healthy().sysctl("net.core.somaxconn", "8192").container("docker"))).isEmpty();
        // "none" and an empty answer are both "not in a container"
        assertThat(runtimeOnly(TestHosts.healthy().sysctl("net.core.somaxconn", "8192").container(""))).hasSize(1);
        assertThat(runtimeOnly(TestHosts.healthy().sysctl("net.core.somaxconn", "8192").container("none"))).hasSize(1);
    }

    @Test
    void anEmptyDefaultIsSaidAsEmpty() {
        List<Finding> out = runtimeOnly(TestHosts.healthy().sysctl("net.ipv4.ip_local_reserved_ports", "8080"));
        assertThat(out).singleElement().satisfies(f -> assertThat(f.message())
                .contains("the next boot gives the kernel default empty ("));
    }

    @Test
    void aValueOnlyInSysctlConfIsLostWhereSystemdSysctlDoesNotReadIt() {
        TestHosts t = TestHosts.healthy().sysctlConfAtBoot(false).sysctlFile("/etc/sysctl.conf", 3, "vm.swappiness", " 10 ").sysctl("vm.swappiness", "10");
        Finding f = notAtBoot(t).get(0);
        assertThat(f.title()).isEqualTo("vm.swappiness = 10 in /etc/sysctl.conf is not applied at boot");
        assertThat(f.message()).startsWith("/etc/sysctl.conf:3 sets vm.swappiness = 10, but systemd-sysctl does not read /etc/sysctl.conf on this host "
                + "(no link to it in a sysctl.d directory): the next boot gives the kernel default 60 (");
        assertThat(at(f)).containsExactly("/etc/sysctl.conf:3", "derived: no link");
        assertThat(f.fix().orElseThrow().text()).isEqualTo("move vm.swappiness = 10 into /etc/sysctl.d/60-golive.conf (then delete /etc/sysctl.conf:3 yourself)");
        assertThat(f.fix().orElseThrow().changes()).containsExactly(new FixChange.SysctlChange("vm.swappiness", "10"));
    }

    @Test
    void theFileTheNextBootReadsInsteadIsNamed() {
        TestHosts other = TestHosts.healthy().sysctlConfAtBoot(false).sysctlFile("/etc/sysctl.d/10-mem.conf", 2, "vm.swappiness", "30")
                .sysctlFile("/etc/sysctl.conf", 3, "vm.swappiness", "10");
        assertThat(notAtBoot(other)).singleElement().satisfies(f -> assertThat(f.message()).endsWith("the next boot gives 30 from /etc/sysctl.d/10-mem.conf:2"));
        TestHosts same = TestHosts.healthy().sysctlConfAtBoot(false).sysctlFile("/etc/sysctl.d/10-mem.conf", 2, "vm.swappiness", "10")
                .sysctlFile("/etc/sysctl.conf", 3, "vm.swappiness", "10");
        assertThat(notAtBoot(same)).isEmpty();
        TestHosts unknownKey = TestHosts.healthy().sysctlConfAtBoot(false).sysctlFile("/etc/sysctl.conf", 3, "net.example.custom", "1");
        assertThat(notAtBoot(unknownKey)).singleElement().satisfies(f -> assertThat(f.message()).endsWith("the next boot gives the kernel's default"));
    }

    @Test
    void theLastLineOfAKeyInSysctlConfCountsAndFindingsFollowTheFile() {
        TestHosts t = TestHosts.healthy().sysctlConfAtBoot(false).sysctlFile("/etc/sysctl.conf", 1, "vm.swappiness", "1")
                .sysctlFile("/etc/sysctl.conf", 2, "net.core.somaxconn", "8192").sysctlFile("/etc/sysctl.conf", 3, "vm.swappiness", "5");
        assertThat(notAtBoot(t)).extracting(Finding::title).containsExactly(
                "net.core.somaxconn = 8192 in /etc/sysctl.conf is not applied at boot", "vm.swappiness = 5 in /etc/sysctl.conf is not applied at boot");
    }

    @Test
    void nothingIsSaidWhereTheFileIsReadOrCannotBeJudged() {
        String conf = "/etc/sysctl.conf";
        assertThat(notAtBoot(TestHosts.healthy().sysctlConfAtBoot(true).sysctlFile(conf, 3, "vm.swappiness", "10"))).isEmpty();
        assertThat(notAtBoot(TestHosts.healthy().sysctlFile(conf, 3, "vm.swappiness", "10"))).isEmpty();
        assertThat(notAtBoot(TestHosts.healthy().sysctlConfAtBoot(false).systemdUnknown().sysctlFile(conf, 3, "vm.swappiness", "10"))).isEmpty();
        assertThat(notAtBoot(TestHosts.healthy().sysctlConfAtBoot(false).container("lxc").sysctlFile(conf, 3, "vm.swappiness", "10"))).isEmpty();
        assertThat(notAtBoot(TestHosts.healthy().sysctlConfAtBoot(false).container("none").sysctlFile(conf, 3, "vm.swappiness", "10"))).hasSize(1);
        // globs are not expanded; a key this kernel lacks is SYSCTL-DEAD-KEY's
        assertThat(notAtBoot(TestHosts.healthy().sysctlConfAtBoot(false).sysctlFile(conf, 3, "net.ipv4.conf.*.rp_filter", "1"))).isEmpty();
        assertThat(notAtBoot(TestHosts.healthy().sysctlConfAtBoot(false).sysctlFile(conf, 3, "net.ipv4.conf.eth?.rp_filter", "1"))).isEmpty();
        assertThat(notAtBoot(TestHosts.healthy().sysctlConfAtBoot(false).sysctlFile(conf, 3, "net.ipv4.tcp_tw_recycle", "1"))).isEmpty();
        // a line of another file is not sysctl.conf's
        assertThat(notAtBoot(TestHosts.healthy().sysctlConfAtBoot(false).sysctlFile("/etc/sysctl.d/99-x.conf", 3, "vm.swappiness", "10"))).isEmpty();
    }
}
