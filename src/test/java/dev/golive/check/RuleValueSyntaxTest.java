package dev.golive.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value syntaxes the rules read from a service's environment (GOMEMLIMIT, GOMAXPROCS), each
 * unit and each edge once: a wrong multiplier here is a wrong limit in every finding that quotes
 * it. systemd time spans and sizes are read by model.SystemdValues (SystemdValuesTest).
 */
class RuleValueSyntaxTest {

    static final long KIB = 1L << 10, MIB = 1L << 20, GIB = 1L << 30, TIB = 1L << 40;

    @Test
    void noTextNoValue() {
        assertThat(ValueParsers.goMemLimit(null)).isEmpty();
        assertThat(ValueParsers.parseLong(null)).isEmpty();
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
