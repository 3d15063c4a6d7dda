package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** UNIT-RESTART-GIVES-UP offers RestartSteps=/RestartMaxDelaySec= only where the host's systemd has them (254, the directive table). */
class RestartBackoffTest {

    @ParameterizedTest(name = "systemd {0}: offered={1}")
    @CsvSource({"253, false", "254, true"})
    void exponentialBackoffFromSystemd254(int systemd, boolean offered) {
        Finding f = Checker.run(TestHosts.withService().systemd(systemd).without("Service", "RestartSec").build()).findings().stream()
                .filter(x -> x.ruleId().equals("UNIT-RESTART-GIVES-UP")).findFirst().orElseThrow();
        assertThat(f.fix().orElseThrow().changes()).containsExactly(new FixChange.UnitDirectiveChange("Service", "RestartSec", "3s"));
        assertThat(f.fix().orElseThrow().text().contains("RestartSteps= and RestartMaxDelaySec=")).isEqualTo(offered);
    }
}
