package dev.golive.report;

import java.util.Locale;

/** Wording shared by the review's renderers, so Markdown and HTML say the same things. */
final class ReviewText {

    private ReviewText() { }

    static String hostTitle(Review r) {
        return r.host().hostname().orElse(r.host().live() ? "this host" : r.host().root());
    }

    static String subtitle(Review r) {
        StringBuilder b = new StringBuilder();
        b.append(r.host().manifests() ? "Dockerfiles and Kubernetes YAML in " + r.host().root()
                : r.host().live() ? "Live host" : "Capture " + r.host().root());
        r.host().capturedAt().ifPresent(t -> b.append(", captured ").append(t));
        r.service().ifPresent(s -> b.append(", service ").append(s));
        b.append(". Generated ").append(r.generatedAt()).append(" by ").append(r.golive()).append('.');
        return b.toString();
    }

    static String findingCounts(Review.Findings f) {
        String s = f.error() + (f.error() == 1 ? " error, " : " errors, ") + f.warn() + (f.warn() == 1 ? " warning, " : " warnings, ")
                + f.info() + " info from " + f.rules() + " rules";
        if (!f.skipped().isEmpty()) s += " (" + f.skipped().size() + " skipped: " + skippedReasons(f) + ")";
        return s + ".";
    }

    private static String skippedReasons(Review.Findings f) {
        return String.join("; ", f.skipped().stream().map(x -> x.substring(x.indexOf(": ") + 2)).distinct().toList());
    }

    static String exposure(Review.UnitView u) {
        return u.exposure().map(e -> String.format(Locale.ROOT, "%.1f", e) + " (" + exposureLabel(e) + ")")
                .orElse("unknown: " + u.exposureUnknown().orElse("not measured"));
    }

    /**
     * systemd-analyze security's own words for a score (its badness table in
     * src/analyze/analyze-security.c, thresholds in tenths: 9.6 prints UNSAFE, 3.6 OK).
     */
    static String exposureLabel(double e) {
        long tenths = Math.round(e * 10);
        if (tenths >= 100) return "DANGEROUS";
        if (tenths >= 90) return "UNSAFE";
        if (tenths >= 75) return "EXPOSED";
        if (tenths >= 50) return "MEDIUM";
        if (tenths >= 10) return "OK";
        if (tenths >= 1) return "SAFE";
        return "PERFECT";
    }
}
