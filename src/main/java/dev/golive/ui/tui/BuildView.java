package dev.golive.ui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import dev.golive.build.BuildListener;
import dev.golive.build.BuildResult;
import dev.golive.build.BuildSpec;
import dev.golive.build.BuildTarget;
import dev.golive.build.DefaultTarget;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The service's Go build targets: a checklist (this host's own target marked, plus the
 * common Linux servers), the flags golive builds with, the module directory; b builds the
 * checked ones on a worker with a progress line per target, then a table of the results.
 * When the results do not fit under the checklist (80x24), the parts above them shrink to
 * one line each and the results scroll with J/K.
 */
final class BuildView extends View {

    /** What most fleets run: every x86-64 level (v1 runs anywhere, v3 is Haswell+), 64- and 32-bit ARM. */
    private static final List<String> COMMON = List.of("linux/amd64/v1", "linux/amd64/v2", "linux/amd64/v3", "linux/arm64", "linux/arm/7");
    private static final String FLAGS = "CGO_ENABLED=0  -trimpath  -ldflags \"-s -w\"";
    /** Where the values start on the module / flags / output lines. */
    private static final int VALUE_COL = 9;

    /** How b builds: the session's real build; tests give a fake one so a screen with results is the same on every machine. */
    interface Builder {
        List<BuildResult> build(Path moduleDir, List<BuildTarget> targets, BuildListener listener);
    }

    private record Choice(BuildTarget target, boolean hostDefault) { }

    private final ListPane<Choice> list = new ListPane<>(c -> c.target().text());
    private final Set<BuildTarget> checked = new LinkedHashSet<>();
    private final BuildModuleField module;
    private final BuildResultsPane results = new BuildResultsPane();
    private Optional<DefaultTarget> hostDefault = Optional.empty();
    private String defaultProblem;
    private boolean loadedChoices;
    /** The screen's width at the last frame, for status messages the chrome would cut. */
    private int width = TuiApp.MIN_COLUMNS;
    private Builder builder = (dir, targets, listener) -> app.model().session().build(dir, targets, listener);

    BuildView(TuiApp app) {
        super(app);
        module = new BuildModuleField(app);
    }

    @Override String title() { return "Build"; }

    @Override String about() {
        return "Build the Go service for the servers it will run on, on this machine: check targets with space, b builds them "
                + "with CGO_ENABLED=0, -trimpath and -ldflags \"-s -w\" into the module's dist/ and checks each binary "
                + "(ELF machine, static, Go build info). m sets the module directory; J/K scroll the results.";
    }

    /**
     * No / filter here: the checklist is a handful of lines, and a filter that hid a checked
     * target would leave it out of the build without a word.
     */
    @Override ListPane<?> list() { return null; }

    /** For tests: build with {@code b} instead of the go toolchain. */
    BuildView builder(Builder b) {
        builder = b;
        return this;
    }

    @Override void shown() { if (!loadedChoices) loadChoices(); }

    /** The choices come from the loaded facts; the module check reads go.mod on this machine, nothing more. */
    @Override boolean preparable() { return true; }

    /** The host default first (marked and checked), then the common targets it is not already. */
    private void loadChoices() {
        Optional<HostFacts> facts = app.model().loaded().map(HostModel.Loaded::facts);
        if (facts.isEmpty()) return;
        loadedChoices = true;
        try {
            hostDefault = Optional.of(app.model().session().defaultBuildTarget());
        } catch (GoliveException e) {
            defaultProblem = TuiApp.firstLine(e.getMessage());
        }
        List<Choice> all = new ArrayList<>();
        hostDefault.ifPresent(d -> {
            all.add(new Choice(d.target(), true));
            checked.add(d.target());
        });
        for (String t : COMMON) {
            BuildTarget bt = BuildTarget.parse(t);
            if (hostDefault.map(d -> d.target().equals(bt)).orElse(false)) continue;
            all.add(new Choice(bt, false));
        }
        list.items(all);
        // "." is golive's working directory: say now, not at b, when it is not a Go module
        module.check();
    }

    // ---- the module field -------------------------------------------------------------

    @Override boolean capturesKeys() { return module.editing(); }

    @Override void typed(KeyStroke k) {
        if (module.typed(k, width)) results.clear();
    }

    // ---- keys -------------------------------------------------------------------------

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>();
        // space toggles here, so the shared page-down keeps only pgdn
        for (Binding m : list.moves()) {
            List<String> keys = m.keys().stream().filter(k -> !k.equals("space")).toList();
            b.add(new Binding(keys, m.label(), m.help(), m.footer(), m.action(), m::blockedReason));
        }
        b.add(Binding.hint("space", "toggle", "Check or uncheck the selected target", this::toggle)
                .unless(() -> list.selected().isEmpty() ? "no target selected" : results.building() ? "a build is running" : typing()));
        b.add(Binding.hint("b", "build", "Build the checked targets on this machine and verify each binary", this::build)
                .unless(() -> typing() != null ? typing() : whyNoBuild()));
        b.add(Binding.hint("m", "module dir", "Set the Go module directory: typing replaces it, backspace edits, ctrl-u clears, "
                + "enter checks it (go.mod), esc keeps the old one", module::edit)
                .unless(() -> results.building() ? "a build is running" : typing()));
        b.add(ContainerExportDialog.binding("the Unit screen's service, its build stage for the checked target and this module dir",
                this::exportContainer, () -> typing() != null ? typing() : whyNoExport()));
        // the footer shows J only when the results are taller than their pane; K is in the help
        b.add(Binding.hint("J", "scroll", "Scroll the build results down (K scrolls up)", results::down)
                .unless(this::whyNoScroll));
        b.add(Binding.quiet("K", "results up", "Scroll the build results up", results::up)
                .unless(this::whyNoScroll));
        return b;
    }

    private String whyNoScroll() { return results.whyNoScroll() != null ? results.whyNoScroll() : typing(); }

    /** While the module field is edited every key is typed into it: the footer leaves this screen's keys out. */
    private String typing() { return module.editing() ? "typing the module dir" : null; }

    private void toggle() {
        BuildTarget t = list.selected().orElseThrow().target();
        if (!checked.remove(t)) checked.add(t);
    }

    /** Null when b may run; else what stops it, shown in the footer and above the checklist. */
    String whyNoBuild() {
        if (results.building()) return "a build is running";
        Optional<HostFacts> f = app.model().loaded().map(HostModel.Loaded::facts);
        if (f.isEmpty()) return "host not inspected yet";
        if (app.model().readOnlyReason() != null && app.model().capture()) {
            // go, the source and dist/ are on this machine, not on the captured host
            return "the root is a capture; build where the source is, without --root";
        }
        if (f.get().go().knownAbsent()) return "no Go toolchain on this host (install golang-go, or put go on PATH)";
        if (module.problem() != null) return "module dir " + module.problem();
        if (checked.isEmpty()) return "no target checked (space checks one)";
        return null;
    }

    /** Null when x may export; else what stops it. */
    private String whyNoExport() {
        if (module.problem() != null) return "module dir " + module.problem();
        if (chosen().size() != 1) return "check just one target: the build stage builds one";
        try {
            app.tab(UnitView.class).spec();
        } catch (GoliveException e) {
            return "the Unit screen's form: " + TuiApp.firstLine(e.getMessage());
        }
        return null;
    }

    /** x: the service of the Unit screen's form, the checked target, this module dir. */
    private void exportContainer() {
        ContainerExportDialog.start(app, app.tab(UnitView.class).spec(), Optional.of(module.dir().toString()), Optional.of(chosen().get(0)));
    }

    /** The checked targets in checklist order, so the results read in the order shown. */
    private List<BuildTarget> chosen() {
        List<BuildTarget> out = new ArrayList<>();
        for (Choice c : list.shown()) if (checked.contains(c.target())) out.add(c.target());
        return out;
    }

    private void build() {
        List<BuildTarget> targets = chosen();
        Path dir = module.dir();
        BuildListener listener = results.start();
        app.worker().run("building " + targets.size() + " target(s)", () -> builder.build(dir, targets, listener),
                rs -> {
                    app.model().built(rs);
                    app.status(Canvas.fit(results.finished(rs, dir), width - 1));
                }, e -> {
                    results.failed();
                    app.error(e);
                });
    }

    // ---- drawing ------------------------------------------------------------------------

    @Override void draw(Canvas c) {
        int w = c.width();
        width = w;
        String status = statusLine();
        BuildResultsPane.Rows pane = results.rows(w - 1);
        int paneNeed = pane.need();
        List<String> defaultLines = hostDefault.map(d -> Canvas.wrap("host default " + d.target().text() + ": " + d.reason(), w - 2)).orElse(List.of());
        int listRows = Math.max(1, list.shown().size());
        // the results matter most once there are some: first the blank lines above them go, then
        // the host default's explanation shrinks to one line; what still does not fit scrolls
        boolean compact = paneNeed > 0 && 4 + 1 + 1 + listRows + defaultLines.size() + 1 + paneNeed > c.height();
        boolean oneLineDefault = compact && 4 + (status == null ? 0 : 1) + listRows + defaultLines.size() + paneNeed > c.height();

        int r = 0;
        c.line(r++, " Build targets", Role.TITLE);
        module.draw(c, r++, VALUE_COL);
        c.text(1, r, "flags", Role.DIM);
        c.text(VALUE_COL, r++, FLAGS, Role.BASE);
        c.text(1, r, "output", Role.DIM);
        String name = module.modulePath() == null ? "NAME" : BuildSpec.defaultBinaryName(module.modulePath());
        c.text(VALUE_COL, r++, BuildSpec.DEFAULT_OUT + "/" + name + "-GOOS-GOARCH[-LEVEL] in the module dir, built on this machine", Role.BASE);
        if (status != null) c.text(1, r, Canvas.fit(status, w - 2), status.startsWith("b is off") ? Role.DISABLED : Role.WARN);
        if (!compact || status != null) r++;
        if (!compact) r++;
        list.draw(c.sub(0, r, w, listRows), (cc, row, ch, sel) -> {
            if (sel) cc.fillRow(row, Role.SELECTED);
            Role base = sel ? Role.SELECTED : Role.BASE;
            cc.text(1, row, (checked.contains(ch.target()) ? "[x] " : "[ ] ") + ch.target().text(), base);
            String note = ch.hostDefault() ? "host default (see below)" : hint(ch.target());
            cc.text(22, row, note, sel ? Role.SELECTED : ch.hostDefault() ? Role.INFO : Role.DIM);
        }, "Waiting for the host's facts…");
        r += listRows;
        if (oneLineDefault && !defaultLines.isEmpty()) {
            c.text(1, r++, Canvas.fit(String.join(" ", defaultLines), w - 2), Role.INFO);
        } else {
            for (String l : defaultLines) c.text(1, r++, l, Role.INFO);
        }
        if (!compact) r++;
        results.draw(c.sub(0, r, w, c.height() - r), pane);
    }

    /** What stops b (or why the host default is unknown); null when nothing needs saying. */
    private String statusLine() {
        String why = whyNoBuild();
        if (why != null && !results.building()) return "b is off: " + why;
        return defaultProblem;
    }

    /** Which servers a common target is for, in a few words. */
    private static String hint(BuildTarget t) {
        return switch (t.text()) {
            case "linux/amd64/v1" -> "any x86-64 server";
            case "linux/amd64/v2" -> "x86-64 with SSE4.2/POPCNT (2009+)";
            case "linux/amd64/v3" -> "x86-64 with AVX2 (Haswell, Zen and later)";
            case "linux/arm64" -> "64-bit ARM (Graviton, Ampere, Raspberry Pi 4 64-bit)";
            case "linux/arm/v7" -> "32-bit ARMv7 (GOARM=7)";
            default -> "";
        };
    }
}
