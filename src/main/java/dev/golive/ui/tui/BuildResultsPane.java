package dev.golive.ui.tui;

import dev.golive.build.BuildListener;
import dev.golive.build.BuildResult;
import dev.golive.build.BuildSpec;
import dev.golive.build.BuildTarget;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The lower part of the Build screen: a progress line per target while b runs, then a
 * summary line fixed above a table of the results; what does not fit scrolls with J/K.
 */
final class BuildResultsPane {

    /** One line of the pane. */
    record Line(int col, String text, Role role) { }

    /** One frame's content: the summary (null while there is none) and the lines under it. */
    record Rows(String summary, List<Line> lines) {
        /** The rows the pane would take unscrolled. */
        int need() { return lines.size() + (summary == null ? 0 : 1); }
    }

    /** Written by the building thread, read when drawing: one line per target, updated in place. */
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    private List<BuildResult> results = List.of();
    /** The module directory the results were built from (the field may have changed since). */
    private Path builtFrom = Path.of(".");
    private boolean building;
    private int top;
    /** How far the results could scroll at the last frame (0: they fit). */
    private int maxTop;

    boolean building() { return building; }

    /** Results of another module would read as this one's: they go when the module directory changes. */
    void clear() {
        results = List.of();
        progress.clear();
    }

    /** A build starts: the old results go; the listener writes a line per target as it goes. */
    BuildListener start() {
        building = true;
        progress.clear();
        results = List.of();
        top = 0;
        return new BuildListener() {
            @Override public void started(BuildTarget t) { progress.add(t.text() + ": building…"); }

            @Override public void finished(BuildResult r) {
                String line = r.target().text() + ": " + (r.ok() ? "ok in " + seconds(r) : "failed: " + reason(r));
                synchronized (progress) {
                    int i = progress.indexOf(r.target().text() + ": building…");
                    if (i >= 0) progress.set(i, line); else progress.add(line);
                }
            }
        };
    }

    /** The build is over: its results, from {@code dir}; returns the status line that says so. */
    String finished(List<BuildResult> rs, Path dir) {
        building = false;
        results = rs;
        builtFrom = dir;
        top = 0;
        long ok = rs.stream().filter(BuildResult::ok).count();
        return "built " + ok + " of " + rs.size() + " target(s) into " + outputDir();
    }

    void failed() { building = false; }

    /** Null when J/K may scroll; else why not. */
    String whyNoScroll() { return maxTop == 0 ? "the build results fit on the screen" : null; }

    void down() { top = Math.min(top + 1, maxTop); }

    void up() { top = Math.max(0, top - 1); }

    private String outputDir() { return show(builtFrom.resolve(BuildSpec.DEFAULT_OUT)) + "/"; }

    /** What the pane shows in {@code width} columns, worked out once a frame (the progress changes under it). */
    Rows rows(int width) { return new Rows(summary(), lines(width)); }

    /** The start of the line fixed above the results (the output directory follows), or null while there is nothing to show. */
    private String summary() {
        if (building || results.isEmpty()) return null;
        long ok = results.stream().filter(BuildResult::ok).count();
        return ok + " of " + results.size() + " target(s) built and verified, into ";
    }

    /** The summary and the table's header stay put; the lines under them scroll. */
    void draw(Canvas c, Rows rows) {
        String summary = rows.summary();
        List<Line> lines = rows.lines();
        List<Line> fixed = summary == null || lines.isEmpty() ? List.of() : lines.subList(0, 1);
        List<Line> scrolled = lines.subList(fixed.size(), lines.size());
        int room = Math.max(1, c.height() - (summary == null ? 0 : 1) - fixed.size());
        maxTop = Math.max(0, scrolled.size() - room);
        top = Math.max(0, Math.min(top, maxTop));
        int y = 0;
        if (summary != null) {
            long failed = results.stream().filter(rr -> !rr.ok()).count();
            String where = maxTop == 0 ? ""
                    : "  lines " + (top + 1) + "-" + Math.min(scrolled.size(), top + room) + " of " + scrolled.size() + " (J/K) ";
            // the end of the output path says more than its start
            String dist = outputDir();
            int room4path = c.width() - 2 - where.length() - summary.length();
            String text = room4path >= 12 ? summary + Canvas.fitEnd(dist, room4path) : Canvas.fit(summary + dist, c.width() - 1 - where.length());
            c.text(1, y, text, failed == 0 ? Role.OK : Role.ERROR);
            c.textRight(y, where, Role.DIM);
            y++;
        }
        for (Line l : fixed) c.text(l.col(), y++, l.text(), l.role());
        for (int i = top; i < scrolled.size() && y < c.height(); i++, y++) {
            Line l = scrolled.get(i);
            c.text(l.col(), y, l.text(), l.role());
        }
    }

    /**
     * The pane's lines for {@code width} columns: the progress while building, then a table, one
     * line per target where it fits (120 columns), else two: target, output, size and time, then
     * the ELF and build-info checks. A target's problems and compiler output follow it.
     */
    private List<Line> lines(int width) {
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

    private static String seconds(BuildResult r) { return String.format(Locale.ROOT, "%.1f s", r.duration().toMillis() / 1000.0); }

    /** A path as the admin typed it, relative ones kept relative (so the screen is the same in every checkout). */
    private static String show(Path p) { return p.normalize().toString().isEmpty() ? "." : p.normalize().toString(); }
}
