package dev.golive.report;

import dev.golive.model.Printable;
import dev.golive.report.Review.FactGroup;
import dev.golive.report.Review.FactRow;
import dev.golive.report.Review.FindingView;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The review as one self-contained HTML file: inline CSS, system fonts, no script, no
 * image, no link to anything on the network, so it opens the same on an air-gapped
 * laptop as in a browser with network (a reviewer often reads it away from the server).
 * Every text from the host is escaped.
 */
public final class ReviewHtml {

    static final String CSS = """
            :root{color-scheme:light}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
            main{max-width:1100px;margin:0 auto;padding:24px 32px 48px}
            header{background:#1d2330;color:#fff;padding:20px 32px}
            header h1{margin:0;font-size:24px}
            header p{margin:6px 0 0;color:#c9d1e0}
            h2{font-size:19px;border-bottom:2px solid #d5dae3;padding-bottom:4px;margin-top:32px}
            h3{font-size:15px;margin:18px 0 6px}
            table{border-collapse:collapse;width:100%;background:#fff;margin:6px 0 14px}
            th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #e4e7ee;overflow-wrap:break-word}
            td.src{overflow-wrap:anywhere}
            th{background:#eef1f6;font-weight:600}
            td.src,span.src{color:#5b6475;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
            td.unknown{color:#8a5a00;font-style:italic}
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(440px,1fr));gap:0 24px}
            .grid section{min-width:0}
            .counts span{display:inline-block;padding:3px 10px;border-radius:12px;margin-right:6px;font-weight:600}
            .finding{background:#fff;border-left:6px solid #999;padding:8px 14px;margin:10px 0;border-radius:3px}
            .finding.error{border-color:#c62828}.finding.warn{border-color:#e0a100}.finding.info{border-color:#1e6fd9}
            .sev{font-weight:700;text-transform:uppercase;font-size:12px;padding:1px 6px;border-radius:3px;color:#fff}
            .sev.error,.counts .error{background:#c62828;color:#fff}.sev.warn,.counts .warn{background:#e0a100;color:#fff}
            .sev.info,.counts .info{background:#1e6fd9;color:#fff}
            .finding p{margin:4px 0}
            code,pre{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
            pre{background:#fff;border:1px solid #e4e7ee;padding:8px;white-space:pre-wrap;overflow-wrap:anywhere}
            pre .add{color:#1b7a2a}pre .del{color:#b3261e}pre .hunk{color:#6f42c1}
            .na{background:#fff7e0;border:1px solid #f0d48a;padding:8px 12px;border-radius:3px}
            .score{font-size:20px;font-weight:700}
            footer{color:#5b6475;font-size:12px;margin-top:40px}
            """;

    private final StringBuilder b = new StringBuilder();

    private ReviewHtml() { }

    public static String render(Review r) {
        ReviewHtml h = new ReviewHtml();
        h.all(r);
        return Printable.lines(h.b.toString()); // a capture's text must not drive the terminal that shows the report
    }

    private void all(Review r) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // no network: forbid every fetch, so a report can never phone home or break offline
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>Pre-go-live review: ").append(esc(ReviewText.hostTitle(r))).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<header><h1>Pre-go-live review: ").append(esc(ReviewText.hostTitle(r))).append("</h1><p>")
                .append(esc(ReviewText.subtitle(r))).append("</p></header>\n<main>\n");

        // a manifest review has no host to summarise, plan for, or look units and snapshots up on
        if (!r.host().manifests()) {
            h2("glance", "At a glance");
            b.append("<table><tr><th>area</th><th>host</th><th>findings</th></tr>\n");
            for (Review.Glance g : r.overview()) {
                b.append("<tr><td>").append(esc(g.area())).append("</td><td>").append(esc(g.text())).append("</td><td>");
                if (g.findings() == 0) b.append("none");
                else b.append("<span class=\"sev ").append(esc(g.worst().orElse("info"))).append("\">").append(esc(g.worst().orElse("")))
                        .append("</span> ").append(g.findings());
                b.append("</td></tr>\n");
            }
            b.append("</table>\n");

            h2("summary", "Host summary");
            b.append("<div class=\"grid\">\n");
            for (FactGroup g : r.summary()) {
                b.append("<section><h3>").append(esc(g.title())).append("</h3>\n<table><tr><th>fact</th><th>value</th><th>source</th></tr>\n");
                g.rows().forEach(this::factRow);
                b.append("</table></section>\n");
            }
            b.append("</div>\n");
        }

        h2("findings", "Findings");
        var fs = r.findings();
        b.append("<p class=\"counts\"><span class=\"error\">").append(fs.error()).append(" errors</span><span class=\"warn\">")
                .append(fs.warn()).append(" warnings</span><span class=\"info\">").append(fs.info()).append(" info</span> ")
                .append(esc(ReviewText.findingCounts(fs))).append("</p>\n");
        for (String sev : List.of("error", "warn", "info")) {
            for (FindingView f : fs.items()) if (f.severity().equals(sev)) finding(f);
        }
        if (fs.items().isEmpty()) b.append("<p>No findings.</p>\n");

        if (!r.host().manifests()) {
            h2("plan", "Recommended profile and plan");
            part(r.plan(), p -> {
                b.append("<p>Profile <strong>").append(esc(p.profile())).append("</strong>: ").append(esc(p.reason())).append("</p>\n");
                b.append("<p>Snapshot id of the apply: <code>").append(esc(p.snapshotId())).append("</code></p>\n");
                if (p.files().isEmpty() && p.live().isEmpty()) b.append("<p>Nothing to change: the host is already as the profile asks.</p>\n");
                for (Review.FileView fv : p.files()) {
                    b.append("<h3>").append(esc(fv.change())).append(" <code>").append(esc(fv.path())).append("</code></h3>\n<p>")
                            .append(esc(fv.why())).append("</p>\n");
                    diff(fv.diff());
                }
                if (!p.live().isEmpty()) {
                    b.append("<table><tr><th>live value</th><th>now</th><th>after</th><th>why</th></tr>\n");
                    for (Review.LiveView l : p.live()) {
                        b.append("<tr><td><code>").append(esc(l.key())).append("</code></td><td>").append(esc(l.before())).append("</td><td>")
                                .append(esc(l.after())).append("</td><td>").append(esc(l.why())).append("</td></tr>\n");
                    }
                    b.append("</table>\n");
                }
                list("After the apply", p.actions());
                list("Conflicts", p.conflicts());
                list("Manual steps", p.manualSteps());
            });

            h2("unit", "Service unit");
            part(r.unit(), u -> {
                b.append("<p>Unit <strong>").append(esc(u.name())).append("</strong>")
                        .append(u.path().map(p -> " at <code>" + esc(p) + "</code>").orElse("")).append("</p>\n");
                list("Drop-ins", u.dropIns());
                b.append("<p>Exposure score (systemd-analyze security, 0.0 best to 10.0 worst): <span class=\"score\">")
                        .append(esc(ReviewText.exposure(u))).append("</span></p>\n");
                if (!u.directives().isEmpty()) {
                    b.append("<table><tr><th>directive</th><th>value</th><th>set at</th></tr>\n");
                    u.directives().forEach(this::factRow);
                    b.append("</table>\n");
                }
                list("systemd-analyze verify", u.verifyMessages());
            });

            h2("snapshots", "Snapshot history");
            part(r.snapshots(), rows -> {
                if (rows.isEmpty()) {
                    b.append("<p>No snapshots: golive has not applied anything on this host.</p>\n");
                    return;
                }
                b.append("<table><tr><th>id</th><th>created</th><th>state</th><th>profile</th><th>service</th><th>files</th><th>live values</th></tr>\n");
                for (Review.SnapshotRow s : rows) {
                    b.append("<tr><td><code>").append(esc(s.id())).append("</code></td><td>").append(esc(s.createdAt())).append("</td><td>")
                            .append(esc(s.state())).append("</td><td>").append(esc(s.profile())).append("</td><td>")
                            .append(esc(s.service().orElse(""))).append("</td><td>").append(s.files()).append("</td><td>")
                            .append(s.liveValues()).append("</td></tr>\n");
                }
                b.append("</table>\n");
            });
        }
        b.append("<footer>").append(esc(r.golive())).append(" · ").append(esc(r.generatedAt())).append("</footer>\n</main>\n</body>\n</html>\n");
    }

    private void factRow(FactRow row) {
        b.append("<tr><td>").append(esc(row.label())).append("</td>");
        if (row.value().isPresent()) {
            b.append("<td>").append(esc(row.value().get())).append("</td><td class=\"src\">").append(esc(row.source().orElse(""))).append("</td>");
        } else {
            b.append("<td class=\"unknown\">unknown</td><td class=\"src\">").append(esc(row.unknown().orElse(""))).append("</td>");
        }
        b.append("</tr>\n");
    }

    private void finding(FindingView f) {
        b.append("<div class=\"finding ").append(f.severity()).append("\"><h3><span class=\"sev ").append(f.severity()).append("\">")
                .append(f.severity().toUpperCase(Locale.ROOT)).append("</span> <code>").append(esc(f.id())).append("</code> ")
                .append(esc(f.title())).append("</h3>\n<p>").append(esc(f.message())).append("</p>\n");
        if (!f.sources().isEmpty()) b.append("<p><b>Source:</b> <span class=\"src\">").append(esc(String.join(", ", f.sources()))).append("</span></p>\n");
        if (!f.why().isEmpty()) b.append("<p><b>Why it matters:</b> ").append(esc(f.why())).append("</p>\n");
        f.fix().ifPresent(x -> b.append("<p><b>Fix:</b> ").append(esc(x)).append("</p>\n"));
        if (!f.changes().isEmpty()) {
            b.append("<ul>");
            f.changes().forEach(c -> b.append("<li><code>").append(esc(c)).append("</code></li>"));
            b.append("</ul>\n");
        }
        // the reference is shown as text, never a link: the file must not reach out
        if (!f.reference().isEmpty()) b.append("<p><b>Read:</b> ").append(esc(f.reference())).append("</p>\n");
        b.append("</div>\n");
    }

    private void diff(String diff) {
        b.append("<pre>");
        for (String line : diff.split("\n", -1)) {
            if (line.isEmpty()) continue;
            String cls = line.startsWith("+++") || line.startsWith("---") ? null
                    : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : line.startsWith("@@") ? "hunk" : null;
            if (cls == null) b.append(esc(line));
            else b.append("<span class=\"").append(cls).append("\">").append(esc(line)).append("</span>");
            b.append('\n');
        }
        b.append("</pre>\n");
    }

    private <T> void part(Part<T> p, Consumer<T> body) {
        if (p instanceof Part.Available<T> a) body.accept(a.value());
        else b.append("<p class=\"na\">Not available: ").append(esc(((Part.Unavailable<T>) p).reason())).append(".</p>\n");
    }

    private void list(String title, List<String> items) {
        if (items.isEmpty()) return;
        b.append("<p><b>").append(esc(title)).append("</b></p>\n<ul>\n");
        items.forEach(i -> b.append("<li>").append(esc(i)).append("</li>\n"));
        b.append("</ul>\n");
    }

    private void h2(String id, String t) { b.append("<h2 id=\"").append(id).append("\">").append(t).append("</h2>\n"); }

    static String esc(String s) {
        StringBuilder o = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '&' -> o.append("&amp;");
                case '"' -> o.append("&quot;");
                case '\'' -> o.append("&#39;");
                default -> o.append(c);
            }
        }
        return o.toString();
    }
}
