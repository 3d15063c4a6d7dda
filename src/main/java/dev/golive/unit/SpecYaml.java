package dev.golive.unit;

import dev.golive.model.Printable;

import dev.golive.config.Yaml;
import dev.golive.config.Yaml.Entry;
import dev.golive.config.Yaml.ListNode;
import dev.golive.config.Yaml.MapNode;
import dev.golive.config.Yaml.Node;
import dev.golive.config.Yaml.Scalar;
import dev.golive.config.Yaml.ScalarType;
import dev.golive.model.GoliveException;
import dev.golive.model.NofileLimit;
import dev.golive.model.ServiceSpec;

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
        // only the first document is read: what follows it is never parsed
        try (Yaml.Documents docs = Yaml.documents(displayName, text)) {
            Reader r = new Reader(displayName);
            Node root = Yaml.whole(docs.next().orElseThrow(() -> GoliveException.badInput(displayName + ": empty spec")));
            if (!(root instanceof MapNode m)) throw r.fail(root, "the spec must be a mapping of keys (name:, exec:, …)");
            return r.top(m);
        } catch (Yaml.SyntaxError e) {
            if (e.io()) throw GoliveException.badInput(displayName + ": " + e.getMessage());
            String msg = e.original().map(o -> o.lines().findFirst().orElse("invalid YAML")).orElse("invalid YAML");
            throw GoliveException.badInput(displayName + (e.located() ? ":" + e.line() + ":" + e.col() : "") + ": " + msg);
        }
    }

    /** One walk over the located tree in file order; fields are filled as found, the first problem is the one reported. */
    private static final class Reader {
        final String file;
        final Map<String, String> pos = new HashMap<>();
        /** The value the walk is at: where a problem with it is reported. */
        Node at;

        Reader(String file) {
            this.file = file;
        }

        static String here(Yaml.Loc l) { return l.prefix(); }

        String here() { return here(at.loc()); }

        GoliveException fail(Node n, String message) { return GoliveException.badInput(here(n.loc()) + ": " + message); }

        GoliveException fail(String message) { return fail(at, message); }

        /** The keys of {@code m}, each checked against {@code allowed}; calls {@code value} per key with the walk at its value. */
        void mapping(MapNode m, String prefix, List<String> allowed, KeyHandler value) {
            Set<String> seen = new java.util.HashSet<>();
            for (Entry e : m.all()) {
                if (e.key() == null) Yaml.whole(e.value());
                String key = e.key();
                if (allowed != null && !allowed.contains(key)) {
                    throw GoliveException.badInput(here(e.keyLoc()) + ": unknown key \"" + Printable.clip(key, 80) + "\""
                            + dev.golive.model.Suggest.didYouMean(Printable.clip(key, 80), allowed));
                }
                if (!seen.add(key)) throw GoliveException.badInput(here(e.keyLoc()) + ": \"" + Printable.clip(key, 80) + "\" is given twice");
                at = Yaml.whole(e.value());
                pos.put(prefix + Printable.clip(key, 80), here()); // the value's position: that is what a later error is about
                value.accept(key);
            }
        }

        interface KeyHandler { void accept(String key); }

        String scalar(String field) {
            Yaml.whole(at);
            if (at instanceof Scalar s && s.type() == ScalarType.NULL) throw fail(field + ": no value");
            if (!(at instanceof Scalar s)) throw fail(field + ": expected a single value, not a " + (at instanceof ListNode ? "list" : "mapping"));
            return s.text();
        }

        int integer(String field) {
            String s = scalar(field);
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                throw fail(Printable.clip(field, 80) + ": \"" + Printable.clip(s, 80) + "\" is not a whole number");
            }
        }

        boolean bool(String field) {
            String s = scalar(field);
            return switch (s) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw fail(field + ": \"" + Printable.clip(s, 80) + "\" is not true or false");
            };
        }

        List<String> list(String field) {
            if (!(at instanceof ListNode l)) throw fail(field + ": expected a list, e.g. [a, b]");
            List<String> out = new ArrayList<>();
            for (Node i : l.items()) {
                at = Yaml.whole(i);
                pos.put(field + "[" + out.size() + "]", here());
                out.add(scalar(field + "[" + out.size() + "]"));
            }
            return out;
        }

        /** The mapping the walk is at, else {@code message} at it. */
        MapNode map(String message) {
            if (!(at instanceof MapNode m)) throw fail(message);
            return m;
        }

        Loaded top(MapNode root) {
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
            mapping(root, "", TOP, key -> {
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
                        MapNode m = map("environment: expected a mapping of NAME: value");
                        mapping(m, "environment.", null, k -> env.put(k, scalar("environment." + Printable.clip(k, 80))));
                    }
                    case "ports" -> {
                        if (!(at instanceof ListNode l)) throw fail("ports: expected a list of port numbers, e.g. [443, 8080]");
                        for (Node i : l.items()) {
                            at = Yaml.whole(i);
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

        ServiceSpec.Resources resources() {
            MapNode m = map("resources: expected a mapping (cpuQuota:, memoryMax:, …)");
            Map<String, String> v = new HashMap<>();
            Optional<NofileLimit>[] nofile = opts();
            Integer[] io = {null}, cpuWeight = {null};
            Map<String, List<String>> lists = new HashMap<>();
            java.util.Set<String> unset = new java.util.TreeSet<>();
            mapping(m, "resources.", RESOURCES, k -> {
                String f = "resources." + k;
                if (UnsetLimits.NAMES.contains(k) && !k.equals("cpuWeight") && at instanceof Scalar sc && sc.type() == ScalarType.STRING
                        && sc.text().strip().equalsIgnoreCase(ServiceSpec.Resources.NONE_WORD)) {
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

        ServiceSpec.Logging logs() {
            MapNode m = map("logs: expected a mapping (syslogIdentifier:, standardOutput:, …)");
            Map<String, String> v = new HashMap<>();
            Integer[] burst = {null};
            mapping(m, "logs.", LOGS, k -> {
                if (k.equals("rateLimitBurst")) burst[0] = integer("logs.rateLimitBurst");
                else v.put(k, scalar("logs." + k));
            });
            return new ServiceSpec.Logging(Optional.ofNullable(v.get("syslogIdentifier")), Optional.ofNullable(v.get("standardOutput")),
                    Optional.ofNullable(v.get("standardError")), Optional.ofNullable(v.get("rateLimitIntervalSec")), Optional.ofNullable(burst[0]));
        }

        ServiceSpec.Restart restart() {
            MapNode m = map("restart: expected a mapping (policy:, restartSec:, …)");
            ServiceSpec.Restart d = ServiceSpec.Restart.DEFAULT;
            String[] s = {d.policy(), d.restartSec(), d.startLimitIntervalSec()};
            int[] burst = {d.startLimitBurst()};
            mapping(m, "restart.", RESTART, k -> {
                switch (k) {
                    case "policy" -> s[0] = scalar("restart.policy");
                    case "restartSec" -> s[1] = scalar("restart.restartSec");
                    case "startLimitIntervalSec" -> s[2] = scalar("restart.startLimitIntervalSec");
                    default -> burst[0] = integer("restart.startLimitBurst");
                }
            });
            return new ServiceSpec.Restart(s[0], s[1], s[2], burst[0]);
        }

        ServiceSpec.GoRuntime go() {
            MapNode node = map("go: expected a mapping (mode:, gomaxprocs:, …)");
            ServiceSpec.GoRuntime.Mode[] mode = {ServiceSpec.GoRuntime.Mode.DERIVE};
            Optional<Integer>[] procs = opts();
            Optional<String>[] mem = opts();
            int[] pct = {90};
            String[] pctAt = {null};
            mapping(node, "go.", GO, k -> {
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
