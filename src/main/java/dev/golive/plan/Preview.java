package dev.golive.plan;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.golive.model.FileChange;
import dev.golive.model.LiveChange;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;
import dev.golive.model.PlanConflict;
import dev.golive.model.Printable;
import dev.golive.report.Style;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a plan would do, for a human to review before anything is written: a unified diff
 * per file (java-diff-utils), live values old → new with the file written and the reason, the actions after,
 * conflicts and manual steps. Colors only through {@link Style} (plain with --no-color /
 * NO_COLOR); the text is otherwise identical, so golden files compare the plain form.
 */
public final class Preview {
    private Preview() { }

    static final int CONTEXT = 3;

    /**
     * One part of the preview (the heading, the files, the live values, the actions, the
     * conflicts, the manual steps) so that a pager can let the admin skip the rest of one
     * part without losing the next. {@code diff}: the text holds unified diffs, to be shown
     * as they are (never re-wrapped); {@code mustRead}: the conflicts and the manual steps,
     * which a pager shows whole (skipping them would hide why the plan may not take effect).
     */
    public record Section(String text, boolean diff, boolean mustRead) { }

    public static String render(Plan plan, String hostLabel, Style st) {
        StringBuilder out = new StringBuilder();
        for (Section s : sections(plan, hostLabel, st)) out.append(s.text());
        return out.toString();
    }

    /** The preview's parts in order; their texts joined are {@link #render}. */
    public static List<Section> sections(Plan plan, String hostLabel, Style st) {
        List<Section> parts = new ArrayList<>();
        final StringBuilder out = new StringBuilder();
        out.append(st.bold("Plan " + p(plan.id()))).append(" · profile ").append(st.bold(p(plan.profile())))
                .append(p(plan.service().map(s -> " · service " + s).orElse("") + " · " + hostLabel)).append('\n');
        if (plan.isEmpty()) {
            out.append('\n').append(st.green("Nothing to change: the host already matches profile " + p(plan.profile()) + ".")).append('\n');
        }
        cut(parts, out, false, false);
        if (!plan.files().isEmpty()) {
            out.append('\n').append(st.bold("Files (" + plan.files().size() + ")")).append('\n');
            for (FileChange f : plan.files()) {
                out.append('\n').append(st.bold(verb(f) + " " + p(f.path())))
                        .append(f.after().isPresent() ? "  " + String.format("%04o", f.mode()) + " " + p(f.owner() + ":" + f.group()) : "").append('\n');
                // a unit drop-in's why carries one line per directive it changes (old → new) and per note
                for (String why : f.why().split("\n")) out.append(st.dim("  " + p(why))).append('\n');
                for (String line : diff(f)) out.append(color(p(line), st)).append('\n');
            }
        }
        cut(parts, out, true, false);
        if (!plan.live().isEmpty()) {
            out.append('\n').append(st.bold("Live values (" + plan.live().size() + ")")).append('\n');
            int w = plan.live().stream().mapToInt(l -> l.key().length()).max().orElse(0);
            int ow = plan.live().stream().mapToInt(l -> l.before().length()).max().orElse(0);
            for (LiveChange l : plan.live()) {
                out.append("  ").append(pad(p(l.key()), w)).append("  ").append(st.red(pad(p(l.before()), ow))).append(" → ").append(st.green(p(l.after())))
                        .append(scope(l)).append('\n');
                // the file itself, not only the key: what is approved here is exactly what apply writes
                out.append("      ").append(l.path()).append(": ").append(st.dim(OwnedFileBodies.firstSentence(l.why()))).append('\n');
            }
        }
        cut(parts, out, false, false);
        plan.firstBoot().ifPresent(fb -> {
            // an image tree: no kernel runs in it, so nothing is set live; say what the keys were checked against
            out.append('\n').append(st.bold("Image tree (no running kernel: no live values)")).append('\n');
            out.append("  sysctl keys checked against ").append(p(fb.checkedAgainst())).append('\n');
            out.append("  the tree's systemd: ").append(p(fb.systemd())).append('\n');
            for (String v : fb.values()) out.append("  applies at first boot: ").append(p(v)).append('\n');
        });
        cut(parts, out, false, false);
        if (!plan.actions().isEmpty()) {
            out.append('\n').append(st.bold("Then")).append('\n');
            for (PlanAction a : plan.actions()) {
                out.append("  ").append(p(command(a))).append('\n').append(st.dim("      " + p(a.why()))).append('\n');
            }
        }
        cut(parts, out, false, false);
        if (!plan.conflicts().isEmpty()) {
            out.append('\n').append(st.yellow(st.bold("Conflicts (" + plan.conflicts().size() + ")"))).append('\n');
            for (PlanConflict c : plan.conflicts()) {
                out.append("  ").append(st.yellow(p(c.key() + ": golive sets " + c.wanted() + ", " + c.winner().describe() + " " + c.winnerSays())))
                        .append('\n').append(st.dim("      " + p(c.why()))).append('\n');
            }
        }
        cut(parts, out, false, true);
        if (!plan.manualSteps().isEmpty()) {
            out.append('\n').append(st.bold("By hand (" + plan.manualSteps().size() + ")")).append('\n');
            for (String m : plan.manualSteps()) out.append("  - ").append(p(m)).append('\n');
        }
        cut(parts, out, false, true);
        return List.copyOf(parts);
    }

    /** Ends the part built so far in {@code out} (if any) and starts the next. */
    private static void cut(List<Section> parts, StringBuilder out, boolean diff, boolean mustRead) {
        if (out.length() > 0) parts.add(new Section(out.toString(), diff, mustRead));
        out.setLength(0);
    }

    /** Text from the host or a profile, shown escaped (model.Printable). */
    private static String p(String s) { return Printable.text(s); }

    /** The unified diff of one file change, with file headers; a new file diffs against /dev/null. */
    public static List<String> diff(FileChange f) {
        List<String> a = lines(f.before().orElse(""));
        List<String> b = lines(f.after().orElse(""));
        Patch<String> patch = DiffUtils.diff(a, b);
        String from = f.before().isPresent() ? "a" + f.path() : "/dev/null";
        String to = f.after().isPresent() ? "b" + f.path() : "/dev/null";
        if (patch.getDeltas().isEmpty()) return List.of("(content unchanged)");
        return UnifiedDiffUtils.generateUnifiedDiff(from, to, a, patch, CONTEXT);
    }

    private static List<String> lines(String s) {
        if (s.isEmpty()) return new ArrayList<>();
        String t = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        return new ArrayList<>(Arrays.asList(t.split("\n", -1)));
    }

    private static String color(String line, Style st) {
        if (line.startsWith("+++") || line.startsWith("---")) return st.bold(line);
        if (line.startsWith("@@")) return st.cyan(line);
        if (line.startsWith("+")) return st.green(line);
        if (line.startsWith("-")) return st.red(line);
        return line;
    }

    private static String verb(FileChange f) {
        return switch (f.kind()) { case CREATE -> "create"; case MODIFY -> "modify"; case DELETE -> "delete"; };
    }

    private static String scope(LiveChange l) {
        if (l.format().sysfs()) return "  (sysfs, global)";
        return l.perNamespace() ? "  (per network namespace)" : (l.key().startsWith("net.") ? "  (global)" : "");
    }

    private static String command(PlanAction a) {
        return switch (a.kind()) {
            case DAEMON_RELOAD -> "systemctl daemon-reload";
            case DAEMON_REEXEC -> "systemctl daemon-reexec";
            case RESTART_SERVICE -> "systemctl restart " + a.unit().orElseThrow() + "   (proposed; only when you ask)";
        };
    }

    private static String pad(String s, int w) { return s.length() >= w ? s : s + " ".repeat(w - s.length()); }
}
