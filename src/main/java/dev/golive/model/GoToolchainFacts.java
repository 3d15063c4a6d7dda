package dev.golive.model;

import java.util.Map;
import java.util.Optional;

/** The Go toolchain on PATH: where, which version, and the `go env` values that matter. */
public record GoToolchainFacts(Fact<String> path, Fact<String> version, Map<String, Fact<String>> env) {

    public GoToolchainFacts {
        env = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(env));
    }

    public Optional<GoVersion> goVersion() { return version.opt().flatMap(GoVersion::parse); }
}
