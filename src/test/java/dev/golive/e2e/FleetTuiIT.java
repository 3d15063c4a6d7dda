package dev.golive.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * `golive --root DIR` on a directory of captures, as an admin meets it over SSH: the real
 * launcher in tmux at 80x24, the host picker, a host opened from it, H back and another host.
 */
class FleetTuiIT {

    @BeforeAll
    static void needsTmux() { assumeThat(Run.hasCommand("tmux")).as("tmux installed (scripts/test installs it)").isTrue(); }

    @Test
    void anAdminPicksAHostFromTheFleetReadsItGoesBackAndPicksAnother(@TempDir Path tmp) throws Exception {
        Path fleet = tmp.resolve("fleet");
        FixtureTrees.capture(fleet, "centos7-v1");
        FixtureTrees.capture(fleet, "debian12-vm");
        FixtureTrees.capture(fleet, "ubuntu2004-hybrid");
        Map<String, String> before = FixtureTrees.hashes(fleet);
        try (Tmux t = Tmux.start(80, 24, "TERM=xterm-256color", "./scripts/golive --root " + fleet)) {
            String s = t.waitFor(x -> x.contains("3 hosts read") && x.contains("enter open host"), "the host picker");
            String[] lines = s.split("\n");
            assertThat(lines[0]).contains("golive  fleet ").endsWith("[read-only: captures]");
            // worst first: the CentOS 7 host has the one error (three kernels, no majority: none is marked an outlier)
            assertThat(lines[4]).contains("centos7-v1", "3.10.0").doesNotContain("!");

            t.keys("Enter");
            s = t.waitFor(x -> x.contains("rules checked") && x.contains("H hosts"), "the Overview of the host opened");
            lines = s.split("\n");
            assertThat(lines[0]).contains("legacy-db1 · fleet ", "› centos7-v1").endsWith("[read-only: a capture]");
            assertThat(s).contains("kernel 3.10.0-1160.el7.x86_64");

            t.keys("H");
            t.waitFor(x -> x.contains("Overview › Hosts"), "the picker over the host");
            t.keys("G", "Enter");
            s = t.waitFor(x -> x.contains("rules checked") && x.split("\n")[0].contains("› debian12-vm"), "the other host");
            assertThat(s).contains("kernel 6.1.0-18-amd64").doesNotContain("3.10.0-1160");

            t.keys("q");
            assertThat(t.exitCode()).isZero();
        }
        assertThat(FixtureTrees.hashes(fleet)).as("no capture is ever written").isEqualTo(before);
    }
}
