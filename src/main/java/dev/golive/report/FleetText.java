package dev.golive.report;

import dev.golive.model.Printable;

import java.util.List;

/**
 * A fleet on the terminal: `golive report --fleet DIR` (at a glance, the hosts × findings
 * matrix, the values that differ, the unreadable captures) and `golive diff` of many hosts
 * (the same without the glance and the matrix: only what differs).
 */
public final class FleetText {

    private FleetText() { }

    public static String render(Fleet f, Style st) {
        StringBuilder b = new StringBuilder();
        b.append(st.bold("golive fleet review: " + Printable.text(f.source()))).append("\n");
        b.append(FleetWords.subtitle(f)).append("\n").append(st.dim(FleetWords.filterNote(f))).append("\n");

        b.append("\n").append(st.bold("At a glance")).append("\n");
        spreads(b, f, f.headline(), st, true);

        b.append("\n").append(st.bold("Findings by host")).append(" (worst first; E error, W warning, i info, . none)\n");
        matrix(b, f);

        differing(b, f, st);
        unreadable(b, f);
        partial(b, f);
        b.append("\n").append(FleetWords.verdict(f)).append("\n");
        return b.toString();
    }

    public static String renderDiff(Fleet f, Style st) {
        StringBuilder b = new StringBuilder();
        b.append(st.bold("golive diff")).append(" of ").append(f.hosts().size() + f.unreadable().size()).append(" hosts\n");
        for (Fleet.Host h : f.hosts()) b.append("  ").append(Printable.text(h.name() + h.hostname().filter(n -> !n.equals(h.name())).map(n -> " · " + n).orElse("")
                + h.capturedAt().map(t -> " · " + t).orElse(""))).append("\n");
        b.append(st.dim(FleetWords.filterNote(f))).append("\n");
        differing(b, f, st);
        List<Fleet.FindingRow> uneven = f.unevenFindings();
        b.append("\n").append(st.bold("Findings on some hosts only")).append(" (").append(uneven.size()).append(")\n");
        for (Fleet.FindingRow r : uneven) {
            b.append("  ").append(r.id()).append(" [").append(r.severity()).append("]  ")
                    .append(FleetWords.share(r.hits().size(), f.hosts().size())).append(": ")
                    .append(Printable.text(FleetWords.names(r.hits().stream().map(Fleet.Hit::host).toList()))).append("\n");
        }
        unreadable(b, f);
        partial(b, f);
        b.append("\n").append(FleetWords.verdict(f)).append("\n");
        return b.toString();
    }

    private static void differing(StringBuilder b, Fleet f, Style st) {
        b.append("\n").append(st.bold("Values that differ")).append(" (").append(f.differing().size()).append(")\n");
        spreads(b, f, f.differing(), st, false);
    }

    /** Captures read although Ansible's rounds did not finish: their values may be Unknown where the others' are not. */
    private static void partial(StringBuilder b, Fleet f) {
        List<Fleet.Host> partial = f.hosts().stream().filter(h -> h.missing().isPresent()).toList();
        if (partial.isEmpty()) return;
        b.append("\nPartial captures (").append(partial.size()).append(")\n");
        for (Fleet.Host h : partial) b.append("  ").append(Printable.text(h.name())).append("  missing ").append(Printable.text(h.missing().get())).append("\n");
    }

    private static void unreadable(StringBuilder b, Fleet f) {
        if (f.unreadable().isEmpty()) return;
        b.append("\nUnreadable (").append(f.unreadable().size()).append(")\n");
        for (Fleet.Unreadable u : f.unreadable()) b.append("  ").append(Printable.text(u.name())).append("  ").append(Printable.text(u.reason())).append("\n");
    }

    private static void spreads(StringBuilder b, Fleet f, List<Fleet.Spread> spreads, Style st, boolean labelled) {
        int width = labelled ? spreads.stream().mapToInt(s -> s.label().length()).max().orElse(0) : 0;
        for (Fleet.Spread s : spreads) {
            int valueWidth = s.groups().stream().mapToInt(g -> shown(g.value()).length()).max().orElse(0);
            if (labelled) {
                for (int i = 0; i < s.groups().size(); i++) {
                    Fleet.Group g = s.groups().get(i);
                    String head = i == 0 ? s.label() : "";
                    b.append("  ").append(head).append(" ".repeat(width - head.length() + 2)).append(group(s, g, f, st, valueWidth)).append("\n");
                }
            } else {
                b.append("  ").append(Printable.text(s.path())).append("\n");
                for (Fleet.Group g : s.groups()) b.append("    ").append(group(s, g, f, st, valueWidth)).append(g.source().map(x -> "  " + st.dim(Printable.text(x))).orElse("")).append("\n");
            }
        }
    }

    private static String shown(String value) { return Printable.text(Printable.clip(value, 60)); }

    private static String group(Fleet.Spread s, Fleet.Group g, Fleet f, Style st, int valueWidth) {
        String note = FleetWords.groupNote(s, g, f.hosts().size());
        String value = pad(shown(g.value()), valueWidth);
        boolean outlier = note.startsWith("outlier");
        String names = FleetWords.who(s, g, f.hosts().size());
        String who = names.isEmpty() ? note : Printable.text(names) + "  (" + note + ")";
        return (outlier ? st.red(value) : value) + "  " + who;
    }

    private static void matrix(StringBuilder b, Fleet f) {
        List<Fleet.FindingRow> rows = f.findings();
        int nameW = Math.max(4, f.hosts().stream().mapToInt(h -> Printable.text(h.name()).length()).max().orElse(4));
        int idW = rows.stream().mapToInt(r -> r.id().length()).max().orElse(4);
        for (int i = 0; i < rows.size(); i++) {
            Fleet.FindingRow r = rows.get(i);
            b.append(String.format("  %2d  %-" + idW + "s  %-5s  %s\n", i + 1, r.id(), r.severity(), FleetWords.share(r.hits().size(), f.hosts().size())));
        }
        if (rows.isEmpty()) b.append("  no findings on any host\n");
        b.append("\n  ").append(pad("host", nameW)).append("  E  W  i  ");
        for (int i = 0; i < rows.size(); i++) b.append((i + 1) % 10 == 0 ? "|" : String.valueOf((i + 1) % 10));
        b.append("\n");
        for (Fleet.Host h : f.hosts()) {
            b.append("  ").append(pad(Printable.text(h.name()), nameW)).append(String.format(" %2d %2d %2d  ", h.errors(), h.warnings(), h.infos()));
            for (Fleet.FindingRow r : rows) b.append(r.on(h.name()).map(x -> FleetWords.mark(x.severity())).orElse("."));
            b.append("\n");
        }
    }

    private static String pad(String s, int w) { return s.length() >= w ? s : s + " ".repeat(w - s.length()); }
}
