package dev.golive.report;

import dev.golive.model.Printable;

import java.util.Optional;

/** `golive diff A B` as text: facts (A → B with sources), findings, owned files with diffs. */
public final class HostDiffText {

    private HostDiffText() { }

    public static String render(HostDiff d, Style st) {
        StringBuilder b = new StringBuilder();
        b.append(st.bold("golive diff")).append("\n");
        b.append("  A  ").append(side(d.a())).append("\n");
        b.append("  B  ").append(side(d.b())).append("\n");

        b.append("\n").append(st.bold("Facts")).append(" (").append(d.facts().size()).append(" differ)\n");
        for (HostDiff.FactDiff f : d.facts()) {
            b.append("  ").append(Printable.text(f.path())).append("\n");
            b.append("    A  ").append(st.red(oneLine(f.a()))).append(src(f.sourceA(), st)).append("\n");
            b.append("    B  ").append(st.green(oneLine(f.b()))).append(src(f.sourceB(), st)).append("\n");
        }

        int nf = d.onlyInA().size() + d.onlyInB().size() + d.changedFindings().size();
        b.append("\n").append(st.bold("Findings")).append(" (").append(nf).append(" differ)\n");
        for (HostDiff.FindingRef f : d.onlyInA()) b.append("  only in A  ").append(f.id()).append(" [").append(f.severity()).append("]  ").append(Printable.text(f.message())).append("\n");
        for (HostDiff.FindingRef f : d.onlyInB()) b.append("  only in B  ").append(f.id()).append(" [").append(f.severity()).append("]  ").append(Printable.text(f.message())).append("\n");
        for (HostDiff.FindingChange f : d.changedFindings()) {
            b.append("  both       ").append(f.id()).append(" [").append(f.severity()).append("]\n");
            b.append("    A  ").append(Printable.text(f.messageA())).append("\n    B  ").append(Printable.text(f.messageB())).append("\n");
        }

        b.append("\n").append(st.bold("Owned files")).append("\n");
        for (HostDiff.FileDiff f : d.files()) {
            b.append("  ").append(label(f.status())).append("  ").append(Printable.text(f.path() + f.note().map(n -> "  (" + n + ")").orElse(""))).append("\n");
            if (!f.diff().isEmpty()) {
                for (String line : Printable.lines(f.diff()).split("\n")) {
                    String colored = line.startsWith("+") && !line.startsWith("+++") ? st.green(line)
                            : line.startsWith("-") && !line.startsWith("---") ? st.red(line) : line;
                    b.append("      ").append(colored).append("\n");
                }
            }
        }
        b.append("\n").append(d.identical() ? "no differences" : d.facts().size() + " facts, " + nf + " findings, "
                + d.differingFiles() + " owned files differ").append("\n");
        return b.toString();
    }

    private static String label(HostDiff.FileDiff.Status s) {
        return switch (s) {
            case SAME -> "same     ";
            case ONLY_IN_A -> "only in A";
            case ONLY_IN_B -> "only in B";
            case DIFFERENT -> "differs  ";
            case UNKNOWN -> "unknown  ";
        };
    }

    private static String side(HostDiff.Side s) {
        return Printable.text(s.spec() + s.hostname().map(h -> " · " + h).orElse("") + s.capturedAt().map(t -> " · " + t).orElse(""));
    }

    private static String src(Optional<String> s, Style st) { return s.map(x -> "  " + st.dim(Printable.text(x))).orElse(""); }

    private static String oneLine(String s) { return Printable.text(s); }
}
