package dev.golive.build;

import dev.golive.model.GoliveException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One thing to build for: GOOS/GOARCH plus at most one CPU level, which only means something
 * for its own architecture: GOAMD64 (v1..v4, Go 1.18) for amd64, GOARM (5, 6, 7) for arm,
 * GOARM64 (v8.0..v9.5, Go 1.23) for arm64. No level means the toolchain's default (v1 for
 * amd64, v8.0 for arm64, 5 for arm with Go 1.19 when cross-compiling).
 *
 * <p>Text form, as on the command line: {@code linux/amd64}, {@code linux/amd64/v3},
 * {@code linux/arm/7} (or {@code linux/arm/v7}), {@code linux/arm64/v8.2}.
 */
public record BuildTarget(String goos, String goarch, Optional<String> goamd64, Optional<String> goarm, Optional<String> goarm64) {

    public static final String ACCEPTED = "expected GOOS/GOARCH[/LEVEL], e.g. linux/amd64, linux/amd64/v3, linux/arm/7, linux/arm64/v8.2";
    /** GOOS starts with a letter; GOARCH may start with a digit: {@code 386} is a first-class port (Go's port policy). */
    private static final Pattern GOOS = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern GOARCH = Pattern.compile("[a-z0-9]+");
    private static final Pattern AMD64 = Pattern.compile("v[1-4]");
    private static final Pattern ARM = Pattern.compile("v?([5-7])");
    private static final Pattern ARM64 = Pattern.compile("v8\\.[0-9]|v9\\.[0-5]");

    public BuildTarget {
        goamd64 = goamd64 == null ? Optional.empty() : goamd64;
        goarm = goarm == null ? Optional.empty() : goarm;
        goarm64 = goarm64 == null ? Optional.empty() : goarm64;
    }

    public static BuildTarget of(String goos, String goarch) {
        return new BuildTarget(goos, goarch, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public BuildTarget withGoamd64(String level) { return new BuildTarget(goos, goarch, Optional.of(level), goarm, goarm64); }
    public BuildTarget withGoarm(String level) { return new BuildTarget(goos, goarch, goamd64, Optional.of(level), goarm64); }
    public BuildTarget withGoarm64(String level) { return new BuildTarget(goos, goarch, goamd64, goarm, Optional.of(level)); }

    public static BuildTarget parse(String text) {
        String t = text == null ? "" : text.trim();
        String[] p = t.split("/", -1);
        if (p.length < 2 || p.length > 3 || !GOOS.matcher(p[0]).matches() || !GOARCH.matcher(p[1]).matches()) {
            throw bad(t, ACCEPTED);
        }
        BuildTarget base = of(p[0], p[1]);
        if (p.length == 2) return base;
        String level = p[2];
        switch (p[1]) {
            case "amd64" -> {
                if (!AMD64.matcher(level).matches()) throw bad(t, "GOAMD64 level must be v1, v2, v3 or v4");
                return base.withGoamd64(level);
            }
            case "arm" -> {
                var m = ARM.matcher(level);
                if (!m.matches()) throw bad(t, "GOARM must be 5, 6 or 7 (or v5, v6, v7)");
                return base.withGoarm(m.group(1));
            }
            case "arm64" -> {
                if (!ARM64.matcher(level).matches()) throw bad(t, "GOARM64 must be v8.0..v8.9 or v9.0..v9.5");
                return base.withGoarm64(level);
            }
            default -> throw bad(t, "a level is accepted only for amd64 (v1..v4), arm (5..7) and arm64 (v8.0..v9.5)");
        }
    }

    private static GoliveException bad(String text, String why) {
        return GoliveException.badInput("bad target \"" + text + "\": " + why);
    }

    /** GOOS/GOARCH only, as {@code go tool dist list} prints it. */
    public String platform() { return goos + "/" + goarch; }

    /** The level as it appears in names: v3, v7 (GOARM=7), v8.2. */
    public Optional<String> level() {
        if (goamd64.isPresent()) return goamd64;
        if (goarm.isPresent()) return goarm.map(v -> "v" + v);
        return goarm64;
    }

    /** Canonical text, the form {@link #parse} reads back: linux/amd64/v3, linux/arm/v7. */
    public String text() { return platform() + level().map(l -> "/" + l).orElse(""); }

    /** The variable that carries this architecture's level, if it has one. */
    public Optional<String> levelVariable() {
        return switch (goarch) {
            case "amd64" -> Optional.of("GOAMD64");
            case "arm" -> Optional.of("GOARM");
            case "arm64" -> Optional.of("GOARM64");
            default -> Optional.empty();
        };
    }

    /** The level's value as Go's environment (and build info) spells it: v3, 7, v8.2. */
    public Optional<String> levelValue() { return goamd64.or(() -> goarm).or(() -> goarm64); }

    /**
     * GOOS, GOARCH and the level variables for {@code go build}. Level variables this target
     * does not set are passed empty, which Go treats as unset: a GOAMD64=v3 exported in the
     * admin's shell must not silently turn a plain linux/amd64 build into a v3 one, nor a
     * GO386=softfloat a plain linux/386 build into a soft-float one.
     */
    public Map<String, String> env() {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("GOOS", goos);
        e.put("GOARCH", goarch);
        e.put("GOAMD64", goamd64.orElse(""));
        e.put("GOARM", goarm.orElse(""));
        e.put("GOARM64", goarm64.orElse(""));
        e.put("GO386", "");
        return e;
    }

    @Override public String toString() { return text(); }
}
