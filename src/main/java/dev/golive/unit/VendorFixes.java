package dev.golive.unit;

import dev.golive.model.FixChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which picked fixes golive may fold into its drop-in on a unit it did not write. Sandboxing,
 * the task limit, the kill mode and the restart policy change only when the admin asked to
 * tighten the unit; a container runtime keeps its sandbox-free setup, kill mode and task
 * limit even then; {@code Restart=always} is never replaced. A picked fix that only loosens a
 * sandbox the unit has (an address family added to its allow list, ProcSubset=all) is no
 * tightening: it is folded in without --tighten, on a container runtime too (it cannot break
 * its containers, and the admin picked it). Each fix left out is a note.
 */
final class VendorFixes {

    private VendorFixes() { }

    static final Set<String> RESTART = Set.of("Restart", "RestartSec", "StartLimitIntervalSec", "StartLimitBurst", "StartLimitInterval");
    static final Set<String> KILL = Set.of("KillMode", "KillSignal", "SendSIGKILL", "TimeoutStopSec");
    static final Set<String> TASKS = Set.of("TasksMax");

    /** A hardening directive of any level, a capability limit, or ProcSubset= (no level sets it; pid hides /proc/sys). */
    static boolean sandboxing(String key) {
        return key.equals("CapabilityBoundingSet") || key.equals("PrivateUsers") || key.equals("DynamicUser") || key.equals("ProcSubset")
                || HardeningLevels.of(dev.golive.model.ServiceSpec.Hardening.STRICT).stream().anyMatch(d -> d.key().equals(key));
    }

    /**
     * Whether the change only widens what the unit allows today: ProcSubset=all (all of /proc,
     * the default), or address families added to an allow list the unit has (systemd.exec(5):
     * allow lines add to the list; an empty line resets it, a first line with ~ makes a deny list).
     * Added to a unit without a list, the same line would restrict it to those families: tightening.
     */
    static boolean onlyLoosens(FixChange.UnitDirectiveChange c, UnitScope scope) {
        if (!c.section().equals("Service")) return false;
        String v = c.value().strip();
        return switch (c.key()) {
            case "ProcSubset" -> v.equals("all");
            case "RestrictAddressFamilies" -> !v.isEmpty() && !v.startsWith("~") && !v.equals("none") && allowList(scope);
            default -> false;
        };
    }

    /** Whether the unit's RestrictAddressFamilies= today is an allow list. */
    private static boolean allowList(UnitScope scope) {
        Optional<Boolean> allow = Optional.empty();
        for (dev.golive.model.UnitDirective d : scope.existing()) {
            if (!d.section().equals("Service") || !d.key().equals("RestrictAddressFamilies")) continue;
            String v = d.value().strip();
            if (v.isEmpty()) allow = Optional.empty();
            else if (allow.isEmpty()) allow = Optional.of(!v.startsWith("~"));
        }
        return allow.orElse(false);
    }

    static List<FixChange> allowed(List<FixChange> fixes, String unit, UnitScope scope, List<String> notes) {
        Optional<String> runtime = scope.containerRuntime(unit);
        List<FixChange> out = new ArrayList<>();
        for (FixChange f : fixes) {
            if (!(f instanceof FixChange.UnitDirectiveChange c)) {
                out.add(f);
                continue;
            }
            String key = c.key();
            boolean restrictive = sandboxing(key) || KILL.contains(key) || TASKS.contains(key) || RESTART.contains(key);
            if (!restrictive || onlyLoosens(c, scope)) {
                out.add(f);
            } else if (!scope.tighten()) {
                notes.add(key + "=" + c.value() + " left out: " + unit + " is not golive's unit (golive changes it only with --tighten)");
            } else if (runtime.isPresent() && (sandboxing(key) || KILL.contains(key) || TASKS.contains(key))) {
                notes.add(key + "=" + c.value() + " left out: " + runtime.get() + ", and it would break its containers");
            } else if (key.equals("Restart") && scope.service("Restart").filter("always"::equals).isPresent() && !c.value().strip().equals("always")) {
                notes.add("Restart=always of " + unit + " kept: golive never downgrades it");
            } else {
                out.add(f);
            }
        }
        return out;
    }
}
