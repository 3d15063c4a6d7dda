package dev.golive.ui.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.golive.app.ServiceUnits;
import dev.golive.app.Session;
import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import dev.golive.unit.SpecFromUnit;
import dev.golive.unit.UnitPreview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The service unit editor: a form of the ServiceSpec fields on the left, validated as you
 * type; the unit golive would write on the right, re-rendered on a worker after each change;
 * under it the warnings, and on v systemd-analyze's verify messages and exposure score.
 *
 * <p>When the service already has a unit (--service, or a name whose unit exists on the host)
 * the form starts from that unit ({@link SpecFromUnit}), each such field marked with the
 * file:line it came from, so an untouched form renders a drop-in that changes nothing.
 */
final class UnitView extends View {

    /** Where the rendered unit's header names the snapshot: its id only exists once apply starts. */
    static final String PREVIEW_ID = "<id assigned at apply>";

    private final UnitForm form = new UnitForm();
    private final UnitPreviewPane unitPane = new UnitPreviewPane();
    private int at;
    private boolean editing;
    private UnitPreview preview;
    /** What t (tighten) would add to the drop-in on a unit golive did not write; null when there is no such drop-in. */
    private ServiceUnits.Tightening tightening;
    private String problem;
    private int generation;
    private boolean started;
    /** The inspection the form was last filled from (HostModel.inspections). */
    private int filledAt;
    private boolean awaitingModel;
    /** The name last looked up on the host, so ending an edit without a change reads nothing. */
    private String lookedUp;
    private int lookups;

    UnitView(TuiApp app) {
        super(app);
    }

    /** Enter and esc both end an edit here and keep what was typed: the form validates as you type. */
    @Override List<String[]> fieldKeys() {
        return List.of(new String[] {"enter/esc", "done"}, new String[] {"backspace", "delete"}, new String[] {"ctrl-u", "clear"},
                new String[] {"ctrl-c", "quit"});
    }

    @Override String title() { return "Unit"; }

    @Override String about() {
        return "The service's systemd unit: edit the fields (enter edits or cycles, enter again ends; ctrl-u clears the field), "
                + "see the unit golive would write, the checks, and with v what systemd-analyze says (verify and exposure score). "
                + "A service that already has a unit starts from it (each field marked with the file:line it came from), "
                + "and golive writes a drop-in that changes only what you edit; on a unit golive did not write, t adds the sandboxing, "
                + "task limit and restart changes left out (as --tighten), after a confirm listing each directive.";
    }

    @Override void shown() {
        if (!started) {
            started = true;
            Optional<String> svc = app.model().serviceUnit();
            if (svc.isPresent()) {
                form.newUnit(bare(svc.get())); // until the inspection brings its unit: the name at least is right
                awaitingModel = true;
                adoptModel();
            } else {
                lookup(form.text("name").strip());
            }
        } else if (filledAt != app.model().inspections()) {
            // the host was read again (an apply, a rollback): the unit may have changed under the form
            filledAt = app.model().inspections();
            if (app.model().serviceUnit().isPresent() && form.text("name").strip().equals(bare(app.model().serviceUnit().get()))) {
                adoptModel();
            } else {
                lookedUp = null;
                lookup(form.text("name").strip());
            }
        } else if (preview == null && problem == null) {
            render(false);
        }
    }

    /** --service: the loaded facts carry the unit; until the first inspection is done the form waits for it. */
    private void adoptModel() {
        Optional<HostModel.Loaded> l = app.model().loaded();
        if (l.isEmpty()) return;
        awaitingModel = false;
        String unit = app.model().serviceUnit().orElseThrow();
        lookedUp = bare(unit);
        adopt(bare(unit), l.get().facts());
    }

    private static String bare(String unit) { return unit.endsWith(".service") ? unit.substring(0, unit.length() - ".service".length()) : unit; }

    /** Fills the form from NAME.service when the facts show it exists; else golive's new-unit defaults. */
    private void adopt(String name, HostFacts facts) {
        var svc = facts.service().filter(s -> s.unit().known());
        if (svc.isPresent()) {
            form.fill(SpecFromUnit.of(svc.get(), facts));
            app.status(svc.get().name() + " exists: form filled from it; the drop-in changes only what you edit");
        } else {
            // a form filled from another service's unit must not become this new one's; what the
            // admin typed for a new unit stays
            if (form.filledFromUnit() || !form.text("name").strip().equals(name)) form.newUnit(name);
            app.status("no " + Session.serviceUnit(name) + " on this host: a new unit");
        }
        render(false);
    }

    /** After the name changed: reads NAME.service on a worker (only the newest lookup counts). */
    private void lookup(String name) {
        if (name.equals(lookedUp)) return;
        String unit;
        try {
            unit = Session.serviceUnit(name);
        } catch (GoliveException e) {
            render(false); // validation says what is wrong with the name
            return;
        }
        lookedUp = name;
        int mine = ++lookups;
        app.worker().run("reading " + unit, () -> app.model().session().inspectService(unit, null), f -> {
            if (mine == lookups && form.text("name").strip().equals(name)) adopt(name, f);
        }, e -> {
            if (mine != lookups) return;
            problem = TuiApp.firstLine(e.getMessage());
            preview = null;
        });
    }

    @Override boolean capturesKeys() { return editing; }

    @Override void typed(KeyStroke k) {
        UnitForm.Field f = form.order.get(at);
        if (k.getKeyType() == KeyType.Enter || k.getKeyType() == KeyType.Escape) {
            editing = false;
            if (f.label.equals("name")) {
                lookup(f.text.strip());
                return;
            }
        } else if (k.getKeyType() == KeyType.Backspace) {
            if (!f.text.isEmpty()) f.text = f.text.substring(0, f.text.length() - 1);
        } else if (k.getKeyType() == KeyType.Character && k.isCtrlDown() && Character.toLowerCase(k.getCharacter()) == 'u') {
            f.text = ""; // readline's unix-line-discard
        } else if (k.getKeyType() == KeyType.Character && !k.isCtrlDown()) {
            f.text += k.getCharacter();
        } else {
            return;
        }
        render(false); // validation as you type: every change re-renders
    }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>();
        b.add(Binding.quiet("j down", "next field", "Move to the next field", () -> at = Math.min(form.order.size() - 1, at + 1)));
        b.add(Binding.quiet("k up", "previous field", "Move to the previous field", () -> at = Math.max(0, at - 1)));
        b.add(Binding.hint("enter", "edit", "Edit the field (type; backspace deletes, ctrl-u clears it, enter or esc ends), or cycle a choice", () -> {
            UnitForm.Field f = form.order.get(at);
            if (f.choices.isEmpty()) {
                editing = true;
            } else {
                f.text = f.choices.get((f.choices.indexOf(f.text) + 1) % f.choices.size());
                render(false);
            }
        }));
        b.add(Binding.hint("v", "verify", "Run systemd-analyze verify and security on the rendered unit", () -> render(true))
                .unless(() -> preview == null ? "fix the form first" : null));
        b.add(Binding.hint("p", "plan with unit", "Put this service in the plan (with the chosen profile and picked fixes) and open Review", () -> {
            app.model().service(spec());
            app.planAndReview();
        }).unless(() -> preview == null ? "fix the form first"
                : !preview.check().errors().isEmpty() ? TuiApp.firstLine(preview.check().errors().get(0))
                : app.model().profile().isEmpty() ? "no profile chosen" : null));
        b.add(Binding.hint("t", "tighten", "On a unit golive did not write: also add the sandboxing, task limit, kill and restart changes "
                + "left out of its drop-in (as --tighten; lists each directive and asks first)", this::confirmTighten)
                .unless(() -> app.model().session().tightened() ? "tightened already (for the rest of this session)"
                        : tightening == null ? "no drop-in on a unit golive did not write"
                        : tightening.refused().isPresent() ? tightening.refused().get()
                        : tightening.changes().isEmpty() ? "nothing left out of the drop-in" : null));
        b.add(Binding.quiet("S", "status", "The service now (golive health and golive verify): active or not, its ports, "
                + "systemd's restart counter, its last journal lines", () -> app.open(new StatusView(app, spec().name(), spec().ports()))));
        b.add(ContainerExportDialog.binding("this service", () -> ContainerExportDialog.start(app, spec(), app.model().goModDir(), Optional.empty()),
                () -> preview == null ? "fix the form first" : null));
        b.add(Binding.quiet("J", "unit down", "Scroll the rendered unit down", unitPane::down));
        b.add(Binding.quiet("K", "unit up", "Scroll the rendered unit up", unitPane::up));
        return b;
    }

    /** t: lists each directive tightening adds or changes; yes tightens the session, and the preview and plan derive again. */
    private void confirmTighten() {
        ServiceUnits.Tightening t = tightening;
        // one paragraph, so that the list fits an 80x24 terminal too
        StringBuilder q = new StringBuilder("Tighten " + t.unit() + ", a unit golive did not write? Its drop-in would also set:\n");
        q.append(String.join(" · ", t.changes()));
        q.append("\n\nA vendor service may need what these take away (devices, writable paths, namespaces, its restart or kill "
                + "behaviour): it can fail to start or misbehave. The same as --tighten, for every unit this session plans.");
        app.confirm("Tighten", q.toString(), () -> {
            app.model().tighten();
            app.status(t.unit() + ": tightened; the unit and the plan are derived again");
            render(false);
        });
    }

    /** The form as a spec (what p puts in the plan). */
    ServiceSpec spec() { return form.spec(); }

    /** A preview, or why the form cannot be one: a bad value while typing is the form's answer, not a failure. */
    private record Outcome(UnitPreview preview, ServiceUnits.Tightening tightening, String problem) { }

    /** Renders on a worker; only the newest request's answer is kept (typing outruns rendering). */
    private void render(boolean analyze) {
        int mine = ++generation;
        ServiceSpec spec;
        try {
            spec = spec();
        } catch (GoliveException e) {
            problem = TuiApp.firstLine(e.getMessage());
            preview = null;
            return;
        }
        app.worker().run(analyze ? "systemd-analyze" : "rendering the unit", () -> {
            try {
                Session s = app.model().session();
                UnitPreview p = s.previewUnit(spec, Optional.empty(), UnitForm::label, PREVIEW_ID, analyze);
                boolean vendor = p.unit().kind() == dev.golive.unit.RenderedUnit.Kind.DROP_IN && !s.tightened();
                return new Outcome(p, vendor ? s.tightening(spec, p, UnitForm::label) : null, null);
            } catch (GoliveException e) {
                // not logged: the screen shows it, and a half-typed value is no event worth a log line
                if (e.exitCode() != ExitCode.BAD_INPUT) throw e;
                return new Outcome(null, null, TuiApp.firstLine(e.getMessage()));
            }
        }, o -> {
            if (mine != generation) return;
            preview = o.preview();
            tightening = o.tightening();
            problem = o.problem();
        }, e -> {
            if (mine != generation) return;
            preview = null;
            tightening = null;
            problem = TuiApp.firstLine(e.getMessage());
        });
    }

    /** The lines under the form: the edit keys, where the selected field came from, then the problem or first warning, all wrapped. */
    private List<String[]> messages(int width) {
        List<String[]> out = new ArrayList<>();
        UnitForm.Field sel = form.order.get(at);
        if (editing) out.add(new String[] {"DIM", "editing " + sel.label + ": enter or esc ends · backspace deletes · ctrl-u clears"});
        if (UnitForm.takesNone(sel.label)) out.add(new String[] {"DIM", sel.label + ": none = golive sets none (the unit's or systemd's applies)"
                + (UnitForm.takesInfinity(sel.label) ? " · infinity = no limit, written" : "")});
        sel.source().ifPresent(s -> out.add(new String[] {"DIM", sel.label + (s instanceof Source.Derived d ? ": " + d.from()
                : s instanceof Source.Default d ? ": " + d.what() : " from " + s.describe())}));
        if (problem != null) out.add(new String[] {"ERROR", "golive: " + problem});
        // the unit renders, but this stops p and the apply (the binary missing on the live host): the one problem shown
        else if (preview != null && !preview.check().errors().isEmpty()) out.add(new String[] {"ERROR", "golive: " + preview.check().errors().get(0)});
        else if (preview != null && !preview.check().warnings().isEmpty()) out.add(new String[] {"WARN", "! " + preview.check().warnings().get(0)});
        else if (preview != null) out.add(new String[] {"OK", "✓ valid"});
        if (problem == null && preview != null && tightening == null && preview.unit().kind() == dev.golive.unit.RenderedUnit.Kind.DROP_IN
                && app.model().session().tightened()) {
            out.add(new String[] {"DIM", "tightened: the drop-in may add sandboxing, a task limit, kill and restart changes (as --tighten)"});
        }
        if (problem == null && tightening != null) {
            int n = tightening.changes().size();
            if (tightening.refused().isPresent()) out.add(new String[] {"DIM", "no tightening: " + tightening.refused().get()});
            else if (n > 0) out.add(new String[] {"WARN", "! " + n + (n == 1 ? " directive" : " directives") + " left out: " + tightening.unit()
                    + " is not golive's unit (t tightens it, asks first)"});
        }
        List<String[]> wrapped = new ArrayList<>();
        for (String[] m : out) for (String l : Canvas.wrap(m[1], width)) wrapped.add(new String[] {m[0], l});
        return wrapped;
    }

    @Override void draw(Canvas c) {
        if (awaitingModel) adoptModel();
        boolean wide = c.width() >= 110;
        int fw = wide ? Math.min(56, c.width() * 45 / 100) : c.width();
        List<String[]> msgs = messages(fw - 2);
        // beside the unit there is room for every field; above it (80 columns) a window of
        // fields around the cursor, so the rendered unit stays in sight
        int shown = wide ? form.order.size() : Math.min(form.order.size(), Math.max(5, c.height() / 3));
        int first = Math.max(0, Math.min(at - shown / 2, form.order.size() - shown));
        Canvas fc = c.sub(0, 0, fw, shown + 1);
        for (int row = 0; row < shown; row++) {
            int i = first + row;
            UnitForm.Field f = form.order.get(i);
            boolean sel = i == at;
            if (sel) fc.fillRow(row, editing ? Role.FILTER : Role.SELECTED);
            Role role = sel ? (editing ? Role.FILTER : Role.SELECTED) : Role.BASE;
            fc.text(1, row, f.label, role);
            int end = fc.text(15, row, f.text + (sel && editing ? "_" : "") + (f.choices.isEmpty() ? "" : "  ‹" + String.join("|", f.choices) + "›"), role);
            // the unit's file:line, dim at the right where it fits; the full source is under the form
            Optional<String> mark = f.source().map(src -> f.key.equals(SpecFromUnit.GO) ? "existing unit" : UnitForm.shortSource(src));
            if (mark.isPresent() && end + 2 + mark.get().length() < fw) fc.textRight(row, mark.get() + " ", sel ? role : Role.DIM);
        }
        if (shown < form.order.size()) fc.text(1, shown, "… field " + (at + 1) + " of " + form.order.size() + " (j/k for the others)", Role.DIM);
        // the messages, wrapped whole under the form: across the screen at 80 columns, down the
        // form's column when the unit is beside it (where the rows under the form are free)
        int msgTop = shown + 1;
        int room = wide ? c.height() - msgTop : Math.max(1, c.height() / 4);
        int rows = Math.min(msgs.size(), room);
        Canvas m = c.sub(0, msgTop, fw, rows);
        for (int i = 0; i < rows; i++) {
            boolean cut = i == rows - 1 && msgs.size() > rows;
            String l = msgs.get(i)[1];
            m.text(1, i, cut ? fitWithEllipsis(l, fw - 2) : l, Role.valueOf(msgs.get(i)[0]));
        }
        Canvas out = wide ? c.sub(fw + 1, 0, c.width() - fw - 1, c.height())
                : c.sub(0, msgTop + rows + 1, c.width(), c.height() - msgTop - rows - 1);
        unitPane.draw(out, preview, problem, form.fromUnit());
    }

    private static String fitWithEllipsis(String s, int width) {
        return TerminalTextUtils.getColumnWidth(s) + 2 <= width ? s + " …" : TerminalTextUtils.fitString(s, Math.max(0, width - 1)) + "…";
    }
}
