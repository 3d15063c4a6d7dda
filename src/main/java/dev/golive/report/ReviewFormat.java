package dev.golive.report;

import java.util.Locale;
import java.util.Optional;

/** The output formats of `golive report`, each one renderer of the same {@link Review}. */
public enum ReviewFormat {
    MD("md"), HTML("html"), JSON("json");

    private final String label;

    ReviewFormat(String label) { this.label = label; }

    public String label() { return label; }

    public String render(Review r) {
        return switch (this) {
            case MD -> ReviewMarkdown.render(r);
            case HTML -> ReviewHtml.render(r);
            case JSON -> ReviewJson.render(r);
        };
    }

    public static Optional<ReviewFormat> parse(String s) {
        if (s == null) return Optional.empty();
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("markdown")) t = "md";
        for (ReviewFormat f : values()) if (f.label.equals(t)) return Optional.of(f);
        return Optional.empty();
    }

    /** The format a file name asks for (report.html → HTML), if it names one. */
    public static Optional<ReviewFormat> fromFileName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : parse(name.substring(dot + 1).equals("htm") ? "html" : name.substring(dot + 1));
    }
}
