package dev.golive.config;

import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment systemd passes to a service from its unit (systemd.exec(5)):
 * {@code Environment=} assignments in order, then each {@code EnvironmentFile=} in order —
 * "settings from these files override settings made with Environment=" — read through the
 * {@link HostRoot}; a {@code -} before the file name means a missing file is fine. Then
 * {@code UnsetEnvironment=} removes names (or exact NAME=VALUE pairs). Variables that
 * {@code PassEnvironment=} takes from the manager's own environment cannot be known from
 * files and are Unknown. Each value carries the file:line that set it.
 */
public final class ServiceEnvironment {

    /**
     * The variables golive's rules read: when an environment file cannot be read, these are
     * Unknown (they may be set there) rather than silently absent.
     */
    public static final List<String> GO_RUNTIME_VARS = List.of("GOMAXPROCS", "GOMEMLIMIT", "GOGC", "GODEBUG");

    /** The environment, and lines systemd would ignore or files it would refuse (with file:line). */
    public record Result(Map<String, Fact<String>> variables, List<String> problems) {
        public Result {
            variables = java.util.Collections.unmodifiableMap(new TreeMap<>(variables));
            problems = List.copyOf(problems);
        }
    }

    private ServiceEnvironment() { }

    public static Result resolve(HostRoot root, List<UnitDirective> directives) {
        Map<String, Fact<String>> env = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (UnitDirective d : directives) {
            if (!d.section().equals("Service") || !d.key().equals("Environment")) continue;
            try {
                SystemdWords.environment(d.value()).forEach((k, v) -> env.put(k, Fact.of(v, d.source())));
            } catch (SystemdWords.WordException e) {
                problems.add(d.source().path() + ":" + d.source().line() + ": Environment=: " + e.getMessage());
            }
        }
        for (UnitDirective d : directives) {
            if (!d.section().equals("Service") || !d.key().equals("EnvironmentFile")) continue;
            String spec = d.value().strip();
            boolean optional = spec.startsWith("-");
            String path = optional ? spec.substring(1).strip() : spec;
            String at = d.source().path() + ":" + d.source().line();
            if (!path.startsWith("/")) {
                problems.add(at + ": EnvironmentFile=" + path + ": not an absolute path; systemd ignores it");
                continue;
            }
            Fact<String> text = root.read(path);
            if (!text.known()) {
                String why = text instanceof Fact.Unknown<String> u ? u.reason() : path;
                if (optional && why.endsWith(": no such file")) continue; // "-": a missing file is not an error
                if (!optional) problems.add(at + ": EnvironmentFile=" + path + " cannot be read (" + why + "); systemd refuses to start the service");
                for (String k : GO_RUNTIME_VARS) {
                    env.put(k, Fact.unknown(k + " may be set in " + path + ", which cannot be read: " + why));
                }
                continue;
            }
            EnvironmentFile.Parsed parsed = EnvironmentFile.parse(text.orElse(""));
            for (EnvironmentFile.Problem p : parsed.problems()) problems.add(path + ":" + p.line() + ": " + p.message());
            for (EnvironmentFile.Assignment a : parsed.assignments()) env.put(a.key(), Fact.of(a.value(), new Source.File(path, a.line())));
        }
        for (UnitDirective d : directives) {
            if (!d.section().equals("Service") || !d.key().equals("PassEnvironment")) continue;
            for (String name : d.value().strip().split("\\s+")) {
                if (!name.isEmpty()) env.put(name, Fact.unknown(name + " comes from the service manager's environment (PassEnvironment= at "
                        + d.source().path() + ":" + d.source().line() + ")"));
            }
        }
        for (UnitDirective d : directives) {
            if (!d.section().equals("Service") || !d.key().equals("UnsetEnvironment")) continue;
            try {
                for (String w : SystemdWords.split(d.value())) {
                    int eq = w.indexOf('=');
                    if (eq < 0) env.remove(w);
                    else env.computeIfPresent(w.substring(0, eq), (k, f) -> f.opt().filter(v -> v.equals(w.substring(eq + 1))).isPresent() ? null : f);
                }
            } catch (SystemdWords.WordException e) {
                problems.add(d.source().path() + ":" + d.source().line() + ": UnsetEnvironment=: " + e.getMessage());
            }
        }
        return new Result(env, problems);
    }
}
