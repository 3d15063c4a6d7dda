package dev.golive.inspect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.golive.host.CommandResult;
import dev.golive.host.HostRoot;
import dev.golive.host.ProcessCommandRunner;
import dev.golive.model.Fact;
import dev.golive.model.GoToolchainFacts;
import dev.golive.model.Source;

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
            String[] f = Text.fields(version.stdout());
            ver = f.length >= 3 ? Fact.of(f[2], new Source.Command(version.commandLine())) : Fact.unknown("unexpected output of go version");
        } else {
            ver = Fact.unknown(notInstalled(version) ? GoToolchainFacts.NOT_INSTALLED : version.problem());
        }
        Map<String, Fact<String>> values = new TreeMap<>();
        if (env.ok()) {
            Map<String, String> n = flatJson(env.stdout());
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
     * Only a live "not found" means Go is absent; a capture without the command says nothing
     * about the host ("not in capture"), and a go that ran and failed is not "not installed".
     */
    static boolean notInstalled(CommandResult r) {
        return r.failure().map(ProcessCommandRunner.NOT_FOUND::equals).orElse(false);
    }

    /** {"K": "V", …} as a map, with Jackson's streaming parser (databind costs ~50 ms cold); empty on bad JSON. */
    static Map<String, String> flatJson(String text) {
        Map<String, String> m = new TreeMap<>();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Map.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.getCurrentName();
                JsonToken t = p.nextToken();
                if (t.isStructStart()) p.skipChildren();
                else m.put(k, t == JsonToken.VALUE_NULL ? "" : p.getText());
            }
        } catch (java.io.IOException e) {
            return Map.of();
        }
        return m;
    }

}
