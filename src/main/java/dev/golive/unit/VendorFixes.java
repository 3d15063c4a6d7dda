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
 * limit even then; {@code Restart=always} is never replaced. Each fix left out is a note.
 */
final class VendorFixes {

    private VendorFixes() { }

    static final Set<String> RESTART = Set.of("Restart", "RestartSec", "StartLimitIntervalSec", "StartLimitBurst", "StartLimitInterval");
    static final Set<String> KILL = Set.of("KillMode", "KillSignal", "SendSIGKILL", "TimeoutStopSec");
    static final Set<String> TASKS = Set.of("TasksMax");

    /** A hardening directive of any level, or a capability limit. */
    static boolean sandboxing(String key) {
        return key.equals("CapabilityBoundingSet") || key.equals("PrivateUsers") || key.equals("DynamicUser")
                || HardeningLevels.of(dev.golive.model.ServiceSpec.Hardening.STRICT).stream().anyMatch(d -> d.key().equals(key));
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
            if (!restrictive) {
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
