package dev.golive.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** UNIT-SECURITY-EXPOSURE fires where systemd-analyze's own label says EXPOSED: from 7.5 (MEDIUM below). */
class ExposureThresholdTest {

    @ParameterizedTest(name = "exposure {0}: {1}")
    @CsvSource({"7.0, false", "7.2, false", "7.4, false", "7.5, true", "9.6, true"})
    void exposedStartsAtSevenPointFive(double score, boolean fires) {
        var ids = Checker.run(TestHosts.withService().exposure(score).build()).ruleIds();
        if (fires) assertThat(ids).contains("UNIT-SECURITY-EXPOSURE");
        else assertThat(ids).doesNotContain("UNIT-SECURITY-EXPOSURE");
    }
}
