package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Go support from the dated release table: only the two newest majors released by the host's
 * date get fixes (December 2026: 1.27 and 1.26), and a finding says since when a version is
 * out of support; a binary older than 1.25 is named as one that cannot follow a CPU quota.
 */
class GoSupportWindowTest {

    static Optional<Finding> find(TestHosts h, String id) {
        return Checker.run(h.build()).findings().stream().filter(f -> f.ruleId().equals(id)).findFirst();
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            go1.26.0 | 2026-12-07T10:00:00Z |
            go1.25.9 | 2026-12-07T10:00:00Z | out of support since 2026-08 (supported in 2026-12: 1.27, 1.26)
            go1.25.9 | 2026-07-31T10:00:00Z |
            go1.24.3 | 2026-07-31T10:00:00Z | out of support since 2026-02 (supported in 2026-07: 1.26, 1.25)
            go1.19.8 | 2024-03-05T09:14:27Z | out of support since 2023-08 (supported in 2024-03: 1.22, 1.21)
            """)
    void theToolchainIsJudgedByTheHostsDate(String go, String at, String why) {
        Optional<Finding> f = find(TestHosts.healthy().goToolchain(go).capturedAt(at), "GO-TOOLCHAIN-OLD");
        if (why == null) assertThat(f).isEmpty();
        else assertThat(f.orElseThrow().message()).isEqualTo("go toolchain is " + go + ": " + why);
    }

    @Test
    void aBinaryBefore125IsNamedAsOneThatCannotFollowAQuota() {
        Finding f = find(TestHosts.withService().binary("go1.24.3", "").capturedAt("2026-12-07T10:00:00Z"), "GO-BINARY-OLD").orElseThrow();
        assertThat(f.message()).isEqualTo("app.service's binary was built with go1.24.3: out of support since 2026-02 "
                + "(supported in 2026-12: 1.27, 1.26); before Go 1.25 it cannot follow a CPU quota");
        Finding g = find(TestHosts.withService().binary("go1.25.1", "").capturedAt("2026-12-07T10:00:00Z"), "GO-BINARY-OLD").orElseThrow();
        assertThat(g.message()).doesNotContain("CPU quota");
    }

    @Test
    void theDebian12CaptureIsJudgedAsOfItsCaptureDate() {
        try (Session s = Session.open(Fixtures.dir("debian12-vm").toString())) {
            Finding f = Checker.run(s.inspect()).findings().stream().filter(x -> x.ruleId().equals("GO-TOOLCHAIN-OLD")).findFirst().orElseThrow();
            assertThat(f.message()).isEqualTo("go toolchain is go1.19.8: out of support since 2023-08 (supported in 2024-03: 1.22, 1.21)");
        }
    }
}
