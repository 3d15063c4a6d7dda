package dev.golive.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.golive.check.CpuRulesBoundaryTest.of;
import static dev.golive.check.CpuRulesBoundaryTest.one;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules read a unit's time spans and sizes as systemd does (model.SystemdValues): a value
 * systemd refuses is ignored by systemd ("Failed to parse …, ignoring"), so the rules see the
 * default, and a value systemd accepts is never read as the default.
 */
class SystemdSpellingsInRulesTest {

    static final String GIVES_UP = "UNIT-RESTART-GIVES-UP";
    static final String NO_GOMEMLIMIT = "MEM-LIMIT-WITHOUT-GOMEMLIMIT";

    static TestHosts restartSec(String value) {
        return TestHosts.withService().without("Service", "RestartSec").directive("Service", "RestartSec", value);
    }

    @ParameterizedTest(name = "RestartSec={0}")
    @ValueSource(strings = {"1w", "2 weeks", "1M", "1y", "1h 30min", "3s"})
    void aServiceThatWaitsWeeksBetweenRestartsDoesNotGiveUpWithinTenSeconds(String value) {
        assertThat(of(GIVES_UP, restartSec(value))).as(value).isEmpty();
    }

    @ParameterizedTest(name = "RestartSec={0}")
    @ValueSource(strings = {"5S", "1W", "3 secs"})
    void aRestartSecSystemdIgnoresLeavesTheDefaultHundredMilliseconds(String value) {
        assertThat(one(GIVES_UP, restartSec(value)).message()).isEqualTo("RestartSec=" + value
                + ", StartLimitBurst=5, StartLimitIntervalSec=10s (default): gives up after 5 starts in about 0.5 s");
    }

    @Test
    void aLowerCaseMemoryMaxIsIgnoredBySystemdSoTheServiceRunsWithoutThatLimit() {
        assertThat(of(NO_GOMEMLIMIT, TestHosts.withService().directive("Service", "MemoryMax", "1g"))).isEmpty();
        assertThat(of(NO_GOMEMLIMIT, TestHosts.withService().directive("Service", "MemoryMax", "1GB"))).isEmpty();
        assertThat(one(NO_GOMEMLIMIT, TestHosts.withService().directive("Service", "MemoryMax", "1G")).message())
                .isEqualTo("memory limit 1024 MiB and no GOMEMLIMIT in the environment");
        assertThat(one(NO_GOMEMLIMIT, TestHosts.withService().directive("Service", "MemoryMax", "1G 512M")).message())
                .isEqualTo("memory limit 1536 MiB and no GOMEMLIMIT in the environment");
    }
}
