package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CPUAccounting= and NetClass= join the deprecated list: on systemd 258+ they are ignored and the fix removes them. */
class IgnoredResourceDirectivesTest {

    @ParameterizedTest(name = "{0}={1} on systemd {2}: {3}")
    @CsvSource({
            "CPUAccounting, yes, 258, true",
            "NetClass, 1, 258, true",
            "CPUAccounting, yes, 257, false",
            "NetClass, 1, 252, false"})
    void ignoredFrom258AndRemoved(String key, String value, int systemd, boolean fires) {
        List<Finding> f = Checker.run(TestHosts.withService().systemd(systemd).directive("Service", key, value).build()).findings().stream()
                .filter(x -> x.ruleId().equals("UNIT-DEPRECATED-DIRECTIVE") && x.message().startsWith(key + "=")).toList();
        if (!fires) {
            assertThat(f).isEmpty();
            return;
        }
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).startsWith(key + "=" + value + " is ignored by this systemd: ");
            assertThat(x.fix().orElseThrow().changes()).singleElement().isInstanceOfSatisfying(FixChange.UnitDirectiveRemoval.class, c -> {
                assertThat(c.key()).isEqualTo(key);
                assertThat(c.at()).isEqualTo(x.sources().get(0));
            });
        });
    }
}
