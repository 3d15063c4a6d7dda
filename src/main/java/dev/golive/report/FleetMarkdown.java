package dev.golive.report;

import dev.golive.model.Printable;

import static dev.golive.report.ReviewMarkdown.cell;
import static dev.golive.report.ReviewMarkdown.code;
import static dev.golive.report.ReviewMarkdown.esc;

/** A fleet as Markdown (GitHub-flavoured tables), for a ticket or a pull request. */
public final class FleetMarkdown {

    private final StringBuilder b = new StringBuilder();

    private FleetMarkdown() { }

    public static String render(Fleet f) {
        FleetMarkdown m = new FleetMarkdown();
        m.all(f);
        return Printable.lines(m.b.toString()); // a capture's text must not drive the terminal that shows the report
    }

    private void all(Fleet f) {
        b.append("# Fleet review: ").append(esc(f.source())).append("\n\n");
        b.append(esc(FleetWords.subtitle(f))).append(" ").append(esc(FleetWords.filterNote(f))).append("\n\n");
        b.append("**").append(esc(FleetWords.verdict(f))).append("**\n");

        h2("At a glance");
        b.append("| value | hosts | which |\n|---|---|---|\n");
        for (Fleet.Spread s : f.headline()) {
            for (int i = 0; i < s.groups().size(); i++) {
                Fleet.Group g = s.groups().get(i);
                b.append("| ").append(i == 0 ? "**" + cell(s.label()) + "** " : "").append(code(g.value())).append(" | ")
                        .append(cell(FleetWords.groupNote(s, g, f.hosts().size()))).append(" | ")
                        .append(cell(FleetWords.who(s, g, f.hosts().size()))).append(" |\n");
            }
        }

        h2("Findings by host");
        b.append("Hosts worst first; E error, W warning, i info, · none. The columns are the rules listed below the table.\n\n");
        b.append("| host | E | W | i |");
        for (int i = 0; i < f.findings().size(); i++) b.append(" ").append(i + 1).append(" |");
        b.append("\n|---|---|---|---|");
        b.append("---|".repeat(f.findings().size())).append("\n");
        for (Fleet.Host h : f.hosts()) {
            b.append("| ").append(cell(h.name())).append(" | ").append(h.errors()).append(" | ").append(h.warnings()).append(" | ").append(h.infos()).append(" |");
            for (Fleet.FindingRow r : f.findings()) b.append(" ").append(r.on(h.name()).map(x -> FleetWords.mark(x.severity())).orElse("·")).append(" |");
            b.append("\n");
        }
        b.append("\n| # | rule | severity | hosts | title |\n|---|---|---|---|---|\n");
        for (int i = 0; i < f.findings().size(); i++) {
            Fleet.FindingRow r = f.findings().get(i);
            b.append("| ").append(i + 1).append(" | ").append(code(r.id())).append(" | ").append(r.severity()).append(" | ")
                    .append(FleetWords.share(r.hits().size(), f.hosts().size())).append(" | ").append(cell(r.title())).append(" |\n");
        }

        h2("Values that differ (" + f.differing().size() + ")");
        if (f.differing().isEmpty()) b.append("None: every host read has the same value for every fact compared.\n");
        for (Fleet.Spread s : f.differing()) {
            b.append("### ").append(code(s.path())).append("\n\n| value | hosts | which | source |\n|---|---|---|---|\n");
            for (Fleet.Group g : s.groups()) {
                b.append("| ").append(code(g.value())).append(" | ").append(cell(FleetWords.groupNote(s, g, f.hosts().size()))).append(" | ")
                        .append(cell(FleetWords.who(s, g, f.hosts().size()))).append(" | ").append(g.source().map(ReviewMarkdown::code).orElse("")).append(" |\n");
            }
            b.append("\n");
        }

        java.util.List<Fleet.Host> partial = f.hosts().stream().filter(h -> h.missing().isPresent()).toList();
        if (!partial.isEmpty()) {
            h2("Partial captures (" + partial.size() + ")");
            b.append("Read although the capture's rounds did not finish: their values may be unknown where the others' are not.\n\n");
            b.append("| host | missing |\n|---|---|\n");
            for (Fleet.Host h : partial) b.append("| ").append(cell(h.name())).append(" | ").append(cell(h.missing().get())).append(" |\n");
        }

        if (!f.unreadable().isEmpty()) {
            h2("Unreadable (" + f.unreadable().size() + ")");
            b.append("| entry | why |\n|---|---|\n");
            for (Fleet.Unreadable u : f.unreadable()) b.append("| ").append(code(u.name())).append(" | ").append(cell(u.reason())).append(" |\n");
        }
    }

    private void h2(String t) { b.append("\n## ").append(t).append("\n\n"); }
}
