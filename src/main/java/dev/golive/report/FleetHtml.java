package dev.golive.report;

import dev.golive.model.Printable;

import static dev.golive.report.ReviewHtml.esc;

/**
 * A fleet as one self-contained HTML file: the single-host report's style sheet, no script,
 * no fetch (the same Content-Security-Policy). Every text from the captures is escaped.
 */
public final class FleetHtml {

    private static final String MATRIX_CSS = """
            table.matrix td.m{text-align:center;font-weight:700;width:1.6em;padding:4px 2px}
            table.matrix td.E{background:#c62828;color:#fff}table.matrix td.W{background:#e0a100;color:#fff}
            table.matrix td.i{background:#1e6fd9;color:#fff}
            .outlier{color:#b3261e;font-weight:600}
            .verdict{font-weight:700}
            """;

    private final StringBuilder b = new StringBuilder();

    private FleetHtml() { }

    public static String render(Fleet f) {
        FleetHtml h = new FleetHtml();
        h.all(f);
        return Printable.lines(h.b.toString());
    }

    private void all(Fleet f) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>Fleet review: ").append(esc(f.source())).append("</title>\n")
                .append("<style>\n").append(ReviewHtml.CSS).append(MATRIX_CSS).append("</style>\n</head>\n<body>\n");
        b.append("<header><h1>Fleet review: ").append(esc(f.source())).append("</h1><p>").append(esc(FleetWords.subtitle(f)))
                .append(" ").append(esc(FleetWords.filterNote(f))).append("</p></header>\n<main>\n");
        b.append("<p class=\"verdict\">").append(esc(FleetWords.verdict(f))).append("</p>\n");

        b.append("<h2>At a glance</h2>\n<table><tr><th>value</th><th></th><th>hosts</th><th>which</th></tr>\n");
        for (Fleet.Spread s : f.headline()) {
            for (int i = 0; i < s.groups().size(); i++) {
                Fleet.Group g = s.groups().get(i);
                String note = FleetWords.groupNote(s, g, f.hosts().size());
                b.append("<tr><td>").append(i == 0 ? "<b>" + esc(s.label()) + "</b>" : "").append("</td><td><code>").append(esc(g.value()))
                        .append("</code></td><td").append(note.startsWith("outlier") ? " class=\"outlier\"" : "").append(">").append(esc(note))
                        .append("</td><td>").append(esc(FleetWords.who(s, g, f.hosts().size()))).append("</td></tr>\n");
            }
        }
        b.append("</table>\n");

        b.append("<h2>Findings by host</h2>\n<p>Hosts worst first; the columns are the rules listed below the table.</p>\n");
        b.append("<table class=\"matrix\"><tr><th>host</th><th>errors</th><th>warnings</th><th>info</th>");
        for (int i = 0; i < f.findings().size(); i++) {
            b.append("<th title=\"").append(esc(f.findings().get(i).id())).append("\">").append(i + 1).append("</th>");
        }
        b.append("</tr>\n");
        for (Fleet.Host h : f.hosts()) {
            b.append("<tr><td>").append(esc(h.name())).append("</td><td>").append(h.errors()).append("</td><td>").append(h.warnings())
                    .append("</td><td>").append(h.infos()).append("</td>");
            for (Fleet.FindingRow r : f.findings()) {
                var hit = r.on(h.name());
                if (hit.isEmpty()) b.append("<td class=\"m\"></td>");
                else b.append("<td class=\"m ").append(FleetWords.mark(hit.get().severity())).append("\" title=\"").append(esc(hit.get().message()))
                        .append("\">").append(FleetWords.mark(hit.get().severity())).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n<table><tr><th>#</th><th>rule</th><th>severity</th><th>hosts</th><th>title</th></tr>\n");
        for (int i = 0; i < f.findings().size(); i++) {
            Fleet.FindingRow r = f.findings().get(i);
            b.append("<tr><td>").append(i + 1).append("</td><td><code>").append(esc(r.id())).append("</code></td><td><span class=\"sev ")
                    .append(esc(r.severity())).append("\">").append(esc(r.severity())).append("</span></td><td>")
                    .append(esc(FleetWords.share(r.hits().size(), f.hosts().size()))).append("</td><td>").append(esc(r.title())).append("</td></tr>\n");
        }
        b.append("</table>\n");

        b.append("<h2>Values that differ (").append(f.differing().size()).append(")</h2>\n");
        if (f.differing().isEmpty()) b.append("<p>None: every host read has the same value for every fact compared.</p>\n");
        for (Fleet.Spread s : f.differing()) {
            b.append("<h3><code>").append(esc(s.path())).append("</code></h3>\n<table><tr><th>value</th><th>hosts</th><th>which</th><th>source</th></tr>\n");
            for (Fleet.Group g : s.groups()) {
                String note = FleetWords.groupNote(s, g, f.hosts().size());
                b.append("<tr><td><code>").append(esc(g.value())).append("</code></td><td").append(note.startsWith("outlier") ? " class=\"outlier\"" : "")
                        .append(">").append(esc(note)).append("</td><td>").append(esc(FleetWords.who(s, g, f.hosts().size()))).append("</td><td class=\"src\">")
                        .append(esc(g.source().orElse(""))).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }

        java.util.List<Fleet.Host> partial = f.hosts().stream().filter(h -> h.missing().isPresent()).toList();
        if (!partial.isEmpty()) {
            b.append("<h2>Partial captures (").append(partial.size()).append(")</h2>\n")
                    .append("<p>Read although the capture's rounds did not finish: their values may be unknown where the others' are not.</p>\n")
                    .append("<table><tr><th>host</th><th>missing</th></tr>\n");
            for (Fleet.Host h : partial) {
                b.append("<tr><td>").append(esc(h.name())).append("</td><td>").append(esc(h.missing().get())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (!f.unreadable().isEmpty()) {
            b.append("<h2>Unreadable (").append(f.unreadable().size()).append(")</h2>\n<table><tr><th>entry</th><th>why</th></tr>\n");
            for (Fleet.Unreadable u : f.unreadable()) {
                b.append("<tr><td><code>").append(esc(u.name())).append("</code></td><td>").append(esc(u.reason())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("<footer>").append(esc(f.golive())).append("</footer>\n</main>\n</body>\n</html>\n");
    }
}
