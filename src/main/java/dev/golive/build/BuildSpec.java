package dev.golive.build;

import dev.golive.model.GoliveException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to build the service: which module, for which targets, with which flags, into which
 * directory. Defaults are what a production server wants: CGO_ENABLED=0 (a static binary
 * that needs no libc on the server), -trimpath (no build paths in the binary), -ldflags
 * "-s -w" (no symbol table or DWARF: smaller), output under {@code dist/} in the module.
 */
public record BuildSpec(Path moduleDir, List<BuildTarget> targets, boolean cgo, boolean trimpath, String ldflags,
                        Optional<String> version, Path outDir, Optional<String> binaryName) {

    public static final String DEFAULT_LDFLAGS = "-s -w";
    public static final Path DEFAULT_OUT = Path.of("dist");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern VERSION = Pattern.compile("[^\\s'\"`\\\\]+");

    public BuildSpec {
        targets = List.copyOf(targets);
        version = version == null ? Optional.empty() : version;
        binaryName = binaryName == null ? Optional.empty() : binaryName;
        version.ifPresent(v -> {
            // It ends up inside -ldflags, which Go splits on blanks and quotes.
            if (!VERSION.matcher(v).matches()) throw GoliveException.badInput("--version \"" + v + "\": must not contain blanks, quotes or backslashes");
        });
        binaryName.ifPresent(n -> {
            // A slash or ".." would put the binary outside the output directory.
            if (!NAME.matcher(n).matches()) throw GoliveException.badInput("binary name \"" + n + "\": use letters, digits, '.', '_' and '-' only");
        });
    }

    public static BuildSpec defaults(Path moduleDir, List<BuildTarget> targets) {
        return new BuildSpec(moduleDir, targets, false, true, DEFAULT_LDFLAGS, Optional.empty(), DEFAULT_OUT, Optional.empty());
    }

    public BuildSpec withVersion(String v) { return new BuildSpec(moduleDir, targets, cgo, trimpath, ldflags, Optional.of(v), outDir, binaryName); }
    public BuildSpec withCgo(boolean on) { return new BuildSpec(moduleDir, targets, on, trimpath, ldflags, version, outDir, binaryName); }
    public BuildSpec withTrimpath(boolean on) { return new BuildSpec(moduleDir, targets, cgo, on, ldflags, version, outDir, binaryName); }
    public BuildSpec withLdflags(String f) { return new BuildSpec(moduleDir, targets, cgo, trimpath, f, version, outDir, binaryName); }
    public BuildSpec withOutDir(Path d) { return new BuildSpec(moduleDir, targets, cgo, trimpath, ldflags, version, d, binaryName); }
    public BuildSpec withBinaryName(String n) { return new BuildSpec(moduleDir, targets, cgo, trimpath, ldflags, version, outDir, Optional.of(n)); }

    /** -ldflags as passed to go build: the base flags plus the version stamp. */
    public String effectiveLdflags() {
        String stamp = version.map(v -> "-X main.version=" + v).orElse("");
        return (ldflags.trim() + " " + stamp).trim();
    }

    /** The output directory on this machine: {@code outDir} relative to the module unless absolute. */
    public Path resolvedOutDir() { return moduleDir.resolve(outDir).normalize(); }

    /**
     * The binary name when none is given: the last element of the module path, skipping a
     * major-version suffix as go build does ({@code example.com/api/v2} → {@code api}).
     */
    public static String defaultBinaryName(String modulePath) {
        String[] parts = modulePath.split("/");
        String last = parts[parts.length - 1];
        if (parts.length > 1 && last.matches("v[0-9]+")) last = parts[parts.length - 2];
        return last;
    }

    /** {@code NAME-GOOS-GOARCH[-LEVEL]}, e.g. hello-linux-amd64-v3, hello-linux-arm-v7. */
    public static String fileName(String name, BuildTarget t) {
        return name + "-" + t.goos() + "-" + t.goarch() + t.level().map(l -> "-" + l).orElse("")
                + (t.goos().equals("windows") ? ".exe" : "");
    }

    /** The argv for one target; the main package is the module root ("."). */
    public List<String> goBuildArgv(Path output) {
        List<String> a = new ArrayList<>(List.of("go", "build"));
        if (trimpath) a.add("-trimpath");
        String lf = effectiveLdflags();
        if (!lf.isEmpty()) {
            a.add("-ldflags");
            a.add(lf);
        }
        a.add("-o");
        a.add(output.toString());
        a.add(".");
        return a;
    }

    /** The environment for one target: GOOS/GOARCH, its level and CGO_ENABLED. */
    public Map<String, String> env(BuildTarget t) {
        Map<String, String> e = new java.util.LinkedHashMap<>(t.env());
        e.put("CGO_ENABLED", cgo ? "1" : "0");
        return e;
    }
}
