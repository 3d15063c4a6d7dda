package dev.golive.ui.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each numeric unit option at the largest (or smallest) value systemd, the kernel or the Go
 * runtime takes, and one step past it: golive refuses the second itself, in one line naming
 * the option and the range, exit 2, instead of writing a directive systemd would ignore.
 */
class ServiceOptionBoundsTest {

    static Stream<Arguments> bounds() {
        return Stream.of(
                arguments("--cpu-quota", "21474836.47%", "21474836.48%", "out of range (0.01%..21474836.47%)"),
                arguments("--cpu-quota", "21474836.47%", "99999999999999999999%", "out of range (0.01%..21474836.47%)"),
                arguments("--cpu-quota", "0.01%", "0%", "out of range (0.01%..21474836.47%)"),
                arguments("--memory-max", "9223372036854775807", "9223372036854775808", "out of range (1..9223372036854775807 bytes (below 8E), 0.01%..100% of RAM, or infinity)"),
                arguments("--memory-max", "7E", "8E", "out of range (1..9223372036854775807 bytes (below 8E), 0.01%..100% of RAM, or infinity)"),
                arguments("--memory-max", "1", "0", "out of range (1..9223372036854775807 bytes (below 8E), 0.01%..100% of RAM, or infinity)"),
                arguments("--memory-max", "100%", "100.01%", "out of range (1..9223372036854775807 bytes (below 8E), 0.01%..100% of RAM, or infinity)"),
                arguments("--memory-high", "1", "0", "out of range (1..9223372036854775807 bytes (below 8E), 0.01%..100% of RAM, or infinity)"),
                arguments("--tasks-max", "9223372036854775807", "9223372036854775808", "out of range (1..9223372036854775807, 0.01%..100%, or infinity)"),
                arguments("--tasks-max", "1", "0", "out of range (1..9223372036854775807, 0.01%..100%, or infinity)"),
                arguments("--restart-sec", "18446744073709551614us", "18446744073709551615us", "out of range (0..18446744073709551614us, about 584542 years, or infinity)"),
                arguments("--restart-sec", "584542y", "584543y", "out of range (0..18446744073709551614us, about 584542 years, or infinity)"),
                arguments("--start-limit-interval", "18446744073709551614us", "18446744073709551615us", "out of range (0..18446744073709551614us, about 584542 years, or infinity)"),
                arguments("--gomemlimit", "9223372036854775807", "9223372036854775808", "out of range (0..9223372036854775807 bytes, or off)"),
                arguments("--gomemlimit", "8388607TiB", "8388608TiB", "out of range (0..9223372036854775807 bytes, or off)"),
                arguments("--io-weight", "10000", "10001", "out of range (1..10000, default 100)"),
                arguments("--mem-limit-percent", "100", "101", "outside 50..100"),
                arguments("--port", "65535", "65536", "is not a TCP port (1..65535)"));
    }

    static CheckCommandTest.Run unit(String option, String value) {
        return CheckCommandTest.run(new UnitCommand(), "--root", UnitCommandTest.DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app",
                "--no-analyze", option, value);
    }

    @ParameterizedTest(name = "{0} {1} is taken, {2} is refused")
    @MethodSource("bounds")
    void theLastValueIsTakenAndTheNextIsOneLineExitTwo(String option, String last, String past, String why) {
        CheckCommandTest.Run ok = unit(option, last);
        assertThat(ok.code()).as(ok.err()).isEqualTo(0);
        CheckCommandTest.Run bad = unit(option, past);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).startsWith("golive: " + option + ": ").contains(why).endsWith("\n");
        assertThat(bad.err().lines()).hasSize(1);
    }

    @ParameterizedTest(name = "--nofile {0} reaches the host's own check, {1} is refused")
    @MethodSource("nofiles")
    void aNofileAboveWhatAnyKernelTakesIsRefusedWhateverTheHost(String last, String past, String why) {
        // the fixture's fs.nr_open is 1048576: the largest value any kernel takes is refused by that check instead
        assertThat(unit("--nofile", last).err()).isEqualTo("golive: --nofile: hard limit 2147483584 is above fs.nr_open (1048576), the kernel's ceiling; the service would fail to start\n");
        CheckCommandTest.Run bad = unit("--nofile", past);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("golive: --nofile: " + why + "\n");
    }

    static Stream<Arguments> nofiles() {
        return Stream.of(
                arguments("2147483584", "2147483585", "2147483585 is out of range (0..2147483584 or infinity)"),
                arguments("1024:2147483584", "1024:2147483585", "2147483585 is out of range (0..2147483584 or infinity)"),
                arguments("2147483584", "99999999999999999999", "\"99999999999999999999\" is not SOFT:HARD (e.g. 65536:524288) or one number, each 0..2147483584 or infinity"));
    }
}
