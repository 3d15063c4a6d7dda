package dev.golive.build;

import dev.golive.host.CommandResult;
import dev.golive.host.CommandRunner;
import dev.golive.model.GoVersion;
import dev.golive.model.GoliveException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Go toolchain that will build: its version as it prints it ({@code go1.19.8}), the
 * platforms it supports and its build cache. Asked in the module directory, because a
 * go.mod {@code toolchain} line (Go 1.21+) can switch to another toolchain there.
 */
public record GoToolchain(String versionText, GoVersion version, Set<String> distList, Optional<String> goCache) {

    public static final String MISSING = "go: not found on PATH; install golang-go";
    private static final Duration QUICK = Duration.ofSeconds(60);

    public GoToolchain {
        distList = Set.copyOf(new TreeSet<>(distList));
    }

    /** Runs {@code go version}, {@code go tool dist list} and {@code go env GOCACHE}. */
    public static GoToolchain probe(CommandRunner runner, Path moduleDir) {
        CommandResult v = runner.run(List.of("go", "version"), Map.of(), QUICK, moduleDir);
        if (!v.ran()) throw GoliveException.environment(MISSING);
        if (!v.ok()) throw GoliveException.environment(v.problem());
        String text = parseVersionOutput(v.stdout())
                .orElseThrow(() -> GoliveException.environment("go version: unexpected output: " + firstLine(v.stdout())));
        GoVersion gv = GoVersion.parse(text)
                .orElseThrow(() -> GoliveException.environment("go version: cannot read version \"" + text + "\""));
        CommandResult d = runner.run(List.of("go", "tool", "dist", "list"), Map.of(), QUICK, moduleDir);
        if (!d.ok()) throw GoliveException.environment(d.problem());
        CommandResult c = runner.run(List.of("go", "env", "GOCACHE"), Map.of(), QUICK, moduleDir);
        Optional<String> cache = c.ok() ? Optional.of(c.stdout().trim()).filter(s -> !s.isEmpty() && !s.equals("off")) : Optional.empty();
        return new GoToolchain(text, gv, parseDistList(d.stdout()), cache);
    }

    /** {@code go version go1.19.8 linux/amd64} → {@code go1.19.8}; devel builds keep "devel ...". */
    static Optional<String> parseVersionOutput(String out) {
        String line = firstLine(out).trim();
        if (!line.startsWith("go version ")) return Optional.empty();
        String rest = line.substring("go version ".length()).trim();
        if (rest.startsWith("devel ")) {
            int lastSpace = rest.lastIndexOf(' ');
            return Optional.of(lastSpace > 6 ? rest.substring(0, lastSpace) : rest);
        }
        int sp = rest.indexOf(' ');
        return Optional.of(sp < 0 ? rest : rest.substring(0, sp)).filter(s -> s.startsWith("go"));
    }

    /** One GOOS/GOARCH per line. */
    static Set<String> parseDistList(String out) {
        Set<String> s = new TreeSet<>();
        for (String line : out.split("\n")) {
            String l = line.trim();
            if (l.matches("[a-z0-9]+/[a-z0-9]+")) s.add(l);
        }
        return s;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
