package dev.golive.report;

import dev.golive.model.Printable;
import dev.golive.report.Review.FactGroup;
import dev.golive.report.Review.FactRow;
import dev.golive.report.Review.FindingView;

import java.util.List;
import java.util.Locale;

/**
 * The review as Markdown (GitHub-flavoured: tables, fenced diffs), for a ticket or a pull
 * request. Table cells escape '|' so a value cannot break the table.
 */
public final class ReviewMarkdown {

    private final StringBuilder b = new StringBuilder();

    private ReviewMarkdown() { }

    public static String render(Review r) {
        ReviewMarkdown m = new ReviewMarkdown();
        m.all(r);
        return Printable.lines(m.b.toString()); // a capture's text must not drive the terminal that shows the report
    }

    private void all(Review r) {
        b.append("# Pre-go-live review: ").append(esc(ReviewText.hostTitle(r))).append("\n\n");
        b.append(esc(ReviewText.subtitle(r))).append("\n");

        // a manifest review has no host to summarise, plan for, or look units and snapshots up on
        if (!r.host().manifests()) {
            h2("At a glance");
            b.append("| area | host | findings |\n|---|---|---|\n");
            for (Review.Glance g : r.overview()) {
                b.append("| ").append(cell(g.area())).append(" | ").append(cell(g.text())).append(" | ")
                        .append(g.findings() == 0 ? "none" : g.findings() + " (worst: " + g.worst().orElse("") + ")").append(" |\n");
            }

            h2("Host summary");
            for (FactGroup g : r.summary()) {
                b.append("### ").append(g.title()).append("\n\n| fact | value | source |\n|---|---|---|\n");
                for (FactRow row : g.rows()) b.append(tableRow(row));
                b.append('\n');
            }
        }

        h2("Findings");
        var fs = r.findings();
        b.append(ReviewText.findingCounts(fs)).append("\n\n");
        for (String sev : List.of("error", "warn", "info")) {
            for (FindingView f : fs.items()) if (f.severity().equals(sev)) finding(f);
        }
        if (fs.items().isEmpty()) b.append("No findings.\n\n");

        if (!r.host().manifests()) {
            h2("Recommended profile and plan");
            part(r.plan(), p -> {
                b.append("Profile **").append(esc(p.profile())).append("**: ").append(esc(p.reason())).append("\n\n");
                b.append("Snapshot id of the apply: ").append(code(p.snapshotId())).append("\n\n");
                if (p.files().isEmpty() && p.live().isEmpty()) b.append("Nothing to change: the host is already as the profile asks.\n\n");
                for (Review.FileView fv : p.files()) {
                    b.append("#### ").append(fv.change()).append(" ").append(code(fv.path())).append("\n\n").append(esc(fv.why())).append("\n\n");
                    // a fence longer than any backquote run in the file, so its content cannot close it
                    String fence = "```";
                    while (fv.diff().contains(fence)) fence += "`";
                    b.append(fence).append("diff\n").append(fv.diff()).append(fence).append("\n\n");
                }
                if (!p.live().isEmpty()) {
                    b.append("| live value | now | after | why |\n|---|---|---|---|\n");
                    for (Review.LiveView l : p.live()) {
                        b.append("| ").append(cell(l.key())).append(" | ").append(cell(l.before())).append(" | ").append(cell(l.after()))
                                .append(" | ").append(cell(l.why())).append(" |\n");
                    }
                    b.append('\n');
                }
                list("After the apply", p.actions());
                list("Conflicts", p.conflicts());
                list("Manual steps", p.manualSteps());
            });

            h2("Service unit");
            part(r.unit(), u -> {
                b.append("Unit **").append(esc(u.name())).append("**").append(u.path().map(p -> " at " + code(p)).orElse("")).append("\n\n");
                u.dropIns().forEach(d -> b.append("- drop-in ").append(code(d)).append("\n"));
                if (!u.dropIns().isEmpty()) b.append('\n');
                b.append("Exposure score (systemd-analyze security, 0.0 best to 10.0 worst): **")
                        .append(ReviewText.exposure(u)).append("**\n\n");
                if (!u.directives().isEmpty()) {
                    b.append("| directive | value | set at |\n|---|---|---|\n");
                    for (FactRow d : u.directives()) b.append(tableRow(d));
                    b.append('\n');
                }
                list("systemd-analyze verify", u.verifyMessages());
            });

            h2("Snapshot history");
            part(r.snapshots(), rows -> {
                if (rows.isEmpty()) {
                    b.append("No snapshots: golive has not applied anything on this host.\n\n");
                    return;
                }
                b.append("| id | created | state | profile | service | files | live values |\n|---|---|---|---|---|---|---|\n");
                for (Review.SnapshotRow s : rows) {
                    b.append("| ").append(cell(s.id())).append(" | ").append(cell(s.createdAt())).append(" | ").append(cell(s.state()))
                            .append(" | ").append(cell(s.profile())).append(" | ").append(cell(s.service().orElse("")))
                            .append(" | ").append(s.files()).append(" | ").append(s.liveValues()).append(" |\n");
                }
                b.append('\n');
            });
        }
    }

    private void finding(FindingView f) {
        b.append("### ").append(f.severity().toUpperCase(Locale.ROOT)).append(" ").append(f.id()).append(": ").append(esc(f.title())).append("\n\n");
        b.append(esc(f.message())).append("\n\n");
        if (!f.sources().isEmpty()) b.append("- **Source:** ").append(String.join(", ", f.sources().stream().map(ReviewMarkdown::code).toList())).append('\n');
        if (!f.why().isEmpty()) b.append("- **Why it matters:** ").append(esc(f.why())).append('\n');
        f.fix().ifPresent(x -> b.append("- **Fix:** ").append(esc(x)).append('\n'));
        for (String c : f.changes()) b.append("  - ").append(code(c)).append("\n");
        if (!f.reference().isEmpty()) b.append("- **Read:** ").append(esc(f.reference())).append('\n');
        b.append('\n');
    }

    private <T> void part(Part<T> p, java.util.function.Consumer<T> body) {
        if (p instanceof Part.Available<T> a) body.accept(a.value());
        else b.append("_Not available: ").append(esc(((Part.Unavailable<T>) p).reason())).append("._\n\n");
    }

    private void list(String title, List<String> items) {
        if (items.isEmpty()) return;
        b.append("**").append(title).append("**\n\n");
        items.forEach(i -> b.append("- ").append(esc(i)).append('\n'));
        b.append('\n');
    }

    private void h2(String t) { b.append("\n## ").append(t).append("\n\n"); }

    private static String tableRow(FactRow row) {
        String value = row.value().map(ReviewMarkdown::cell).orElse("_unknown_");
        String src = row.source().map(ReviewMarkdown::code).orElse(row.unknown().map(ReviewMarkdown::cell).orElse(""));
        return "| " + cell(row.label()) + " | " + value + " | " + src + " |\n";
    }

    /** Text in a table cell: escaped like any text, and on one line. */
    static String cell(String s) { return esc(s.replace("\n", " ")); }

    /**
     * A code span in a table: Markdown does not interpret markup inside it, but a '|' would
     * still end the cell (GFM), and a backquote would end the span.
     */
    static String code(String s) { return "`" + s.replace("\n", " ").replace("`", "'").replace("|", "\\|") + "`"; }

    /**
     * Keeps host text from turning into Markdown markup (a value like "*" or "<script>").
     * Underscores stay: GFM does not emphasise inside words, and sysctl keys are full of them.
     */
    static String esc(String s) {
        StringBuilder o = new StringBuilder();
        // brackets only make a link next to "(" or another bracket: "[Service] Type" stays readable
        boolean linkish = s.contains("](") || s.contains("][") || (s.startsWith("[") && s.contains("]:"));
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*<>|".indexOf(c) >= 0 || (linkish && (c == '[' || c == ']')) || (c == '#' && i == 0) || (c == '_' && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))))) {
                o.append('\\');
            }
            o.append(c);
        }
        return o.toString();
    }
}
