package dev.golive.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value syntaxes the rules read from a unit (time spans, MemoryMax= sizes) and from a
 * service's environment (GOMEMLIMIT, GOMAXPROCS), each unit and each edge once: a wrong
 * multiplier here is a wrong limit in every finding that quotes it.
 */
class RuleValueSyntaxTest {

    static final long KIB = 1L << 10, MIB = 1L << 20, GIB = 1L << 30, TIB = 1L << 40;

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource(delimiter = '|', textBlock = """
            2            | 2000
            2s           | 2000
            2 sec        | 2000
            1second      | 1000
            3seconds     | 3000
            1.5s         | 1500
            100ms        | 100
            100msec      | 100
            500us        | 0.5
            500usec      | 0.5
            500µs        | 0.5
            1m           | 60000
            1min         | 60000
            2minutes     | 120000
            1minute      | 60000
            1min 30s     | 90000
            1min30s      | 90000
            2h           | 7200000
            1hr          | 3600000
            1hour        | 3600000
            2hours       | 7200000
            1d           | 86400000
            1day         | 86400000
            2days        | 172800000
            ' 5S '       | 5000
            """)
    void aSystemdTimeSpanInMilliseconds(String text, double millis) {
        assertThat(ValueParsers.timeSpanMillis(text)).hasValue(millis);
    }

    @ParameterizedTest(name = "\"{0}\" is no time span")
    @ValueSource(strings = {"", "   ", "infinity", "INFINITY", "5 parsecs", "x5s", "5s x", "5s,3s", "s", "1.5.5s"})
    void whatIsNotATimeSpanIsEmpty(String text) {
        assertThat(ValueParsers.timeSpanMillis(text)).isEmpty();
    }

    @Test
    void noTextNoTimeSpanNoSize() {
        assertThat(ValueParsers.timeSpanMillis(null)).isEmpty();
        assertThat(ValueParsers.systemdBytes(null, Optional.of(GIB))).isEmpty();
        assertThat(ValueParsers.goMemLimit(null)).isEmpty();
        assertThat(ValueParsers.parseLong(null)).isEmpty();
    }

    @ParameterizedTest(name = "MemoryMax={0} = {1} bytes")
    @CsvSource(delimiter = '|', textBlock = """
            1024   | 1024
            2K     | 2048
            512M   | 536870912
            1G     | 1073741824
            1.5G   | 1610612736
            1T     | 1099511627776
            ' 1G ' | 1073741824
            50%    | 4294967296
            12.5%  | 1073741824
            100%   | 8589934592
            """)
    void aSystemdSizeInBytesBase1024WithPercentOfTheHostsMemory(String text, long bytes) {
        assertThat(ValueParsers.systemdBytes(text, Optional.of(8 * GIB))).hasValue(bytes);
    }

    @ParameterizedTest(name = "MemoryMax=\"{0}\" is no size")
    @ValueSource(strings = {"", "infinity", "Infinity", "lots", "1X", "G", "1.2.3G"})
    void whatIsNotASizeIsEmpty(String text) {
        assertThat(ValueParsers.systemdBytes(text, Optional.of(8 * GIB))).isEmpty();
    }

    @Test
    void aPercentageWithoutTheHostsMemoryIsUnknown() {
        assertThat(ValueParsers.systemdBytes("50%", Optional.empty())).isEmpty();
        assertThat(ValueParsers.systemdBytes("1G", Optional.empty())).hasValue(GIB);
    }

    @ParameterizedTest(name = "GOMEMLIMIT={0}")
    @CsvSource(delimiter = '|', textBlock = """
            1024     | 1024
            1024B    | 1024
            2KiB     | 2048
            900MiB   | 943718400
            921MiB   | 965738496
            1GiB     | 1073741824
            3GiB     | 3221225472
            1TiB     | 1099511627776
            """)
    void goMemLimitIsAByteCountWithAnIecSuffix(String text, long bytes) {
        assertThat(ValueParsers.goMemLimit(text)).hasValue(bytes);
    }

    @ParameterizedTest(name = "GOMEMLIMIT=\"{0}\" is no byte count")
    @ValueSource(strings = {"off", "", "1.5GiB", "1GB", "1G", "1gib", "-1", "MiB", "1 PiB"})
    void whatGoDoesNotReadAsAByteCountIsEmpty(String text) {
        assertThat(ValueParsers.goMemLimit(text)).isEmpty();
    }

    @Test
    void wholeNumbersYesAndTheWaysNumbersAreShown() {
        assertThat(ValueParsers.parseLong(" 42 ")).hasValue(42L);
        assertThat(ValueParsers.parseLong("-3")).hasValue(-3L);
        assertThat(ValueParsers.parseLong("4x")).isEmpty();
        for (String y : new String[] {"yes", "true", "on", "1", " YES ", "True"}) assertThat(ValueParsers.yes(y)).as(y).isTrue();
        for (String n : new String[] {"no", "false", "off", "0", "", "2", "yess"}) assertThat(ValueParsers.yes(n)).as(n).isFalse();
        assertThat(ValueParsers.mib(GIB)).isEqualTo("1024 MiB");
        assertThat(ValueParsers.mib(MIB - 1)).isEqualTo("0 MiB");
        assertThat(ValueParsers.mib(3 * MIB + KIB)).isEqualTo("3 MiB");
        assertThat(ValueParsers.cpus(2.0)).isEqualTo("2");
        assertThat(ValueParsers.cpus(2.5)).isEqualTo("2.50");
        assertThat(ValueParsers.cpus(1.0 / 3)).isEqualTo("0.33");
        assertThat(ValueParsers.cpus(TIB)).isEqualTo("1099511627776");
    }
}
