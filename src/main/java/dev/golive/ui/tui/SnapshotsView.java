package dev.golive.ui.tui;

import dev.golive.apply.Manifest;
import dev.golive.apply.RollbackRefused;
import dev.golive.model.GoliveException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every snapshot golive took on this host, newest first, with its state and time; the
 * selected one's diff below (enter: on a screen of its own). r rolls it back after a confirm;
 * a rollback refused because the host changed since opens that drift, where F rolls back
 * anyway after a second confirm. d shows the drift first, m and c compare two snapshots, P
 * prunes old ones by the CLI's rule (golive snapshots prune --keep N).
 */
final class SnapshotsView extends View {

    private final ListPane<Manifest> list = new ListPane<>(m -> m.id() + " " + m.state().text() + " " + m.plan().profile());
    private final Map<String, String> diffs = new HashMap<>();
    private final DiffPane preview = new DiffPane();
    private String problem;
    private String previewOf;
    /** The snapshot m marked, to compare the selected one with (c). */
    private String marked;

    SnapshotsView(TuiApp app) { super(app); }

    @Override String title() { return "Snapshots"; }

    @Override String about() {
        return "The snapshots golive took before each apply (under /var/lib/golive/snapshots), newest first. "
                + "r rolls the selected one back: its files and live values return to how they were before it. "
                + "d shows what changed on the host since golive wrote it (a rollback refuses to overwrite that unless forced).";
    }

    @Override ListPane<?> list() { return list; }

    @Override void shown() { reload(); }

    void reload() {
        if (app.model().readOnlyReason() != null) return;
        app.worker().run("reading snapshots", () -> {
            List<Manifest> all = new ArrayList<>(app.model().session().snapshots());
            all.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
            return all;
        }, all -> {
            problem = null;
            diffs.clear();
            previewOf = null;
            if (marked != null && all.stream().noneMatch(m -> m.id().equals(marked))) marked = null;
            list.items(all);
        }, e -> problem = "golive: " + TuiApp.firstLine(e.getMessage()));
    }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>(list.moves());
        b.add(Binding.hint("r", "roll back", "Roll the selected snapshot back (asks first)", this::rollback).unless(this::whyNoRollback));
        b.add(Binding.hint("enter", "diff", "The selected snapshot's diff on a screen of its own (next file and hunk, search, wrap)",
                this::openDiff).unless(this::whyNoneSelected));
        b.add(Binding.hint("d", "drift", "What changed on the host since golive wrote the selected snapshot's files and values", this::drift)
                .unless(this::whyNoDrift));
        b.add(Binding.quiet("m", "mark", "Mark the selected snapshot to compare another with (c)", this::mark).unless(this::whyNoneSelected));
        b.add(Binding.quiet("c", "compare", "Compare the marked snapshot (m) with the selected one: what golive wrote in each", this::compare)
                .unless(this::whyNoCompare));
        b.add(Binding.quiet("P", "prune", "Delete all but the N newest finished snapshots (asks how many, then lists what goes and asks again)",
                this::prune).unless(this::whyNoPrune));
        b.add(Binding.quiet("J", "diff down", "Scroll the diff down", () -> preview.scroll(1)));
        b.add(Binding.quiet("K", "diff up", "Scroll the diff up", () -> preview.scroll(-1)));
        return b;
    }

    private String whyNoneSelected() {
        String ro = app.model().readOnlyReason();
        if (ro != null) return ro;
        return list.selected().isEmpty() ? "no snapshot selected" : null;
    }

    private String whyNoRollback() {
        String none = whyNoneSelected();
        if (none != null) return none;
        if (list.selected().get().state() == Manifest.State.ROLLED_BACK) return "already rolled back";
        return null;
    }

    private String whyNoDrift() {
        String none = whyNoneSelected();
        if (none != null) return none;
        if (list.selected().get().state() == Manifest.State.ROLLED_BACK) return "rolled back: golive's changes are gone, nothing to drift from";
        return null;
    }

    private String whyNoCompare() {
        String none = whyNoneSelected();
        if (none != null) return none;
        if (marked == null) return "mark a snapshot with m first";
        if (marked.equals(list.selected().get().id())) return "select another snapshot than the marked one";
        return null;
    }

    private String whyNoPrune() {
        String ro = app.model().readOnlyReason();
        if (ro != null) return ro;
        return list.total() == 0 ? "no snapshots" : null;
    }

    private void rollback() {
        Manifest m = list.selected().orElseThrow();
        app.confirm("Roll back", "Roll back snapshot " + m.id() + " (profile " + m.plan().profile() + ", " + m.files().size()
                + " files, " + m.live().size() + " live values) on " + app.model().session().describeRoot()
                + "? Files and live values return to how they were before it.", () -> rollBack(m, false));
    }

    /** The rollback itself; {@code force}: also over what changed since golive wrote it (the admin saw the drift and confirmed). */
    private void rollBack(Manifest m, boolean force) {
        app.changing((force ? "rolling back (forced) " : "rolling back ") + m.id(), () -> app.model().session().rollback(m.id(), force), r -> {
            app.model().changed("rolled back snapshot " + r.snapshotId() + (force ? " (forced)" : ""));
            app.model().rolledBack();
            app.model().refreshSnapshots();
            if (app.current() instanceof DiffView) app.back();
            reload();
            app.reinspect("rolled back " + r.snapshotId() + (force ? " (forced)" : "") + ": " + r.restored().size() + " restored, "
                    + r.reported().size() + " already as before (" + r.millis() + " ms)");
        }, e -> {
            if (e instanceof RollbackRefused refused) {
                showDrift(m, refused, true);
                app.status("rollback refused: the host changed since golive wrote it (nothing was rolled back)");
            } else {
                app.error(e);
                app.reinspect("rolling back " + m.id() + " failed");
            }
        });
    }

    private void drift() {
        Manifest m = list.selected().orElseThrow();
        app.worker().run("reading the drift of " + m.id(), () -> app.model().session().drift(m.id()), d -> {
            if (d.isEmpty()) app.status("no drift: every file and value of " + m.id() + " is as golive left it (or as before)");
            else showDrift(m, d.get(), false);
        }, app::error);
    }

    /** The drift since {@code m} on a screen of its own, with the forced rollback after a confirm. */
    private void showDrift(Manifest m, RollbackRefused d, boolean refused) {
        List<String> header = new ArrayList<>();
        header.add((refused ? "Rollback refused. " : "") + TuiApp.firstLine(d.getMessage()).replace("use --force to roll back anyway", "F rolls back anyway (asks first)"));
        header.add("- what golive wrote   + what is there now");
        Binding force = Binding.hint("F", "force rollback", "Roll back anyway, over the changes shown (asks first)", () ->
                app.confirm("Force rollback", "Roll back snapshot " + m.id() + " anyway? The changes shown here, made after golive wrote the files, "
                        + "are lost: each file goes back to how it was before the apply.", () -> rollBack(m, true)))
                .unless(() -> app.model().readOnlyReason());
        app.open(new DiffView(app, "Drift " + m.id(), "What changed on the host since golive applied snapshot " + m.id()
                + ": each file as golive wrote it (-) against what is there now (+), and live values golive set that read otherwise now. "
                + "A rollback overwrites these only when forced (F, after a confirm).", header, refused ? Role.WARN : Role.TITLE, d.diff(), List.of(force)));
    }

    private void openDiff() {
        Manifest m = list.selected().orElseThrow();
        app.open(new DiffView(app, "Snapshot " + m.id(), "What snapshot " + m.id() + " changed: each file before (-) and as golive wrote it (+), "
                + "live values old → new.", List.of(), Role.TITLE, diff(m), List.of()));
    }

    private void mark() {
        String id = list.selected().orElseThrow().id();
        marked = id.equals(marked) ? null : id;
        app.status(marked == null ? "unmarked " + id : "marked " + id + ": select another snapshot and press c to compare");
    }

    private void compare() {
        String b = list.selected().orElseThrow().id();
        String a = marked;
        app.worker().run("comparing " + a + " with " + b, () -> app.model().session().compareSnapshots(a, b), text ->
                app.open(new DiffView(app, "Compare", "What golive wrote in snapshot " + a + " (-) against snapshot " + b + " (+): files, then live values.",
                        List.of(), Role.TITLE, text, List.of())), app::error);
    }

    private void prune() {
        app.ask("Prune snapshots", "Keep how many of the newest finished snapshots? The older ones are deleted; an unfinished one is always kept "
                + "(recover needs it) and does not count. The same rule as golive snapshots prune --keep N.", "5", typed -> {
            int keep;
            try {
                keep = Integer.parseInt(typed.trim());
                if (keep < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                app.error(GoliveException.badInput("keep \"" + typed + "\": a whole number, 0 or more"));
                return;
            }
            List<String> gone;
            try {
                gone = app.model().session().prunable(keep);
            } catch (GoliveException e) {
                app.error(e);
                return;
            }
            if (gone.isEmpty()) {
                app.status("nothing to prune: at most " + keep + " finished snapshot(s)");
                return;
            }
            app.confirm("Prune", "Delete " + gone.size() + " snapshot(s): " + String.join(", ", gone) + "? They can no longer be rolled back.", () ->
                    app.changing("pruning snapshots", () -> app.model().session().pruneSnapshots(keep), deleted -> {
                        app.model().refreshSnapshots();
                        reload();
                        app.status("deleted " + deleted.size() + " snapshot(s): " + String.join(", ", deleted));
                    }));
        });
    }

    private String diff(Manifest m) {
        return diffs.computeIfAbsent(m.id(), id -> {
            try {
                return app.model().session().snapshotDiff(id);
            } catch (GoliveException e) {
                return "golive: " + TuiApp.firstLine(e.getMessage());
            }
        });
    }

    @Override void draw(Canvas c) {
        String ro = app.model().readOnlyReason();
        if (ro != null) {
            c.text(1, 1, "No snapshots here: " + ro + " (golive never writes into it).", Role.DISABLED);
            return;
        }
        if (problem != null) {
            c.text(1, 1, problem, Role.ERROR);
            return;
        }
        int lh = Math.min(Math.max(1, list.shown().size()), c.height() / 3);
        c.line(0, " " + ProfilesView.pad("snapshot", 24) + ProfilesView.pad("state", 13) + ProfilesView.pad("created", 22) + "profile", Role.TITLE);
        String mark = marked;
        list.draw(c.sub(0, 1, c.width(), lh), (cc, r, m, sel) -> {
            if (sel) cc.fillRow(r, Role.SELECTED);
            Role state = switch (m.state()) {
                case APPLIED -> Role.OK;
                case ROLLED_BACK -> Role.DIM;
                case APPLYING, ROLLING_BACK, FAILED -> Role.WARN;
            };
            if (m.id().equals(mark)) cc.text(0, r, "*", sel ? Role.SELECTED : Role.CHANGED);
            cc.text(1, r, ProfilesView.pad(m.id(), 24), sel ? Role.SELECTED : Role.BASE);
            cc.text(25, r, m.state().text(), sel ? Role.SELECTED : state);
            cc.text(38, r, m.createdAt().toString().replaceFirst("\\.\\d+Z$", "Z"), sel ? Role.SELECTED : Role.DIM);
            cc.text(60, r, m.plan().profile(), sel ? Role.SELECTED : Role.BASE);
        }, "No snapshots yet: Review, a (apply) takes one before changing anything.");
        Optional<Manifest> sel = list.selected();
        if (sel.isEmpty()) return;
        if (!sel.get().id().equals(previewOf)) {
            previewOf = sel.get().id();
            preview.text(diff(sel.get()));
        }
        preview.draw(c.sub(0, lh + 2, c.width(), c.height() - lh - 2), "No difference.");
    }
}
