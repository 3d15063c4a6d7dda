package dev.golive.unit;

import dev.golive.host.HostRoot;
import dev.golive.model.FileChange;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.OwnedFiles;
import dev.golive.model.PlanConflict;
import dev.golive.model.ServiceSpec;
import dev.golive.plan.OwnedFileState;
import dev.golive.plan.ServiceFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The planner's seam ({@link ServiceFiles}) filled by the unit renderer. The planner hands
 * over the owned paths as it read them (the apply checks them again); the unit a drop-in
 * would extend and the service binary are read here, through the same host root.
 */
public final class UnitServiceFiles implements ServiceFiles {

    private final HostRoot root;
    private final boolean tighten;

    public UnitServiceFiles(HostRoot root) { this(root, false); }

    /** {@code tighten}: the admin asked (--tighten) for sandboxing, task limit and restart changes on a unit golive did not write. */
    public UnitServiceFiles(HostRoot root, boolean tighten) {
        this.root = root;
        this.tighten = tighten;
    }

    @Override
    public List<FileChange> files(HostFacts facts, ServiceSpec spec, List<FixChange> unitChanges,
                                  Map<String, OwnedFileState> current, String planId) {
        String unit = spec.unitName();
        SpecValidator.checkName(spec, java.util.function.UnaryOperator.identity()); // before the name becomes a path
        CurrentUnitFiles onHost = CurrentUnitFiles.read(root, unit);
        CurrentUnitFiles files = new CurrentUnitFiles(unit,
                owned(current, OwnedFiles.unit(unit)).or(onHost::etcUnit), onHost.etcLinkTarget(), onHost.vendorUnit(),
                owned(current, OwnedFiles.unitDropIn(unit)).or(onHost::dropIn));
        ServiceBinary binary = ServiceBinary.forSpec(root, spec, files);
        SpecValidator.validate(spec, facts, binary.presence());
        GoRuntimeDerivation.Result go = GoRuntimeDerivation.derive(spec, new GoRuntimeDerivation.Inputs(binary.buildInfo(),
                facts.service().flatMap(s -> s.goModGoVersion().opt()).flatMap(dev.golive.model.GoVersion::parse),
                facts.cpu(), facts.memory()));
        dev.golive.config.UnitResolver.Resolution today = dev.golive.config.UnitResolver.resolve(root, unit);
        UnitScope scope = new UnitScope(tighten, today.directives());
        RenderedUnit r = UnitRenderer.render(facts, spec, go, files, planId, unitChanges, scope);
        List<String> said = new ArrayList<>(r.notes());
        if (r.kind() == RenderedUnit.Kind.DROP_IN) said.addAll(0, DropInEffect.changes(root, unit, r.path(), r.content()));
        if (said.isEmpty()) return List.of(r.change());
        FileChange c = r.change();
        // the plan (its text and its JSON) says what the drop-in changes and what was left out
        return List.of(new FileChange(c.path(), c.before(), c.after(), c.mode(), c.owner(), c.group(), c.why() + "\n" + String.join("\n", said)));
    }

    @Override
    public List<PlanConflict> overrides(ServiceSpec spec, FileChange file) {
        if (file.after().isEmpty()) return List.of();
        return UnitOverrides.find(root, spec.unitName(), file.path(), file.after().get());
    }

    private static Optional<String> owned(Map<String, OwnedFileState> current, String path) {
        OwnedFileState s = current.get(path);
        return s == null ? Optional.empty() : s.content();
    }
}
