package dev.golive.unit;

import dev.golive.config.SystemdIni;
import dev.golive.model.ContainerRuntimes;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What golive may change in a unit it did not write: the unit's effective directives today
 * (to keep {@code Restart=always} and to recognise a container runtime) and whether the
 * admin asked for tightening explicitly ({@code --tighten}). Without that, a drop-in on such
 * a unit adds no sandboxing, task limit, kill or restart change. A unit golive wrote is
 * golive's to tighten; there the scope has no effect.
 */
public record UnitScope(boolean tighten, List<UnitDirective> existing) {

    public UnitScope { existing = List.copyOf(existing); }

    /** The scope from the unit file on the host (its drop-ins not merged), for callers that have no resolved unit. */
    public static UnitScope of(CurrentUnitFiles current, boolean tighten) {
        Optional<CurrentUnitFiles.Located> base = current.etcUnit().map(c -> new CurrentUnitFiles.Located("/etc/systemd/system/" + current.unitName(), c))
                .or(current::vendorUnit);
        List<UnitDirective> out = new ArrayList<>();
        base.ifPresent(b -> {
            for (SystemdIni.Entry e : SystemdIni.parse(b.path(), b.content()).entries()) {
                out.add(new UnitDirective(e.section(), e.key(), e.value(), new Source.File(b.path(), e.line())));
            }
        });
        return new UnitScope(tighten, out);
    }

    /** Why the unit is a container runtime, when it is one. */
    Optional<String> containerRuntime(String unit) { return ContainerRuntimes.why(unit, existing); }

    /** The effective value of a [Service] setting today. */
    Optional<String> service(String key) {
        Optional<String> v = Optional.empty();
        for (UnitDirective d : existing) if (d.section().equals("Service") && d.key().equals(key)) v = Optional.of(d.value().strip());
        return v;
    }
}
