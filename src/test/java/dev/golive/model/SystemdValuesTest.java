package dev.golive.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spellings systemd.time(7) and systemd.resource-control(5) accept and refuse, read once
 * for every caller: the check rules (what a unit says) and the unit validator (what golive writes).
 */
class SystemdValuesTest {

    static final long KIB = 1L << 10, MIB = 1L << 20, GIB = 1L << 30, TIB = 1L << 40;

    @ParameterizedTest(name = "{0} = {1} µs")
    @CsvSource(delimiter = '|', textBlock = """
            2            | 2000000
            2s           | 2000000
            2 sec        | 2000000
            1second      | 1000000
            3seconds     | 3000000
            1.5s         | 1500000
            100ms        | 100000
            100msec      | 100000
            500us        | 500
            500usec      | 500
            500µs        | 500
            500μs        | 500
            1m           | 60000000
            1min         | 60000000
            2minutes     | 120000000
            1minute      | 60000000
            1min 30s     | 90000000
            1min30s      | 90000000
            2h           | 7200000000
            1hr          | 3600000000
            1hour        | 3600000000
            2hours       | 7200000000
            1d           | 86400000000
            1day         | 86400000000
            2days        | 172800000000
            1w           | 604800000000
            1week        | 604800000000
            2weeks       | 1209600000000
            1M           | 2629800000000
            1month       | 2629800000000
            2months      | 5259600000000
            1y           | 31557600000000
            1year        | 31557600000000
            2years       | 63115200000000
            1h 30min     | 5400000000
            2d 5h 3m 2s  | 190982000000
            1y 12month   | 63115200000000
            0            | 0
            """)
    void aTimeSpanInTheUnitsOfSystemdTime7(String text, long usec) {
        assertThat(SystemdValues.timeSpanUsec(text).orElseThrow()).isEqualByComparingTo(BigDecimal.valueOf(usec));
        assertThat(SystemdValues.timeSpan(text)).as(text).isTrue();
        assertThat(SystemdValues.timeSpanMillis(text)).hasValue(usec / 1000.0);
    }

    @Test
    void unitsAreCaseSensitiveAsInSystemdAnUpperCaseMIsAMonthNotAMinute() {
        assertThat(SystemdValues.timeSpanMillis("1M")).hasValue(2_629_800_000.0); // 30.44 days
        assertThat(SystemdValues.timeSpanMillis("1m")).hasValue(60_000.0);
    }

    @ParameterizedTest(name = "\"{0}\" is no time span")
    @ValueSource(strings = {"", "   ", " 5s", "5s ", "5S", "5MS", "1Min", "1H", "1W", "5 parsecs", "x5s", "5s x", "5s,3s",
            "s", "1.5.5s", "-5s", "1fortnight", "Infinity", "INFINITY"})
    void whatSystemdRefusesIsNoTimeSpan(String text) {
        assertThat(SystemdValues.timeSpan(text)).as(text).isFalse();
        assertThat(SystemdValues.timeSpanMillis(text)).isEmpty();
    }

    @Test
    void infinityIsATimeSpanWithoutMilliseconds() {
        assertThat(SystemdValues.timeSpan("infinity")).isTrue();
        assertThat(SystemdValues.timeSpanMillis("infinity")).isEmpty();
        assertThat(SystemdValues.timeSpan(null)).isFalse();
        assertThat(SystemdValues.timeSpanMillis(null)).isEmpty();
    }

    @Test
    void aSpanBeyondSystemdsSixtyFourBitsIsWellFormedButOutOfRange() {
        assertThat(SystemdValues.timeSpanUsec("600000y")).isPresent();
        assertThat(SystemdValues.timeSpan("600000y")).isFalse();
        assertThat(SystemdValues.timeSpan("584000y")).isTrue();
        assertThat(SystemdValues.timeSpan("18446744073709551614us")).isTrue();
        assertThat(SystemdValues.timeSpan("18446744073709551615us")).isFalse();
    }

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource(delimiter = '|', textBlock = """
            1024      | 1024
            1024B     | 1024
            2K        | 2048
            512M      | 536870912
            1G        | 1073741824
            1.5G      | 1610612736
            10.M      | 10485760
            1 G       | 1073741824
            1T        | 1099511627776
            1P        | 1125899906842624
            1E        | 1152921504606846976
            1G 512M   | 1610612736
            1G512M    | 1610612736
            1M 1      | 1048577
            """)
    void aSizeWithBase1024SuffixesAsSystemdsParseSize(String text, long bytes) {
        assertThat(SystemdValues.bytes(text)).isEqualTo(OptionalLong.of(bytes));
        assertThat(SystemdValues.memory(text)).contains(new SystemdValues.Bytes(bytes));
    }

    @ParameterizedTest(name = "\"{0}\" is no size")
    @ValueSource(strings = {"", "1g", "1k", "2GB", "1GiB", "1KB", "G", "lots", "1X", "1.2.3G", "1.5", "-1G", " 1G", "1G ",
            "512M 1G", "1G 1G", "1 2", "Infinity"})
    void whatSystemdRefusesIsNoSize(String text) {
        assertThat(SystemdValues.isSize(text)).as(text).isFalse();
        assertThat(SystemdValues.memory(text)).as(text).isEmpty();
    }

    @Test
    void memoryIsOneByteOrMoreAPercentageOfRamOrInfinity() {
        assertThat(SystemdValues.memory("infinity")).contains(new SystemdValues.Infinity());
        assertThat(SystemdValues.memory("50%")).contains(new SystemdValues.PercentOfRam(new BigDecimal("50")));
        assertThat(SystemdValues.memory("0")).isEmpty();
        assertThat(SystemdValues.isSize("0")).isTrue();
        assertThat(SystemdValues.memory("0%")).isEmpty();
        assertThat(SystemdValues.memory("100.5%")).isEmpty();
        assertThat(SystemdValues.memory("12.345%")).isEmpty();
        assertThat(SystemdValues.memory("8E")).isEmpty();
        assertThat(SystemdValues.isSize("8E")).isTrue();
        assertThat(SystemdValues.memory(null)).isEmpty();
        assertThat(SystemdValues.memory("1")).contains(new SystemdValues.Bytes(1));
        assertThat(SystemdValues.memory("4E")).contains(new SystemdValues.Bytes(1L << 62));
        assertThat(SystemdValues.memory("9223372036854775807")).contains(new SystemdValues.Bytes(Long.MAX_VALUE));
        assertThat(SystemdValues.memory("9223372036854775808")).isEmpty();
    }

    @ParameterizedTest(name = "CPUQuota={0} = {1} CPUs")
    @CsvSource({"150%, 1.5", "0.01%, 0.0001", "21474836.47%, 214748.3647", "100%, 1.0"})
    void aCpuQuotaIsAPercentageOfOneCpuWithAtMostTwoDecimals(String text, double cpus) {
        assertThat(SystemdValues.cpuQuota(text)).hasValue(cpus);
        assertThat(SystemdValues.isPercent(text)).isTrue();
    }

    @ParameterizedTest(name = "CPUQuota=\"{0}\" is refused")
    @ValueSource(strings = {"0%", "0.00%", "21474836.48%", "1.5", "1.234%", "150 %", "-5%"})
    void aCpuQuotaSystemdRefuses(String text) {
        assertThat(SystemdValues.cpuQuota(text)).as(text).isEmpty();
    }

    @ParameterizedTest(name = "TasksMax={0}")
    @ValueSource(strings = {"1", "4096", "9223372036854775807", "infinity", "0.01%", "50%", "100%"})
    void aTaskLimitIsACountAPercentageOrInfinity(String text) {
        assertThat(SystemdValues.tasksMax(text)).as(text).isTrue();
    }

    @ParameterizedTest(name = "TasksMax=\"{0}\" is refused")
    @ValueSource(strings = {"0", "0%", "100.01%", "9223372036854775808", "4K", "many", "-1", ""})
    void aTaskLimitSystemdRefuses(String text) {
        assertThat(SystemdValues.tasksMax(text)).as(text).isFalse();
    }

    @Test
    void goMemLimitIsTheGoRuntimesSyntaxOrOff() {
        assertThat(SystemdValues.goMemLimit("off")).isTrue();
        assertThat(SystemdValues.goMemLimit("1800MiB")).isTrue();
        assertThat(SystemdValues.goMemLimit("1800M")).isFalse();
        assertThat(SystemdValues.goMemLimit("9223372036854775808")).isFalse();
        assertThat(SystemdValues.goMemLimitBytes("9223372036854775808")).hasValue(new java.math.BigInteger("9223372036854775808"));
        assertThat(SystemdValues.goMemLimitBytes("off")).isEmpty();
    }

    @ParameterizedTest(name = "MemoryMax={0} of 8 GiB = {1} bytes")
    @CsvSource(delimiter = '|', textBlock = """
            1G     | 1073741824
            50%    | 4294967296
            12.5%  | 1073741824
            100%   | 8589934592
            0.01%  | 858993
            """)
    void aMemoryLimitInBytesTakesAPercentageOfTheHostsRam(String text, long bytes) {
        assertThat(SystemdValues.memoryBytes(text, Optional.of(8 * GIB))).hasValue(bytes);
    }

    @Test
    void aPercentageWithoutTheHostsRamOrInfinityIsNoLimit() {
        assertThat(SystemdValues.memoryBytes("50%", Optional.empty())).isEmpty();
        assertThat(SystemdValues.memoryBytes("1G", Optional.empty())).hasValue(GIB);
        assertThat(SystemdValues.memoryBytes("infinity", Optional.of(GIB))).isEmpty();
        assertThat(SystemdValues.memoryBytes("1g", Optional.of(GIB))).isEmpty();
    }
}
