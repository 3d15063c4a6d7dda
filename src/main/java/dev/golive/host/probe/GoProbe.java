package dev.golive.host.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.host.CommandResult;
import dev.golive.host.HostRoot;
import dev.golive.host.ProcessCommandRunner;
import dev.golive.model.Fact;
import dev.golive.model.GoToolchainFacts;
import dev.golive.model.Source;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Go toolchain on PATH: `go version` and the `go env -json` values that matter for
 * builds. GOTOOLCHAIN only exists from Go 1.21: older toolchains report it as unknown.
 */
final class GoProbe {
    private GoProbe() { }

    static final List<String> ENV_KEYS = List.of("GOROOT", "GOPATH", "GOPROXY", "GOSUMDB", "GOFLAGS", "GOCACHE",
            "GOTOOLCHAIN", "GOVERSION", "GOOS", "GOARCH", "GOAMD64", "CGO_ENABLED", "GOPRIVATE", "GONOSUMDB");

    static GoToolchainFacts probe(HostRoot root, CommandResult version, CommandResult env) {
        Fact<String> ver;
        if (version.ok()) {
            // "go version go1.19.8 linux/amd64"
            String[] f = version.stdout().trim().split("\\s+");
            ver = f.length >= 3 ? Fact.of(f[2], new Source.Command(version.commandLine())) : Fact.unknown("unexpected output of go version");
        } else {
            ver = Fact.unknown(notInstalled(version) ? "go is not installed (not found on PATH)" : version.problem());
        }
        Map<String, Fact<String>> values = new TreeMap<>();
        if (env.ok()) {
            try {
                JsonNode n = new ObjectMapper().readTree(env.stdout());
                for (String k : ENV_KEYS) {
                    JsonNode v = n.get(k);
                    values.put(k, v == null ? Fact.unknown("not reported by this Go version") : Fact.of(v.asText(), new Source.Command(env.commandLine())));
                }
            } catch (Exception e) {
                for (String k : ENV_KEYS) values.put(k, Fact.unknown("go env -json printed no valid JSON"));
            }
        } else {
            for (String k : ENV_KEYS) values.put(k, Fact.unknown(notInstalled(env) ? "go is not installed" : env.problem()));
        }
        Fact<String> path;
        if (root.isLive()) {
            path = onPath("go");
        } else {
            Fact<String> goroot = values.getOrDefault("GOROOT", Fact.unknown("no GOROOT"));
            path = goroot.known() ? Fact.of(goroot.orElse("") + "/bin/go", new Source.Derived("GOROOT from go env -json"))
                    : Fact.unknown("go is not installed, or the capture has no go env");
        }
        return new GoToolchainFacts(path, ver, values);
    }

    /**
     * Only a live "not found" means Go is absent; a capture without the command says nothing
     * about the host ("not in capture"), and a go that ran and failed is not "not installed".
     */
    static boolean notInstalled(CommandResult r) {
        return r.failure().map(ProcessCommandRunner.NOT_FOUND::equals).orElse(false);
    }

    /** PATH lookup as execvp does it: the first executable regular file. */
    static Fact<String> onPath(String name) {
        String env = System.getenv("PATH");
        if (env == null) return Fact.unknown("PATH is not set");
        for (String dir : env.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Fact.of(p.toString(), new Source.Derived("PATH lookup"));
        }
        return Fact.unknown(name + " not found on PATH");
    }
}
