package dev.golive.unit;

import dev.golive.config.SystemdIni;
import dev.golive.model.CgroupMode;
import dev.golive.model.Fact;
import dev.golive.model.HostFacts;
import dev.golive.model.GoliveException;
import dev.golive.model.NofileLimit;
import dev.golive.model.ServiceFacts;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The spec an existing unit already amounts to, so that an editor can start from what the
 * service runs today instead of golive's new-unit defaults: a drop-in rendered from the
 * untouched result changes nothing the admin did not ask for. A pure function of the
 * effective directives ({@link ServiceFacts#directives()}, drop-ins merged and list resets
 * already applied by UnitResolver) and the manager's Default*= settings.
 *
 * <ul>
 * <li>ExecStart=: the last one, its prefixes ({@code @ - : + !}) stripped, split with systemd's
 *     quoting into program and arguments. A drop-in only rewrites it when the admin changes
 *     either ({@link #forDropIn}): a prefix, a {@code $VAR} or a specifier would not survive
 *     golive's rewrite.</li>
 * <li>Restart=, RestartSec=, StartLimit*: the unit's values, else systemd's (or the manager's
 *     Default*=) — golive always writes these, so they must say what the service has today.</li>
 * <li>Hardening: the highest golive level whose every directive the unit already has, else
 *     none; Go runtime tuning off (derive would add GOMAXPROCS/GOMEMLIMIT nobody asked for).</li>
 * <li>Ports: never; they are a spec notion a unit does not record.</li>
 * </ul>
 *
 * {@code sources} says per field (the keys below) where its value came from.
 */
public record SpecFromUnit(ServiceSpec spec, Map<String, Source> sources, List<String> notes) {

    public static final String NAME = "name", EXEC = "exec", ARGUMENTS = "arguments", USER = "user", GROUP = "group",
            DYNAMIC_USER = "dynamicUser", ENVIRONMENT = "environment", STATE_DIRS = "stateDirectories",
            CPU_QUOTA = "cpuQuota", MEMORY_MAX = "memoryMax", MEMORY_HIGH = "memoryHigh", TASKS_MAX = "tasksMax",
            NOFILE = "nofile", RESTART_SEC = "restartSec", HARDENING = "hardening", GO = "go",
            CPU_WEIGHT = "cpuWeight", MEMORY_LOW = "memoryLow", MEMORY_MIN = "memoryMin", IO_READ_BANDWIDTH = "ioReadBandwidthMax",
            IO_WRITE_BANDWIDTH = "ioWriteBandwidthMax", ALLOWED_CPUS = "allowedCpus", CPU_AFFINITY = "cpuAffinity";

    public SpecFromUnit {
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        notes = List.copyOf(notes);
    }

    /** systemd's built-in values (systemd.service(5), systemd.unit(5)) where neither the unit nor system.conf says. */
    static final String RESTART = "no", RESTART_SEC_DEFAULT = "100ms", START_LIMIT_INTERVAL = "10s";
    static final int START_LIMIT_BURST = 5;

    /** The unit as the host's facts show it: the manager's defaults and the cgroup layout come from there. */
    public static SpecFromUnit of(ServiceFacts service, HostFacts host) {
        return of(service, host.systemd().managerDefaults(), host.cgroups().mode().opt(), host.systemd().version().opt());
    }

    public static SpecFromUnit of(ServiceFacts service, Map<String, Fact<String>> managerDefaults) {
        return of(service, managerDefaults, Optional.empty());
    }

    /** {@code cgroups}: the host's layout when known; MemoryHigh= only exists on v2. */
    public static SpecFromUnit of(ServiceFacts service, Map<String, Fact<String>> managerDefaults, Optional<CgroupMode> cgroups) {
        return of(service, managerDefaults, cgroups, Optional.empty());
    }

    /** {@code systemd}: the host's version when known; a limit it does not act on is no limit the service has. */
    public static SpecFromUnit of(ServiceFacts service, Map<String, Fact<String>> managerDefaults, Optional<CgroupMode> cgroups,
                                  Optional<Integer> systemd) {
        Map<String, Source> src = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        String unit = service.name();
        String name = unit.endsWith(".service") ? unit.substring(0, unit.length() - ".service".length()) : unit;
        service.unit().opt().ifPresent(u -> src.put(NAME, Source.File.of(u.path())));

        // ExecStart=: program and arguments
        Optional<String> exec = Optional.empty();
        List<String> args = List.of();
        List<UnitDirective> starts = service.all("Service", "ExecStart").stream().filter(d -> !d.value().isBlank()).toList();
        if (!starts.isEmpty()) {
            UnitDirective d = starts.get(starts.size() - 1);
            if (starts.size() > 1) {
                notes.add(starts.size() + " ExecStart= lines: the form shows the last (" + d.source().describe()
                        + "); a changed exec replaces them all");
            }
            String v = d.value().strip();
            int p = 0;
            while (p < v.length() && "@-:+!".indexOf(v.charAt(p)) >= 0) p++;
            if (p > 0) notes.add("ExecStart= prefix \"" + v.substring(0, p) + "\" (" + d.source().describe()
                    + ") is kept while exec and arguments stay as they are; golive writes none");
            try {
                List<String> words = SystemdIni.splitWords(v.substring(p));
                if (!words.isEmpty()) {
                    exec = Optional.of(unescape(words.get(0), false));
                    List<String> a = new ArrayList<>();
                    for (String w : words.subList(1, words.size())) a.add(unescape(w, true));
                    args = List.copyOf(a);
                    src.put(EXEC, d.source());
                    if (!args.isEmpty()) src.put(ARGUMENTS, d.source());
                    if (words.stream().anyMatch(SpecFromUnit::expands)) {
                        notes.add("ExecStart= uses a specifier or $VARIABLE (" + d.source().describe()
                                + "): golive would write it literally, so leave exec and arguments as they are to keep it");
                    }
                }
            } catch (GoliveException e) {
                notes.add("ExecStart= at " + d.source().describe() + " cannot be split (" + e.getMessage() + "): exec left empty, the unit's stays");
            }
        }

        // the user
        Optional<String> user = last(service, "Service", "User", src, USER).map(UnitDirective::value);
        boolean dynamic = last(service, "Service", "DynamicUser", src, DYNAMIC_USER).map(d -> bool(d.value())).orElse(false);
        Optional<String> group = last(service, "Service", "Group", src, GROUP).map(UnitDirective::value);

        // Environment=: every line in order; a repeated name keeps its first place and its last value
        Map<String, String> env = new LinkedHashMap<>();
        for (UnitDirective d : service.all("Service", "Environment")) {
            try {
                for (Map.Entry<String, String> e : SystemdIni.parseEnvironment(d.value()).entrySet()) {
                    env.put(e.getKey(), unescape(e.getValue(), false));
                }
                src.putIfAbsent(ENVIRONMENT, d.source());
            } catch (GoliveException e) {
                notes.add("Environment= at " + d.source().describe() + " skipped: " + e.getMessage());
            }
        }

        List<String> stateDirs = new ArrayList<>();
        for (UnitDirective d : service.all("Service", "StateDirectory")) {
            try {
                for (String w : SystemdIni.splitWords(d.value())) stateDirs.add(unescape(w, false));
                src.putIfAbsent(STATE_DIRS, d.source());
            } catch (GoliveException e) {
                notes.add("StateDirectory= at " + d.source().describe() + " skipped: " + e.getMessage());
            }
        }

        Optional<String> cpu = value(service, "CPUQuota", src, CPU_QUOTA);
        // MemoryLimit= is the cgroup v1 name of MemoryMax= (systemd.resource-control(5), deprecated): the unit's
        // limit, so the form and the guide start from it, and asking the same MemoryMax= changes nothing. A line the
        // host's systemd does not act on (MemoryMax= before v231) is no limit: the service runs without it.
        Optional<String> memMax = Optional.empty();
        Optional<UnitDirective> cap = dev.golive.model.SystemdDirectives.memoryCap(k -> service.last("Service", k), systemd);
        if (cap.isPresent()) {
            memMax = Optional.of(cap.get().value().strip());
            src.put(MEMORY_MAX, cap.get().source());
            if (cap.get().key().equals("MemoryLimit")) {
                notes.add("MemoryLimit=" + memMax.get() + " (" + cap.get().source().describe() + ") is the deprecated name of "
                        + "MemoryMax=: shown as MemoryMax; a changed MemoryMax= is written as the name this systemd knows");
            }
        }
        service.last("Service", "MemoryMax").filter(d -> !d.value().isBlank()).filter(d -> cap.map(c -> !c.equals(d)).orElse(true))
                .ifPresent(d -> notes.add("MemoryMax=" + d.value().strip() + " (" + d.source().describe() + ") does nothing here: "
                        + dev.golive.model.SystemdDirectives.needs("MemoryMax", d.value().strip(),
                                dev.golive.model.SystemdDirectives.since("Service", "MemoryMax", ""), Fact.of(systemd.orElseThrow(), new Source.Command("systemctl --version")))
                        + "; left to the unit"));
        Optional<String> memHigh = value(service, "MemoryHigh", src, MEMORY_HIGH);
        if (memHigh.isPresent() && cgroups.isPresent() && cgroups.get() != CgroupMode.V2) {
            // golive refuses MemoryHigh= where the kernel ignores it; the unit's line stays, doing what it did (nothing)
            notes.add("MemoryHigh=" + memHigh.get() + " (" + src.remove(MEMORY_HIGH).describe() + ") does nothing on this "
                    + cgroups.get().label() + " host (cgroup v2 only); left to the unit");
            memHigh = Optional.empty();
        }
        Optional<String> tasks = value(service, "TasksMax", src, TASKS_MAX);
        Optional<NofileLimit> nofile = Optional.empty();
        Optional<UnitDirective> nf = service.last("Service", "LimitNOFILE").filter(d -> !d.value().isBlank());
        if (nf.isPresent()) {
            nofile = NofileLimit.parse(nf.get().value());
            if (nofile.isPresent()) src.put(NOFILE, nf.get().source());
            else notes.add("LimitNOFILE=" + nf.get().value() + " (" + nf.get().source().describe() + ") is not SOFT:HARD; left to the unit");
        }
        Optional<Integer> io = Optional.empty();
        ServiceSpec.Resources controls = controls(service, src, notes, cgroups);

        // restart: golive always writes these four, so they start as what the service has now
        String policy = service.last("Service", "Restart").map(UnitDirective::value).filter(v -> !v.isBlank()).orElse(RESTART);
        String restartSec = restartValue(service, managerDefaults, src);
        String interval = firstOf(service, List.of(new String[] {"Unit", "StartLimitIntervalSec"}, new String[] {"Service", "StartLimitInterval"},
                new String[] {"Unit", "StartLimitInterval"})).map(UnitDirective::value)
                .orElse(managerDefaults.getOrDefault("DefaultStartLimitIntervalSec", Fact.unknown("")).opt().orElse(START_LIMIT_INTERVAL));
        String burstText = firstOf(service, List.of(new String[] {"Unit", "StartLimitBurst"}, new String[] {"Service", "StartLimitBurst"}))
                .map(UnitDirective::value)
                .orElse(managerDefaults.getOrDefault("DefaultStartLimitBurst", Fact.unknown("")).opt().orElse(Integer.toString(START_LIMIT_BURST)));
        int burst;
        try {
            burst = Integer.parseInt(burstText.strip());
        } catch (NumberFormatException e) {
            burst = START_LIMIT_BURST;
            notes.add("StartLimitBurst=" + burstText + " is not a number; systemd's default " + START_LIMIT_BURST + " shown");
        }
        var restart = new ServiceSpec.Restart(policy, restartSec, interval, burst);

        ServiceSpec.Hardening hardening = hardening(service);
        src.put(HARDENING, new Source.Derived(hardening == ServiceSpec.Hardening.NONE
                ? "the unit lacks some of golive's basic sandboxing directives"
                : "the unit has every " + hardening.name().toLowerCase(Locale.ROOT) + " directive"));
        src.put(GO, new Source.Derived("as the unit has it unless the profile says derive; derive may add GOMAXPROCS/GOMEMLIMIT to it"));

        ServiceSpec spec = new ServiceSpec(name, Optional.empty(), exec, args, user, dynamic, Optional.empty(),
                stateDirs, env, List.of(), new ServiceSpec.Resources(cpu, memMax, memHigh, tasks, nofile, io).withControlsOf(controls), restart,
                hardening, ServiceSpec.GoRuntime.DEFAULT, ServiceSpec.Logging.NONE, group, Optional.empty());
        return new SpecFromUnit(spec, src, notes);
    }

    /**
     * The spec to render as a drop-in once the admin has edited the prefilled one: exec and
     * arguments are left out while both are as the unit has them (the unit's ExecStart= stays,
     * prefixes and variables included), state directories likewise (StateDirectory= adds up
     * across files), and so is an unchanged environment variable whose value holds a
     * specifier (golive writes values literally).
     */
    public ServiceSpec forDropIn(ServiceSpec edited) {
        boolean execSame = edited.exec().equals(spec.exec()) && edited.arguments().equals(spec.arguments());
        Map<String, String> env = new LinkedHashMap<>(edited.environment());
        for (Map.Entry<String, String> e : spec.environment().entrySet()) {
            if (e.getValue().equals(env.get(e.getKey())) && expands(e.getValue().replace("$", ""))) env.remove(e.getKey());
        }
        List<String> dirs = edited.stateDirectories().equals(spec.stateDirectories()) ? List.of() : edited.stateDirectories();
        return new ServiceSpec(edited.name(), edited.description(), execSame ? Optional.empty() : edited.exec(),
                execSame ? List.of() : edited.arguments(), edited.user(), edited.dynamicUser(), edited.workingDirectory(),
                dirs, env, edited.ports(), edited.resources(), edited.restart(), edited.hardening(), edited.go(), edited.logging(),
                edited.group(), edited.healthUrl());
    }

    /**
     * Untouched means untouched: {@code wanted} (what the admin and the profile ask of this
     * existing unit) with every setting that the unit already has left out, so a drop-in holds
     * only what changes something. Exec and state directories as {@link #forDropIn}; user,
     * environment variables, resources and hardening that equal the unit's are dropped; the
     * restart policy stays as asked (the renderer compares it with {@link #spec()}'s, which
     * holds systemd's defaults where the unit says nothing).
     */
    public ServiceSpec changesOnly(ServiceSpec wanted) {
        ServiceSpec w = forDropIn(wanted);
        Map<String, String> env = new LinkedHashMap<>(w.environment());
        spec.environment().forEach((k, v) -> { if (v.equals(env.get(k))) env.remove(k); });
        ServiceSpec.Resources r = w.resources(), t = spec.resources();
        ServiceSpec.Resources res = new ServiceSpec.Resources(unlessSame(r.cpuQuota(), t.cpuQuota()), unlessSame(r.memoryMax(), t.memoryMax()),
                unlessSame(r.memoryHigh(), t.memoryHigh()), unlessSame(r.tasksMax(), t.tasksMax()),
                r.nofile().equals(t.nofile()) ? Optional.empty() : r.nofile(), r.ioWeight(),
                r.cpuWeight().equals(t.cpuWeight()) ? Optional.empty() : r.cpuWeight(), unlessSame(r.memoryLow(), t.memoryLow()),
                unlessSame(r.memoryMin(), t.memoryMin()),
                r.ioReadBandwidthMax().equals(t.ioReadBandwidthMax()) ? List.of() : r.ioReadBandwidthMax(),
                r.ioWriteBandwidthMax().equals(t.ioWriteBandwidthMax()) ? List.of() : r.ioWriteBandwidthMax(),
                unlessSame(r.allowedCpus(), t.allowedCpus()), unlessSame(r.cpuAffinity(), t.cpuAffinity()), r.unset());
        Optional<String> user = w.user().equals(spec.user()) ? Optional.empty() : w.user();
        boolean dynamic = w.dynamicUser() && !spec.dynamicUser();
        // the unit has every directive of that level already: writing them again changes nothing
        ServiceSpec.Hardening hardening = w.hardening().compareTo(spec.hardening()) <= 0 ? ServiceSpec.Hardening.NONE : w.hardening();
        return new ServiceSpec(w.name(), w.description(), w.exec(), w.arguments(), user, dynamic, w.workingDirectory(),
                w.stateDirectories(), env, w.ports(), res, w.restart(), hardening, w.go(), w.logging(), unlessSame(w.group(), spec.group()), w.healthUrl());
    }

    /**
     * The service as it will run with {@code wanted} on top of this unit: what the unit has,
     * with every setting {@code wanted} gives in its place (environment variables one by one).
     * The Go runtime values are derived from this, so a drop-in's GOMEMLIMIT follows the unit's
     * own MemoryMax= and an environment variable the unit sets is never overridden.
     */
    public ServiceSpec overlay(ServiceSpec wanted) {
        Map<String, String> env = new LinkedHashMap<>(spec.environment());
        env.putAll(wanted.environment());
        ServiceSpec.Resources r = wanted.resources(), t = spec.resources();
        ServiceSpec.Resources res = r.or(t);
        boolean execGiven = wanted.exec().isPresent();
        return new ServiceSpec(wanted.name(), wanted.description(), execGiven ? wanted.exec() : spec.exec(),
                execGiven ? wanted.arguments() : spec.arguments(), wanted.user().or(spec::user), wanted.dynamicUser() || spec.dynamicUser(),
                wanted.workingDirectory(), wanted.stateDirectories().isEmpty() ? spec.stateDirectories() : wanted.stateDirectories(),
                env, wanted.ports(), res, wanted.restart(), wanted.hardening(), wanted.go(), wanted.logging().or(spec.logging()),
                wanted.group().or(spec::group), wanted.healthUrl());
    }

    private static Optional<String> unlessSame(Optional<String> wanted, Optional<String> today) {
        return wanted.map(String::strip).equals(today.map(String::strip)) ? Optional.empty() : wanted;
    }

    /** Whether a word holds a specifier (%x other than %%) or a variable ($X other than $$) systemd would expand. */
    static boolean expands(String word) {
        String w = word.replace("%%", "").replace("$$", "");
        return w.contains("%") || w.contains("$");
    }

    /** %% (and in ExecStart= arguments $$) as the program sees them; other specifiers stay as written. */
    static String unescape(String word, boolean dollars) {
        String w = word.replace("%%", "%");
        return dollars ? w.replace("$$", "$") : w;
    }

    private static String restartValue(ServiceFacts service, Map<String, Fact<String>> managerDefaults, Map<String, Source> src) {
        Optional<UnitDirective> d = service.last("Service", "RestartSec").filter(x -> !x.value().isBlank());
        if (d.isPresent()) {
            src.put(RESTART_SEC, d.get().source());
            return d.get().value().strip();
        }
        Fact<String> m = managerDefaults.getOrDefault("DefaultRestartSec", Fact.unknown("not set"));
        if (m.opt().isPresent()) {
            src.put(RESTART_SEC, m.src().orElse(new Source.Default("DefaultRestartSec=")));
            return m.opt().get().strip();
        }
        src.put(RESTART_SEC, new Source.Default("not in the unit, so systemd's " + RESTART_SEC_DEFAULT));
        return RESTART_SEC_DEFAULT;
    }

    private static Optional<UnitDirective> firstOf(ServiceFacts s, List<String[]> keys) {
        for (String[] k : keys) {
            Optional<UnitDirective> d = s.last(k[0], k[1]).filter(x -> !x.value().isBlank());
            if (d.isPresent()) return d;
        }
        return Optional.empty();
    }

    private static Optional<UnitDirective> last(ServiceFacts s, String section, String key, Map<String, Source> src, String field) {
        Optional<UnitDirective> d = s.last(section, key).filter(x -> !x.value().isBlank());
        d.ifPresent(x -> src.put(field, x.source()));
        return d;
    }

    /**
     * The unit's CPUWeight=, MemoryLow=, MemoryMin=, bandwidth limits, AllowedCPUs= and
     * CPUAffinity=, as the form and a drop-in start from. The v2-only ones on a v1 or hybrid
     * host do nothing there and stay the unit's, as MemoryHigh= does.
     */
    private static ServiceSpec.Resources controls(ServiceFacts service, Map<String, Source> src, List<String> notes, Optional<CgroupMode> cgroups) {
        Optional<Integer> weight = Optional.empty();
        Optional<String> w = value(service, "CPUWeight", src, CPU_WEIGHT);
        if (w.isPresent()) {
            weight = w.filter(v -> v.matches("\\d{1,5}")).map(Integer::parseInt).filter(v -> v >= 1 && v <= 10000);
            if (weight.isEmpty()) notes.add("CPUWeight=" + w.get() + " (" + src.remove(CPU_WEIGHT).describe() + ") is not 1..10000; left to the unit");
        }
        Optional<String> low = v2Only(service, "MemoryLow", src, MEMORY_LOW, notes, cgroups);
        Optional<String> min = v2Only(service, "MemoryMin", src, MEMORY_MIN, notes, cgroups);
        Optional<String> cpus = v2Only(service, "AllowedCPUs", src, ALLOWED_CPUS, notes, cgroups);
        List<String> read = bandwidth(service, "IOReadBandwidthMax", src, IO_READ_BANDWIDTH);
        List<String> write = bandwidth(service, "IOWriteBandwidthMax", src, IO_WRITE_BANDWIDTH);
        return new ServiceSpec.Resources(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), weight, low, min, read, write, cpus, value(service, "CPUAffinity", src, CPU_AFFINITY));
    }

    private static Optional<String> v2Only(ServiceFacts service, String key, Map<String, Source> src, String field, List<String> notes,
                                           Optional<CgroupMode> cgroups) {
        Optional<String> v = value(service, key, src, field);
        if (v.isPresent() && cgroups.isPresent() && cgroups.get() != CgroupMode.V2) {
            notes.add(key + "=" + v.get() + " (" + src.remove(field).describe() + ") does nothing on this "
                    + cgroups.get().label() + " host (cgroup v2 only); left to the unit");
            return Optional.empty();
        }
        return v;
    }

    /** A list setting: every non-empty line after the last empty one (which resets the list). */
    private static List<String> bandwidth(ServiceFacts s, String key, Map<String, Source> src, String field) {
        List<String> out = new ArrayList<>();
        for (UnitDirective d : s.all("Service", key)) {
            if (d.value().isBlank()) out.clear();
            else {
                out.add(d.value().strip());
                src.putIfAbsent(field, d.source());
            }
        }
        return out;
    }

    private static Optional<String> value(ServiceFacts s, String key, Map<String, Source> src, String field) {
        return last(s, "Service", key, src, field).map(d -> d.value().strip());
    }

    /** systemd's parse_boolean(). */
    static boolean bool(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "y", "true", "t", "on" -> true;
            default -> false;
        };
    }

    /**
     * The highest level whose every directive the unit has with golive's value (strict also
     * needs a CapabilityBoundingSet=, which golive writes with it): writing that level again
     * changes nothing. Anything less is none, so an untouched form adds no sandboxing.
     */
    static ServiceSpec.Hardening hardening(ServiceFacts s) {
        ServiceSpec.Hardening found = ServiceSpec.Hardening.NONE;
        for (ServiceSpec.Hardening level : List.of(ServiceSpec.Hardening.BASIC, ServiceSpec.Hardening.STRICT)) {
            boolean all = true;
            for (HardeningLevels.Directive d : HardeningLevels.of(level)) all &= has(s, d.key(), d.value());
            if (level == ServiceSpec.Hardening.STRICT) all &= s.last("Service", "CapabilityBoundingSet").isPresent();
            if (all) found = level;
        }
        return found;
    }

    private static boolean has(ServiceFacts s, String key, String value) {
        String want = norm(value);
        for (UnitDirective d : s.all("Service", key)) if (norm(d.value()).equals(want)) return true;
        return false;
    }

    private static String norm(String v) {
        String t = v.strip().replaceAll("\\s+", " ");
        if (t.equalsIgnoreCase("yes") || t.equalsIgnoreCase("true") || t.equalsIgnoreCase("on") || t.equals("1")) return "yes";
        return t;
    }
}
