package dev.golive.report;

import dev.golive.check.CheckReport;
import dev.golive.check.Rule;
import dev.golive.model.Finding;
import dev.golive.model.Printable;
import dev.golive.model.Severity;
import dev.golive.model.Source;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Text of `golive check` and `golive explain`: findings grouped by severity (worst first),
 * each as "ID  title", the host-specific message, where it shows, and the fix; then one
 * summary line that scripts and people can both read.
 */
public final class CheckText {

    private CheckText() { }

    public static String render(CheckReport report, String hostLabel, Style st) {
        StringBuilder b = new StringBuilder();
        b.append(st.bold("golive check")).append(": ").append(Printable.text(hostLabel
                + (report.serviceName() == null ? "" : ", service " + report.serviceName()))).append("\n");
        for (Severity sev : List.of(Severity.ERROR, Severity.WARN, Severity.INFO)) {
            List<Finding> group = report.findings().stream().filter(f -> f.severity() == sev).toList();
            if (group.isEmpty()) continue;
            b.append("\n").append(color(st, sev, heading(sev))).append("\n");
            for (Finding f : group) {
                // findings quote the host's values and paths: shown escaped
                b.append("  ").append(st.bold(f.ruleId())).append("  ").append(Printable.text(f.title())).append("\n");
                b.append("      ").append(Printable.text(f.message())).append("\n");
                if (!f.sources().isEmpty()) {
                    b.append("      ").append(st.dim("source: " + Printable.text(f.sources().stream().map(Source::describe).collect(Collectors.joining(", "))))).append("\n");
                }
                f.fix().ifPresent(fix -> b.append("      ").append(st.dim("fix: " + Printable.text(fix.text()))).append("\n"));
            }
        }
        b.append("\n").append(Printable.text(summary(report))).append("\n");
        return b.toString();
    }

    /** e.g. "3 errors, 5 warnings, 2 info (51 rules, 23 skipped: no service given)". */
    public static String summary(CheckReport r) {
        long e = r.count(Severity.ERROR), w = r.count(Severity.WARN), i = r.count(Severity.INFO);
        StringBuilder b = new StringBuilder();
        b.append(e).append(e == 1 ? " error, " : " errors, ").append(w).append(w == 1 ? " warning, " : " warnings, ")
                .append(i).append(" info (").append(r.rulesTotal()).append(" rules");
        if (!r.skipped().isEmpty()) {
            String reasons = r.skipped().stream().map(CheckReport.Skipped::reason).distinct().collect(Collectors.joining("; "));
            b.append(", ").append(r.skipped().size()).append(" skipped: ").append(reasons);
        }
        return b.append(")").toString();
    }

    public static String explain(Rule r, Style st) {
        return st.bold(r.id()) + "  " + r.title() + "\n"
                + "severity: " + r.severity().label() + "   area: " + r.area().label()
                + (r.scope() == Rule.Scope.SERVICE ? "   (needs --service)" : r.scope() == Rule.Scope.MANIFEST ? "   (golive check --manifest)" : "") + "\n\n"
                + "Why\n" + wrap(r.why(), 78, "  ") + "\n"
                + "Fix\n" + wrap(r.fixText(), 78, "  ") + "\n"
                + "Read\n" + wrap(r.reference(), 78, "  ") + "\n";
    }

    private static String heading(Severity s) {
        return switch (s) { case ERROR -> "ERRORS"; case WARN -> "WARNINGS"; case INFO -> "INFO"; };
    }

    private static String color(Style st, Severity s, String text) {
        return switch (s) { case ERROR -> st.red(st.bold(text)); case WARN -> st.yellow(st.bold(text)); case INFO -> st.cyan(st.bold(text)); };
    }

    static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                out.append(line).append("\n");
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) line.append(' ');
            line.append(word);
        }
        if (line.length() > indent.length()) out.append(line).append("\n");
        return out.toString();
    }
}
