package dev.golive.plan;

import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.OwnedFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What of a finding's fix golive makes itself and what stays a step for the admin, by the
 * planner's own rule: golive edits only files it owns, so removing a line from any other
 * file is the admin's step. The planner writes these steps into a plan's manual list; the
 * front ends offer a finding as "golive can fix" only when {@link #goliveCanFix()}.
 */
public record FixReach(List<FixChange> golive, List<String> manual) {

    public FixReach {
        golive = List.copyOf(golive);
        manual = List.copyOf(manual);
    }

    public static FixReach of(Finding f) {
        List<FixChange> golive = new ArrayList<>();
        List<String> manual = new ArrayList<>();
        for (FixChange c : f.fix().map(x -> x.changes()).orElse(List.of())) {
            Optional<String> step = manualStep(c);
            if (step.isPresent()) manual.add(step.get());
            else golive.add(c);
        }
        return new FixReach(golive, manual);
    }

    /** True when golive can make at least one change of the fix itself (a finding worth picking). */
    public boolean goliveCanFix() { return !golive.isEmpty(); }

    /** The admin's step for a change golive never makes itself (a line in a file it does not own); empty when golive makes it. */
    public static Optional<String> manualStep(FixChange c) {
        if (c instanceof FixChange.SysctlRemoval r && !r.at().path().equals(OwnedFiles.SYSCTL_DROPIN)) {
            return Optional.of("remove or comment out " + r.key() + " in " + r.at().describe()
                    + " yourself: golive never edits a file it does not own");
        }
        if (c instanceof FixChange.UnitDirectiveRemoval u && !OwnedFiles.isOwnedPath(u.at().path())) {
            return Optional.of("remove [" + u.section() + "] " + u.key() + "= from " + u.at().describe()
                    + " yourself (or override it in golive's drop-in): golive never edits a vendor unit");
        }
        return Optional.empty();
    }
}
