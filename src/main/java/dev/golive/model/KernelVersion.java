package dev.golive.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kernel release such as {@code 6.1.0-18-amd64}, compared by major.minor.patch. */
public record KernelVersion(int major, int minor, int patch) implements Comparable<KernelVersion> {

    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public static java.util.Optional<KernelVersion> parse(String release) {
        if (release == null) return java.util.Optional.empty();
        Matcher m = RELEASE.matcher(release.trim());
        if (!m.find()) return java.util.Optional.empty();
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return java.util.Optional.of(new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch));
    }

    public static KernelVersion of(int major, int minor) { return new KernelVersion(major, minor, 0); }

    public boolean atLeast(int maj, int min) { return compareTo(of(maj, min)) >= 0; }

    @Override public int compareTo(KernelVersion o) {
        if (major != o.major) return Integer.compare(major, o.major);
        if (minor != o.minor) return Integer.compare(minor, o.minor);
        return Integer.compare(patch, o.patch);
    }

    @Override public String toString() { return major + "." + minor + "." + patch; }
}
