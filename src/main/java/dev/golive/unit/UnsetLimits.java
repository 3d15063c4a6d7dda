package dev.golive.unit;

import dev.golive.model.ServiceSpec;
import dev.golive.model.SystemdValues;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What "none" cannot do. An admin who answers none for a limit asks golive to set nothing:
 * golive's own earlier line goes, and the value the rest of the unit gives applies. When
 * that rest is a file golive did not write (the vendor's unit, the admin's override.conf)
 * and it sets a limit, the limit stays: golive says so, with the file:line, and how to lift
 * it (an explicit infinity, which golive writes because the admin asked for it). A pure
 * function of the spec and the unit's directives resolved without golive's files.
 */
public final class UnsetLimits {

    private UnsetLimits() { }

    /** A control the admin may answer none for: its spec name, its directive(s) (old name last) and how "no limit" is written. */
    private record Control(String name, String field, List<String> keys, Optional<String> lift) { }

    private static final List<Control> CONTROLS = List.of(
            new Control("memoryMax", "resources.memoryMax", List.of("MemoryMax", "MemoryLimit"),
                    Optional.of("ask for infinity (golive then writes MemoryMax=infinity, or an empty MemoryLimit= before systemd 231)")),
            new Control("cpuQuota", "resources.cpuQuota", List.of("CPUQuota"),
                    Optional.of("ask for infinity (golive then writes an empty CPUQuota=, which removes the quota)")),
            new Control("nofile", "resources.nofile", List.of("LimitNOFILE"),
                    Optional.of("ask for infinity (golive then writes LimitNOFILE=infinity: as high as the kernel's fs.nr_open allows)")),
            new Control("tasksMax", "resources.tasksMax", List.of("TasksMax"),
                    Optional.of("ask for infinity (golive then writes TasksMax=infinity)")),
            new Control("memoryHigh", "resources.memoryHigh", List.of("MemoryHigh"),
                    Optional.of("ask for infinity (golive then writes MemoryHigh=infinity)")),
            new Control("memoryLow", "resources.memoryLow", List.of("MemoryLow"), Optional.of("ask for 0")),
            new Control("memoryMin", "resources.memoryMin", List.of("MemoryMin"), Optional.of("ask for 0")),
            new Control("cpuWeight", "resources.cpuWeight", List.of("CPUWeight"), Optional.of("ask for 100, systemd's default")),
            new Control("allowedCpus", "resources.allowedCpus", List.of("AllowedCPUs"), Optional.empty()),
            new Control("cpuAffinity", "resources.cpuAffinity", List.of("CPUAffinity"), Optional.empty()));

    /** The spec names the admin may answer none for (a spec file's keys under resources:). */
    public static final Set<String> NAMES = Set.copyOf(CONTROLS.stream().map(Control::name).toList());

    /**
     * One line per control {@code resources} leaves unset that a file golive did not write still
     * sets: "MemoryMax: none leaves MemoryMax=512M: /usr/lib/systemd/system/api.service:9 sets it, …".
     *
     * @param directives the unit's directives as systemd resolves them (drop-ins merged)
     * @param golives    golive's own files of this unit (its drop-in, the unit when golive wrote it): their lines do not count
     * @param label      how the front end names a spec field ({@code --memory-max}, {@code MemoryMax}, {@code spec.yaml:7:3})
     */
    public static List<String> kept(ServiceSpec.Resources resources, List<UnitDirective> directives, Set<String> golives,
                                    UnaryOperator<String> label) {
        List<String> out = new ArrayList<>();
        for (Control c : CONTROLS) {
            if (!resources.isUnset(c.name())) continue;
            Optional<UnitDirective> d = effective(c, directives, golives);
            if (d.isEmpty()) continue;
            String v = d.get().value().strip();
            out.add(label.apply(c.field()) + ": " + ServiceSpec.Resources.NONE_WORD + " leaves " + d.get().key() + "=" + v + " in place: "
                    + d.get().source().describe() + " sets it, and golive did not write that file"
                    + c.lift().map(l -> "; to lift the limit " + l).orElse("; change it there"));
        }
        return out;
    }

    /**
     * The value that applies once golive's lines are gone: the last assignment of the control's
     * directive outside golive's files (MemoryLimit=, the old name, only where MemoryMax= is not
     * set), unless it already means "no limit".
     */
    private static Optional<UnitDirective> effective(Control c, List<UnitDirective> directives, Set<String> golives) {
        for (String key : c.keys()) {
            Optional<UnitDirective> last = Optional.empty();
            for (UnitDirective d : directives) {
                if (!d.section().equals("Service") || !d.key().equals(key)) continue;
                if (golives.contains(d.source().path())) continue;
                last = Optional.of(d);
            }
            if (last.isPresent()) {
                String v = last.get().value().strip();
                // an empty assignment or infinity is no limit: nothing stays that the admin would want lifted
                return v.isEmpty() || v.equals(SystemdValues.INFINITY) || NO_LIMIT.getOrDefault(key, "").equals(v)
                        ? Optional.empty() : last;
            }
        }
        return Optional.empty();
    }

    /** Values that are systemd's own default for a control without a limit word (a weight, a protection). */
    private static final Map<String, String> NO_LIMIT = Map.of("MemoryLow", "0", "MemoryMin", "0", "CPUWeight", "100");
}
