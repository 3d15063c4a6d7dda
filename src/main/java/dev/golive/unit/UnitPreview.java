package dev.golive.unit;

import dev.golive.host.CommandRunner;
import dev.golive.host.HostRoot;
import dev.golive.model.GoVersion;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceSpec;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code golive unit} in one call: read the service's current files and binary through the
 * host root, validate, derive, render, and (when asked) let systemd-analyze on this machine
 * verify and score the result.
 */
public record UnitPreview(HostFacts facts, RenderedUnit unit, SpecCheck check, ServiceBinary binary,
                          Optional<UnitAnalysis> analysis) {

    public static UnitPreview of(HostRoot root, HostFacts facts, ServiceSpec spec, Optional<GoVersion> goModGo,
                                 UnaryOperator<String> labels, String planId, Optional<CommandRunner> analyzeWith) {
        return of(root, facts, spec, goModGo, labels, planId, analyzeWith, false);
    }

    /** {@code tighten}: the admin asked for sandboxing, task limit and restart changes on a unit golive did not write. */
    public static UnitPreview of(HostRoot root, HostFacts facts, ServiceSpec spec, Optional<GoVersion> goModGo,
                                 UnaryOperator<String> labels, String planId, Optional<CommandRunner> analyzeWith, boolean tighten) {
        return of(root, facts, spec, goModGo, labels, planId, analyzeWith, tighten, Optional.empty());
    }

    /**
     * {@code tree}: the root is an image tree at this directory; systemd-analyze then looks inside
     * it (--root=) and only when this machine's systemd is the tree's ({@link SystemdAnalyze.Tree}).
     */
    public static UnitPreview of(HostRoot root, HostFacts facts, ServiceSpec spec, Optional<GoVersion> goModGo,
                                 UnaryOperator<String> labels, String planId, Optional<CommandRunner> analyzeWith, boolean tighten,
                                 Optional<java.nio.file.Path> tree) {
        SpecValidator.checkName(spec, labels); // before the name becomes a path
        CurrentUnitFiles current = CurrentUnitFiles.read(root, spec.unitName());
        ServiceBinary binary = ServiceBinary.forSpec(root, spec, current);
        SpecCheck check = SpecValidator.validate(spec, facts, binary.presence(), labels);
        GoRuntimeDerivation.Result go = GoRuntimeDerivation.derive(spec,
                new GoRuntimeDerivation.Inputs(binary.buildInfo(), goModGo, facts.cpu(), facts.memory()));
        RenderedUnit unit = UnitRenderer.render(facts, spec, go, current, planId, java.util.List.of(),
                new UnitScope(tighten, dev.golive.config.UnitResolver.resolve(root, spec.unitName()).directives()));
        Optional<SystemdAnalyze.Tree> inTree = tree.map(b -> new SystemdAnalyze.Tree(b, facts.systemd().version()));
        Optional<UnitAnalysis> analysis = analyzeWith.map(r -> new SystemdAnalyze(r, inTree).analyze(unit));
        return new UnitPreview(facts, unit, check, binary, analysis);
    }
}
