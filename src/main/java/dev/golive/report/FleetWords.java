package dev.golive.report;

import java.util.ArrayList;
import java.util.List;

/** Wording the fleet renderers share, so text, Markdown and HTML say the same things. */
final class FleetWords {

    private FleetWords() { }

    static String subtitle(Fleet f) {
        StringBuilder b = new StringBuilder();
        b.append(f.hosts().size()).append(f.hosts().size() == 1 ? " host" : " hosts").append(" read");
        if (!f.unreadable().isEmpty()) b.append(", ").append(f.unreadable().size()).append(" unreadable");
        f.service().ifPresent(s -> b.append(", service ").append(s));
        b.append(". Generated ").append(f.generatedAt()).append(" by ").append(f.golive()).append('.');
        return b.toString();
    }

    /** What the comparison left out, so a reader knows a value may differ where nothing is shown. */
    static String filterNote(Fleet f) {
        List<String> parts = new ArrayList<>();
        if (!f.filter().includeVolatile()) {
            parts.add("volatile facts left out (hostname, free memory, file-nr, the capturing session's cgroup, the service's PID and task counts; --include-volatile shows them)");
        }
        if (!f.filter().ignore().isEmpty()) parts.add("ignored: " + String.join(", ", f.filter().ignore()));
        return parts.isEmpty() ? "every fact compared, volatile ones included." : String.join("; ", parts) + ".";
    }

    /** The verdict line: what makes the fleet drift, or that it does not. */
    static String verdict(Fleet f) {
        if (!f.drift()) return "no drift: every host read has the same values and the same rules firing";
        List<String> parts = new ArrayList<>();
        if (!f.differing().isEmpty()) parts.add(f.differing().size() + (f.differing().size() == 1 ? " value differs" : " values differ"));
        int uneven = f.unevenFindings().size();
        if (uneven > 0) parts.add(uneven + (uneven == 1 ? " rule fires" : " rules fire") + " on some hosts only");
        if (!f.unreadable().isEmpty()) parts.add(f.unreadable().size() + (f.unreadable().size() == 1 ? " capture" : " captures") + " unreadable");
        return "drift: " + String.join(", ", parts);
    }

    /** Host names, at most {@link FleetBuilder#NAMES_SHOWN} of them, then how many more. */
    static String names(List<String> hosts) {
        if (hosts.size() <= FleetBuilder.NAMES_SHOWN) return String.join(" ", hosts);
        return String.join(" ", hosts.subList(0, FleetBuilder.NAMES_SHOWN)) + " … and " + (hosts.size() - FleetBuilder.NAMES_SHOWN) + " more";
    }

    /**
     * The hosts of one group as a layout names them: none when the group is every host, or the
     * majority too large to list (the outliers are what a reader looks for), else {@link #names}.
     */
    static String who(Fleet.Spread s, Fleet.Group g, int hosts) {
        if (g.hosts().size() == hosts || g == s.groups().get(0) && g.hosts().size() > FleetBuilder.NAMES_SHOWN) return "";
        return names(g.hosts());
    }

    /** "all 3 hosts", "2 of 3 hosts". */
    static String share(int n, int of) { return n == of ? (of == 1 ? "the one host" : "all " + of + " hosts") : n + " of " + of + " hosts"; }

    /** One letter per severity for the matrix: E error, W warn, i info. */
    static String mark(String severity) {
        return switch (severity) {
            case "error" -> "E";
            case "warn" -> "W";
            default -> "i";
        };
    }

    static String groupNote(Fleet.Spread s, Fleet.Group g, int hosts) {
        if (!s.outliers().isEmpty() && g != s.groups().get(0)) return g.hosts().size() == 1 ? "outlier" : "outliers";
        return share(g.hosts().size(), hosts);
    }
}
