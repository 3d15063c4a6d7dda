package dev.golive.model;

import java.util.Map;
import java.util.Optional;

/** The Go toolchain on PATH: where, which version, and the `go env` values that matter. */
public record GoToolchainFacts(Fact<String> path, Fact<String> version, Map<String, Fact<String>> env) {

    /** The reason of an Unknown version when `go` was looked for and is not there (live, or recorded so in a capture). */
    public static final String NOT_INSTALLED = "go is not installed";

    /** True only when the host is known to have no go command; false when it has one or nobody knows. */
    public boolean knownAbsent() {
        return version instanceof Fact.Unknown<String> u && u.reason().equals(NOT_INSTALLED);
    }

    public GoToolchainFacts {
        env = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(env));
    }

    public Optional<GoVersion> goVersion() { return version.opt().flatMap(GoVersion::parse); }
}
