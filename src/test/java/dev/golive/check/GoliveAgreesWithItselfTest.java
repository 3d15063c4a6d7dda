package dev.golive.check;

import dev.golive.host.Fixtures;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceSpec;
import dev.golive.profile.Profile;
import dev.golive.profile.ProfileCatalog;
import dev.golive.profile.ProfileResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What golive writes must pass golive's own checks: the restart policy of every shipped
 * profile (and of a spec that sets none) must not be one UNIT-RESTART-GIVES-UP flags.
 */
class GoliveAgreesWithItselfTest {

    static List<String> profiles() { return ProfileCatalog.SHIPPED; }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theRestartPolicyOfEveryShippedProfileDoesNotGiveUp(String name) {
        HostFacts host = Fixtures.inspect("debian12-vm");
        Profile p = ProfileResolver.resolve(ProfileCatalog.shipped(), name, host);
        ServiceSpec.Restart r = p.service().applyTo(ServiceSpec.named("app")).restart();
        assertThat(restartFindings(r)).as("%s: %s", name, r).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theDefaultRestartPolicyDoesNotGiveUp() {
        assertThat(restartFindings(ServiceSpec.Restart.DEFAULT)).isEmpty();
    }

    private static List<String> restartFindings(ServiceSpec.Restart r) {
        HostFacts facts = TestHosts.withService()
                .directive("Service", "Restart", r.policy())
                .directive("Service", "RestartSec", r.restartSec())
                .directive("Unit", "StartLimitIntervalSec", r.startLimitIntervalSec())
                .directive("Unit", "StartLimitBurst", Integer.toString(r.startLimitBurst()))
                .build();
        return Checker.run(facts).findings().stream().map(f -> f.ruleId())
                .filter(id -> id.equals("UNIT-RESTART-GIVES-UP") || id.equals("UNIT-NO-RESTART")).toList();
    }
}
