package dev.golive.inspect;

import dev.golive.host.CommandResult;
import dev.golive.host.HostRoot;
import dev.golive.host.ProcessCommandRunner;
import dev.golive.model.Fact;
import dev.golive.model.GoToolchainFacts;
import dev.golive.model.Source;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The Go toolchain on PATH: its version and the `go env -json` values that matter for builds.
 * GOTOOLCHAIN only exists from Go 1.21: older toolchains report it as unknown.
 */
final class GoProbe {
    private GoProbe() { }

    static final List<String> ENV_KEYS = List.of("GOROOT", "GOPATH", "GOPROXY", "GOSUMDB", "GOFLAGS", "GOCACHE",
            "GOTOOLCHAIN", "GOVERSION", "GOOS", "GOARCH", "GOAMD64", "CGO_ENABLED", "GOPRIVATE", "GONOSUMDB");

    /**
     * {@code version} runs `go version`; it is asked only when `go env` did not tell the version
     * (GOVERSION is there from Go 1.16), so a current toolchain costs one process, not two.
     */
    static GoToolchainFacts probe(HostRoot root, CommandResult env, Supplier<CommandResult> version) {
        Map<String, String> n = env.ok() ? FlatJson.read(env.stdout()) : Map.of();
        Fact<String> ver = fromGoVersion(n.getOrDefault("GOVERSION", ""), env);
        if (!ver.known()) ver = fromVersionCommand(version.get());
        Map<String, Fact<String>> values = new TreeMap<>();
        if (env.ok()) {
            for (String k : ENV_KEYS) {
                String v = n.get(k);
                // Go prints "" for a variable it does not know (GOTOOLCHAIN before 1.21)
                boolean missing = v == null || (v.isEmpty() && k.equals("GOTOOLCHAIN"));
                values.put(k, missing ? Fact.unknown(n.isEmpty() ? "go env -json printed no valid JSON" : "not known to this Go version")
                        : Fact.of(v, new Source.Command(env.commandLine())));
            }
        } else {
            for (String k : ENV_KEYS) values.put(k, Fact.unknown(notInstalled(env) ? GoToolchainFacts.NOT_INSTALLED : env.problem()));
        }
        Fact<String> path;
        if (root.isLive()) {
            path = dev.golive.host.Executables.onPath("go");
        } else {
            Fact<String> goroot = values.getOrDefault("GOROOT", Fact.unknown("no GOROOT"));
            path = goroot.known() ? Fact.of(goroot.orElse("") + "/bin/go", new Source.Derived("GOROOT from go env -json"))
                    : Fact.unknown("go is not installed, or the capture has no go env");
        }
        return new GoToolchainFacts(path, ver, values);
    }

    /**
     * The version word of runtime.Version() as `go env` prints it in GOVERSION: `go version`
     * prints "go version " + runtime.Version() + " GOOS/GOARCH", and golive has always kept that
     * line's third field, so both sources give the same word ("go1.21.0" of "go1.21.0
     * X:boringcrypto", "devel" of a development build). Unknown when GOVERSION is empty: a Go
     * before 1.16 prints "" for a name it does not know.
     */
    static Fact<String> fromGoVersion(String goversion, CommandResult env) {
        String[] f = Text.fields(goversion);
        return f[0].isEmpty() ? Fact.unknown("go env printed no GOVERSION") : Fact.of(f[0], new Source.Command(env.commandLine()));
    }

    /** The third field of "go version go1.19.8 linux/amd64". */
    static Fact<String> fromVersionCommand(CommandResult version) {
        if (!version.ok()) return Fact.unknown(notInstalled(version) ? GoToolchainFacts.NOT_INSTALLED : version.problem());
        String[] f = Text.fields(version.stdout());
        return f.length >= 3 ? Fact.of(f[2], new Source.Command(version.commandLine())) : Fact.unknown("unexpected output of go version");
    }

    /**
     * Only a live "not found" means Go is absent; a capture without the command says nothing
     * about the host ("not in capture"), and a go that ran and failed is not "not installed".
     */
    static boolean notInstalled(CommandResult r) {
        return r.failure().map(ProcessCommandRunner.NOT_FOUND::equals).orElse(false);
    }
}
