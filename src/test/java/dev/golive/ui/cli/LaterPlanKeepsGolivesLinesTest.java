package dev.golive.ui.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.golive.ui.cli.ApplyCommandsTest.golive;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin applied a service with some limits last week and runs golive again today with
 * fewer options (another profile, one new limit, or just the name). What golive wrote then and
 * nobody asks to change now stays: a later plan changes only what this run asks for (an
 * option, a spec file, the profile), and "none" is how a line of golive's is taken away.
 */
class LaterPlanKeepsGolivesLinesTest {

    static final String DROP_IN = "etc/systemd/system/vend.service.d/60-golive.conf";

    @TempDir Path work;
    Path host;

    @BeforeEach void setUp() throws Exception {
        host = FinishTree.newServiceHost(work.resolve("host"));
        Path vendor = host.resolve("usr/lib/systemd/system/vend.service");
        Files.createDirectories(vendor.getParent());
        Files.writeString(vendor, "[Unit]\nDescription=Vendor daemon\n\n[Service]\nExecStart=/usr/bin/vend\nMemoryMax=512M\n");
        var first = golive("apply", "--profile", "none", "--service", "vend", "--memory-max", "1G", "--nofile", "65536",
                "--env", "GOGC=200", "--syslog-identifier", "vendd", "--cpu-weight", "300", "--yes", "--root", host.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(Files.readString(host.resolve(DROP_IN))).contains("MemoryMax=1G", "LimitNOFILE=65536", "GOGC=200", "SyslogIdentifier=vendd",
                "CPUWeight=300");
    }

    @Test
    void aPlanWithOnlyTheNameChangesNothingGoliveWrote() throws Exception {
        var p = golive("plan", "--profile", "none", "--service", "vend", "--root", host.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out()).doesNotContain("-MemoryMax=1G", "-LimitNOFILE=65536", "GOGC=200\n-", "-SyslogIdentifier=vendd", "-CPUWeight=300",
                "60-golive.conf sets nothing any more");
    }

    @Test
    void aNewLimitIsAddedAndTheEarlierOnesStay() throws Exception {
        var p = golive("plan", "--profile", "none", "--service", "vend", "--cpu-quota", "150%", "--root", host.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out()).contains("+CPUQuota=150%\n")
                .doesNotContain("-MemoryMax=1G", "-LimitNOFILE=65536", "-SyslogIdentifier=vendd", "-CPUWeight=300");
        var a = golive("apply", "--profile", "none", "--service", "vend", "--cpu-quota", "150%", "--yes", "--root", host.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(Files.readString(host.resolve(DROP_IN))).contains("CPUQuota=150%", "MemoryMax=1G", "LimitNOFILE=65536", "GOGC=200",
                "SyslogIdentifier=vendd", "CPUWeight=300");
    }

    @Test
    void theProfileAndAnOptionChangeGolivesLinesAndNoneTakesOneAway() throws Exception {
        var p = golive("plan", "--profile", "web-api", "--service", "vend", "--cpu-weight", "200", "--root", host.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out()).as("the profile names LimitNOFILE, the option CPUWeight")
                .contains("-LimitNOFILE=65536:65536\n", "+LimitNOFILE=1024:", "-CPUWeight=300\n", "+CPUWeight=200\n")
                .doesNotContain("-SyslogIdentifier=vendd", "-MemoryMax=1G");

        var none = golive("plan", "--profile", "none", "--service", "vend", "--memory-max", "none", "--root", host.toString());
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(none.out()).contains("-MemoryMax=1G\n", "  MemoryMax: 1G → 512M (/usr/lib/systemd/system/vend.service:6)\n")
                .doesNotContain("-LimitNOFILE=65536", "-CPUWeight=300", "-SyslogIdentifier=vendd");
    }

    @Test
    void golivesOwnUnitIsReEditedFromWhatItHasWithoutExecAgain() throws Exception {
        FinishTree.binary(host.resolve("usr/local/bin/own"));
        var first = golive("apply", "--profile", "none", "--service", "own", "--exec", "/usr/local/bin/own", "--arg", "--listen=:8080",
                "--memory-max", "1G", "--env", "GOGC=200", "--user", "root", "--yes", "--root", host.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        String unit = Files.readString(host.resolve("etc/systemd/system/own.service"));

        var p = golive("plan", "--profile", "none", "--service", "own", "--tasks-max", "512", "--root", host.toString());
        assertThat(p.exit()).as(p.out() + p.err()).isZero();
        assertThat(p.out()).contains("+TasksMax=512\n")
                .doesNotContain("-ExecStart=", "-MemoryMax=1G", "-Environment=", "-User=root");
        assertThat(unit).contains("ExecStart=/usr/local/bin/own --listen=:8080");
    }

    @Test
    void aLowPortIsNotRecordedInTheUnitSoThePlanSaysToGiveItAgain() throws Exception {
        FinishTree.binary(host.resolve("usr/local/bin/web"));
        var first = golive("apply", "--profile", "none", "--service", "web", "--exec", "/usr/local/bin/web", "--port", "80",
                "--user", "systemd-network", "--yes", "--root", host.toString());
        assertThat(first.exit()).as(first.err()).isZero();

        var p = golive("plan", "--profile", "none", "--service", "web", "--root", host.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out()).contains("-AmbientCapabilities=CAP_NET_BIND_SERVICE\n",
                "--port: golive granted CAP_NET_BIND_SERVICE (/etc/systemd/system/web.service:", "give that port again to keep it");
        var again = golive("plan", "--profile", "none", "--service", "web", "--port", "80", "--root", host.toString());
        assertThat(again.out()).as(again.err()).doesNotContain("AmbientCapabilities=", "golive granted");
    }

    @Test
    void golivesLinesOfAnEarlierTightenStayAsTheyAreUntilTightenAsksAgain() throws Exception {
        var t = golive("apply", "--profile", "none", "--service", "vend", "--tighten", "--yes", "--root", host.toString());
        assertThat(t.exit()).as(t.err()).isZero();
        assertThat(Files.readString(host.resolve(DROP_IN))).contains("NoNewPrivileges=yes", "MemoryMax=1G");

        var p = golive("plan", "--profile", "none", "--service", "vend", "--root", host.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out()).contains("Nothing to change");
        var more = golive("plan", "--profile", "none", "--service", "vend", "--cpu-quota", "150%", "--root", host.toString());
        assertThat(more.out()).as(more.err()).contains("+CPUQuota=150%\n", "lines of an earlier --tighten on vend.service stay as they are (/" + DROP_IN + ":")
                .doesNotContain("-NoNewPrivileges=yes", "-MemoryMax=1G");

        var loose = golive("plan", "--profile", "none", "--service", "vend", "--tighten", "--hardening", "none", "--root", host.toString());
        assertThat(loose.exit()).as(loose.err()).isZero();
        assertThat(loose.out()).contains("-NoNewPrivileges=yes\n").doesNotContain("-MemoryMax=1G");
    }

    @Test
    void anEarlierDropInWithOnlyARestartPolicyGetsNoSandboxingUnasked() throws Exception {
        // a drop-in golive wrote with a restart policy (an older golive did so without --tighten): kept, nothing added
        Files.writeString(host.resolve(DROP_IN), "# Managed by golive (snapshot s0). Edit with golive, or roll back with:\n#   golive rollback s0\n\n"
                + "[Service]\nRestart=on-failure\nRestartSec=5s\nMemoryMax=1G\n");
        var p = golive("plan", "--profile", "none", "--service", "vend", "--cpu-quota", "150%", "--root", host.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out()).contains("+CPUQuota=150%\n").doesNotContain("NoNewPrivileges", "ProtectSystem", "-Restart=on-failure", "-MemoryMax=1G");
    }
}
