package dev.golive.ui.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin runs golive on an Amazon Linux 2 capture (systemd 219, Linux 5.10, cgroup v1) whose Go
 * service was written from a guide for a newer systemd: MemoryMax=, CPUWeight= and
 * ProtectSystem=strict, none of which systemd 219 knows (it logs "Unknown lvalue" and runs the
 * service without them, as the capture's `systemd-analyze verify` shows).
 */
class OldSystemdHostTest {

    static final String AMZN2 = "src/test/resources/hosts/amzn2-docker";

    @Test
    void aMemoryMaxThatSystemd219IgnoresIsNoMemoryLimitForTheGoRuntimeRules() {
        CheckCommandTest.Run r = CheckCommandTest.run(new CheckCommand(), "--root", AMZN2, "--service", "orders", "--no-color");
        assertThat(r.err()).isEmpty();
        // the directive itself is reported as unknown to this systemd …
        assertThat(r.out()).contains("UNIT-DIRECTIVE-TOO-NEW  MemoryMax= needs systemd 231");
        // … so no rule may treat it as a limit the service runs under (its cgroup has none)
        assertThat(r.out()).doesNotContain("MEM-LIMIT-WITHOUT-GOMEMLIMIT");
    }

    @Test
    void thePlanDerivesNoGomemlimitFromAMemoryMaxSystemd219Ignores() {
        CheckCommandTest.Run r = CheckCommandTest.run(new PlanCommand(), "--root", AMZN2, "--profile", "web-api", "--service", "orders", "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("create /etc/systemd/system/orders.service.d/60-golive.conf")
                .doesNotContain("GOMEMLIMIT=");
    }

    @Test
    void aProfileNeverLowersTheOpenFilesLimitOfDockersVendorUnit() {
        // docker.service ships LimitNOFILE=infinity: dockerd and the containers it starts inherit it
        for (String profile : new String[] {"web-api", "container-limited"}) {
            CheckCommandTest.Run r = CheckCommandTest.run(new PlanCommand(), "--root", AMZN2, "--profile", profile, "--service", "docker", "--no-color");
            assertThat(r.code()).as(r.err()).isEqualTo(0);
            assertThat(r.out()).as(profile).doesNotContain("docker.service.d/60-golive.conf").doesNotContain("\n+LimitNOFILE=1024:");
        }
    }

    @Test
    void aProfileRaisesTheHardLimitOfAUnitAndKeepsItsHigherSoftLimit() {
        // orders.service has LimitNOFILE=65535 (soft and hard); web-api asks 1024:1048576
        CheckCommandTest.Run r = CheckCommandTest.run(new PlanCommand(), "--root", AMZN2, "--profile", "web-api", "--service", "orders", "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("+LimitNOFILE=65535:1048576").doesNotContain("\n+LimitNOFILE=1024:");
    }

    static final String ROCKY8 = "src/test/resources/hosts/rocky8-v1";

    @Test
    void tighteningAUnitNeverLoosensASandboxSettingItAlreadyHasStricter() {
        // inventory.service has ProtectSystem=strict (systemd 232+, known to Rocky 8's 239); low-latency asks for basic
        CheckCommandTest.Run r = CheckCommandTest.run(new PlanCommand(), "--root", ROCKY8, "--profile", "low-latency", "--service", "inventory",
                "--tighten", "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("+ProtectHome=yes").doesNotContain("+ProtectSystem=full").doesNotContain("ProtectSystem: strict → full");
    }

    @Test
    void systemd219sVerifyLinesPointAtTheirFileAndLine() {
        // systemd 219 (and 237) write "[FILE:LINE] message"; newer ones "FILE:LINE: message"
        CheckCommandTest.Run r = CheckCommandTest.run(new CheckCommand(), "--root", AMZN2, "--service", "orders", "--no-color");
        assertThat(r.out()).contains("""
                  UNIT-VERIFY-MESSAGE  systemd-analyze verify complains about the unit
                      Unknown lvalue 'MemoryMax' in section 'Service'
                      source: /etc/systemd/system/orders.service:13, $ systemd-analyze verify /etc/systemd/system/orders.service
                """);
    }

    static final String UBUNTU1804 = "src/test/resources/hosts/ubuntu1804-hybrid";

    @Test
    void onASystemdBuiltWithoutSeccompNoSeccompSettingIsWritten() {
        // Amazon Linux 2's systemd 219 prints -SECCOMP: it ignores SystemCallFilter=, RestrictAddressFamilies= and the like
        CheckCommandTest.Run r = CheckCommandTest.run(new UnitCommand(), "--root", AMZN2, "--service", "newapi",
                "--exec", "/usr/local/bin/newapi", "--hardening", "strict", "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("ProtectHome=yes", "PrivateDevices=yes")
                .doesNotContain("\nSystemCallArchitectures=", "\nRestrictAddressFamilies=", "\nSystemCallErrorNumber=")
                .contains("SystemCallArchitectures= needs a systemd built with seccomp; this host's is not (-SECCOMP in systemctl --version)");
        // Ubuntu 18.04's systemd 237 is built with seccomp (+SECCOMP): the same unit keeps them
        CheckCommandTest.Run u = CheckCommandTest.run(new UnitCommand(), "--root", UBUNTU1804, "--service", "newapi",
                "--exec", "/usr/local/bin/newapi", "--hardening", "strict", "--no-color");
        assertThat(u.out()).contains("SystemCallArchitectures=native", "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX AF_NETLINK",
                "SystemCallErrorNumber=EPERM");
    }

    @Test
    void aSeccompSettingInAUnitOnASystemdBuiltWithoutSeccompIsFlagged(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws java.io.IOException {
        java.nio.file.Path host = tmp.resolve("amzn2");
        dev.golive.host.Fixtures.copyTree(java.nio.file.Path.of(AMZN2), host);
        java.nio.file.Path dropIn = java.nio.file.Files.createDirectories(host.resolve("etc/systemd/system/orders.service.d"));
        java.nio.file.Files.writeString(dropIn.resolve("hardening.conf"), "[Service]\nSystemCallArchitectures=native\nNoNewPrivileges=yes\n");
        CheckCommandTest.Run r = CheckCommandTest.run(new CheckCommand(), "--root", host.toString(), "--service", "orders", "--no-color");
        assertThat(r.out()).contains("UNIT-DIRECTIVE-TOO-NEW  SystemCallArchitectures= needs a systemd built with seccomp",
                "SystemCallArchitectures=native: SystemCallArchitectures= needs a systemd built with seccomp; this host's is not")
                .doesNotContain("NoNewPrivileges= needs");
    }

    @Test
    void aBridgeKeyDockersModuleBroughtIsNotSetBackToTheVendorFilesValue() {
        // 00-system.conf sets bridge-nf-call-iptables = 0; br_netfilter loaded after systemd-sysctl (dockerd), live is 1
        CheckCommandTest.Run r = CheckCommandTest.run(new CheckCommand(), "--root", AMZN2, "--no-color");
        assertThat(r.out()).contains("/usr/lib/sysctl.d/00-system.conf:8 sets net.bridge.bridge-nf-call-iptables = 0, live is 1: "
                        + "br_netfilter was loaded after systemd-sysctl ran at boot")
                .contains("fix: nothing to change in /usr/lib/sysctl.d/00-system.conf (a vendor file)")
                .doesNotContain("fix: apply net.bridge.bridge-nf-call-iptables = 0");
    }

    @Test
    void theOldNameGolivesWritesForSystemd219IsNoVerifyComplaint() {
        // this machine's systemd-analyze calls MemoryLimit= deprecated; on the host's 219 it is the only name
        CheckCommandTest.Run r = CheckCommandTest.run(new UnitCommand(), "--root", AMZN2, "--service", "newapi", "--exec", "/usr/local/bin/newapi",
                "--user", "newapi", "--memory-max", "1G", "--no-color");
        assertThat(r.out()).contains("\nMemoryLimit=1G\n");
        org.junit.jupiter.api.Assumptions.assumeTrue(r.out().contains("Unit uses MemoryLimit="), "this machine's systemd-analyze names no deprecation");
        assertThat(r.out()).contains("(expected: systemd 219 on the host knows MemoryLimit= and not MemoryMax= (MemoryMax= needs 231))");
        assertThat(r.code()).as(r.out()).isEqualTo(0);
    }

    @Test
    void anOptionSystemd219DoesNotKnowIsRefusedWhileTheSameValueFromAProfileIsLeftOutWithANote() {
        // TasksMax= arrived in systemd 227, LogRateLimitBurst= in 240: asked for, they are refused rather than dropped
        CheckCommandTest.Run tasks = CheckCommandTest.run(new PlanCommand(), "--root", AMZN2, "--profile", "none", "--service", "newsvc",
                "--exec", "/usr/local/bin/newsvc", "--tasks-max", "512", "--no-color");
        assertThat(tasks.code()).as(tasks.out()).isEqualTo(2);
        assertThat(tasks.err()).isEqualTo("golive: --tasks-max: TasksMax= needs systemd 227; this host has 219, which would ignore the line: leave it out\n");
        CheckCommandTest.Run burst = CheckCommandTest.run(new UnitCommand(), "--root", AMZN2, "--service", "newsvc",
                "--exec", "/usr/local/bin/newsvc", "--log-rate-limit-burst", "100", "--no-color");
        assertThat(burst.code()).isEqualTo(2);
        assertThat(burst.out() + burst.err()).contains("--log-rate-limit-burst: LogRateLimitBurst= needs systemd 240; this host has 219");

        CheckCommandTest.Run profiled = CheckCommandTest.run(new PlanCommand(), "--root", AMZN2, "--profile", "base", "--service", "newsvc",
                "--exec", "/usr/local/bin/newsvc", "--no-color");
        assertThat(profiled.code()).as(profiled.err()).isEqualTo(0);
    }
}
