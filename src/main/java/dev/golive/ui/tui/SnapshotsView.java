package dev.golive.ui.tui;

import dev.golive.apply.Manifest;
import dev.golive.model.GoliveException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every snapshot golive took on this host, newest first, with its state and time; the
 * selected one's diff (files old → new, live values); r rolls it back after a confirm.
 */
final class SnapshotsView extends View {

    private final ListPane<Manifest> list = new ListPane<>(m -> m.id() + " " + m.state().text() + " " + m.plan().profile());
    private final Map<String, List<String>> diffs = new HashMap<>();
    private String problem;
    private int detailTop;
    private String detailOf;

    SnapshotsView(TuiApp app) { super(app); }

    @Override String title() { return "Snapshots"; }

    @Override String about() {
        return "The snapshots golive took before each apply (under /var/lib/golive/snapshots), newest first. "
                + "r rolls the selected one back: its files and live values return to how they were before it.";
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
            list.items(all);
        }, e -> problem = "golive: " + TuiApp.firstLine(e.getMessage()));
    }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>(list.moves());
        b.add(Binding.hint("r", "roll back", "Roll the selected snapshot back (asks first)", this::rollback).unless(this::whyNoRollback));
        b.add(Binding.quiet("J", "diff down", "Scroll the diff down", () -> detailTop++));
        b.add(Binding.quiet("K", "diff up", "Scroll the diff up", () -> detailTop = Math.max(0, detailTop - 1)));
        return b;
    }

    private String whyNoRollback() {
        String ro = app.model().readOnlyReason();
        if (ro != null) return ro;
        Optional<Manifest> m = list.selected();
        if (m.isEmpty()) return "no snapshot selected";
        if (m.get().state() == Manifest.State.ROLLED_BACK) return "already rolled back";
        return null;
    }

    private void rollback() {
        Manifest m = list.selected().orElseThrow();
        app.confirm("Roll back", "Roll back snapshot " + m.id() + " (profile " + m.plan().profile() + ", " + m.files().size()
                + " files, " + m.live().size() + " live values) on " + app.model().session().describeRoot()
                + "? Files and live values return to how they were before it.", () ->
                app.changing("rolling back " + m.id(), () -> app.model().session().rollback(m.id(), false), r -> {
                    app.model().changed("rolled back snapshot " + r.snapshotId());
                    app.model().rolledBack();
                    app.model().refreshSnapshots();
                    reload();
                    app.reinspect("rolled back " + r.snapshotId() + ": " + r.restored().size() + " restored, "
                            + r.reported().size() + " already as before (" + r.millis() + " ms)");
                }));
    }

    private List<String> diff(Manifest m) {
        return diffs.computeIfAbsent(m.id(), id -> {
            try {
                return List.of(app.model().session().snapshotDiff(id).split("\n"));
            } catch (GoliveException e) {
                return List.of("golive: " + TuiApp.firstLine(e.getMessage()));
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
        list.draw(c.sub(0, 1, c.width(), lh), (cc, r, m, sel) -> {
            if (sel) cc.fillRow(r, Role.SELECTED);
            Role state = switch (m.state()) {
                case APPLIED -> Role.OK;
                case ROLLED_BACK -> Role.DIM;
                case APPLYING, ROLLING_BACK, FAILED -> Role.WARN;
            };
            cc.text(1, r, ProfilesView.pad(m.id(), 24), sel ? Role.SELECTED : Role.BASE);
            cc.text(25, r, m.state().text(), sel ? Role.SELECTED : state);
            cc.text(38, r, m.createdAt().toString().replaceFirst("\\.\\d+Z$", "Z"), sel ? Role.SELECTED : Role.DIM);
            cc.text(60, r, m.plan().profile(), sel ? Role.SELECTED : Role.BASE);
        }, "No snapshots yet: Review, a (apply) takes one before changing anything.");
        Optional<Manifest> sel = list.selected();
        if (sel.isEmpty()) return;
        if (!sel.get().id().equals(detailOf)) {
            detailOf = sel.get().id();
            detailTop = 0;
        }
        Canvas d = c.sub(0, lh + 2, c.width(), c.height() - lh - 2);
        List<String> lines = diff(sel.get());
        detailTop = Math.max(0, Math.min(detailTop, lines.size() - d.height()));
        for (int i = 0; i < d.height() && detailTop + i < lines.size(); i++) {
            String l = lines.get(detailTop + i);
            Role r = l.startsWith("+++") || l.startsWith("---") ? Role.DIM : l.startsWith("+") ? Role.DIFF_ADD
                    : l.startsWith("-") ? Role.DIFF_DEL : l.startsWith("@@") ? Role.DIFF_HUNK : l.startsWith("snapshot ") ? Role.TITLE : Role.BASE;
            d.text(1, i, l, r);
        }
    }
}
