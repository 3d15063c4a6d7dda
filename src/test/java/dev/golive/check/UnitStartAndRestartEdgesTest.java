package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's restart budget (RestartSec × StartLimitBurst against StartLimitIntervalSec) at its
 * edge, from the unit, its old [Service] spelling or system.conf's defaults; a relative ExecStart=
 * on either side of systemd 239; Type=simple with and without the line.
 */
class UnitStartAndRestartEdgesTest {

    static List<Finding> givesUp(TestHosts t) { return UnitRules.GIVES_UP.evaluate(t.build()); }

    static List<String> described(Finding f) { return f.sources().stream().map(Source::describe).toList(); }

    @ParameterizedTest(name = "RestartSec={0}: gives up {1}")
    @CsvSource({"2s, false", "1999ms, true", "2001ms, false"})
    void fiveRestartsThatLastTheWholeTenSecondIntervalDoNotGiveUp(String restartSec, boolean fires) {
        assertThat(givesUp(TestHosts.withService().set("Service", "RestartSec", restartSec))).hasSize(fires ? 1 : 0);
    }

    @Test
    void theFindingNamesEveryLineThatMadeTheBudgetAndTheRestartSecThatFits() {
        var t = TestHosts.withService().set("Service", "RestartSec", "1s")
                .directive("Unit", "StartLimitIntervalSec", "60s").directive("Unit", "StartLimitBurst", "3");
        Finding f = givesUp(t).get(0);
        assertThat(f.message()).isEqualTo("RestartSec=1s, StartLimitBurst=3, StartLimitIntervalSec=60s: gives up after 3 starts in about 3.0 s");
        assertThat(described(f)).containsExactly(TestHosts.UNIT + ":6", TestHosts.UNIT + ":9", TestHosts.UNIT + ":10", TestHosts.UNIT + ":11");
        // 60 s / 3 starts = 20 s each, and one more so that the three outlast the interval
        assertThat(f.fix().orElseThrow().changes()).containsExactly(new FixChange.UnitDirectiveChange("Service", "RestartSec", "21s"));
    }

    @Test
    void theOldServiceSpellingCountsWhenUnitHasNone() {
        var t = TestHosts.withService().set("Service", "RestartSec", "1s")
                .directive("Service", "StartLimitInterval", "30s").directive("Service", "StartLimitBurst", "2");
        Finding f = givesUp(t).get(0);
        assertThat(f.message()).isEqualTo("RestartSec=1s, StartLimitBurst=2, StartLimitIntervalSec=30s: gives up after 2 starts in about 2.0 s");
        assertThat(f.fix().orElseThrow().changes()).containsExactly(new FixChange.UnitDirectiveChange("Service", "RestartSec", "16s"));
    }

    @Test
    void systemConfsDefaultsCountWhenTheUnitSetsNoStartLimit() {
        var t = TestHosts.withService().set("Service", "RestartSec", "1s")
                .managerDefault("DefaultStartLimitIntervalSec", "20s").managerDefault("DefaultStartLimitBurst", "4");
        Finding f = givesUp(t).get(0);
        assertThat(f.message()).isEqualTo("RestartSec=1s, StartLimitBurst=4, StartLimitIntervalSec=20s: gives up after 4 starts in about 4.0 s");
        assertThat(f.fix().orElseThrow().changes()).containsExactly(new FixChange.UnitDirectiveChange("Service", "RestartSec", "6s"));
        // a default interval of 0 turns the limit off
        assertThat(givesUp(TestHosts.withService().set("Service", "RestartSec", "1s").managerDefault("DefaultStartLimitIntervalSec", "0"))).isEmpty();
    }

    @ParameterizedTest(name = "systemd {0}")
    @CsvSource(delimiter = '|', textBlock = """
            238 | ExecStart=app --listen :8080 starts "app" without a path; systemd 238 refuses it
            239 | ExecStart=app --listen :8080 starts "app" without a path
            """)
    void aRelativeExecStartIsRefusedBeforeSystemd239(int systemd, String message) {
        var h = TestHosts.withService().systemd(systemd).set("Service", "ExecStart", "app --listen :8080").build();
        assertThat(UnitRules.EXEC_RELATIVE.evaluate(h)).extracting(Finding::message).containsExactly(message);
    }

    @Test
    void typeSimpleIsNamedWithItsLineAndAMissingTypeWithTheSystemdVersion() {
        Finding set = UnitRules.TYPE_SIMPLE.evaluate(TestHosts.withService().set("Service", "Type", "simple").build()).get(0);
        assertThat(set.message()).isEqualTo("Type=simple on systemd 252");
        assertThat(described(set)).containsExactly(TestHosts.UNIT + ":9");
        Finding missing = UnitRules.TYPE_SIMPLE.evaluate(TestHosts.withService().without("Service", "Type").build()).get(0);
        assertThat(missing.message()).isEqualTo("no Type= (default: simple) on systemd 252");
        assertThat(described(missing)).containsExactly("$ systemctl --version");
    }
}
