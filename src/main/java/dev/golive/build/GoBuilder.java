package dev.golive.build;

import dev.golive.binfmt.GoBuildInfoReader;
import dev.golive.binfmt.ElfFile;
import dev.golive.host.CommandResult;
import dev.golive.host.CommandRunner;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoliveException;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code go build} once per target, one after another (go build already uses every
 * core), then reads each binary back and verifies it. Processes go through the
 * {@link CommandRunner}, files through the {@link HostRoot}; this class does neither itself.
 *
 * <p>The only files written are the binaries in the output directory and entries in Go's
 * build cache (left where the admin's Go keeps it, so repeated builds take ~0.1 s).
 */
public final class GoBuilder {

    /** A cold cross-build of a big service on a small machine can take minutes. */
    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);
    /** Biggest binary golive reads back; Go services are rarely above 100 MB. */
    static final long MAX_BINARY = 512L * 1024 * 1024;
    static final int COMPILER_LINES = 12;

    private final CommandRunner runner;
    private final HostRoot root;

    public GoBuilder(CommandRunner runner, HostRoot root) {
        this.runner = runner;
        this.root = root;
    }

    /** The module path from go.mod in the spec's module directory. */
    public String modulePath(BuildSpec spec) {
        String goMod = hostPath(spec.moduleDir().resolve("go.mod"));
        Fact<String> text = root.read(goMod);
        if (!text.known()) {
            // a typo in the path is the likelier mistake: say which of the two it is
            if (!root.isDirectory(hostPath(spec.moduleDir()))) throw GoliveException.badInput(spec.moduleDir() + ": no such directory");
            throw GoliveException.badInput(spec.moduleDir() + ": not a Go module directory (no go.mod)");
        }
        return GoMod.modulePath(text.orElse(""), goMod);
    }

    /** The toolchain, after checking it can build every target (BAD_INPUT otherwise). */
    public GoToolchain checkedToolchain(BuildSpec spec) {
        GoToolchain tc = GoToolchain.probe(runner, spec.moduleDir());
        TargetValidator.check(tc.distList(), tc.version(), spec.targets());
        return tc;
    }

    public List<BuildResult> build(BuildSpec spec, GoToolchain tc, BuildListener listener) {
        String module = modulePath(spec);
        String name = spec.binaryName().orElse(BuildSpec.defaultBinaryName(module));
        List<BuildResult> results = new ArrayList<>();
        for (BuildTarget t : spec.targets()) {
            listener.started(t);
            BuildResult r = buildOne(spec, tc, module, name, t);
            results.add(r);
            listener.finished(r);
        }
        return results;
    }

    private BuildResult buildOne(BuildSpec spec, GoToolchain tc, String module, String name, BuildTarget t) {
        Path out = spec.resolvedOutDir().resolve(BuildSpec.fileName(name, t));
        Map<String, String> env = new java.util.LinkedHashMap<>(spec.env(t));
        // Go refuses to build without a cache (GOCACHE=off, or no HOME under some service
        // managers): then use the standard place in the user's cache rather than failing.
        if (tc.goCache().isEmpty()) env.put("GOCACHE", Path.of(System.getProperty("user.home"), ".cache", "go-build").toString());
        CommandResult r = runner.run(spec.goBuildArgv(out), env, BUILD_TIMEOUT, spec.moduleDir());
        if (!r.ok()) {
            List<String> lines = r.stderr().lines().filter(l -> !l.isBlank()).limit(COMPILER_LINES).toList();
            if (lines.isEmpty()) lines = List.of(r.problem());
            return new BuildResult(t, out, 0, r.took(), "-", "-", Optional.empty(), lines,
                    List.of("go build failed: " + lines.get(0)));
        }
        Fact<ByteBuffer> bin = root.readBinary(hostPath(out), MAX_BINARY);
        if (!bin.known()) {
            return new BuildResult(t, out, 0, r.took(), "-", "-", Optional.empty(), List.of(),
                    List.of("cannot read the built binary: " + ((Fact.Unknown<ByteBuffer>) bin).reason()));
        }
        ByteBuffer bytes = bin.orElse(null);
        String display = spec.moduleDir().relativize(out).toString();
        try {
            Optional<ElfFile> elf = BuildVerifier.producesElf(t) ? Optional.of(ElfFile.parse(bytes, display)) : Optional.empty();
            GoBuildInfo info = GoBuildInfoReader.read(bytes, display);
            var verdict = BuildVerifier.verify(new BuildVerifier.Expectation(t, spec.cgo(), spec.trimpath(), tc.versionText(), module), elf, info);
            return new BuildResult(t, out, bytes.limit(), r.took(), verdict.elfCheck(), verdict.buildInfoCheck(),
                    Optional.of(info), List.of(), verdict.problems());
        } catch (GoliveException e) {
            return new BuildResult(t, out, bytes.limit(), r.took(), "unreadable", "-", Optional.empty(), List.of(), List.of(e.getMessage()));
        }
    }

    /** Host paths are absolute; on the live root they equal this machine's paths. */
    private static String hostPath(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
