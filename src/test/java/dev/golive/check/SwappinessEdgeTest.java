package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.golive.check.CpuRulesBoundaryTest.of;
import static dev.golive.check.CpuRulesBoundaryTest.one;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * vm.swappiness on its edges: 0 in a file or live (and what swap is active), the kernel's
 * range 0..100 before Linux 5.8 and 0..200 from 5.8, and a GOMEMLIMIT finding that shows only
 * the MemoryMax= line systemd can read.
 */
class SwappinessEdgeTest {

    static final String F = "/etc/sysctl.d/99-tuning.conf";
    static final String ZERO = "MEM-SWAPPINESS-ZERO";
    static final String RANGE = "MEM-SWAPPINESS-OUT-OF-RANGE";

    @Test
    void zeroInAFileOrLiveIsSaidWithTheSwapThatIsActive() {
        Finding file = one(ZERO, TestHosts.healthy().sysctlFile(F, 6, "vm.swappiness", " 0 ").swapBytes(2 * TestHosts.GIB));
        assertThat(file.message()).isEqualTo("vm.swappiness is 0 (set in " + F + ":6) while 2048 MiB of swap is active: swap is still used under pressure");
        assertThat(file.sources()).containsExactly(new Source.File(F, 6), Source.File.of("/proc/sys/vm/swappiness"), Source.File.of("/proc/meminfo"));
        Finding live = one(ZERO, TestHosts.healthy().sysctl("vm.swappiness", "0"));
        assertThat(live.message()).isEqualTo("vm.swappiness is 0 (no swap active now): swap is still used under pressure");
        assertThat(of(ZERO, TestHosts.healthy().sysctlApplied(F, 6, "vm.swappiness", "1"))).isEmpty();
    }

    @ParameterizedTest(name = "vm.swappiness={0} on {1}: out of range = {2}")
    @CsvSource({"100, 5.4.0-150-generic, false", "101, 5.4.0-150-generic, true", "200, 5.8.0-1-generic, false",
            "201, 5.8.0-1-generic, true", "150, 5.7.19, true", "0, 4.9.0-19-amd64, false", "-1, 6.1.0-18-amd64, true"})
    void theRangeMovedWithLinuxFiveEight(String value, String kernel, boolean out) {
        assertThat(of(RANGE, TestHosts.healthy().kernel(kernel).sysctlFile(F, 7, "vm.swappiness", value))).hasSize(out ? 1 : 0);
    }

    @Test
    void aMemoryMaxSystemdCannotReadIsNotShownAsTheLimitsSource() {
        Finding f = one("MEM-LIMIT-WITHOUT-GOMEMLIMIT", TestHosts.withService().directive("Service", "MemoryMax", "infinity").memoryMaxCgroup(TestHosts.GIB));
        assertThat(f.sources()).containsExactly(Source.File.of("/sys/fs/cgroup/system.slice/app.service/memory.max"));
    }
}
