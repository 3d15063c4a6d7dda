package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The debian12-vm capture carries /sys/block (vda under mq-deadline, iocost off): inspect shows
 * what enforces an io weight, and a profile's IOWeight= is left out there with the reason, read
 * from the capture rather than assumed.
 */
class BlockIoFromCaptureTest {

    @TempDir Path tmp;

    @Test
    void inspectShowsTheSchedulersIocostAndSysctlConfAtBoot() {
        var r = CheckCommandTest.run(new InspectCommand(), "--root", Fixtures.dir("debian12-vm").toString(), "--no-color");
        assertThat(r.out()).containsPattern("io schedulers +vda=mq-deadline +/sys/block/\\*/queue/scheduler")
                .containsPattern("iocost +off +/sys/fs/cgroup/io.cost.qos")
                .containsPattern("IOWeight= enforced +no +derived: no block device uses bfq \\(vda: mq-deadline\\) and iocost is off")
                .containsPattern("/etc/sysctl.conf at boot +read by systemd-sysctl +/etc/sysctl.d/99-sysctl.conf");
    }

    @Test
    void aProfilesIoWeightIsLeftOutWhereNothingEnforcesIt() throws IOException {
        Path profiles = Files.createDirectories(tmp.resolve("profiles"));
        Files.writeString(profiles.resolve("io.yaml"), """
                description: io share
                service:
                  IOWeight:
                    value: 500
                    why: a larger io share
                """);
        var r = CheckCommandTest.run(new PlanCommand(x -> Session.open(x).profileDirs(List.of(profiles.toString()))), "--profile", "io",
                "--service", "api", "--tighten", "--root", Fixtures.dir("debian12-vm").toString(), "--id", "io-1", "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).doesNotContain("+IOWeight=")
                .contains("IOWeight=500 left out: no block device uses bfq (vda: mq-deadline) and iocost is off");
    }
}
