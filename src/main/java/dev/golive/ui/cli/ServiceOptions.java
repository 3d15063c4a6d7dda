package dev.golive.ui.cli;

import dev.golive.model.Printable;

import dev.golive.model.GoVersion;
import dev.golive.model.GoliveException;
import dev.golive.model.NofileLimit;
import dev.golive.model.ServiceSpec;
import dev.golive.unit.SpecInputs;
import dev.golive.unit.SpecValidator;
import dev.golive.unit.SpecYaml;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The service spec as command-line options (a picocli mixin shared by unit, plan and
 * apply): {@code --spec FILE.yaml} gives a base, and every option given on the command line
 * overrides the file's value. Errors name the option the admin typed ({@code --memory-max}),
 * or the file position for values that came from the spec file.
 */
public final class ServiceOptions {

    @Option(names = "--service", paramLabel = "NAME", description = "Service name (app or app.service).")
    String service;

    @Option(names = "--spec", paramLabel = "FILE.yaml", description = "Service spec file; options given here override it.")
    Path specFile;

    @Option(names = "--description", paramLabel = "TEXT", description = "Description= of a new unit.")
    String description;

    @Option(names = "--exec", paramLabel = "PATH", description = "Absolute path of the service binary (ExecStart=).")
    String exec;

    @Option(names = "--arg", paramLabel = "A", description = "One argument for the binary (repeatable, in order).")
    List<String> args;

    @Option(names = "--user", paramLabel = "U", description = "Run as this user (User=); apply --finish creates it as a system user when missing.")
    String user;

    @Option(names = "--group", paramLabel = "G", description = "Group= (default: the primary group of --user); apply --finish creates it as a system group when missing.")
    String group;

    @Option(names = "--dynamic-user", description = "Run as a transient user systemd allocates (DynamicUser=yes).")
    Boolean dynamicUser;

    @Option(names = "--working-directory", paramLabel = "DIR", description = "WorkingDirectory=.")
    String workingDirectory;

    @Option(names = "--state-directory", paramLabel = "NAME", description = "StateDirectory= below /var/lib (repeatable).")
    List<String> stateDirectories;

    @Option(names = "--env", paramLabel = "K=V", description = "Environment variable (repeatable).")
    List<String> env;

    @Option(names = "--port", paramLabel = "N", description = "Port the service listens on (repeatable); below 1024 adds CAP_NET_BIND_SERVICE.")
    List<Integer> ports;

    @Option(names = "--cpu-quota", paramLabel = "PCT", description = "CPUQuota=, e.g. 200%% for two CPUs; infinity: no quota; none: golive sets none (see docs/unit.md).")
    String cpuQuota;

    @Option(names = "--memory-max", paramLabel = "SIZE", description = "MemoryMax=, e.g. 2G (GOMEMLIMIT is derived from it); infinity: no limit; none: golive sets none.")
    String memoryMax;

    @Option(names = "--memory-high", paramLabel = "SIZE", description = "MemoryHigh= (cgroup v2 only).")
    String memoryHigh;

    @Option(names = "--tasks-max", paramLabel = "N", description = "TasksMax=; infinity; none: golive sets none.")
    String tasksMax;

    @Option(names = "--nofile", paramLabel = "S:H", description = "LimitNOFILE=soft:hard; infinity; none: golive sets none.")
    String nofile;

    @Option(names = "--io-weight", paramLabel = "N", description = "IOWeight= (1..10000).")
    Integer ioWeight;

    @Option(names = "--cpu-weight", paramLabel = "N", description = "CPUWeight= (1..10000, default 100): the share of CPU under contention.")
    Integer cpuWeight;

    @Option(names = "--memory-low", paramLabel = "SIZE", description = "MemoryLow=: memory kept from reclaim while others have spare (cgroup v2 only).")
    String memoryLow;

    @Option(names = "--memory-min", paramLabel = "SIZE", description = "MemoryMin=: memory never reclaimed (cgroup v2 only, systemd 240).")
    String memoryMin;

    @Option(names = "--io-read-bandwidth-max", paramLabel = "'DEV BYTES'", description = "IOReadBandwidthMax=, e.g. '/dev/sda 50M' (base 1000; repeatable).")
    List<String> ioReadBandwidthMax;

    @Option(names = "--io-write-bandwidth-max", paramLabel = "'DEV BYTES'", description = "IOWriteBandwidthMax=, e.g. '/dev/sda 20M' (base 1000; repeatable).")
    List<String> ioWriteBandwidthMax;

    @Option(names = "--allowed-cpus", paramLabel = "LIST", description = "AllowedCPUs=, e.g. 0-3 (cpuset; cgroup v2 only, systemd 244).")
    String allowedCpus;

    @Option(names = "--cpu-affinity", paramLabel = "LIST", description = "CPUAffinity=, e.g. 0-3 (any cgroup layout).")
    String cpuAffinity;

    @Option(names = "--syslog-identifier", paramLabel = "TAG", description = "SyslogIdentifier=: the service's tag in the journal.")
    String syslogIdentifier;

    @Option(names = "--standard-output", paramLabel = "WHERE", description = "StandardOutput= (default journal).")
    String standardOutput;

    @Option(names = "--standard-error", paramLabel = "WHERE", description = "StandardError= (default: as StandardOutput=).")
    String standardError;

    @Option(names = "--log-rate-limit-interval", paramLabel = "TIME", description = "LogRateLimitIntervalSec= (systemd 240; 0 turns the limit off).")
    String logRateLimitInterval;

    @Option(names = "--log-rate-limit-burst", paramLabel = "N", description = "LogRateLimitBurst= (systemd 240).")
    Integer logRateLimitBurst;

    /** {@code golive unit} also takes it as {@code --restart}; apply's {@code --restart} runs the restarts. */
    @Option(names = "--restart-policy", paramLabel = "POLICY", description = "Restart= (default " + ServiceSpec.Restart.DEFAULT_POLICY + ").")
    String restart;

    @Option(names = "--restart-sec", paramLabel = "TIME", description = "RestartSec= (default " + ServiceSpec.Restart.DEFAULT_RESTART_SEC + ").")
    String restartSec;

    @Option(names = "--start-limit-interval", paramLabel = "TIME", description = "StartLimitIntervalSec= (default " + ServiceSpec.Restart.DEFAULT_START_LIMIT_INTERVAL + ").")
    String startLimitInterval;

    @Option(names = "--start-limit-burst", paramLabel = "N", description = "StartLimitBurst= (default " + ServiceSpec.Restart.DEFAULT_START_LIMIT_BURST + ").")
    Integer startLimitBurst;

    @Option(names = "--hardening", paramLabel = "LEVEL", description = "none, basic (default) or strict; see docs/unit.md.")
    String hardening;

    @Option(names = "--gomaxprocs", paramLabel = "N", description = "Set GOMAXPROCS instead of deriving it.")
    Integer gomaxprocs;

    @Option(names = "--gomemlimit", paramLabel = "V", description = "Set GOMEMLIMIT instead of deriving it, e.g. 1800MiB.")
    String gomemlimit;

    @Option(names = "--mem-limit-percent", paramLabel = "PCT", description = "GOMEMLIMIT as this share of MemoryMax (50..100, default 90).")
    Integer memLimitPercent;

    @Option(names = "--no-go-runtime", description = "Set neither GOMAXPROCS nor GOMEMLIMIT.")
    boolean noGoRuntime;

    @Option(names = "--go-mod", paramLabel = "DIR|FILE", description = "The service's Go module directory (or its go.mod): the go line decides whether Go 1.25 reads the CPU quota itself.")
    String goMod;

    /** A spec with the names to use in error messages, and the go.mod line when given. */
    public record Input(ServiceSpec spec, UnaryOperator<String> labels, Optional<GoVersion> goModGo) { }

    static final Map<String, String> OPTION_OF = Map.ofEntries(
            Map.entry("name", "--service"), Map.entry("description", "--description"), Map.entry("exec", "--exec"),
            Map.entry("args", "--arg"), Map.entry("user", "--user"), Map.entry("group", "--group"), Map.entry("healthUrl", "--health-url"), Map.entry("dynamicUser", "--dynamic-user"),
            Map.entry("workingDirectory", "--working-directory"), Map.entry("stateDirectories", "--state-directory"),
            Map.entry("environment", "--env"), Map.entry("ports", "--port"),
            Map.entry("resources.cpuQuota", "--cpu-quota"), Map.entry("resources.memoryMax", "--memory-max"),
            Map.entry("resources.memoryHigh", "--memory-high"), Map.entry("resources.tasksMax", "--tasks-max"),
            Map.entry("resources.nofile", "--nofile"), Map.entry("resources.ioWeight", "--io-weight"),
            Map.entry("resources.cpuWeight", "--cpu-weight"), Map.entry("resources.memoryLow", "--memory-low"),
            Map.entry("resources.memoryMin", "--memory-min"), Map.entry("resources.ioReadBandwidthMax", "--io-read-bandwidth-max"),
            Map.entry("resources.ioWriteBandwidthMax", "--io-write-bandwidth-max"), Map.entry("resources.allowedCpus", "--allowed-cpus"),
            Map.entry("resources.cpuAffinity", "--cpu-affinity"),
            Map.entry("logs.syslogIdentifier", "--syslog-identifier"), Map.entry("logs.standardOutput", "--standard-output"),
            Map.entry("logs.standardError", "--standard-error"), Map.entry("logs.rateLimitIntervalSec", "--log-rate-limit-interval"),
            Map.entry("logs.rateLimitBurst", "--log-rate-limit-burst"),
            Map.entry("restart.policy", "--restart-policy"), Map.entry("restart.restartSec", "--restart-sec"),
            Map.entry("restart.startLimitIntervalSec", "--start-limit-interval"), Map.entry("restart.startLimitBurst", "--start-limit-burst"),
            Map.entry("hardening", "--hardening"), Map.entry("go.gomaxprocs", "--gomaxprocs"), Map.entry("go.gomemlimit", "--gomemlimit"),
            Map.entry("go.memLimitPercent", "--mem-limit-percent"));

    /** Whether any of these options was given: plan, apply and export plan a service only then. */
    boolean given() {
        return service != null || givenBeyondName();
    }

    /** Whether any option but --service was given (a capture reads the service; it takes its name only). */
    boolean givenBeyondName() {
        return specFile != null || description != null || exec != null || args != null || user != null || group != null
                || dynamicUser != null || workingDirectory != null || stateDirectories != null || env != null || ports != null
                || cpuQuota != null || memoryMax != null || memoryHigh != null || tasksMax != null || nofile != null || ioWeight != null
                || cpuWeight != null || memoryLow != null || memoryMin != null || ioReadBandwidthMax != null || ioWriteBandwidthMax != null
                || allowedCpus != null || cpuAffinity != null || syslogIdentifier != null || standardOutput != null
                || standardError != null || logRateLimitInterval != null || logRateLimitBurst != null
                || restart != null || restartSec != null || startLimitInterval != null || startLimitBurst != null || hardening != null
                || gomaxprocs != null || gomemlimit != null || memLimitPercent != null || noGoRuntime || goMod != null;
    }

    /** The spec fields the last {@link #build} took from options typed here (not from --spec): a container export refuses those it cannot carry. */
    private java.util.Set<String> typed = java.util.Set.of();

    boolean typed(String field) { return typed.contains(field); }

    /** The spec when any service option was given (then --service or the spec file's name is needed), else empty. */
    public Optional<Input> buildIfGiven() { return given() ? Optional.of(build()) : Optional.empty(); }

    public Input build() {
        Optional<SpecYaml.Loaded> loaded = Optional.ofNullable(specFile).map(SpecInputs::spec);
        ServiceSpec base = loaded.map(SpecYaml.Loaded::spec).orElse(null);
        Map<String, Boolean> fromCli = new HashMap<>();

        String name = pick(service, base == null ? null : base.name(), "name", fromCli);
        if (name == null) throw GoliveException.badInput("--service: missing (the service's name, e.g. --service app)");
        ServiceSpec b = base != null ? base : ServiceSpec.named(name);

        Map<String, String> environment = new LinkedHashMap<>(b.environment());
        if (env != null) {
            for (String kv : env) {
                int eq = kv.indexOf('=');
                if (eq <= 0) throw GoliveException.badInput("--env: \"" + Printable.clip(kv, 80) + "\" is not NAME=VALUE");
                environment.put(kv.substring(0, eq), kv.substring(eq + 1));
                fromCli.put("environment." + kv.substring(0, eq), true);
            }
        }
        // "none": golive sets nothing for it (not the spec file's value, not a profile's) and takes its own earlier line away
        Map<String, String> limits = new LinkedHashMap<>();
        limits.put("cpuQuota", cpuQuota);
        limits.put("memoryMax", memoryMax);
        limits.put("memoryHigh", memoryHigh);
        limits.put("tasksMax", tasksMax);
        limits.put("nofile", nofile);
        limits.put("memoryLow", memoryLow);
        limits.put("memoryMin", memoryMin);
        limits.put("allowedCpus", allowedCpus);
        limits.put("cpuAffinity", cpuAffinity);
        java.util.Set<String> unset = new java.util.TreeSet<>(b.resources().unset());
        limits.forEach((k, v) -> {
            if (v == null) return;
            if (v.strip().equalsIgnoreCase(ServiceSpec.Resources.NONE_WORD)) unset.add(k);
            else unset.remove(k); // a value on the command line wins over the spec file's none
        });
        java.util.function.UnaryOperator<String> valueOf = v -> v != null && v.strip().equalsIgnoreCase(ServiceSpec.Resources.NONE_WORD) ? null : v;
        Optional<NofileLimit> nf = b.resources().nofile();
        if (nofile != null && unset.contains("nofile")) {
            nf = Optional.empty();
            fromCli.put("resources.nofile", true);
        } else if (nofile != null) {
            nf = Optional.of(NofileLimit.parse(nofile).orElseThrow(() -> GoliveException.badInput("--nofile: \"" + Printable.clip(nofile, 80) + "\" is not SOFT:HARD (e.g. 65536:524288) or one number, each "
                    + SpecValidator.NOFILE_RANGE)));
            fromCli.put("resources.nofile", true);
        }
        ServiceSpec.Resources r = b.resources();
        ServiceSpec.Resources res = new ServiceSpec.Resources(
                opt(valueOf.apply(cpuQuota), r.cpuQuota(), "resources.cpuQuota", fromCli), opt(valueOf.apply(memoryMax), r.memoryMax(), "resources.memoryMax", fromCli),
                opt(valueOf.apply(memoryHigh), r.memoryHigh(), "resources.memoryHigh", fromCli), opt(valueOf.apply(tasksMax), r.tasksMax(), "resources.tasksMax", fromCli),
                nf, opt(ioWeight, r.ioWeight(), "resources.ioWeight", fromCli),
                opt(cpuWeight, r.cpuWeight(), "resources.cpuWeight", fromCli), opt(valueOf.apply(memoryLow), r.memoryLow(), "resources.memoryLow", fromCli),
                opt(valueOf.apply(memoryMin), r.memoryMin(), "resources.memoryMin", fromCli),
                list(ioReadBandwidthMax, r.ioReadBandwidthMax(), "resources.ioReadBandwidthMax", fromCli),
                list(ioWriteBandwidthMax, r.ioWriteBandwidthMax(), "resources.ioWriteBandwidthMax", fromCli),
                opt(valueOf.apply(allowedCpus), r.allowedCpus(), "resources.allowedCpus", fromCli),
                opt(valueOf.apply(cpuAffinity), r.cpuAffinity(), "resources.cpuAffinity", fromCli)).withUnset(unset);
        ServiceSpec.Restart rs = b.restart();
        ServiceSpec.Restart restartPolicy = new ServiceSpec.Restart(
                pick(restart, rs.policy(), "restart.policy", fromCli), pick(restartSec, rs.restartSec(), "restart.restartSec", fromCli),
                pick(startLimitInterval, rs.startLimitIntervalSec(), "restart.startLimitIntervalSec", fromCli),
                pick(startLimitBurst, rs.startLimitBurst(), "restart.startLimitBurst", fromCli));
        ServiceSpec.GoRuntime g = b.go();
        if (memLimitPercent != null) fromCli.put("go.memLimitPercent", true);
        int pct = memLimitPercent != null ? memLimitPercent : g.memLimitPercent();
        if (pct < 50 || pct > 100) throw GoliveException.badInput("--mem-limit-percent: " + pct + " is outside 50..100 (DOMAIN.md suggests 90 to 95)");
        ServiceSpec.GoRuntime go = new ServiceSpec.GoRuntime(noGoRuntime ? ServiceSpec.GoRuntime.Mode.OFF : g.mode(),
                opt(gomaxprocs, g.gomaxprocs(), "go.gomaxprocs", fromCli), opt(gomemlimit, g.gomemlimit(), "go.gomemlimit", fromCli), pct);

        ServiceSpec spec = new ServiceSpec(name,
                opt(description, b.description(), "description", fromCli),
                opt(exec, b.exec(), "exec", fromCli),
                list(args, b.arguments(), "args", fromCli),
                opt(user, b.user(), "user", fromCli),
                pick(dynamicUser, b.dynamicUser(), "dynamicUser", fromCli),
                opt(workingDirectory, b.workingDirectory(), "workingDirectory", fromCli),
                list(stateDirectories, b.stateDirectories(), "stateDirectories", fromCli),
                environment,
                list(ports, b.ports(), "ports", fromCli),
                res, restartPolicy,
                pick(hardeningLevel(), b.hardening(), "hardening", fromCli),
                go, logging(b.logging(), fromCli),
                opt(group, b.group(), "group", fromCli),
                b.healthUrl());
        UnaryOperator<String> fileLabels = loaded.map(l -> l.labels(specFile.toString())).orElse(null);
        UnaryOperator<String> labels = field -> {
            String root = rootOf(field);
            if (fileLabels != null && !fromCli.containsKey(field) && !fromCli.containsKey(root)) return fileLabels.apply(field);
            String opt = OPTION_OF.getOrDefault(field, OPTION_OF.get(root));
            if (opt == null) return field;
            return field.startsWith("environment.") ? opt + " " + field.substring("environment.".length()) : opt; // already one line
        };
        Optional<GoVersion> mod = Optional.ofNullable(goMod).map(Path::of).map(SpecInputs::goModGo);
        typed = java.util.Set.copyOf(fromCli.keySet());
        return new Input(spec, labels, mod);
    }

    private ServiceSpec.Logging logging(ServiceSpec.Logging l, Map<String, Boolean> fromCli) {
        return new ServiceSpec.Logging(opt(syslogIdentifier, l.syslogIdentifier(), "logs.syslogIdentifier", fromCli),
                opt(standardOutput, l.standardOutput(), "logs.standardOutput", fromCli),
                opt(standardError, l.standardError(), "logs.standardError", fromCli),
                opt(logRateLimitInterval, l.rateLimitIntervalSec(), "logs.rateLimitIntervalSec", fromCli),
                opt(logRateLimitBurst, l.rateLimitBurst(), "logs.rateLimitBurst", fromCli));
    }

    private ServiceSpec.Hardening hardeningLevel() {
        if (hardening == null) return null;
        try {
            return ServiceSpec.Hardening.valueOf(hardening.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GoliveException.badInput("--hardening: \"" + Printable.clip(hardening, 80) + "\" is not none, basic or strict");
        }
    }

    /** {@code args[2]} → {@code args}; {@code environment.X} → {@code environment}. */
    private static String rootOf(String field) {
        int br = field.indexOf('[');
        if (br > 0) return field.substring(0, br);
        return field.startsWith("environment.") ? "environment" : field;
    }

    private static <T> T pick(T cli, T base, String field, Map<String, Boolean> fromCli) {
        if (cli != null) {
            fromCli.put(field, true);
            return cli;
        }
        return base;
    }

    private static <T> Optional<T> opt(T cli, Optional<T> base, String field, Map<String, Boolean> fromCli) {
        return Optional.ofNullable(pick(cli, base.orElse(null), field, fromCli));
    }

    private static <T> List<T> list(List<T> cli, List<T> base, String field, Map<String, Boolean> fromCli) {
        return new ArrayList<>(pick(cli, base, field, fromCli));
    }

}
