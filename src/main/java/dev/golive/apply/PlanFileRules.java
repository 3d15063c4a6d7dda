package dev.golive.apply;

import dev.golive.model.Printable;

import dev.golive.config.UnitNames;
import dev.golive.model.FileChange;
import dev.golive.model.GoliveException;
import dev.golive.model.LiveChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;
import dev.golive.model.Suggest;
import dev.golive.profile.LiveKeys;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a plan file may ask golive to write. A plan file is text that someone may have edited
 * or handed over, and the admin approves what the preview shows: the keys, the files and the
 * values. So every entry must be one the planner itself could have produced, or the file is
 * refused before anything is locked or written:
 * <ul>
 * <li>a live value's key is a sysctl or sysfs key of the profile schema; its path, format and
 *     scope are the ones derived from the key (a harmless key cannot point at another file),
 *     and its new value has the key's form, in the spelling the planner writes;</li>
 * <li>a file is one golive owns; a unit file belongs to the plan's service, whose name is a
 *     valid unit name; a file written starts with golive's header and gets root:root and no
 *     permission beyond 0644 (no execute, set-id or group/world write);</li>
 * <li>a file's content holds to that file's schema ({@link OwnedFileSchema}): only lines its
 *     reading program takes as golive means them;</li>
 * <li>a restart names the plan's service; no entry (key or file) is given twice.</li>
 * </ul>
 * Snapshot manifests are golive's own state and are not read through here.
 */
final class PlanFileRules {
    private PlanFileRules() { }

    /** The widest mode golive gives a file it writes (the planner writes exactly this). */
    static final int MAX_MODE = 0644;
    static final String OWNER = "root";

    /** {@code plan} unchanged when golive may apply it; otherwise one bad-input line naming {@code source} and the field. */
    static Plan check(String source, Plan plan) { return check(source, plan, java.util.Map.of(), key -> false); }

    /**
     * The same, the line naming {@code source:LINE:COL} of the field where {@code locations}
     * ({@link JsonFields#locations} of the plan's text) has it. {@code sysctlExists}: whether the
     * target host's kernel has a sysctl key (false where it cannot tell), for {@link OwnedFileSchema}.
     */
    static Plan check(String source, Plan plan, java.util.Map<String, int[]> locations, java.util.function.Predicate<String> sysctlExists) {
        String located = source;
        try {
            return checked(source, plan, sysctlExists);
        } catch (Located e) {
            int[] at = locations.get(e.field);
            if (at != null) located = source + ":" + at[0] + ":" + at[1];
            throw JsonFields.badInput(located + ": " + e.field + ": " + e.what);
        }
    }

    private static Plan checked(String source, Plan plan, java.util.function.Predicate<String> sysctlExists) {
        Optional<String> service = plan.service();
        if (service.isPresent()) unitName(source, "service", service.get());
        Set<String> seen = new HashSet<>();
        List<FileChange> files = plan.files();
        for (int i = 0; i < files.size(); i++) file(source, "files[" + i + "]", files.get(i), service, seen, sysctlExists);
        Set<String> keys = new HashSet<>();
        List<LiveChange> live = plan.live();
        for (int i = 0; i < live.size(); i++) live(source, "live[" + i + "]", live.get(i), keys);
        List<PlanAction> actions = plan.actions();
        for (int i = 0; i < actions.size(); i++) {
            PlanAction a = actions.get(i);
            String at = "actions[" + i + "].unit";
            if (a.kind() != PlanAction.Kind.RESTART_SERVICE) {
                if (a.unit().isPresent()) throw bad(source, at, "only a restart names a unit");
            } else if (!a.unit().equals(service)) {
                throw bad(source, at, quote(a.unit().get()) + " is not the plan's service" + service.map(s -> " (" + s + ")").orElse(" (it names none)"));
            }
        }
        return plan;
    }

    private static void file(String source, String at, FileChange f, Optional<String> service, Set<String> seen,
                             java.util.function.Predicate<String> sysctlExists) {
        String path = f.path();
        if (!OwnedFiles.isOwnedPath(path)) {
            throw bad(source, at + ".path", quote(path) + " is not a file golive owns (" + OwnedFiles.SYSCTL_DROPIN + ", " + OwnedFiles.MANAGER_DROPIN
                    + ", " + OwnedFiles.TMPFILES_DROPIN + ", the service's unit or its .d/60-golive.conf, " + OwnedFiles.logrotate("NAME") + ")");
        }
        if (!seen.add(path)) throw bad(source, at + ".path", path + " is listed twice");
        if (path.startsWith(OwnedFiles.LOGROTATE_DIR + "/") && (service.isEmpty() || !path.equals(OwnedFiles.logrotate(service.get())))) {
            throw bad(source, at + ".path", path + " is not the logrotate file of the plan's service" + service.map(s -> " (" + OwnedFiles.logrotate(s) + ")").orElse(" (it names none)"));
        }
        unitOf(path).ifPresent(unit -> {
            unitName(source, at + ".path", unit);
            if (!service.equals(Optional.of(unit))) {
                throw bad(source, at + ".path", path + " is not a unit file of the plan's service" + service.map(s -> " (" + s + ")").orElse(" (it names none)"));
            }
        });
        if (f.after().isEmpty()) return; // a removal writes no content, mode or owner
        if (!OwnedFiles.isOwned(f.after().get())) throw bad(source, at + ".after", "does not start with golive's header \"" + OwnedFiles.HEADER_MARK + "\"");
        // the content as the reading program sees it (sysctl.d, tmpfiles.d, systemd, logrotate): its line N
        OwnedFileSchema.check(path, f.after().get(), sysctlExists).ifPresent(p -> { throw bad(source, at + ".after", "line " + p.line() + " of " + path + ": " + p.message()); });
        if ((f.mode() & ~MAX_MODE) != 0) {
            throw bad(source, at + ".mode", JsonFields.mode(f.mode()) + ": golive writes its files " + JsonFields.mode(MAX_MODE)
                    + " at most (no execute, set-id, sticky or group/world write bit)");
        }
        if (!f.owner().equals(OWNER)) throw bad(source, at + ".owner", quote(f.owner()) + ": golive's files belong to root");
        if (!f.group().equals(OWNER)) throw bad(source, at + ".group", quote(f.group()) + ": golive's files belong to group root");
    }

    /** The unit a path under /etc/systemd/system is a file of, or empty for the other owned files. */
    static Optional<String> unitOf(String path) {
        String dir = "/etc/systemd/system/";
        if (!path.startsWith(dir)) return Optional.empty();
        String rest = path.substring(dir.length());
        int slash = rest.indexOf('/');
        if (slash < 0) return Optional.of(rest);
        String d = rest.substring(0, slash);
        return Optional.of(d.endsWith(".d") ? d.substring(0, d.length() - 2) : d);
    }

    private static void live(String source, String at, LiveChange l, Set<String> keys) {
        LiveKeys.LiveKey k = LiveKeys.of(l.key()).orElseThrow(() -> bad(source, at + ".key", quote(l.key())
                + " is not a value golive sets live (the sysctl: and sysfs: keys a profile may set)" + Suggest.didYouMean(l.key(), LiveKeys.keys())));
        if (!keys.add(l.key())) throw bad(source, at + ".key", l.key() + " is listed twice");
        if (!l.path().equals(k.path())) throw bad(source, at + ".path", quote(l.path()) + " is not the file of " + l.key() + " (" + k.path() + ")");
        if (l.format() != k.format()) throw bad(source, at + ".format", l.format() + ": " + l.key() + " is " + k.format());
        if (l.perNamespace() != k.perNamespace()) {
            throw bad(source, at + ".perNamespace", l.key() + " is " + (k.perNamespace() ? "per network namespace" : "not per network namespace"));
        }
        Optional<String> problem = LiveKeys.valueProblem(l.key(), l.after());
        if (problem.isPresent()) throw bad(source, at + ".after", problem.get());
        // before is only compared with what the host has now, but it is shown and kept in the snapshot: one printable line
        if (!l.before().equals(Printable.text(l.before()))) throw bad(source, at + ".before", quote(l.before()) + " is not one line of printable text");
    }

    private static void unitName(String source, String at, String name) {
        try {
            UnitNames.validate(name);
        } catch (GoliveException e) {
            throw bad(source, at, e.getMessage());
        }
    }

    private static String quote(String s) { return "\"" + s + "\""; }

    /** A refused field, located by {@link #check} (its line and column in the plan file). */
    private static final class Located extends RuntimeException {
        final String field;
        final String what;

        Located(String field, String what) {
            super(field + ": " + what, null, false, false);
            this.field = field;
            this.what = what;
        }
    }

    private static Located bad(String source, String at, String what) { return new Located(at, what); }
}
