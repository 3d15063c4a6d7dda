package dev.golive.unit;

import dev.golive.host.CommandRunner;
import dev.golive.model.HostFacts;

import java.util.Optional;

/**
 * {@code golive unit}: the unit derived by {@code app.ServiceUnits} (the derivation every front
 * end shares) and, when asked, systemd-analyze's verdict and score on it.
 */
public record UnitPreview(HostFacts facts, RenderedUnit unit, SpecCheck check, ServiceBinary binary,
                          Optional<UnitAnalysis> analysis) {

    /** The derived unit, verified and scored by systemd-analyze when {@code analyzeWith} is given. */
    public static UnitPreview of(HostFacts facts, RenderedUnit unit, SpecCheck check, ServiceBinary binary, Optional<CommandRunner> analyzeWith) {
        Optional<UnitAnalysis> analysis = analyzeWith.map(r -> new SystemdAnalyze(r).analyze(unit));
        return new UnitPreview(facts, unit, check, binary, analysis);
    }
}
