package dev.golive.model;

import java.util.Map;
import java.util.Optional;

/**
 * What a Go binary says about its own build ({@code .go.buildinfo}, as {@code go version -m}
 * prints it): Go version, main package path, main module, and the build settings
 * (GOOS, GOARCH, GOAMD64, CGO_ENABLED, DefaultGODEBUG, -ldflags, …).
 */
public record GoBuildInfo(String goVersion, String mainPath, String mainModule, Map<String, String> settings) {

    public GoBuildInfo {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }

    public Optional<String> setting(String key) { return Optional.ofNullable(settings.get(key)); }

    public Optional<GoVersion> version() { return GoVersion.parse(goVersion); }

    /** DefaultGODEBUG as key → value (e.g. containermaxprocs → 0 when go.mod predates 1.25). */
    public Map<String, String> defaultGodebug() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String kv : setting("DefaultGODEBUG").orElse("").split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return m;
    }
}
