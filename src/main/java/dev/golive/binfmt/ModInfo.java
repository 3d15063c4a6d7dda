package dev.golive.binfmt;

import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoliveException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module information a Go binary carries (the text {@code go version -m} prints after
 * the version): main package path, main module, dependencies and build settings. Lines are
 * tab separated: {@code path P}, {@code mod PATH VERSION [SUM]}, {@code dep PATH VERSION [SUM]},
 * {@code => PATH VERSION [SUM]} (the replacement of the line before) and
 * {@code build KEY=VALUE}, where key and value may be Go-quoted (cmd/go quotes any value
 * with a space, tab, quote or newline, e.g. {@code -ldflags="-s -w"}).
 */
public record ModInfo(String goVersion, String path, Optional<Module> main, List<Module> deps, Map<String, String> settings) {

    /** A module line; {@code replacedBy} is set when a {@code =>} line followed it. */
    public record Module(String path, String version, String sum, Optional<Module> replacedBy) {
        public String describe() {
            return path + (version.isEmpty() ? "" : "@" + version)
                    + replacedBy.map(r -> " => " + r.describe()).orElse("");
        }
    }

    public ModInfo {
        deps = List.copyOf(deps);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public GoBuildInfo toGoBuildInfo() {
        return new GoBuildInfo(goVersion, path, main.map(Module::path).orElse(""), settings);
    }

    /**
     * Parses modinfo text whose sentinels are already stripped. {@code goVersion} comes from
     * the binary's header; a {@code go} line in the text (as printed by
     * {@code debug.BuildInfo.String}) is accepted too.
     */
    public static ModInfo parse(String goVersion, String text, String displayName) {
        String gv = goVersion;
        String path = "";
        Module main = null;
        List<Module> deps = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty()) continue;
            String where = displayName + ": build info line " + lineNo;
            int tab = line.indexOf('\t');
            String kind = tab < 0 ? line : line.substring(0, tab);
            String rest = tab < 0 ? "" : line.substring(tab + 1);
            switch (kind) {
                case "go" -> gv = rest;
                case "path" -> path = rest;
                case "mod" -> main = module(rest, where);
                case "dep" -> deps.add(module(rest, where));
                case "=>" -> {
                    Module r = module(rest, where);
                    if (!deps.isEmpty() && deps.get(deps.size() - 1).replacedBy().isEmpty()) {
                        Module d = deps.remove(deps.size() - 1);
                        deps.add(new Module(d.path(), d.version(), d.sum(), Optional.of(r)));
                    } else if (main != null && deps.isEmpty() && main.replacedBy().isEmpty()) {
                        main = new Module(main.path(), main.version(), main.sum(), Optional.of(r));
                    } else {
                        throw GoliveException.badInput(where + ": replacement \"=>\" without a module before it");
                    }
                }
                case "build" -> {
                    String[] kv = setting(rest, where);
                    settings.put(kv[0], kv[1]);
                }
                default -> { /* newer Go may add kinds; like go version -m, skip what we do not know */ }
            }
        }
        return new ModInfo(gv, path, Optional.ofNullable(main), deps, settings);
    }

    private static Module module(String rest, String where) {
        String[] f = rest.split("\t", -1);
        if (f.length < 2 || f[0].isEmpty()) throw GoliveException.badInput(where + ": expected PATH<tab>VERSION[<tab>SUM]");
        return new Module(f[0], f[1], f.length > 2 ? f[2] : "", Optional.empty());
    }

    /** Same rules as Go's debug.ParseBuildInfo for a {@code build} line. */
    private static String[] setting(String kv, String where) {
        if (kv.isEmpty()) throw GoliveException.badInput(where + ": build line missing '='");
        String key, raw;
        char c = kv.charAt(0);
        if (c == '=') throw GoliveException.badInput(where + ": build line with missing key");
        if (c == '"' || c == '`') {
            int end = GoQuote.quotedPrefixEnd(kv);
            if (end < 0) throw GoliveException.badInput(where + ": unterminated quoted key");
            key = GoQuote.unquote(kv.substring(0, end), where);
            if (end >= kv.length() || kv.charAt(end) != '=') throw GoliveException.badInput(where + ": build line missing '=' after quoted key");
            raw = kv.substring(end + 1);
        } else {
            int eq = kv.indexOf('=');
            if (eq < 0) throw GoliveException.badInput(where + ": build line missing '='");
            key = kv.substring(0, eq);
            raw = kv.substring(eq + 1);
        }
        String value = !raw.isEmpty() && (raw.charAt(0) == '"' || raw.charAt(0) == '`') ? GoQuote.unquote(raw, where) : raw;
        return new String[] {key, value};
    }
}
