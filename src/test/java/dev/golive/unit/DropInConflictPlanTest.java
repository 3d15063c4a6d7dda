package dev.golive.unit;

import dev.golive.app.Session;
import dev.golive.model.Plan;
import dev.golive.model.PlanConflict;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `golive plan --service api` on debian12-vm: the admin's `systemctl edit` left
 * api.service.d/override.conf (LimitNOFILE=65536, Environment=GOMAXPROCS=4), which sorts after
 * golive's 60-golive.conf and so wins. The plan says so instead of promising a value systemd
 * would never use.
 */
class DropInConflictPlanTest {

    private static Plan planApi(ServiceSpec spec) {
        try (Session s = Session.open(UnitHosts.dir("debian12-vm").toString())) {
            return s.planFor(Session.NO_PROFILE, Optional.of(spec), List.of(), "20261123-1");
        }
    }

    @Test
    void theAdminsOverrideConfBeatsGolivesLimitNofileAndThePlanNamesItsLine() {
        Plan p = planApi(Specs.app().name("api").exec(null).user(null).nofile(524288, 524288).build());
        assertThat(p.files()).anyMatch(f -> f.path().equals("/etc/systemd/system/api.service.d/60-golive.conf")
                && f.after().orElseThrow().contains("LimitNOFILE=524288:524288\n"));
        PlanConflict c = p.conflicts().stream().filter(x -> x.key().equals("[Service] LimitNOFILE")).findFirst().orElseThrow();
        assertThat(c.wanted()).isEqualTo("524288:524288");
        assertThat(c.winningValue()).isEqualTo("65536");
        assertThat(c.winner()).isEqualTo(new Source.File("/etc/systemd/system/api.service.d/override.conf", 3));
        assertThat(c.why()).contains("override.conf:3 is read after /etc/systemd/system/api.service.d/60-golive.conf",
                "Remove the LimitNOFILE= line at /etc/systemd/system/api.service.d/override.conf:3, or set LimitNOFILE=524288:524288 there");
    }

    @Test
    void gomaxprocsSetByGoliveLosesToTheOverridesEnvironmentLineOfTheSameVariable() {
        Plan p = planApi(Specs.app().name("api").exec(null).user(null).gomaxprocs(2).build());
        assertThat(p.conflicts()).anySatisfy(c -> {
            assertThat(c.key()).isEqualTo("[Service] Environment=GOMAXPROCS");
            assertThat(c.wanted()).isEqualTo("2");
            assertThat(c.winningValue()).isEqualTo("4");
            assertThat(c.winner()).isEqualTo(new Source.File("/etc/systemd/system/api.service.d/override.conf", 2));
        });
    }
}
