package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defrag finding offers the change the profiles make (base.yaml: defrag=defer+madvise,
 * madvise on kernels before 4.11), not advice golive "cannot make". MEM-THP-ALWAYS is in
 * ThpChoiceTest.
 */
class ThpFixTest {

    private static final String ENABLED = "/sys/kernel/mm/transparent_hugepage/enabled";
    private static final String DEFRAG = "/sys/kernel/mm/transparent_hugepage/defrag";

    private static List<String> changes(String kernel, String enabled, String defrag, String ruleId) {
        Finding f = Checker.run(TestHosts.healthy().kernel(kernel).thp(enabled, defrag).build()).findings().stream()
                .filter(x -> x.ruleId().equals(ruleId)).findFirst().orElseThrow();
        return f.fix().orElseThrow().changes().stream().map(c -> {
            FixChange.SysfsChange s = (FixChange.SysfsChange) c;
            return s.path() + "=" + s.value();
        }).toList();
    }

    @ParameterizedTest(name = "defrag always on Linux {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            6.1.0-18-amd64             | defrag=defer+madvise
            4.11.0-1-amd64             | defrag=defer+madvise
            4.10.17-generic            | defrag=madvise
            3.10.0-1160.el7.x86_64     | defrag=madvise
            """)
    void defragAlwaysSetsDeferMadviseOrMadviseBefore411(String kernel, String expected) {
        assertThat(changes(kernel, "madvise", "always", "MEM-THP-DEFRAG-ALWAYS")).containsExactlyElementsOf(expand(expected));
    }

    private static List<String> expand(String s) {
        return Arrays.stream(s.trim().split(" ")).map(x -> x.replace("enabled=", ENABLED + "=").replace("defrag=", DEFRAG + "=")).toList();
    }
}
