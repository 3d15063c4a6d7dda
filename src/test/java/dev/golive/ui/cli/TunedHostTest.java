package dev.golive.ui.cli;

import dev.golive.host.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rocky Linux 8 runs tuned.service with the virtual-guest profile, which sets vm.swappiness = 30
 * at each start, after systemd-sysctl. golive counts it as the boot's value, with its file:line.
 */
class TunedHostTest {

    @TempDir Path tmp;

    static final String PROFILE = "/usr/lib/tuned/virtual-guest/tuned.conf:22";

    @Test
    void aValueTunedsProfileSetsAtEachBootIsNotSetOnlyAtRuntime() {
        var r = CheckCommandTest.run(new CheckCommand(), "--root", Fixtures.dir("rocky8-v1").toString(), "--no-color");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).doesNotContain("vm.swappiness = 30 is set only at runtime");
        var inspect = CheckCommandTest.run(new InspectCommand(), "--root", Fixtures.dir("rocky8-v1").toString(), "--no-color");
        assertThat(inspect.out()).containsPattern("vm\\.swappiness +30 +" + java.util.regex.Pattern.quote(PROFILE + " (TuneD, at each boot) sets 30"));
    }

    @Test
    void withTunedServiceDisabledTheSameValueIsLostAtTheNextBoot() throws IOException {
        Path root = rockyWith("30", "1");
        Files.delete(root.resolve("etc/systemd/system/multi-user.target.wants/tuned.service"));
        var r = CheckCommandTest.run(new CheckCommand(), "--root", root.toString(), "--no-color");
        assertThat(r.out()).contains("vm.swappiness = 30 is set only at runtime").contains("the next boot gives the kernel default 60");
    }

    Path rockyWith(String liveSwappiness, String reapply) throws IOException {
        Path root = Files.createTempDirectory(tmp, "host").resolve("rocky8");
        Fixtures.copyTree(Fixtures.dir("rocky8-v1"), root);
        Files.writeString(root.resolve("proc/sys/vm/swappiness"), liveSwappiness + "\n");
        Path main = root.resolve("etc/tuned/tuned-main.conf");
        Files.writeString(main, Files.readString(main).replace("reapply_sysctl = 1", "reapply_sysctl = " + reapply));
        return root;
    }

    @Test
    void aValueSetBySysctlWOverTunedsIsLostAtTheNextBootToTunedsValue() throws IOException {
        var r = CheckCommandTest.run(new CheckCommand(), "--root", rockyWith("10", "1").toString(), "--no-color");
        assertThat(r.out()).contains("vm.swappiness = 10 is set only at runtime")
                .contains("the next boot gives 30 (" + PROFILE + ")");
    }

    @Test
    void withReapplySysctlOffAPlanOnAKeyTunedSetsIsAConflictNamingTheProfileLine() throws IOException {
        var r = CheckCommandTest.run(new PlanCommand(), "--root", rockyWith("30", "0").toString(), "--profile", "low-latency", "--no-color");
        assertThat(r.out()).contains(PROFILE + " (TuneD's active profile) sets 30");
        var on = CheckCommandTest.run(new PlanCommand(), "--root", rockyWith("30", "1").toString(), "--profile", "low-latency", "--no-color");
        assertThat(on.out()).doesNotContain("TuneD's active profile");
    }
}
