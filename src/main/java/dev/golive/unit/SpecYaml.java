package dev.golive.unit;

import dev.golive.model.Printable;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.golive.model.GoliveException;
import dev.golive.model.NofileLimit;
import dev.golive.model.ServiceSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A service spec in YAML, read strictly: an unknown or repeated key, or a value of the wrong
 * shape, is one line {@code FILE:LINE:COL: message} (with a "did you mean" for a near miss).
 * The position of every value is kept so that validation errors point into the file too.
 *
 * <pre>
 * name: app
 * exec: /usr/local/bin/app
 * args: [--listen, ":8080"]
 * user: app                  # or dynamicUser: true
 * group: app                 # Group=; default the user's primary group
 * healthUrl: http://127.0.0.1:8080/healthz   # what apply --finish's health step asks
 * environment: {APP_ENV: prod}
 * ports: [443]
 * resources: {cpuQuota: 200%, memoryMax: 2G, nofile: "65536:524288"}
 * restart: {policy: on-failure, restartSec: 5s, startLimitIntervalSec: 60s, startLimitBurst: 15}
 * hardening: strict
 * go: {mode: derive, memLimitPercent: 90}
 * </pre>
 */
public final class SpecYaml {

    private SpecYaml() { }

    static final List<String> TOP = List.of("name", "description", "exec", "args", "user", "group", "dynamicUser", "workingDirectory",
            "stateDirectories", "environment", "ports", "resources", "restart", "hardening", "go", "logs", "healthUrl");
    static final List<String> RESOURCES = List.of("cpuQuota", "memoryMax", "memoryHigh", "tasksMax", "nofile", "ioWeight",
            "cpuWeight", "memoryLow", "memoryMin", "ioReadBandwidthMax", "ioWriteBandwidthMax", "allowedCpus", "cpuAffinity");
    static final List<String> RESTART = List.of("policy", "restartSec", "startLimitIntervalSec", "startLimitBurst");
    static final List<String> LOGS = List.of("syslogIdentifier", "standardOutput", "standardError", "rateLimitIntervalSec", "rateLimitBurst");
    static final List<String> GO = List.of("mode", "gomaxprocs", "gomemlimit", "memLimitPercent");

    /** The spec and where each field was in the file ({@code resources.memoryMax} → {@code spec.yaml:7:14}). */
    public record Loaded(ServiceSpec spec, Map<String, String> positions) {
        public Loaded { positions = Map.copyOf(positions); }

        /** Labels for {@link SpecValidator}: {@code spec.yaml:7:14: resources.memoryMax}. */
        public UnaryOperator<String> labels(String displayName) {
            return field -> {
                String p = positions.get(field);
                if (p == null) {
                    int dot = field.lastIndexOf('.');
                    int br = field.indexOf('[');
                    String parent = br > 0 ? field.substring(0, br) : dot > 0 ? field.substring(0, dot) : null;
                    p = parent == null ? null : positions.get(parent);
                }
                return (p == null ? displayName : p) + ": " + field;
            };
        }
    }

    public static Loaded parse(String displayName, String text) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            Reader r = new Reader(p, displayName);
            JsonToken t = p.nextToken();
            if (t == null) throw GoliveException.badInput(displayName + ": empty spec");
            if (t != JsonToken.START_OBJECT) throw r.fail("the spec must be a mapping of keys (name:, exec:, …)");
            return r.top();
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage() == null ? "invalid YAML" : e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
            throw GoliveException.badInput(displayName + (l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr()) + ": " + msg);
        } catch (IOException e) {
            throw GoliveException.badInput(displayName + ": " + e.getMessage());
        }
    }

    /** One pass over the token stream; fields are filled as found. */
    private static final class Reader {
        final JsonParser p;
        final String file;
        final Map<String, String> pos = new HashMap<>();

        Reader(JsonParser p, String file) {
            this.p = p;
            this.file = file;
        }

        String here() {
            JsonLocation l = p.currentTokenLocation();
            return file + ":" + l.getLineNr() + ":" + l.getColumnNr();
        }

        GoliveException fail(String message) { return GoliveException.badInput(here() + ": " + message); }

        /** The keys of the mapping the parser is at, each checked against {@code allowed}; calls {@code value} per key. */
        void mapping(String prefix, List<String> allowed, KeyHandler value) throws IOException {
            Set<String> seen = new java.util.HashSet<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (allowed != null && !allowed.contains(key)) {
                    throw fail("unknown key \"" + Printable.clip(key, 80) + "\"" + dev.golive.model.Suggest.didYouMean(Printable.clip(key, 80), allowed));
                }
                if (!seen.add(key)) throw fail("\"" + Printable.clip(key, 80) + "\" is given twice");
                p.nextToken();
                pos.put(prefix + Printable.clip(key, 80), here()); // the value's position: that is what a later error is about
                value.accept(key);
            }
            if (t != JsonToken.END_OBJECT) throw fail("expected a key");
        }

        interface KeyHandler { void accept(String key) throws IOException; }

        String scalar(String field) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL) throw fail(field + ": no value");
            if (!t.isScalarValue()) throw fail(field + ": expected a single value, not a " + (t == JsonToken.START_ARRAY ? "list" : "mapping"));
            return p.getText();
        }

        int integer(String field) throws IOException {
            String s = scalar(field);
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                throw fail(Printable.clip(field, 80) + ": \"" + Printable.clip(s, 80) + "\" is not a whole number");
            }
        }

        boolean bool(String field) throws IOException {
            String s = scalar(field);
            return switch (s) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw fail(field + ": \"" + Printable.clip(s, 80) + "\" is not true or false");
            };
        }

        List<String> list(String field) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) throw fail(field + ": expected a list, e.g. [a, b]");
            List<String> out = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) throw fail(field + ": unterminated list");
                pos.put(field + "[" + out.size() + "]", here());
                out.add(scalar(field + "[" + out.size() + "]"));
            }
            return out;
        }

        Loaded top() throws IOException {
            String[] name = {null};
            Optional<String>[] description = opts(), exec = opts(), user = opts(), workingDirectory = opts(), group = opts(),
                    healthUrl = opts();
            List<String> args = new ArrayList<>(), stateDirs = new ArrayList<>();
            boolean[] dynamicUser = {false};
            Map<String, String> env = new LinkedHashMap<>();
            List<Integer> ports = new ArrayList<>();
            ServiceSpec.Resources[] res = {ServiceSpec.Resources.NONE};
            ServiceSpec.Restart[] restart = {ServiceSpec.Restart.DEFAULT};
            ServiceSpec.Hardening[] hardening = {ServiceSpec.Hardening.BASIC};
            ServiceSpec.GoRuntime[] go = {ServiceSpec.GoRuntime.DEFAULT};
            ServiceSpec.Logging[] logs = {ServiceSpec.Logging.NONE};
            mapping("", TOP, key -> {
                switch (key) {
                    case "name" -> name[0] = scalar(key);
                    case "description" -> description[0] = Optional.of(scalar(key));
                    case "exec" -> exec[0] = Optional.of(scalar(key));
                    case "args" -> args.addAll(list(key));
                    case "user" -> user[0] = Optional.of(scalar(key));
                    case "group" -> group[0] = Optional.of(scalar(key));
                    case "healthUrl" -> healthUrl[0] = Optional.of(scalar(key));
                    case "dynamicUser" -> dynamicUser[0] = bool(key);
                    case "workingDirectory" -> workingDirectory[0] = Optional.of(scalar(key));
                    case "stateDirectories" -> stateDirs.addAll(list(key));
                    case "environment" -> {
                        if (p.currentToken() != JsonToken.START_OBJECT) throw fail("environment: expected a mapping of NAME: value");
                        mapping("environment.", null, k -> env.put(k, scalar("environment." + Printable.clip(k, 80))));
                    }
                    case "ports" -> {
                        if (p.currentToken() != JsonToken.START_ARRAY) throw fail("ports: expected a list of port numbers, e.g. [443, 8080]");
                        JsonToken t;
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t == null) throw fail("ports: unterminated list");
                            pos.put("ports[" + ports.size() + "]", here());
                            ports.add(integer("ports[" + ports.size() + "]"));
                        }
                    }
                    case "resources" -> res[0] = resources();
                    case "restart" -> restart[0] = restart();
                    case "hardening" -> {
                        String h = scalar(key);
                        try {
                            hardening[0] = ServiceSpec.Hardening.valueOf(h.toUpperCase(java.util.Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw fail("hardening: \"" + Printable.clip(h, 80) + "\" is not none, basic or strict");
                        }
                    }
                    case "go" -> go[0] = go();
                    case "logs" -> logs[0] = logs();
                    default -> throw new IllegalStateException(key);
                }
            });
            if (name[0] == null) throw GoliveException.badInput(file + ": name: missing (the service's name, e.g. name: app)");
            ServiceSpec spec = new ServiceSpec(name[0], description[0], exec[0], args, user[0], dynamicUser[0], workingDirectory[0],
                    stateDirs, env, ports, res[0], restart[0], hardening[0], go[0], logs[0], group[0], healthUrl[0]);
            return new Loaded(spec, pos);
        }

        ServiceSpec.Resources resources() throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) throw fail("resources: expected a mapping (cpuQuota:, memoryMax:, …)");
            Map<String, String> v = new HashMap<>();
            Optional<NofileLimit>[] nofile = opts();
            Integer[] io = {null}, cpuWeight = {null};
            Map<String, List<String>> lists = new HashMap<>();
            java.util.Set<String> unset = new java.util.TreeSet<>();
            mapping("resources.", RESOURCES, k -> {
                String f = "resources." + k;
                if (UnsetLimits.NAMES.contains(k) && !k.equals("cpuWeight") && p.currentToken() == JsonToken.VALUE_STRING
                        && p.getText().strip().equalsIgnoreCase(ServiceSpec.Resources.NONE_WORD)) {
                    unset.add(k); // golive sets none: not a profile's value, and its own earlier line goes
                    return;
                }
                if (k.equals("ioWeight")) io[0] = integer(f);
                else if (k.equals("cpuWeight")) cpuWeight[0] = integer(f);
                else if (k.endsWith("BandwidthMax")) lists.put(k, list(f));
                else if (k.equals("nofile")) {
                    String s = scalar(f);
                    nofile[0] = Optional.of(NofileLimit.parse(s).orElseThrow(() -> fail(f + ": \"" + Printable.clip(s, 80) + "\" is not SOFT:HARD (e.g. \"65536:524288\") or one number, each "
                            + SpecValidator.NOFILE_RANGE)));
                } else v.put(k, scalar(f));
            });
            return new ServiceSpec.Resources(Optional.ofNullable(v.get("cpuQuota")), Optional.ofNullable(v.get("memoryMax")),
                    Optional.ofNullable(v.get("memoryHigh")), Optional.ofNullable(v.get("tasksMax")), nofile[0], Optional.ofNullable(io[0]),
                    Optional.ofNullable(cpuWeight[0]), Optional.ofNullable(v.get("memoryLow")), Optional.ofNullable(v.get("memoryMin")),
                    lists.getOrDefault("ioReadBandwidthMax", List.of()), lists.getOrDefault("ioWriteBandwidthMax", List.of()),
                    Optional.ofNullable(v.get("allowedCpus")), Optional.ofNullable(v.get("cpuAffinity"))).withUnset(unset);
        }

        ServiceSpec.Logging logs() throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) throw fail("logs: expected a mapping (syslogIdentifier:, standardOutput:, …)");
            Map<String, String> v = new HashMap<>();
            Integer[] burst = {null};
            mapping("logs.", LOGS, k -> {
                if (k.equals("rateLimitBurst")) burst[0] = integer("logs.rateLimitBurst");
                else v.put(k, scalar("logs." + k));
            });
            return new ServiceSpec.Logging(Optional.ofNullable(v.get("syslogIdentifier")), Optional.ofNullable(v.get("standardOutput")),
                    Optional.ofNullable(v.get("standardError")), Optional.ofNullable(v.get("rateLimitIntervalSec")), Optional.ofNullable(burst[0]));
        }

        ServiceSpec.Restart restart() throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) throw fail("restart: expected a mapping (policy:, restartSec:, …)");
            ServiceSpec.Restart d = ServiceSpec.Restart.DEFAULT;
            String[] s = {d.policy(), d.restartSec(), d.startLimitIntervalSec()};
            int[] burst = {d.startLimitBurst()};
            mapping("restart.", RESTART, k -> {
                switch (k) {
                    case "policy" -> s[0] = scalar("restart.policy");
                    case "restartSec" -> s[1] = scalar("restart.restartSec");
                    case "startLimitIntervalSec" -> s[2] = scalar("restart.startLimitIntervalSec");
                    default -> burst[0] = integer("restart.startLimitBurst");
                }
            });
            return new ServiceSpec.Restart(s[0], s[1], s[2], burst[0]);
        }

        ServiceSpec.GoRuntime go() throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) throw fail("go: expected a mapping (mode:, gomaxprocs:, …)");
            ServiceSpec.GoRuntime.Mode[] mode = {ServiceSpec.GoRuntime.Mode.DERIVE};
            Optional<Integer>[] procs = opts();
            Optional<String>[] mem = opts();
            int[] pct = {90};
            String[] pctAt = {null};
            mapping("go.", GO, k -> {
                switch (k) {
                    case "mode" -> {
                        String m = scalar("go.mode");
                        if (m.equals("derive")) mode[0] = ServiceSpec.GoRuntime.Mode.DERIVE;
                        else if (m.equals("off")) mode[0] = ServiceSpec.GoRuntime.Mode.OFF;
                        else throw fail("go.mode: \"" + Printable.clip(m, 80) + "\" is not derive or off");
                    }
                    case "gomaxprocs" -> procs[0] = Optional.of(integer("go.gomaxprocs"));
                    case "gomemlimit" -> mem[0] = Optional.of(scalar("go.gomemlimit"));
                    default -> {
                        pctAt[0] = here();
                        pct[0] = integer("go.memLimitPercent");
                    }
                }
            });
            if (pct[0] < 50 || pct[0] > 100) {
                throw GoliveException.badInput(pctAt[0] + ": go.memLimitPercent: " + pct[0] + " is outside 50..100 (DOMAIN.md suggests 90 to 95)");
            }
            return new ServiceSpec.GoRuntime(mode[0], procs[0], mem[0], pct[0]);
        }

        @SuppressWarnings("unchecked")
        static <T> Optional<T>[] opts() { return new Optional[] {Optional.empty()}; }
    }
}
