package dev.golive.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Go release such as {@code go1.21.1} or {@code 1.25}; compared by major.minor.patch. */
public record GoVersion(int major, int minor, int patch) implements Comparable<GoVersion> {

    private static final Pattern V = Pattern.compile("(?:go)?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public static Optional<GoVersion> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = V.matcher(text.trim());
        if (!m.find()) return Optional.empty();
        try {
            int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            return Optional.of(new GoVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch));
        } catch (NumberFormatException e) {
            return Optional.empty(); // a number past int is no Go release (found by fuzzing a Dockerfile's FROM golang:…)
        }
    }

    public static GoVersion of(int major, int minor, int patch) { return new GoVersion(major, minor, patch); }

    public boolean atLeast(int maj, int min, int pat) { return compareTo(of(maj, min, pat)) >= 0; }

    @Override public int compareTo(GoVersion o) {
        if (major != o.major) return Integer.compare(major, o.major);
        if (minor != o.minor) return Integer.compare(minor, o.minor);
        return Integer.compare(patch, o.patch);
    }

    @Override public String toString() { return "go" + major + "." + minor + (patch > 0 ? "." + patch : ""); }
}
