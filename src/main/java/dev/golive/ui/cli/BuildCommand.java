package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.build.BuildListener;
import dev.golive.build.BuildResult;
import dev.golive.build.BuildSpec;
import dev.golive.build.BuildTarget;
import dev.golive.build.DefaultTarget;
import dev.golive.build.GoBuilder;
import dev.golive.build.GoToolchain;
import dev.golive.host.AccessLog;
import dev.golive.host.CommandResult;
import dev.golive.host.CommandRunner;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.host.HostRoot;
import dev.golive.host.ProcessCommandRunner;
import dev.golive.model.Fact;
import dev.golive.model.GoliveException;
import dev.golive.model.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code golive build}: cross-compile the service for its servers and verify every binary. */
@Command(name = "build",
        description = "Build the Go service for one or more targets (static, trimmed, stripped by default) "
                + "and verify each binary: ELF machine, static linking, and the Go build info.",
        footer = {"",
                "Targets: GOOS/GOARCH[/LEVEL], e.g. linux/amd64, linux/amd64/v3, linux/arm/7, linux/arm64/v8.2.",
                "Without --target: this host's architecture at the highest CPU level it supports",
                "(linux/amd64/v1 runs on any x86-64 server).",
                "Output: OUT/NAME-GOOS-GOARCH[-LEVEL], NAME = last element of the module path.",
                "",
                "Exit codes: 0 all built and verified, 1 a build or a verification failed (the compiler's first",
                "error lines are printed), 2 bad target or option, 3 go not installed, 5 internal error."})
public final class BuildCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    // not mixinStandardHelpOptions: its --version would clash with the version stamp below
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--target", paramLabel = "T", description = "Target to build (repeatable). Default: this host.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--module", paramLabel = "DIR", description = "Go module directory (default: current directory).")
    Path module = Path.of(".");

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory, relative to the module (default: dist).")
    Path out = BuildSpec.DEFAULT_OUT;

    @Option(names = "--name", paramLabel = "NAME", description = "Binary name (default: last element of the module path).")
    String name;

    @Option(names = "--version", paramLabel = "V", description = "Stamp the version: -ldflags \"-X main.version=V\".")
    String version;

    @Option(names = "--cgo", description = "Build with CGO_ENABLED=1 (dynamic binary; default CGO_ENABLED=0, static).")
    boolean cgo;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    /** The host pieces this command needs, in one place so they can come from app.Session later. */
    record Host(HostRoot root, CommandRunner runner) { }

    /** Tests put a host with a fake runner here. */
    java.util.function.Supplier<Host> hosts = BuildCommand::liveHost;

    static Host liveHost() {
        AccessLog log = new AccessLog();
        return new Host(DirectoryHostRoot.live(log), new ProcessCommandRunner(log));
    }

    @Override public Integer call() {
        if (common != null && common.root != null) {
            throw GoliveException.badInput("build runs on this machine; --root is not supported here");
        }
        PrintWriter o = spec.commandLine().getOut();
        Host host = hosts.get();
        Path moduleDir = module.toAbsolutePath().normalize();

        List<BuildTarget> parsed = new ArrayList<>();
        for (String t : targets) parsed.add(BuildTarget.parse(t));
        Optional<DefaultTarget> chosen = Optional.empty();
        if (parsed.isEmpty()) {
            DefaultTarget d = defaultTarget(host);
            chosen = Optional.of(d);
            parsed.add(d.target());
        }
        BuildSpec bs = BuildSpec.defaults(moduleDir, parsed).withCgo(cgo).withOutDir(out);
        if (version != null) bs = bs.withVersion(version);
        if (name != null) bs = bs.withBinaryName(name);

        GoBuilder builder = new GoBuilder(host.runner(), host.root());
        String modulePath = builder.modulePath(bs);
        GoToolchain tc = builder.checkedToolchain(bs);
        if (!json) {
            chosen.ifPresent(d -> o.println("target " + d.target().text() + " (default: " + d.reason() + ")"));
            o.println("building " + modulePath + " with " + tc.versionText() + " into " + show(bs.resolvedOutDir()));
            o.flush();
        }
        List<BuildResult> results = builder.build(bs, tc, json ? BuildListener.NONE : progress(o));
        if (json) printJson(o, modulePath, moduleDir, tc, chosen, results);
        else printTable(o, results);
        o.flush();
        return results.stream().allMatch(BuildResult::ok) ? 0 : 1;
    }

    /** This host's target, from the same facts `golive inspect` reports (architecture, GOAMD64 level). */
    private static DefaultTarget defaultTarget(Host host) {
        return dev.golive.app.Session.defaultBuildTarget(host.root(), host.runner());
    }

    private static BuildListener progress(PrintWriter o) {
        return new BuildListener() {
            @Override public void started(BuildTarget t) {
                o.println("  " + t.text() + " …");
                o.flush();
            }

            @Override public void finished(BuildResult r) {
                o.println("  " + r.target().text() + " " + (r.ok() ? "ok" : "FAILED") + " in " + seconds(r));
                r.compilerOutput().forEach(l -> o.println("    " + l));
                o.flush();
            }
        };
    }

    private static void printTable(PrintWriter o, List<BuildResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TARGET", "OUTPUT", "SIZE", "TIME", "ELF", "BUILDINFO"});
        for (BuildResult r : results) {
            rows.add(new String[] {r.target().text(), show(r.output()), r.sizeBytes() > 0 ? mib(r.sizeBytes()) : "-",
                    seconds(r), r.elfCheck(), r.buildInfoCheck()});
        }
        int[] w = new int[6];
        for (String[] row : rows) for (int i = 0; i < 6; i++) w[i] = Math.max(w[i], row[i].length());
        o.println();
        for (String[] row : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                b.append(i == 2 || i == 3 ? pad(row[i], w[i], true) : pad(row[i], w[i], false));
                if (i < 5) b.append("  ");
            }
            o.println(b.toString().stripTrailing());
        }
        for (BuildResult r : results) {
            for (String p : r.problems()) o.println(r.target().text() + ": " + p);
        }
    }

    private static void printJson(PrintWriter o, String modulePath, Path moduleDir, GoToolchain tc,
                                  Optional<DefaultTarget> chosen, List<BuildResult> results) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("module", modulePath);
        root.put("moduleDir", moduleDir.toString());
        root.put("goVersion", tc.versionText());
        chosen.ifPresent(d -> root.putObject("defaultTarget").put("target", d.target().text()).put("reason", d.reason()));
        root.put("ok", results.stream().allMatch(BuildResult::ok));
        ArrayNode arr = root.putArray("results");
        for (BuildResult r : results) {
            ObjectNode n = arr.addObject();
            n.put("target", r.target().text());
            n.put("goos", r.target().goos());
            n.put("goarch", r.target().goarch());
            n.put("level", r.target().level().orElse(null));
            n.put("output", r.output().toString());
            n.put("sizeBytes", r.sizeBytes());
            n.put("durationMs", r.duration().toMillis());
            n.put("ok", r.ok());
            n.put("elf", r.elfCheck());
            n.put("buildInfoCheck", r.buildInfoCheck());
            if (r.buildInfo().isEmpty()) n.putNull("buildInfo");
            r.buildInfo().ifPresent(bi -> {
                ObjectNode b = n.putObject("buildInfo");
                b.put("goVersion", bi.goVersion());
                b.put("path", bi.mainPath());
                b.put("module", bi.mainModule());
                ObjectNode s = b.putObject("settings");
                bi.settings().forEach(s::put);
            });
            ArrayNode c = n.putArray("compilerOutput");
            r.compilerOutput().forEach(c::add);
            ArrayNode p = n.putArray("problems");
            r.problems().forEach(p::add);
        }
        try {
            o.println(m.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String show(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) && !p.equals(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    private static String mib(long bytes) { return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0); }

    private static String seconds(BuildResult r) { return String.format(Locale.ROOT, "%.1f s", r.duration().toMillis() / 1000.0); }

    private static String pad(String s, int w, boolean right) {
        String sp = " ".repeat(Math.max(0, w - s.length()));
        return right ? sp + s : s + sp;
    }
}
