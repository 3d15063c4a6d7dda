package dev.golive.ui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The service's Go build targets: a checklist (this host's own target marked, plus the
 * common Linux servers), the flags golive builds with, the module directory; b builds the
 * checked ones on a worker with a progress line per target, then a table of the results.
 */
final class BuildView extends View {

    /** What most fleets run: every x86-64 level (v1 runs anywhere, v3 is Haswell+), 64- and 32-bit ARM. */
    private static final List<String> COMMON = List.of("linux/amd64/v1", "linux/amd64/v2", "linux/amd64/v3", "linux/arm64", "linux/arm/7");
    private static final String FLAGS = "CGO_ENABLED=0  -trimpath  -ldflags \"-s -w\"";

    private record Choice(BuildTarget target, boolean hostDefault) { }

    private final ListPane<Choice> list = new ListPane<>(c -> c.target().text());
    private final Set<BuildTarget> checked = new LinkedHashSet<>();
    /** Written by the building thread, read when drawing: one line per target. */
    private final List<String> progress = java.util.Collections.synchronizedList(new ArrayList<>());
    private List<BuildResult> results = List.of();
    private Optional<DefaultTarget> hostDefault = Optional.empty();
    private String defaultProblem;
    private String moduleText = ".";
    private boolean editing;
    private boolean building;
    private boolean loadedChoices;

    BuildView(App app) { super(app); }

    @Override String title() { return "Build"; }

    @Override String about() {
        return "Build the Go service for the servers it will run on, on this machine: check targets with space, b builds them "
                + "with CGO_ENABLED=0, -trimpath and -ldflags \"-s -w\" into the module's dist/ and checks each binary "
                + "(ELF machine, static, Go build info). m sets the module directory.";
    }

    @Override ListPane<?> list() { return list; }

    @Override void shown() { if (!loadedChoices) loadChoices(); }

    /** The host default first (marked and checked), then the common targets it is not already. */
    private void loadChoices() {
        Optional<HostFacts> facts = app.model().loaded().map(HostModel.Loaded::facts);
        if (facts.isEmpty()) return;
        loadedChoices = true;
        try {
            hostDefault = Optional.of(app.model().session().defaultBuildTarget());
        } catch (GoliveException e) {
            defaultProblem = App.firstLine(e.getMessage());
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
    }

    @Override boolean capturesKeys() { return editing; }

    @Override void typed(KeyStroke k) {
        if (k.getKeyType() == KeyType.Enter || k.getKeyType() == KeyType.Escape) {
            editing = false;
            if (moduleText.isBlank()) moduleText = ".";
        } else if (k.getKeyType() == KeyType.Backspace) {
            if (!moduleText.isEmpty()) moduleText = moduleText.substring(0, moduleText.length() - 1);
        } else if (k.getKeyType() == KeyType.Character && !k.isCtrlDown()) {
            moduleText += k.getCharacter();
        }
    }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>();
        // space toggles here, so the shared page-down keeps only pgdn
        for (Binding m : list.moves()) {
            List<String> keys = m.keys().stream().filter(k -> !k.equals("space")).toList();
            b.add(new Binding(keys, m.label(), m.help(), m.footer(), m.action(), m::blockedReason));
        }
        b.add(Binding.hint("space", "toggle", "Check or uncheck the selected target", this::toggle)
                .unless(() -> list.selected().isEmpty() ? "no target selected" : building ? "a build is running" : null));
        b.add(Binding.hint("b", "build", "Build the checked targets on this machine and verify each binary", this::build)
                .unless(this::whyNoBuild));
        b.add(Binding.hint("m", "module dir", "Type the Go module directory to build (enter or esc ends)", () -> editing = true)
                .unless(() -> building ? "a build is running" : null));
        return b;
    }

    private void toggle() {
        BuildTarget t = list.selected().orElseThrow().target();
        if (!checked.remove(t)) checked.add(t);
    }

    /** Null when b may run; else what stops it, shown in the footer and above the checklist. */
    String whyNoBuild() {
        if (building) return "a build is running";
        Optional<HostFacts> f = app.model().loaded().map(HostModel.Loaded::facts);
        if (f.isEmpty()) return "host not inspected yet";
        if (app.model().readOnlyReason() != null && app.model().rootKind().startsWith("capture")) {
            // go, the source and dist/ are on this machine, not on the captured host
            return "the root is a capture; build where the source is, without --root";
        }
        if (f.get().go().knownAbsent()) return "no Go toolchain on this host (install golang-go, or put go on PATH)";
        if (checked.isEmpty()) return "no target checked (space checks one)";
        return null;
    }

    private Path moduleDir() { return Path.of(moduleText.isBlank() ? "." : moduleText); }

    /** The checked targets in checklist order, so the results read in the order shown. */
    private List<BuildTarget> chosen() {
        List<BuildTarget> out = new ArrayList<>();
        for (Choice c : list.shown()) if (checked.contains(c.target())) out.add(c.target());
        return out;
    }

    private void build() {
        List<BuildTarget> targets = chosen();
        Path dir = moduleDir();
        building = true;
        progress.clear();
        results = List.of();
        BuildListener listener = new BuildListener() {
            @Override public void started(BuildTarget t) { progress.add(t.text() + ": started"); }

            @Override public void finished(BuildResult r) {
                progress.add(r.target().text() + ": " + (r.ok() ? "ok in " + seconds(r) : "failed: " + reason(r)));
            }
        };
        app.worker().run("building " + targets.size() + " target(s)", () -> app.model().session().build(dir, targets, listener), rs -> {
            building = false;
            results = rs;
            long ok = rs.stream().filter(BuildResult::ok).count();
            app.status("built " + ok + " of " + rs.size() + " target(s) into " + show(dir.resolve(BuildSpec.DEFAULT_OUT)) + "/");
        }, e -> {
            building = false;
            app.error(e);
        });
    }

    @Override void draw(Canvas c) {
        int r = 0;
        c.line(r++, " Build targets", Role.TITLE);
        c.text(1, r, "module", Role.DIM);
        c.text(9, r++, moduleText + (editing ? "_" : "") + ("." .equals(moduleText) && !editing ? "  (the current directory; m changes it)" : ""),
                editing ? Role.FILTER : Role.BASE);
        c.text(1, r, "flags", Role.DIM);
        c.text(9, r++, FLAGS, Role.BASE);
        c.text(1, r, "output", Role.DIM);
        c.text(9, r++, show(moduleDir().resolve(BuildSpec.DEFAULT_OUT)) + "/  (NAME-GOOS-GOARCH[-LEVEL], built on this machine)", Role.BASE);
        String why = whyNoBuild();
        if (why != null && !building) c.text(1, r, "b is off: " + why, Role.DISABLED);
        else if (defaultProblem != null) c.text(1, r, defaultProblem, Role.WARN);
        r += 2;
        int lh = Math.max(1, list.shown().size());
        list.draw(c.sub(0, r, c.width(), lh), (cc, row, ch, sel) -> {
            if (sel) cc.fillRow(row, Role.SELECTED);
            Role base = sel ? Role.SELECTED : Role.BASE;
            cc.text(1, row, (checked.contains(ch.target()) ? "[x] " : "[ ] ") + ch.target().text(), base);
            String note = ch.hostDefault() ? "host default (see below)" : hint(ch.target());
            cc.text(22, row, note, sel ? Role.SELECTED : ch.hostDefault() ? Role.INFO : Role.DIM);
        }, "Waiting for the host's facts…");
        r += lh;
        if (hostDefault.isPresent()) {
            for (String l : wrap("host default " + hostDefault.get().target().text() + ": " + hostDefault.get().reason(), c.width() - 2)) {
                c.text(1, r++, l, Role.INFO);
            }
        }
        r++;
        Canvas rest = c.sub(0, r, c.width(), c.height() - r);
        int y = 0;
        List<String> lines;
        synchronized (progress) { lines = List.copyOf(progress); }
        for (String l : lines) {
            if (y >= rest.height()) return;
            rest.text(1, y++, l, l.contains(": failed") ? Role.ERROR : l.contains(": ok") ? Role.OK : Role.DIM);
        }
        if (results.isEmpty()) return;
        y++;
        drawResults(rest.sub(0, y, rest.width(), rest.height() - y));
    }

    private void drawResults(Canvas c) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TARGET", "OUTPUT", "SIZE", "TIME", "ELF", "BUILD INFO"});
        for (BuildResult b : results) {
            rows.add(new String[] {b.target().text(), b.output().getFileName().toString(),
                    b.sizeBytes() > 0 ? String.format(Locale.ROOT, "%.1f MiB", b.sizeBytes() / 1048576.0) : "-",
                    seconds(b), b.elfCheck(), b.buildInfoCheck()});
        }
        int[] w = new int[6];
        for (String[] row : rows) for (int i = 0; i < 6; i++) w[i] = Math.max(w[i], row[i].length());
        int y = 0;
        for (int i = 0; i < rows.size() && y < c.height(); i++, y++) {
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < 6; k++) s.append(ProfilesView.pad(rows.get(i)[k], w[k] + 2));
            Role role = i == 0 ? Role.TITLE : results.get(i - 1).ok() ? Role.BASE : Role.ERROR;
            c.text(1, y, s.toString().stripTrailing(), role);
        }
        for (BuildResult b : results) {
            for (String p : b.problems()) if (y < c.height()) c.text(1, y++, b.target().text() + ": " + p, Role.ERROR);
            for (String l : b.compilerOutput()) if (y < c.height()) c.text(3, y++, l, Role.DIM);
        }
    }

    /** Why a target failed in one line: the compiler's first real error (go prints "# package" above it). */
    private static String reason(BuildResult r) {
        return r.compilerOutput().stream().filter(l -> !l.startsWith("# ")).findFirst()
                .or(() -> r.problems().stream().findFirst()).orElse("see below");
    }

    /** Words to lines of at most {@code width} columns. */
    private static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(w);
        }
        if (line.length() > 0) out.add(line.toString());
        return out;
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

    private static String seconds(BuildResult r) { return String.format(Locale.ROOT, "%.1f s", r.duration().toMillis() / 1000.0); }

    /** A path as the admin typed it, relative ones kept relative (so the screen is the same in every checkout). */
    private static String show(Path p) { return p.normalize().toString().isEmpty() ? "." : p.normalize().toString(); }
}
