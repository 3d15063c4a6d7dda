package dev.golive.unit;

import dev.golive.config.SystemdWords;
import dev.golive.model.Fact;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceSpec;
import dev.golive.model.UnitDirective;
import dev.golive.model.SystemdDirectives;
import dev.golive.model.SystemdValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The directives a spec turns into, in the order a new unit lists them. Values are escaped
 * for systemd: '%' starts a specifier in every value golive writes ({@code %%} is a literal
 * '%'), ExecStart= also expands {@code $VAR} ({@code $$} is a literal '$'), and words are
 * quoted per {@link SystemdWords#quote}.
 */
final class UnitDirectives {

    private UnitDirectives() { }

    /**
     * Every key golive may write, per section: on a re-edit these are golive's to rewrite or
     * remove; any other line (and every comment) belongs to the admin and stays.
     */
    static final Map<String, Set<String>> MANAGED = Map.of(
            "Unit", Set.of("Description", "After", "Wants", "StartLimitIntervalSec", "StartLimitBurst"),
            "Service", managedService(),
            "Install", Set.of("WantedBy"));

    /**
     * Dependency lists golive only adds to on a re-edit: an admin's extra {@code WantedBy=} or
     * {@code After=} is a choice golive has no reason to undo.
     */
    static final Map<String, Set<String>> ADDITIVE = Map.of(
            "Unit", Set.of("Wants", "After"),
            "Install", Set.of("WantedBy"));

    private static Set<String> managedService() {
        Set<String> s = new java.util.HashSet<>(Set.of("Type", "User", "Group", "DynamicUser", "WorkingDirectory", "StateDirectory",
                "ExecStart", "Restart", "RestartSec", "Environment", "LimitNOFILE", "CPUQuota", "MemoryMax", "MemoryHigh",
                "TasksMax", "IOWeight", "MemoryLimit", "BlockIOWeight", "StartLimitInterval", "StartLimitBurst", "AmbientCapabilities", "CapabilityBoundingSet", "PrivateUsers",
                "CPUWeight", "CPUShares", "MemoryLow", "MemoryMin", "IOReadBandwidthMax", "IOWriteBandwidthMax",
                "BlockIOReadBandwidth", "BlockIOWriteBandwidth", "AllowedCPUs", "CPUAffinity",
                "SyslogIdentifier", "StandardOutput", "StandardError", "LogRateLimitIntervalSec", "LogRateLimitBurst"));
        for (HardeningLevels.Directive d : HardeningLevels.of(ServiceSpec.Hardening.STRICT)) s.add(d.key());
        return Set.copyOf(s);
    }

    /** A plan of lines plus the notes on what was left out and why. */
    /**
     * The keys a drop-in on a unit golive did not write gets only when the admin asks to tighten it
     * ({@link UnitScope#tighten}): the restart policy and start limit, the task limit, the
     * capability bounding set and every hardening directive (and its older fallback) below.
     */
    static final java.util.Set<String> TIGHTENING_ONLY = tighteningOnly();

    private static java.util.Set<String> tighteningOnly() {
        java.util.Set<String> keys = new java.util.HashSet<>(java.util.Set.of("Restart", "RestartSec", "StartLimitIntervalSec",
                "StartLimitInterval", "StartLimitBurst", "TasksMax", "PrivateUsers", "CapabilityBoundingSet"));
        for (ServiceSpec.Hardening level : ServiceSpec.Hardening.values()) {
            for (HardeningLevels.Directive d : HardeningLevels.of(level)) {
                keys.add(d.key());
                HardeningLevels.fallback(d).ifPresent(f -> keys.add(f.key()));
            }
        }
        return java.util.Set.copyOf(keys);
    }

    /** {@code leftOut}: spec field → why its line was left out (the host's systemd does not know it), for a front end to refuse what the admin asked. */
    record Lines(List<UnitLine> lines, List<String> notes, Map<String, String> leftOut) {
        Lines {
            leftOut = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(leftOut));
        }

        Lines(List<UnitLine> lines, List<String> notes) { this(lines, notes, Map.of()); }
    }

    static Lines build(ServiceSpec spec, HostFacts facts, GoRuntimeDerivation.Result go, boolean dropIn) {
        return build(spec, facts, go, dropIn, new UnitScope(false, List.of()));
    }

    /**
     * The lines for {@code spec} on this host. Every line passes the directive table: where
     * the host's systemd is older than a directive, golive writes the old spelling
     * (MemoryLimit=, BlockIOWeight=, the start limit in [Service]), or leaves it out with a
     * note. With an unknown version it writes for {@link SystemdDirectives#BASELINE}. On a
     * unit golive did not write ({@code dropIn}) sandboxing, the task limit and the restart
     * policy are added only when {@code scope} says the admin asked, never to a container
     * runtime, and Restart=always is never replaced.
     */
    static Lines build(ServiceSpec spec, HostFacts facts, GoRuntimeDerivation.Result go, boolean dropIn, UnitScope scope) {
        Gate g = new Gate(facts.systemd().version(), facts.systemd().seccomp());
        if (!facts.systemd().version().known()) {
            g.notes.add("the host's systemd version is unknown: golive writes only what systemd " + SystemdDirectives.BASELINE + " knows");
        }
        String unit = spec.unitName();
        Optional<String> runtime = dropIn ? scope.containerRuntime(unit) : Optional.empty();
        boolean tighten = !dropIn || (scope.tighten() && runtime.isEmpty());
        List<String> untouched = new ArrayList<>();

        // [Unit]
        if (spec.description().isPresent()) g.add("Unit", "Description", specifiers(spec.description().get().strip()), "description");
        else if (!dropIn) g.add("Unit", "Description", specifiers(spec.name()), "name");
        if (!dropIn) {
            g.add("Unit", "Wants", "network-online.target", "name");
            g.add("Unit", "After", "network-online.target", "name");
        }
        // the restart policy the unit has today (systemd's defaults where it says nothing) is no change
        boolean restartSame = dropIn && scope.restartToday().filter(spec.restart()::equals).isPresent();
        boolean restart = !restartSame && (!dropIn || scope.tighten()); // a container runtime may get a start limit, asked for
        if (restart) {
            // the start limit lives in [Unit] since systemd 229/230; chosen together with RestartSec (DOMAIN.md)
            String interval = spec.restart().startLimitIntervalSec();
            String burst = Integer.toString(spec.restart().startLimitBurst());
            if (g.knows("Unit", "StartLimitIntervalSec", interval)) {
                g.add("Unit", "StartLimitIntervalSec", interval, "restart.startLimitIntervalSec");
                g.add("Unit", "StartLimitBurst", burst, "restart.startLimitBurst");
            } else {
                g.deferred.add(new UnitLine("Service", "StartLimitInterval", interval, "restart.startLimitIntervalSec"));
                g.deferred.add(new UnitLine("Service", "StartLimitBurst", burst, "restart.startLimitBurst"));
            }
        } else if (!restartSame) {
            untouched.add("restart policy");
        }

        // [Service]
        if (!dropIn) {
            boolean exec = g.knows("Service", "Type", "exec");
            g.add("Service", "Type", exec ? "exec" : "simple", "exec");
            if (!exec) g.notes.add("Type=simple: " + g.needs("Service", "Type", "exec") + ", so a missing binary will not fail the start job");
        }
        if (spec.dynamicUser()) g.addOrNote("Service", "DynamicUser", "yes", "dynamicUser");
        spec.user().ifPresent(u -> g.add("Service", "User", u, "user"));
        spec.group().ifPresent(gr -> g.addOrNote("Service", "Group", gr, "group"));
        spec.workingDirectory().ifPresent(w -> g.add("Service", "WorkingDirectory", specifiers(w), "workingDirectory"));
        if (!spec.stateDirectories().isEmpty()) {
            g.addOrNote("Service", "StateDirectory", specifiers(String.join(" ", spec.stateDirectories())), "stateDirectories");
        }
        if (spec.exec().isPresent()) {
            if (dropIn) g.add("Service", "ExecStart", "", "exec"); // reset the vendor's command first
            g.add("Service", "ExecStart", execStart(spec.exec().get(), spec.arguments()), "exec");
        }
        if (restart) {
            Optional<String> now = dropIn ? scope.service("Restart") : Optional.empty();
            if (now.filter("always"::equals).isPresent() && !spec.restart().policy().equals("always")) {
                g.notes.add("Restart=always of " + unit + " kept: golive never downgrades it (asked: " + spec.restart().policy() + ")");
            } else {
                g.add("Service", "Restart", spec.restart().policy(), "restart.policy");
            }
            g.add("Service", "RestartSec", spec.restart().restartSec(), "restart.restartSec");
            g.out.addAll(g.deferred);
        }
        for (Map.Entry<String, String> e : spec.environment().entrySet()) {
            g.add("Service", "Environment", environment(e.getKey(), e.getValue()), "environment." + e.getKey());
        }
        go.gomaxprocs().value().ifPresent(v -> g.add("Service", "Environment", environment("GOMAXPROCS", v), "go.gomaxprocs"));
        go.gomemlimit().value().ifPresent(v -> g.add("Service", "Environment", environment("GOMEMLIMIT", v), "go.gomemlimit"));

        ServiceSpec.Resources r = spec.resources();
        r.nofile().ifPresent(n -> g.add("Service", "LimitNOFILE", n.toString(), "resources.nofile"));
        // CPUQuota= has no word for "no quota": the empty assignment removes the unit's, in every version
        // (config_parse_cpu_quota: empty → USEC_INFINITY; systemd.resource-control(5))
        r.cpuQuota().ifPresent(v -> g.addOrNote("Service", "CPUQuota", v.equals(SystemdValues.INFINITY) ? "" : v, "resources.cpuQuota"));
        r.memoryHigh().ifPresent(v -> g.addOrNote("Service", "MemoryHigh", v, "resources.memoryHigh"));
        r.memoryMax().ifPresent(v -> {
            // the unit's own MemoryMax= repeated changes nothing, whatever the version
            boolean same = dropIn && scope.service("MemoryMax").filter(v::equals).isPresent();
            if (same || g.knows("Service", "MemoryMax", v)) g.add("Service", "MemoryMax", v, "resources.memoryMax");
            // the cgroup-v1 name, all that systemd knows. Its parser (load-fragment.c, config_parse_memory_limit before 231)
            // takes an empty value as no limit and refuses "infinity" ("Memory limit 'infinity' invalid. Ignoring."), which
            // would keep the limit the admin asked to lift
            else g.add("Service", "MemoryLimit", v.equals(SystemdValues.INFINITY) ? "" : v, "resources.memoryMax");
        });
        r.tasksMax().ifPresent(v -> {
            if (!dropIn || (scope.tighten() && (runtime.isEmpty() || v.equals("infinity")))) g.addOrNote("Service", "TasksMax", v, "resources.tasksMax");
            else if (runtime.isPresent() && scope.tighten()) g.notes.add("TasksMax=" + v + " left out: " + runtime.get() + "; its containers' tasks count against the limit");
            else untouched.add("task limit");
        });
        Fact<Boolean> ioEnforced = facts.cgroups().blockIo().weightEnforced();
        r.ioWeight().ifPresent(v -> {
            // io.weight is a share only BFQ (CFQ before 5.0) or iocost implement: elsewhere the line changes nothing
            if (ioEnforced.opt().filter(e -> !e).isPresent()) {
                String why = ioEnforced.src().map(x -> x instanceof dev.golive.model.Source.Derived d ? d.from() : x.describe()).orElse("")
                        + ", and only the bfq scheduler or iocost enforce an io weight (kernel Documentation/admin-guide/cgroup-v2.rst, io.weight)";
                if (!scope.ioWeightAsked()) {
                    g.notes.add("IOWeight=" + v + " left out: " + why + "; select bfq for the disk or turn iocost on, then plan again");
                    return;
                }
                g.notes.add("IOWeight=" + v + " written as asked, but it does nothing here: " + why);
            }
            if (ioEnforced instanceof Fact.Unknown<Boolean> u) {
                g.notes.add("IOWeight=" + v + " written though it may do nothing: whether bfq or iocost enforces it is unknown (" + u.reason() + ")");
            }
            if (g.knows("Service", "IOWeight", v.toString())) g.add("Service", "IOWeight", Integer.toString(v), "resources.ioWeight");
            // BlockIOWeight= runs 10..1000 around a default of 500 where IOWeight= runs 1..10000 around 100
            else g.add("Service", "BlockIOWeight", Long.toString(Math.max(10, Math.min(1000, v * 5L))), "resources.ioWeight");
        });

        controls(r, g);
        ServiceSpec.Logging log = spec.logging();
        log.syslogIdentifier().ifPresent(v -> g.add("Service", "SyslogIdentifier", specifiers(v), "logs.syslogIdentifier"));
        log.standardOutput().ifPresent(v -> g.addOrNote("Service", "StandardOutput", v, "logs.standardOutput"));
        log.standardError().ifPresent(v -> g.addOrNote("Service", "StandardError", v, "logs.standardError"));
        // journald's per-service rate limit (systemd 240): older systemd keeps journald.conf's global one
        log.rateLimitIntervalSec().ifPresent(v -> g.addOrNote("Service", "LogRateLimitIntervalSec", v, "logs.rateLimitIntervalSec"));
        log.rateLimitBurst().ifPresent(v -> g.addOrNote("Service", "LogRateLimitBurst", v.toString(), "logs.rateLimitBurst"));

        boolean lowPorts = spec.ports().stream().anyMatch(p -> p < 1024);
        boolean root = !spec.dynamicUser() && (spec.user().isEmpty() || spec.user().get().equals("root") || spec.user().get().equals("0"));
        if (lowPorts && !root) {
            // a non-root user may bind below 1024 with exactly this one capability
            g.addOrNote("Service", "AmbientCapabilities", "CAP_NET_BIND_SERVICE", "ports");
            if (tighten) g.add("Service", "CapabilityBoundingSet", "CAP_NET_BIND_SERVICE", "ports");
        } else if (tighten && lowPorts && spec.hardening() == ServiceSpec.Hardening.STRICT) {
            g.add("Service", "CapabilityBoundingSet", "CAP_NET_BIND_SERVICE", "ports");
        } else if (tighten && spec.hardening() == ServiceSpec.Hardening.STRICT) {
            g.add("Service", "CapabilityBoundingSet", "", "hardening");
        }
        if (tighten) {
            for (HardeningLevels.Directive d : HardeningLevels.of(spec.hardening())) {
                // a unit that already protects more with this key keeps its line: tightening never loosens
                Optional<String> today = dropIn ? scope.service(d.key()) : Optional.empty();
                if (today.filter(t -> !t.strip().equals(d.value()) && HardeningLevels.covers(d.key(), t, d.value())).isPresent()) {
                    g.notes.add(d.key() + "=" + today.get().strip() + " of " + unit + " kept: it protects more than "
                            + spec.hardening().name().toLowerCase(Locale.ROOT) + "'s " + d.key() + "=" + d.value());
                    continue;
                }
                java.util.Optional<HardeningLevels.Directive> weaker = HardeningLevels.fallback(d)
                        .filter(f -> !g.knows("Service", d.key(), d.value()) && g.knows("Service", f.key(), f.value()));
                if (weaker.isPresent()) {
                    g.add("Service", weaker.get().key(), weaker.get().value(), "hardening");
                    g.notes.add(g.needs("Service", d.key(), d.value()) + ": " + weaker.get().key() + "=" + weaker.get().value()
                            + " instead (" + weaker.get().why() + ")");
                } else {
                    g.addOrNote("Service", d.key(), d.value(), "hardening");
                }
            }
            if (spec.hardening() == ServiceSpec.Hardening.STRICT && !lowPorts) {
                g.addOrNote("Service", "PrivateUsers", HardeningLevels.PRIVATE_USERS.value(), "hardening");
            }
        } else if (spec.hardening() != ServiceSpec.Hardening.NONE) {
            if (runtime.isPresent() && scope.tighten()) {
                g.notes.add("no sandboxing: " + runtime.get() + ", and " + spec.hardening().name().toLowerCase(Locale.ROOT)
                        + " would break its containers (" + String.join(", ", HardeningLevels.of(spec.hardening()).stream().map(HardeningLevels.Directive::key).distinct().toList()) + ")");
            } else {
                untouched.add(0, "sandboxing");
            }
        }
        if (!untouched.isEmpty()) {
            String what = untouched.size() == 1 ? untouched.get(0)
                    : String.join(", ", untouched.subList(0, untouched.size() - 1)) + " or " + untouched.get(untouched.size() - 1);
            g.notes.add(unit + " is not golive's unit: golive adds no " + what + " to it (only with --tighten"
                    + (runtime.isPresent() ? "; " + runtime.get() + ", so sandboxing and a task limit stay out even then" : "") + ")");
        }

        // golive's earlier --tighten lines stay as they are on a run that does not ask to tighten (a container runtime's go:
        // sandboxing breaks its containers, and an older golive may have written it unasked)
        if (dropIn && !scope.tighten() && runtime.isEmpty()) {
            for (UnitDirective d : scope.earlierTightening()) {
                boolean written = g.out.stream().anyMatch(l -> l.section().equals(d.section()) && l.key().equals(d.key()));
                if (!written) g.out.add(new UnitLine(d.section(), d.key(), d.value(), "tightened on an earlier run"));
            }
        }
        if (!dropIn) g.add("Install", "WantedBy", "multi-user.target", "name");
        // a drop-in line that sets what the unit already has changes nothing: left out
        if (dropIn) g.out.removeIf(scope::alreadyHas);
        return new Lines(List.copyOf(g.out), List.copyOf(g.notes), g.leftOut);
    }

    /**
     * CPUWeight=, MemoryLow=/MemoryMin=, the bandwidth limits, AllowedCPUs= and CPUAffinity=
     * (systemd.resource-control(5), systemd.exec(5)). Where the host's systemd predates the
     * cgroup-v2 name, the v1 name it knows carries the same limit: CPUShares= (weight × 1024 /
     * 100 within 2..262144, the conversion systemd itself applies on v1) and
     * BlockIORead/WriteBandwidth= (same syntax). MemoryMin= (240) and AllowedCPUs= (244) have
     * no old name: left out with a note. Which of them do anything on v1 or hybrid the
     * validator has already decided (it refuses the v2-only ones there).
     */
    private static void controls(ServiceSpec.Resources r, Gate g) {
        r.cpuWeight().ifPresent(w -> {
            if (g.knows("Service", "CPUWeight", w.toString())) g.add("Service", "CPUWeight", w.toString(), "resources.cpuWeight");
            else g.add("Service", "CPUShares", Long.toString(Math.max(2, Math.min(262144, w * 1024L / 100))), "resources.cpuWeight");
        });
        r.memoryLow().ifPresent(v -> g.addOrNote("Service", "MemoryLow", v, "resources.memoryLow"));
        r.memoryMin().ifPresent(v -> g.addOrNote("Service", "MemoryMin", v, "resources.memoryMin"));
        for (String[] k : new String[][] {{"IOReadBandwidthMax", "BlockIOReadBandwidth", "resources.ioReadBandwidthMax"},
                                          {"IOWriteBandwidthMax", "BlockIOWriteBandwidth", "resources.ioWriteBandwidthMax"}}) {
            List<String> lines = k[0].startsWith("IORead") ? r.ioReadBandwidthMax() : r.ioWriteBandwidthMax();
            for (int i = 0; i < lines.size(); i++) {
                String v = specifiers(lines.get(i).strip());
                g.add("Service", g.knows("Service", k[0], v) ? k[0] : k[1], v, k[2] + "[" + i + "]");
            }
        }
        r.allowedCpus().ifPresent(v -> g.addOrNote("Service", "AllowedCPUs", v, "resources.allowedCpus"));
        r.cpuAffinity().ifPresent(v -> g.add("Service", "CPUAffinity", v, "resources.cpuAffinity"));
    }

    /** Adds lines the host's systemd knows; for the rest, a note or the caller's fallback. */
    private static final class Gate {
        final Fact<Integer> version;
        final Fact<Boolean> seccomp;
        final int systemd;
        final List<UnitLine> out = new ArrayList<>();
        final List<UnitLine> deferred = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Map<String, String> leftOut = new java.util.LinkedHashMap<>();

        Gate(Fact<Integer> version, Fact<Boolean> seccomp) {
            this.version = version;
            this.seccomp = seccomp;
            this.systemd = SystemdDirectives.target(version);
        }

        boolean knows(String section, String key, String value) {
            return SystemdDirectives.known(systemd, section, key, value) && SystemdDirectives.built(seccomp, key);
        }

        String needs(String section, String key, String value) {
            if (SystemdDirectives.known(systemd, section, key, value)) return SystemdDirectives.needsSeccomp(key);
            return SystemdDirectives.needs(key, value, SystemdDirectives.since(section, key, value), version);
        }

        void add(String section, String key, String value, String field) { out.add(new UnitLine(section, key, value, field)); }

        void addOrNote(String section, String key, String value, String field) {
            if (knows(section, key, value)) add(section, key, value, field);
            else {
                notes.add(needs(section, key, value) + ": left out");
                leftOut.putIfAbsent(field, needs(section, key, value));
            }
        }
    }

    /** ExecStart=: the path and each argument as one word; '%' and '$' escaped so they reach the program as typed. */
    static String execStart(String exec, List<String> args) {
        StringBuilder b = new StringBuilder(SystemdWords.quote(specifiers(exec)));
        for (String a : args) b.append(' ').append(SystemdWords.quote(specifiers(a).replace("$", "$$")));
        return b.toString();
    }

    /** Environment=: one quoted NAME=VALUE word; specifiers escaped (Environment= does not expand $). */
    static String environment(String name, String value) { return SystemdWords.quote(name + "=" + specifiers(value)); }

    static String specifiers(String s) { return s.replace("%", "%%"); }
}
