package dev.golive.export;

import dev.golive.model.FileChange;
import dev.golive.model.LiveChange;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;
import dev.golive.model.PlanConflict;

import java.util.ArrayList;
import java.util.List;

/**
 * The header both export forms start with: which plan, profile and host they came from, what
 * they change, and — because it matters most — that they take no snapshot, so only golive's
 * own apply can be rolled back.
 */
final class ExportNotes {
    private ExportNotes() { }

    /** The header lines without the comment marker. */
    static List<String> header(Plan plan, String host, String form, List<String> howToRun) {
        List<String> l = new ArrayList<>();
        l.add("golive export: " + form + " for plan " + plan.id() + ", profile " + plan.profile()
                + plan.service().map(s -> ", service " + s).orElse("") + ", planned on host " + host + ".");
        l.add("It makes the changes `golive apply` of this plan makes: " + plan.files().size() + " file(s), "
                + plan.live().size() + " live value(s), then systemctl as the plan says (never with a root).");
        l.add("It takes NO snapshot: `golive rollback` cannot undo it. To be able to roll back, apply with golive itself");
        l.add("(golive apply snapshots first), or keep your own copy of the files and values listed below.");
        l.add("Running it twice changes nothing the second time.");
        l.add("");
        l.addAll(howToRun);
        if (!plan.files().isEmpty()) {
            l.add("");
            l.add("Files:");
            for (FileChange f : plan.files()) {
                l.add("  " + verb(f) + " " + f.path() + (f.after().isPresent() ? " (" + mode(f.mode()) + " " + f.owner() + ":" + f.group() + ")" : ""));
            }
        }
        if (!plan.live().isEmpty()) {
            l.add("Live values (as planned; the " + form + " sets them whatever they read now):");
            for (LiveChange c : plan.live()) l.add("  " + c.key() + ": " + c.before() + " -> " + c.after());
        }
        for (PlanAction a : plan.actions()) l.add("Then: " + action(a) + " (" + a.why() + ")");
        for (PlanConflict c : plan.conflicts()) l.add("Conflict, not solved here: " + c.key() + ": " + c.why());
        for (String m : plan.manualSteps()) l.add("By hand, not done here: " + m);
        return l.stream().map(Quoting::comment).toList();
    }

    static String verb(FileChange f) {
        return switch (f.kind()) {
            case CREATE -> "create";
            case MODIFY -> "replace";
            case DELETE -> "remove";
        };
    }

    static String mode(int mode) { return String.format("%04o", mode); }

    static String action(PlanAction a) {
        return switch (a.kind()) {
            case DAEMON_RELOAD -> "systemctl daemon-reload, when a unit file changed";
            case DAEMON_REEXEC -> "systemctl daemon-reexec, when the manager defaults changed";
            case RESTART_SERVICE -> "systemctl restart " + a.unit().orElse("?") + ", only when asked and something changed";
        };
    }

    /** Which plan actions a file's change calls for: unit files reload, manager defaults re-exec. */
    static boolean triggers(PlanAction.Kind kind, FileChange f, List<FileChange> all) {
        boolean manager = f.path().startsWith("/etc/systemd/system.conf.d/");
        boolean unit = f.path().startsWith("/etc/systemd/system/");
        return switch (kind) {
            case DAEMON_REEXEC -> manager || all.stream().noneMatch(x -> x.path().startsWith("/etc/systemd/system.conf.d/"));
            case DAEMON_RELOAD -> unit || all.stream().noneMatch(x -> x.path().startsWith("/etc/systemd/system/"));
            case RESTART_SERVICE -> true;
        };
    }
}
