package dev.golive.unit;

import dev.golive.host.CommandRunner;
import dev.golive.model.HostFacts;

import dev.golive.model.ServiceSpec;

import java.util.List;
import java.util.Optional;

/**
 * {@code golive unit}: the unit derived by {@code app.ServiceUnits} (the derivation every front
 * end shares) and, when asked, systemd-analyze's verdict and score on it. {@code rotation}: the
 * logrotate file golive writes with the unit when its output is appended to a file
 * ({@link LogrotateFile}), as a plan carries it.
 */
public record UnitPreview(HostFacts facts, RenderedUnit unit, SpecCheck check, ServiceBinary binary,
                          Optional<UnitAnalysis> analysis, Optional<Rotation> rotation) {

    /** golive's logrotate file for the service: its path and body (without golive's header). */
    public record Rotation(String path, List<String> files, String body) {
        public Rotation { files = List.copyOf(files); }
    }

    /**
     * The rotation golive writes for {@code spec} (the spec a plan writes the unit from), if it
     * appends to a file; {@code host}: what logrotate finds on the target host.
     */
    public static Optional<Rotation> rotationOf(ServiceSpec spec, dev.golive.model.LogrotateHost host) {
        List<String> files = LogrotateFile.files(spec.logging());
        return files.isEmpty() ? Optional.empty()
                : Optional.of(new Rotation(dev.golive.model.OwnedFiles.logrotate(spec.unitName()), files, LogrotateFile.body(spec, host)));
    }

    /** The derived unit, verified and scored by systemd-analyze when {@code analyzeWith} is given. */
    public static UnitPreview of(HostFacts facts, RenderedUnit unit, SpecCheck check, ServiceBinary binary, Optional<CommandRunner> analyzeWith,
                                 Optional<Rotation> rotation) {
        return of(facts, unit, check, binary, analyzeWith, Optional.empty(), rotation);
    }

    /**
     * {@code tree}: the root is an image tree at this directory; systemd-analyze then looks inside
     * it (--root=) and only when this machine's systemd is the tree's ({@link SystemdAnalyze.Tree}).
     */
    public static UnitPreview of(HostFacts facts, RenderedUnit unit, SpecCheck check, ServiceBinary binary, Optional<CommandRunner> analyzeWith,
                                 Optional<java.nio.file.Path> tree, Optional<Rotation> rotation) {
        Optional<SystemdAnalyze.Tree> inTree = tree.map(b -> new SystemdAnalyze.Tree(b, facts.systemd().version()));
        Optional<UnitAnalysis> analysis = analyzeWith.map(r -> new SystemdAnalyze(r, inTree).analyze(unit));
        return new UnitPreview(facts, unit, check, binary, analysis, rotation);
    }
}
