package dev.golive.model;

/**
 * How much a finding matters, ordered: {@code INFO < WARN < ERROR}. {@code golive check
 * --fail-on} compares with this order, so the declaration order is part of the contract.
 */
public enum Severity {
    INFO("info"), WARN("warn"), ERROR("error");

    private final String label;
    Severity(String label) { this.label = label; }

    /** The lower-case word used on the command line and in JSON. */
    public String label() { return label; }

    public boolean atLeast(Severity other) { return compareTo(other) >= 0; }

    public static java.util.Optional<Severity> parse(String text) {
        if (text == null) return java.util.Optional.empty();
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("warning")) t = "warn";
        for (Severity s : values()) if (s.label.equals(t)) return java.util.Optional.of(s);
        return java.util.Optional.empty();
    }
}
