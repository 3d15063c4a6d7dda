package dev.golive.app;

import dev.golive.model.ServiceSpec;
import dev.golive.unit.UnitPreview;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** What asking to tighten a unit golive did not write would add: the list the TUI's confirm shows is what --tighten writes. */
class TighteningTest {

    private static final String HYBRID = "src/test/resources/hosts/ubuntu2004-hybrid";

    private static UnitPreview preview(Session s, ServiceSpec spec) {
        return s.previewUnit(spec, Optional.empty(), UnaryOperator.identity(), "p1", false);
    }

    @Test
    void eachListedDirectiveIsWhatTheTightenedDropInSets() {
        ServiceSpec spec = ServiceSpec.named("prometheus-node-exporter");
        try (Session s = Session.open(HYBRID).profileDirs(List.of())) {
            UnitPreview loose = preview(s, spec);
            ServiceUnits.Tightening t = s.tightening(spec, loose, UnaryOperator.identity());
            assertThat(t.refused()).isEmpty();
            assertThat(t.changes()).contains("ProtectSystem: (unset) → full", "NoNewPrivileges: (unset) → yes", "RestartSec: (unset) → 5s")
                    .as("Restart=always is kept even when tightened").noneMatch(c -> c.startsWith("Restart:"));
            assertThat(loose.unit().content()).doesNotContain("ProtectSystem=");

            String tight = preview(s.tighten(true), spec).unit().content();
            for (String c : t.changes()) {
                String key = c.substring(0, c.indexOf(':'));
                String now = c.substring(c.indexOf("→ ") + 2);
                assertThat(tight).as(c).contains(key + "=" + now);
            }
        }
    }

    @Test
    void aUnitGoliveWritesHasNothingToAskAbout() {
        try (Session s = Session.open(HYBRID).profileDirs(List.of())) {
            ServiceSpec n = ServiceSpec.named("api");
            ServiceSpec spec = new ServiceSpec(n.name(), n.description(), Optional.of("/usr/local/bin/api"), n.arguments(), n.user(), n.dynamicUser(),
                    n.workingDirectory(), n.stateDirectories(), n.environment(), n.ports(), n.resources(), n.restart(), n.hardening(), n.go());
            ServiceUnits.Tightening t = s.tightening(spec, preview(s, spec), UnaryOperator.identity());
            assertThat(t.offered()).isFalse();
            assertThat(t.changes()).isEmpty();
        }
    }
}
