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
        return of(facts, unit, check, binary, analyzeWith, Optional.empty());
    }

    /**
     * {@code tree}: the root is an image tree at this directory; systemd-analyze then looks inside
     * it (--root=) and only when this machine's systemd is the tree's ({@link SystemdAnalyze.Tree}).
     */
    public static UnitPreview of(HostFacts facts, RenderedUnit unit, SpecCheck check, ServiceBinary binary, Optional<CommandRunner> analyzeWith,
                                 Optional<java.nio.file.Path> tree) {
        Optional<SystemdAnalyze.Tree> inTree = tree.map(b -> new SystemdAnalyze.Tree(b, facts.systemd().version()));
        Optional<UnitAnalysis> analysis = analyzeWith.map(r -> new SystemdAnalyze(r, inTree).analyze(unit));
        return new UnitPreview(facts, unit, check, binary, analysis);
    }
}
