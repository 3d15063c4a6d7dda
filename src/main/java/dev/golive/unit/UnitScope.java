package dev.golive.unit;

import dev.golive.config.SystemdIni;
import dev.golive.model.ContainerRuntimes;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What golive may change in a unit it did not write: the unit's effective directives today
 * (to keep {@code Restart=always} and to recognise a container runtime) and whether the
 * admin asked for tightening explicitly ({@code --tighten}). Without that, a drop-in on such
 * a unit adds no sandboxing, task limit, kill or restart change. A unit golive wrote is
 * golive's to tighten; there the scope has no effect. {@code ioWeightAsked}: the admin asked for
 * the io weight (an option or the spec, not a profile), so it is written even where nothing enforces it.
 */
public record UnitScope(boolean tighten, List<UnitDirective> existing, Optional<dev.golive.model.ServiceSpec.Restart> restartToday,
                        boolean ioWeightAsked, List<UnitDirective> earlierTightening) {

    public UnitScope {
        existing = List.copyOf(existing);
        java.util.Objects.requireNonNull(restartToday, "restartToday");
        earlierTightening = List.copyOf(earlierTightening);
    }

    public UnitScope(boolean tighten, List<UnitDirective> existing, Optional<dev.golive.model.ServiceSpec.Restart> restartToday,
                     boolean ioWeightAsked) {
        this(tighten, existing, restartToday, ioWeightAsked, List.of());
    }

    /**
     * This scope with the lines of golive's drop-in that only an asked tightening writes
     * (written with --tighten on an earlier run): without --tighten now they stay as they are,
     * neither taken away nor brought up to this golive's level.
     */
    public UnitScope keeping(List<UnitDirective> lines) {
        return new UnitScope(tighten, existing, restartToday, ioWeightAsked, lines);
    }

    public UnitScope(boolean tighten, List<UnitDirective> existing) { this(tighten, existing, Optional.empty()); }

    /** An io weight in the spec counts as asked for. */
    public UnitScope(boolean tighten, List<UnitDirective> existing, Optional<dev.golive.model.ServiceSpec.Restart> restartToday) {
        this(tighten, existing, restartToday, true);
    }

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

    /**
     * Whether the unit (as {@link #existing} resolves it, without golive's drop-in) already
     * has {@code line}'s effect: the same value of a single-valued setting (LimitNOFILE= as
     * soft:hard, booleans as systemd parses them), or the same value of one Environment=
     * variable. List settings and ExecStart= always count as a change.
     */
    boolean alreadyHas(UnitLine line) {
        if (line.section().equals("Service") && line.key().equals("Environment")) {
            Map<String, String> want = parseEnvironment(line.value());
            if (want.size() != 1) return false;
            Map<String, String> today = new java.util.LinkedHashMap<>();
            for (UnitDirective d : existing) {
                if (d.section().equals("Service") && d.key().equals("Environment")) today.putAll(parseEnvironment(d.value()));
            }
            Map.Entry<String, String> e = want.entrySet().iterator().next();
            return e.getValue().equals(today.get(e.getKey()));
        }
        if (line.key().equals("ExecStart") || dev.golive.config.UnitResolver.isList(line.key())) return false;
        Optional<String> now = Optional.empty();
        for (UnitDirective d : existing) if (d.section().equals(line.section()) && d.key().equals(line.key())) now = Optional.of(d.value().strip());
        if (now.isEmpty()) return false;
        if (line.key().equals("LimitNOFILE")) {
            Optional<dev.golive.model.NofileLimit> a = dev.golive.model.NofileLimit.parse(now.get()), b = dev.golive.model.NofileLimit.parse(line.value());
            return a.isPresent() && a.equals(b);
        }
        return normalized(now.get()).equals(normalized(line.value()));
    }

    private static Map<String, String> parseEnvironment(String value) {
        try {
            return SystemdIni.parseEnvironment(value);
        } catch (dev.golive.model.GoliveException e) {
            return Map.of();
        }
    }

    private static String normalized(String v) {
        String t = v.strip().replaceAll("\\s+", " ");
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "yes", "y", "true", "t", "on" -> "yes";
            case "0", "no", "n", "false", "f", "off" -> "no";
            default -> t;
        };
    }
}
