package dev.golive.ui.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.input.KeyStroke;
import dev.golive.build.BuildListener;
import dev.golive.build.BuildResult;
import dev.golive.build.BuildSpec;
import dev.golive.build.BuildTarget;
import dev.golive.build.DefaultTarget;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    /** One line of the results pane. */
    private record Line(int col, String text, Role role) { }

    private final ListPane<Choice> list = new ListPane<>(c -> c.target().text());
    private final Set<BuildTarget> checked = new LinkedHashSet<>();
    /** Written by the building thread, read when drawing: one line per target, updated in place. */
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    private List<BuildResult> results = List.of();
    /** The module directory the results were built from (the field may have changed since). */
    private Path builtFrom = Path.of(".");
    private Optional<DefaultTarget> hostDefault = Optional.empty();
    private String defaultProblem;
    private String moduleText = ".";
    /** The go.mod module path of {@link #moduleText}, once checked; null when unknown or not a module. */
    private String modulePath;
    /** Why {@link #moduleText} cannot be built (no go.mod, gone), from the last check; null when fine. */
    private String moduleProblem;
    /** The module field while it is edited; null otherwise. */
    private String draft;
    /** The draft is still the old value: the first character typed replaces it rather than appending. */
    private boolean replaceDraft;
    private boolean building;
    private boolean loadedChoices;
    private int resultsTop;
    /** The screen's width at the last frame, for status messages the chrome would cut. */
    private int width = App.MIN_COLUMNS;
    /** How far the results could scroll at the last frame (0: they fit). */
    private int resultsMaxTop;
    private Builder builder = (dir, targets, listener) -> app.model().session().build(dir, targets, listener);

    BuildView(App app) { super(app); }

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
        // "." is golive's working directory: say now, not at b, when it is not a Go module
        checkModule(moduleText);
    }

    // ---- the module field -------------------------------------------------------------

    @Override boolean capturesKeys() { return draft != null; }

    /** Typing replaces the old value; backspace edits it; ctrl-u clears; enter checks it; esc keeps the old one. */
    @Override void typed(KeyStroke k) {
        switch (k.getKeyType()) {
            case Escape -> draft = null;
            case Enter -> enterModule();
            case Backspace -> {
                replaceDraft = false;
                if (!draft.isEmpty()) draft = draft.substring(0, draft.length() - 1);
            }
            case Character -> {
                if (k.isCtrlDown()) {
                    if (Character.toLowerCase(k.getCharacter()) == 'u') draft = "";
                    replaceDraft = false;
                } else {
                    if (replaceDraft) draft = "";
                    replaceDraft = false;
                    draft += k.getCharacter();
                }
            }
            default -> { }
        }
    }

    private void editModule() {
        draft = moduleText;
        replaceDraft = true;
    }

    /** Checks the typed directory at once (exists, has go.mod); on a problem the old value stays. */
    private void enterModule() {
        String text = draft.strip();
        draft = null;
        if (text.isEmpty()) text = moduleText;
        String before = moduleText;
        if (checkModule(text) == null) {
            if (!text.equals(before)) {
                // results of another module would read as this one's
                results = List.of();
                progress.clear();
            }
            moduleText = text;
            app.status(clip("module dir " + text + ": Go module " + modulePath, width - 1));
        } else {
            String problem = moduleProblem;
            checkModule(before);
            // the chrome cuts the status line at the edge: the path and what is wrong with it come first
            app.status(clip(problem + "; module dir still " + before, width - 1));
        }
    }

    /** Checks {@code text} as the module directory: sets {@link #modulePath} / {@link #moduleProblem}; returns the problem. */
    private String checkModule(String text) {
        modulePath = null;
        moduleProblem = null;
        try {
            modulePath = app.model().session().checkModuleDir(path(text));
        } catch (GoliveException e) {
            // the session names the absolute path; the admin's own spelling reads better ("." too)
            String m = App.firstLine(e.getMessage());
            String abs = path(text).toAbsolutePath().normalize().toString();
            moduleProblem = m.startsWith(abs + ": ") ? text + m.substring(abs.length()) : m;
        } catch (InvalidPathException e) {
            moduleProblem = text + ": not a valid path (" + e.getReason() + ")";
        }
        return moduleProblem;
    }

    /** The path a field value names; "~/" is the admin's home, as in a shell. */
    private static Path path(String text) {
        String t = text.isBlank() ? "." : text;
        if (t.equals("~") || t.startsWith("~/")) t = System.getProperty("user.home") + t.substring(1);
        return Path.of(t);
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
                .unless(() -> list.selected().isEmpty() ? "no target selected" : building ? "a build is running" : typing()));
        b.add(Binding.hint("b", "build", "Build the checked targets on this machine and verify each binary", this::build)
                .unless(() -> typing() != null ? typing() : whyNoBuild()));
        b.add(Binding.hint("m", "module dir", "Set the Go module directory: typing replaces it, backspace edits, ctrl-u clears, "
                + "enter checks it (go.mod), esc keeps the old one", this::editModule)
                .unless(() -> building ? "a build is running" : typing()));
        // the footer shows J only when the results are taller than their pane; K is in the help
        b.add(Binding.hint("J", "scroll", "Scroll the build results down (K scrolls up)", () -> resultsTop = Math.min(resultsTop + 1, resultsMaxTop))
                .unless(this::whyNoScroll));
        b.add(Binding.quiet("K", "results up", "Scroll the build results up", () -> resultsTop = Math.max(0, resultsTop - 1))
                .unless(this::whyNoScroll));
        return b;
    }

    private String whyNoScroll() { return resultsMaxTop == 0 ? "the build results fit on the screen" : typing(); }

    /** While the module field is edited every key is typed into it: the footer leaves this screen's keys out. */
    private String typing() { return draft != null ? "typing the module dir" : null; }

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
        if (moduleProblem != null) return "module dir " + moduleProblem;
        if (checked.isEmpty()) return "no target checked (space checks one)";
        return null;
    }

    /** The checked targets in checklist order, so the results read in the order shown. */
    private List<BuildTarget> chosen() {
        List<BuildTarget> out = new ArrayList<>();
        for (Choice c : list.shown()) if (checked.contains(c.target())) out.add(c.target());
        return out;
    }

    private void build() {
        List<BuildTarget> targets = chosen();
        Path dir = path(moduleText);
        building = true;
        progress.clear();
        results = List.of();
        resultsTop = 0;
        BuildListener listener = new BuildListener() {
            @Override public void started(BuildTarget t) { progress.add(t.text() + ": building…"); }

            @Override public void finished(BuildResult r) {
                String line = r.target().text() + ": " + (r.ok() ? "ok in " + seconds(r) : "failed: " + reason(r));
                synchronized (progress) {
                    int i = progress.indexOf(r.target().text() + ": building…");
                    if (i >= 0) progress.set(i, line); else progress.add(line);
                }
            }
        };
        app.worker().run("building " + targets.size() + " target(s)", () -> builder.build(dir, targets, listener), rs -> {
            building = false;
            results = rs;
            builtFrom = dir;
            resultsTop = 0;
            long ok = rs.stream().filter(BuildResult::ok).count();
            app.status(clip("built " + ok + " of " + rs.size() + " target(s) into " + show(builtFrom.resolve(BuildSpec.DEFAULT_OUT)) + "/", width - 1));
        }, e -> {
            building = false;
            app.error(e);
        });
    }

    // ---- drawing ------------------------------------------------------------------------

    @Override void draw(Canvas c) {
        int w = c.width();
        width = w;
        String status = statusLine();
        List<Line> pane = paneLines(w - 1);
        String summary = summary();
        int paneNeed = pane.size() + (summary == null ? 0 : 1);
        List<String> defaultLines = hostDefault.map(d -> wrap("host default " + d.target().text() + ": " + d.reason(), w - 2)).orElse(List.of());
        int listRows = Math.max(1, list.shown().size());
        // the results matter most once there are some: first the blank lines above them go, then
        // the host default's explanation shrinks to one line; what still does not fit scrolls
        boolean compact = paneNeed > 0 && 4 + 1 + 1 + listRows + defaultLines.size() + 1 + paneNeed > c.height();
        boolean oneLineDefault = compact && 4 + (status == null ? 0 : 1) + listRows + defaultLines.size() + paneNeed > c.height();

        int r = 0;
        c.line(r++, " Build targets", Role.TITLE);
        drawModuleLine(c, r++);
        c.text(1, r, "flags", Role.DIM);
        c.text(VALUE_COL, r++, clip(FLAGS, w - VALUE_COL), Role.BASE);
        c.text(1, r, "output", Role.DIM);
        String name = modulePath == null ? "NAME" : BuildSpec.defaultBinaryName(modulePath);
        c.text(VALUE_COL, r++, clip(BuildSpec.DEFAULT_OUT + "/" + name + "-GOOS-GOARCH[-LEVEL] in the module dir, built on this machine",
                w - VALUE_COL), Role.BASE);
        if (status != null) c.text(1, r, clip(status, w - 2), status.startsWith("b is off") ? Role.DISABLED : Role.WARN);
        if (!compact || status != null) r++;
        if (!compact) r++;
        list.draw(c.sub(0, r, w, listRows), (cc, row, ch, sel) -> {
            if (sel) cc.fillRow(row, Role.SELECTED);
            Role base = sel ? Role.SELECTED : Role.BASE;
            cc.text(1, row, (checked.contains(ch.target()) ? "[x] " : "[ ] ") + ch.target().text(), base);
            String note = ch.hostDefault() ? "host default (see below)" : hint(ch.target());
            cc.text(22, row, clip(note, w - 22), sel ? Role.SELECTED : ch.hostDefault() ? Role.INFO : Role.DIM);
        }, "Waiting for the host's facts…");
        r += listRows;
        if (oneLineDefault && !defaultLines.isEmpty()) {
            c.text(1, r++, clip(String.join(" ", defaultLines), w - 2), Role.INFO);
        } else {
            for (String l : defaultLines) c.text(1, r++, l, Role.INFO);
        }
        if (!compact) r++;
        drawPane(c.sub(0, r, w, c.height() - r), summary, pane);
    }

    /** What stops b (or why the host default is unknown); null when nothing needs saying. */
    private String statusLine() {
        String why = whyNoBuild();
        if (why != null && !building) return "b is off: " + why;
        return defaultProblem;
    }

    private void drawModuleLine(Canvas c, int r) {
        int room = c.width() - VALUE_COL;
        c.text(1, r, "module", Role.DIM);
        if (draft != null) {
            String hint = replaceDraft ? "  type to replace · backspace edits · enter keeps" : "  enter checks · esc keeps " + moduleText + " · ctrl-u clears";
            String value = clipLeft(draft + "_", Math.max(10, room - Math.min(hint.length(), 24)));
            int col = c.text(VALUE_COL, r, value, replaceDraft ? Role.SELECTED : Role.FILTER);
            c.text(col, r, clip(hint, c.width() - col), Role.DIM);
            return;
        }
        List<String> about = new ArrayList<>();
        if (".".equals(moduleText)) about.add("the current directory");
        if (modulePath != null) about.add("Go module " + modulePath);
        String note = "  (" + String.join(", ", about) + (".".equals(moduleText) ? "; m changes it" : "") + ")";
        if (about.isEmpty()) note = "";
        if (moduleText.length() >= room) {
            c.text(VALUE_COL, r, clipLeft(moduleText, room), Role.BASE);
        } else {
            int col = c.text(VALUE_COL, r, moduleText, Role.BASE);
            c.text(col, r, clip(note, c.width() - col), Role.DIM);
        }
    }

    /** The start of the line fixed above the results (the output directory follows), or null while there is nothing to show. */
    private String summary() {
        if (building || results.isEmpty()) return null;
        long ok = results.stream().filter(BuildResult::ok).count();
        return ok + " of " + results.size() + " target(s) built and verified, into ";
    }

    /** The summary and the table's header stay put; the lines under them scroll. */
    private void drawPane(Canvas c, String summary, List<Line> lines) {
        List<Line> fixed = summary == null || lines.isEmpty() ? List.of() : lines.subList(0, 1);
        List<Line> scrolled = lines.subList(fixed.size(), lines.size());
        int room = Math.max(1, c.height() - (summary == null ? 0 : 1) - fixed.size());
        resultsMaxTop = Math.max(0, scrolled.size() - room);
        resultsTop = Math.max(0, Math.min(resultsTop, resultsMaxTop));
        int y = 0;
        if (summary != null) {
            long failed = results.stream().filter(rr -> !rr.ok()).count();
            String where = resultsMaxTop == 0 ? ""
                    : "  lines " + (resultsTop + 1) + "-" + Math.min(scrolled.size(), resultsTop + room) + " of " + scrolled.size() + " (J/K) ";
            // the end of the output path says more than its start
            String dist = show(builtFrom.resolve(BuildSpec.DEFAULT_OUT)) + "/";
            int room4path = c.width() - 2 - where.length() - summary.length();
            String text = room4path >= 12 ? summary + clipLeft(dist, room4path) : clip(summary + dist, c.width() - 1 - where.length());
            c.text(1, y, text, failed == 0 ? Role.OK : Role.ERROR);
            c.textRight(y, where, Role.DIM);
            y++;
        }
        for (Line l : fixed) c.text(l.col(), y++, clip(l.text(), c.width() - l.col()), l.role());
        for (int i = resultsTop; i < scrolled.size() && y < c.height(); i++, y++) {
            Line l = scrolled.get(i);
            c.text(l.col(), y, clip(l.text(), c.width() - l.col()), l.role());
        }
    }

    /**
     * The results pane's lines for {@code width} columns: the progress while building, then a
     * table, one line per target where it fits (120 columns), else two: target, output, size and
     * time, then the ELF and build-info checks. A target's problems and compiler output follow it.
     */
    private List<Line> paneLines(int width) {
        List<Line> out = new ArrayList<>();
        if (building || results.isEmpty()) {
            synchronized (progress) {
                for (String l : progress) {
                    out.add(new Line(1, l, l.contains(": failed") ? Role.ERROR : l.contains(": ok") ? Role.OK : Role.DIM));
                }
            }
            return out;
        }
        String[] head = {"TARGET", "OUTPUT", "SIZE", "TIME", "ELF", "BUILD INFO"};
        List<String[]> rows = new ArrayList<>();
        for (BuildResult b : results) {
            rows.add(new String[] {b.target().text(), b.compileFailed() ? "(not built)" : b.output().getFileName().toString(),
                    b.sizeBytes() > 0 ? String.format(Locale.ROOT, "%.1f MiB", b.sizeBytes() / 1048576.0) : "-",
                    seconds(b), b.elfCheck(), b.buildInfoCheck()});
        }
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) w[i] = head[i].length();
        for (String[] row : rows) for (int i = 0; i < head.length; i++) w[i] = Math.max(w[i], row[i].length());
        int all = 0;
        for (int x : w) all += x + 2;
        int cols = all - 2 <= width - 1 ? head.length : 4;
        out.add(new Line(1, joined(head, w, cols), Role.TITLE));
        for (int i = 0; i < rows.size(); i++) {
            BuildResult b = results.get(i);
            String[] row = rows.get(i);
            out.add(new Line(1, joined(row, w, cols), b.ok() ? Role.BASE : Role.ERROR));
            if (cols < head.length && !b.compileFailed()) {
                out.add(new Line(3, "ELF " + row[4] + " · build info " + row[5], b.ok() ? Role.DIM : Role.ERROR));
            }
            for (String p : b.problems()) out.add(new Line(3, p, Role.ERROR));
            for (String l : b.compilerOutput()) out.add(new Line(5, l, Role.DIM));
        }
        return out;
    }

    /** The first {@code cols} cells of a row, each padded to its column's width. */
    private static String joined(String[] row, int[] w, int cols) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < cols; k++) s.append(ProfilesView.pad(row[k], w[k] + 2));
        return s.toString().stripTrailing();
    }

    /** Why a target failed in one line: the compiler's first real error (go prints "# package" above it). */
    private static String reason(BuildResult r) {
        return r.compilerOutput().stream().filter(l -> !l.startsWith("# ")).findFirst()
                .or(() -> r.problems().stream().findFirst()).orElse("see below");
    }

    /** {@code s} in at most {@code width} columns, with "…" where it was cut. */
    static String clip(String s, int width) {
        if (width <= 0) return "";
        if (TerminalTextUtils.getColumnWidth(s) <= width) return s;
        return TerminalTextUtils.fitString(s, width - 1) + "…";
    }

    /** Like {@link #clip} but keeps the end (a path's last directories say more than its first). */
    static String clipLeft(String s, int width) {
        if (width <= 0) return "";
        if (s.length() <= width) return s;
        return "…" + s.substring(s.length() - (width - 1));
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
