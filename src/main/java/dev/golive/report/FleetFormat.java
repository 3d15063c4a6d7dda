package dev.golive.report;

import java.util.Locale;
import java.util.Optional;

/** The output formats of `golive report --fleet`: text for the terminal, and the single-host report's three. */
public enum FleetFormat {
    TEXT("text"), MD("md"), HTML("html"), JSON("json");

    private final String label;

    FleetFormat(String label) { this.label = label; }

    public String label() { return label; }

    public String render(Fleet f, Style st) {
        return switch (this) {
            case TEXT -> FleetText.render(f, st);
            case MD -> FleetMarkdown.render(f);
            case HTML -> FleetHtml.render(f);
            case JSON -> FleetJson.render(f);
        };
    }

    public static Optional<FleetFormat> parse(String s) {
        if (s == null) return Optional.empty();
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("txt")) t = "text";
        for (FleetFormat f : values()) if (f.label.equals(t)) return Optional.of(f);
        return ReviewFormat.parse(t).map(r -> valueOf(r.name()));
    }

    /** The format a file name asks for (fleet.html → HTML), if it names one. */
    public static Optional<FleetFormat> fromFileName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : parse(name.substring(dot + 1).equals("htm") ? "html" : name.substring(dot + 1));
    }
}
