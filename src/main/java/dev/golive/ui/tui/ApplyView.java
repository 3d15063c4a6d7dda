package dev.golive.ui.tui;

import dev.golive.apply.ApplyResult;
import dev.golive.model.ExitCode;
import dev.golive.model.FileChange;
import dev.golive.model.GoliveException;
import dev.golive.model.LiveChange;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;

import java.util.ArrayList;
import java.util.List;

/**
 * One apply: its steps while it runs, then the result; a failure that golive rolled back by
 * itself is shown as such (the host is as before), apart from one that left work to do.
 */
final class ApplyView extends View {

    private enum State { RUNNING, APPLIED, ROLLED_BACK, FAILED }

    private final Plan plan;
    private final String target;
    private final ListPane<String[]> list = new ListPane<>(l -> l[1]);
    private State state = State.RUNNING;
    private String outcome = "";
    /** The rollback after a failure failed too: what the host holds now is not known (recover). */
    private boolean unknownState;
    /** Steps the applier reported done so far, while it runs. */
    private final List<String> doneSoFar = new ArrayList<>();
    /** The applier's lines once it is done. */
    private List<String[]> resultLines = new ArrayList<>();

    ApplyView(TuiApp app, Plan plan, String target) {
        super(app);
        this.plan = plan;
        this.target = target;
        list.items(steps("…"));
    }

    @Override String title() { return "Apply"; }

    @Override String about() {
        return "The apply in progress and its result. A snapshot is written before the first change; if a step "
                + "fails, golive rolls every change back by itself and says so here.";
    }

    @Override ListPane<?> list() { return list; }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>(list.moves());
        b.add(Binding.hint("S", "snapshots", "Open Snapshots (history, diffs, roll back)", () -> app.goTab(SnapshotsView.class))
                .unless(() -> state == State.RUNNING ? "still applying" : null));
        b.add(RestartDebt.binding(app));
        return b;
    }

    private List<String[]> steps(String mark) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"DIM", mark + " snapshot " + plan.id() + " (before any change)"});
        for (FileChange f : plan.files()) out.add(new String[] {"BASE", mark + " " + (f.after().isEmpty() ? "remove " : "write ") + f.path()});
        for (LiveChange l : plan.live()) out.add(new String[] {"BASE", mark + " set " + l.key() + " " + l.before() + " → " + l.after()});
        for (PlanAction a : plan.actions()) {
            out.add(new String[] {"BASE", mark + " " + a.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + a.unit().map(u -> " " + u).orElse("")});
        }
        return out;
    }

    /** One step done while the apply runs: it moves from the plan's "…" list to the ✓ list. */
    void progress(String line) {
        if (state != State.RUNNING) return;
        doneSoFar.add(line);
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"OK", "✓ snapshot " + plan.id() + " written"});
        for (String l : doneSoFar) out.add(new String[] {"OK", "✓ " + l});
        List<String[]> planned = steps("…");
        // the snapshot row first, then the plan's steps in the order the applier does them
        out.addAll(planned.subList(Math.min(planned.size(), 1 + doneSoFar.size()), planned.size()));
        list.items(out);
    }

    void done(ApplyResult r) {
        state = State.APPLIED;
        // the time last and the undo hint on its own line: a golden screen must not wrap differently with the digits
        outcome = "applied " + r.snapshotId() + ": " + r.filesWritten() + " files, " + r.liveValuesSet()
                + " live values, verified in " + r.millis() + " ms\nUndo: Snapshots, r";
        List<String[]> out = new ArrayList<>();
        for (String l : r.lines()) {
            // a step golive left out on purpose (no systemd runs for a target tree) is not a success
            out.add(l.contains(": skipped") ? new String[] {"DIM", "– " + l} : new String[] {"OK", "✓ " + l});
        }
        resultLines = out;
        list.items(out);
    }

    /** A line after the result (the health step a target tree skips). */
    void note(String line) {
        resultLines.add(new String[] {"DIM", "– " + line});
        list.items(resultLines);
    }

    /**
     * The apply failed. Rolled back: the steps that ran are undone (↺), the one after them
     * failed (✗), the rest never ran (·). Not rolled back: nothing had been changed yet (the
     * lock, a stale plan, the snapshot), unless the rollback itself failed, which leaves
     * the state unknown (?) and `recover` to run. The error is also the one-line dialog.
     */
    void failed(GoliveException e) {
        boolean rolledBack = e.exitCode() == ExitCode.APPLY_ROLLED_BACK;
        boolean unknown = e.exitCode() == ExitCode.INTERNAL;
        unknownState = unknown;
        state = rolledBack ? State.ROLLED_BACK : State.FAILED;
        outcome = "golive: " + TuiApp.firstLine(e.getMessage());
        List<String[]> planned = steps("");
        List<String[]> out = new ArrayList<>();
        if (rolledBack) {
            out.add(new String[] {"CHANGED", "↺ snapshot " + plan.id() + " written, then used to undo"});
            for (String l : doneSoFar) out.add(new String[] {"CHANGED", "↺ " + l + " (undone)"});
            int next = 1 + doneSoFar.size();
            if (next < planned.size()) out.add(new String[] {"ERROR", "✗" + planned.get(next)[1] + " (failed)"});
            for (int i = next + 1; i < planned.size(); i++) out.add(new String[] {"DIM", "·" + planned.get(i)[1] + " (not run)"});
        } else {
            for (String[] p : planned) out.add(new String[] {"DIM", (unknown ? "?" : "·") + p[1] + (unknown ? "" : " (not run)")});
        }
        list.items(out);
        app.error(e);
    }

    @Override void draw(Canvas c) {
        c.line(0, " Apply plan " + plan.id() + " (profile " + plan.profile() + ") to " + target, Role.TITLE);
        String head = switch (state) {
            case RUNNING -> "applying… (snapshot first; every change is journaled)";
            case APPLIED -> outcome;
            case ROLLED_BACK -> "ROLLED BACK AUTOMATICALLY: the host is as before.\n" + outcome;
            case FAILED -> outcome + (unknownState ? "" : "\nNothing was changed on the host.");
        };
        Role role = switch (state) {
            case RUNNING -> Role.STATUS;
            case APPLIED -> Role.OK;
            case ROLLED_BACK -> Role.BANNER;
            case FAILED -> Role.ERROR;
        };
        List<String> lines = Dialog.wrap(head, c.width() - 2);
        int row = 1;
        for (String l : lines.subList(0, Math.min(lines.size(), 4))) c.line(row++, " " + l, role);
        // after the apply and the inspection that follows it: what this apply has not reached yet
        var debt = RestartDebt.of(app.model()).filter(v -> state == State.APPLIED && v.planId().equals(plan.id()));
        if (debt.isPresent()) {
            List<String> d = Dialog.wrap(RestartDebt.text(debt.get()), c.width() - 2);
            for (String l : d.subList(0, Math.min(d.size(), 3))) c.line(row++, " " + l, Role.WARN);
        }
        list.draw(c.sub(0, row + 1, c.width(), c.height() - row - 1), (cc, r, l, sel) -> {
            if (sel) cc.fillRow(r, Role.SELECTED);
            cc.text(1, r, l[1], sel ? Role.SELECTED : Role.valueOf(l[0]));
        }, "");
    }
}
