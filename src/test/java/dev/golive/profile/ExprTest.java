package dev.golive.profile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The expression language of docs/profiles.md, evaluated with fixed names. */
class ExprTest {

    private static final Map<String, Long> NAMES = Map.of("current", 128L, "fs.nr_open", 1048576L, "memory.max", 2147483648L, "cpu.count", 4L);

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            4096                          | 4096
            4K                            | 4096
            1M                            | 1048576
            max(current, 4096)            | 4096
            min(fs.nr_open, 524288)       | 524288
            min(fs.nr_open, 2M)           | 1048576
            max(current, 64, min(8, 2))   | 128
            90% of memory.max             | 1932735283
            max(1, 50% of cpu.count)      | 2
            """)
    void evaluates(String text, long expected) {
        assertThat(ValueChecks.eval(Expr.parse(text), n -> NAMES.get(n))).isEqualTo(expected);
    }
}
