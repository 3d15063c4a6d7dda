package dev.golive.unit;

import dev.golive.model.Fact;
import dev.golive.model.FileChange;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoVersion;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceFacts;
import dev.golive.model.ServiceSpec;

import java.util.List;
import java.util.Optional;

/**
 * The service's part of a plan: validate the spec, derive the Go runtime values, render the
 * unit or drop-in. The planner calls {@link #files}; {@code golive unit} calls
 * {@link #render} for the details (warnings, notes, field mapping).
 */
public final class UnitFiles {

    private UnitFiles() { }

    /** Everything rendered, with the validation warnings. */
    public record Result(RenderedUnit unit, SpecCheck check) { }

    public static Result render(HostFacts facts, ServiceSpec spec, CurrentUnitFiles current, ServiceBinary binary,
                                Optional<GoVersion> goModGo, String planId) {
        SpecCheck check = SpecValidator.validate(spec, facts, binary.presence());
        GoRuntimeDerivation.Result go = GoRuntimeDerivation.derive(spec,
                new GoRuntimeDerivation.Inputs(binary.buildInfo(), goModGo, facts.cpu(), facts.memory()));
        return new Result(UnitRenderer.render(facts, spec, go, current, planId), check);
    }

    /**
     * The shape the planner needs ({@code plan.ServiceFiles}): the file changes for the unit.
     * The binary's build info and the go.mod line come from {@code facts.service()} when it
     * describes this service (the service probe reads them); otherwise they count as unknown,
     * which only makes GOMAXPROCS explicit under a quota (right for every Go version).
     */
    public static List<FileChange> files(HostFacts facts, ServiceSpec spec, CurrentUnitFiles current, String planId) {
        Optional<ServiceFacts> s = facts.service().filter(f -> f.name().equals(spec.unitName()) || f.name().equals(spec.name()));
        Fact<GoBuildInfo> bin = s.map(ServiceFacts::binary).orElse(Fact.unknown("the service's binary was not inspected"));
        Optional<GoVersion> mod = s.flatMap(f -> f.goModGoVersion().opt()).flatMap(GoVersion::parse);
        ServiceBinary binary = new ServiceBinary(BinaryPresence.notChecked("checked by the planner's caller"), bin);
        return List.of(render(facts, spec, current, binary, mod, planId).unit().change());
    }
}
