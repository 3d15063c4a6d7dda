package dev.golive.ui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.golive.model.GoliveException;
import dev.golive.model.ServiceSpec;
import dev.golive.unit.UnitAnalysis;
import dev.golive.unit.UnitPreview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service unit editor: a form of the ServiceSpec fields on the left, validated as you
 * type; the unit golive would write on the right, re-rendered on a worker after each change;
 * under it the warnings, and on v systemd-analyze's verify messages and exposure score.
 */
final class UnitView extends View {

    /** One form field: a label, its text, and for a choice the values enter cycles through. */
    private static final class Field {
        final String label;
        final List<String> choices;
        String text;

        Field(String label, String text, List<String> choices) {
            this.label = label;
            this.text = text;
            this.choices = choices;
        }
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final List<Field> order = new ArrayList<>();
    private int at;
    private boolean editing;
    private UnitPreview preview;
    private String problem;
    private int generation;
    private int unitTop;

    UnitView(App app) {
        super(app);
        add("name", "api", List.of());
        add("exec", "/usr/local/bin/api", List.of());
        add("arguments", "", List.of());
        add("user", "", List.of());
        add("dynamic user", "yes", List.of("yes", "no"));
        add("environment", "", List.of());
        add("state dir", "", List.of());
        add("ports", "8080", List.of());
        add("CPUQuota", "", List.of());
        add("MemoryMax", "", List.of());
        add("MemoryHigh", "", List.of());
        add("TasksMax", "", List.of());
        add("LimitNOFILE", "", List.of());
        add("RestartSec", ServiceSpec.Restart.DEFAULT.restartSec(), List.of());
        add("hardening", "basic", List.of("none", "basic", "strict"));
        add("Go runtime", "derive", List.of("derive", "off"));
    }

    private void add(String label, String text, List<String> choices) {
        Field f = new Field(label, text, choices);
        fields.put(label, f);
        order.add(f);
    }

    @Override String title() { return "Unit"; }

    @Override String about() {
        return "The service's systemd unit: edit the fields (enter edits or cycles, enter again ends), see the unit "
                + "golive would write, the checks, and with v what systemd-analyze says (verify and exposure score).";
    }

    @Override void shown() { if (preview == null && problem == null) render(false); }

    @Override boolean capturesKeys() { return editing; }

    @Override void typed(KeyStroke k) {
        Field f = order.get(at);
        if (k.getKeyType() == KeyType.Enter || k.getKeyType() == KeyType.Escape) {
            editing = false;
        } else if (k.getKeyType() == KeyType.Backspace) {
            if (!f.text.isEmpty()) f.text = f.text.substring(0, f.text.length() - 1);
        } else if (k.getKeyType() == KeyType.Character && !k.isCtrlDown()) {
            f.text += k.getCharacter();
        } else {
            return;
        }
        render(false); // validation as you type: every change re-renders
    }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>();
        b.add(Binding.quiet("j down", "next field", "Move to the next field", () -> at = Math.min(order.size() - 1, at + 1)));
        b.add(Binding.quiet("k up", "previous field", "Move to the previous field", () -> at = Math.max(0, at - 1)));
        b.add(Binding.hint("enter", "edit", "Edit the field (enter or esc ends), or cycle a choice", () -> {
            Field f = order.get(at);
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
        }).unless(() -> preview == null ? "fix the form first" : app.model().profile().isEmpty() ? "no profile chosen" : null));
        b.add(Binding.quiet("J", "unit down", "Scroll the rendered unit down", () -> unitTop++));
        b.add(Binding.quiet("K", "unit up", "Scroll the rendered unit up", () -> unitTop = Math.max(0, unitTop - 1)));
        return b;
    }

    /** The form as a spec; a value that cannot be a spec at all is reported like golive unit would. */
    ServiceSpec spec() {
        ServiceSpec base = ServiceSpec.named(fields.get("name").text.strip());
        List<Integer> ports = new ArrayList<>();
        for (String p : fields.get("ports").text.split("[,\\s]+")) {
            if (p.isBlank()) continue;
            try {
                ports.add(Integer.parseInt(p));
            } catch (NumberFormatException e) {
                throw GoliveException.badInput("ports: \"" + p + "\" is not a port number");
            }
        }
        Optional<dev.golive.model.NofileLimit> nofile = opt("LimitNOFILE").map(t -> dev.golive.model.NofileLimit.parse(t)
                .orElseThrow(() -> GoliveException.badInput("LimitNOFILE: \"" + t + "\" is not SOFT:HARD (e.g. 65536:524288) or one number")));
        var r = new ServiceSpec.Resources(opt("CPUQuota"), opt("MemoryMax"), opt("MemoryHigh"), opt("TasksMax"), nofile, Optional.empty());
        boolean dynamic = fields.get("dynamic user").text.equals("yes");
        // arguments and environment are written as in a unit file: systemd's quoting ("a b", 'c')
        List<String> args = opt("arguments").map(t -> words("arguments", t)).orElse(List.of());
        Map<String, String> env = opt("environment").map(t -> environment(t)).orElse(Map.of());
        ServiceSpec.Restart d = ServiceSpec.Restart.DEFAULT;
        var restart = new ServiceSpec.Restart(d.policy(), opt("RestartSec").orElse(d.restartSec()), d.startLimitIntervalSec(), d.startLimitBurst());
        return new ServiceSpec(base.name(), Optional.empty(), opt("exec"), args, opt("user"), dynamic, Optional.empty(),
                opt("state dir").map(List::of).orElse(List.of()), env, ports, r, restart,
                ServiceSpec.Hardening.valueOf(fields.get("hardening").text.toUpperCase(java.util.Locale.ROOT)),
                fields.get("Go runtime").text.equals("off") ? ServiceSpec.GoRuntime.OFF : ServiceSpec.GoRuntime.DERIVE);
    }

    private static List<String> words(String field, String text) {
        try {
            return dev.golive.config.SystemdIni.splitWords(text);
        } catch (GoliveException e) {
            throw GoliveException.badInput(field + ": " + e.getMessage());
        }
    }

    private static Map<String, String> environment(String text) {
        try {
            return dev.golive.config.SystemdIni.parseEnvironment(text);
        } catch (GoliveException e) {
            throw GoliveException.badInput("environment: " + e.getMessage());
        }
    }

    private Optional<String> opt(String field) {
        String t = fields.get(field).text.strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** Renders on a worker; only the newest request's answer is kept (typing outruns rendering). */
    private void render(boolean analyze) {
        int mine = ++generation;
        ServiceSpec spec;
        try {
            spec = spec();
        } catch (GoliveException e) {
            problem = App.firstLine(e.getMessage());
            preview = null;
            return;
        }
        app.worker().run(analyze ? "systemd-analyze" : "rendering the unit",
                () -> app.model().session().previewUnit(spec, Optional.empty(), s -> s, "preview", analyze), p -> {
                    if (mine != generation) return;
                    preview = p;
                    problem = null;
                }, e -> {
                    if (mine != generation) return;
                    preview = null;
                    problem = App.firstLine(e.getMessage());
                });
    }

    @Override void draw(Canvas c) {
        boolean wide = c.width() >= 110;
        int fw = wide ? 44 : c.width();
        // beside the unit there is room for every field; above it (80 columns) a window of
        // fields around the cursor, so the rendered unit stays in sight
        int shown = wide ? order.size() : Math.min(order.size(), Math.max(5, c.height() / 3));
        int first = Math.max(0, Math.min(at - shown / 2, order.size() - shown));
        Canvas form = c.sub(0, 0, fw, shown + 3);
        for (int row = 0; row < shown; row++) {
            int i = first + row;
            Field f = order.get(i);
            boolean sel = i == at;
            if (sel) form.fillRow(row, editing ? Role.FILTER : Role.SELECTED);
            Role role = sel ? (editing ? Role.FILTER : Role.SELECTED) : Role.BASE;
            form.text(1, row, f.label, role);
            form.text(15, row, f.text + (sel && editing ? "_" : "") + (f.choices.isEmpty() ? "" : "  ‹" + String.join("|", f.choices) + "›"), role);
        }
        if (shown < order.size()) {
            form.text(1, shown, "… field " + (at + 1) + " of " + order.size() + " (j/k for the others)", Role.DIM);
        }
        if (problem != null) form.text(1, shown + 1, "golive: " + problem, Role.ERROR);
        else if (preview != null && !preview.check().warnings().isEmpty()) form.text(1, shown + 1, "! " + preview.check().warnings().get(0), Role.WARN);
        else if (preview != null) form.text(1, shown + 1, "✓ valid", Role.OK);
        Canvas out = wide ? c.sub(fw + 1, 0, c.width() - fw - 1, c.height()) : c.sub(0, shown + 3, c.width(), c.height() - shown - 3);
        if (preview == null) {
            out.text(1, 0, problem == null ? "rendering…" : "No unit until the form is valid.", Role.DIM);
            return;
        }
        List<String[]> unit = new ArrayList<>();
        unit.add(new String[] {"TITLE", preview.unit().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " " + preview.unit().path()});
        for (String l : preview.unit().content().split("\n")) unit.add(new String[] {l.startsWith("[") ? "TITLE" : l.startsWith("#") ? "DIM" : "BASE", l});
        for (String w : preview.check().warnings()) unit.add(new String[] {"WARN", "! " + w});
        List<String[]> analysis = new ArrayList<>();
        preview.analysis().ifPresent(a -> {
            a.security().opt().ifPresent(s -> analysis.add(new String[] {"TITLE", String.format(java.util.Locale.ROOT,
                    "exposure %.1f %s (systemd-analyze security)", s.exposure(), s.rating())}));
            if (a.security() instanceof dev.golive.model.Fact.Unknown<?> u) analysis.add(new String[] {"DIM", "exposure: " + u.reason()});
            a.verify().opt().ifPresent(v -> {
                if (v.isEmpty()) analysis.add(new String[] {"OK", "systemd-analyze verify: no complaints"});
                for (UnitAnalysis.VerifyMessage m : v) analysis.add(new String[] {"WARN", m.describe()});
            });
            if (a.verify() instanceof dev.golive.model.Fact.Unknown<?> u) analysis.add(new String[] {"DIM", "verify: " + u.reason()});
        });
        // the analysis stays under the unit even when the unit is longer than the room
        int ua = Math.min(analysis.size(), out.height() / 2);
        int uu = out.height() - ua;
        unitTop = Math.max(0, Math.min(unitTop, unit.size() - uu + 1));
        int r = 0;
        for (int i = unitTop; i < unit.size() && r < uu; i++, r++) {
            boolean cut = r == uu - 1 && unit.size() - i > 1;
            out.text(1, r, cut ? "… " + (unit.size() - i) + " more lines (J/K scroll)" : unit.get(i)[1], cut ? Role.DIM : Role.valueOf(unit.get(i)[0]));
        }
        for (int i = 0; i < ua; i++) out.text(1, r++, analysis.get(i)[1], Role.valueOf(analysis.get(i)[0]));
    }
}
