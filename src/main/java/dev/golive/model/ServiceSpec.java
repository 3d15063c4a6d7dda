package dev.golive.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Go service golive writes a unit (or a drop-in) for, as the admin described it (CLI
 * options, a spec YAML, the TUI form, the guide) and as a profile completed it. Values stay
 * in systemd's own syntax ({@code 200%}, {@code 2G}, {@code infinity}) so what the admin
 * typed is what the unit says; {@code unit.SpecValidator} checks them.
 *
 * <p>{@code exec} is required for a new unit and empty for a drop-in on an existing unit
 * (whose ExecStart stays as the vendor wrote it). Empty optionals mean "not set": the
 * unit then says nothing and systemd's default applies.
 *
 * <p>{@code group} is the unit's {@code Group=} (the primary group of {@code User=} when
 * empty); {@code healthUrl} is the http(s) URL on this host that the finish step's health
 * check asks once the service runs (nothing in the unit).
 */
public record ServiceSpec(
        String name,
        Optional<String> description,
        Optional<String> exec,
        List<String> arguments,
        Optional<String> user,
        boolean dynamicUser,
        Optional<String> workingDirectory,
        List<String> stateDirectories,
        Map<String, String> environment,
        List<Integer> ports,
        Resources resources,
        Restart restart,
        Hardening hardening,
        GoRuntime go,
        Logging logging,
        Optional<String> group,
        Optional<String> healthUrl) {

    /** A spec that says nothing about logging (systemd's defaults: the journal, the unit's name), its group or a health URL. */
    public ServiceSpec(String name, Optional<String> description, Optional<String> exec, List<String> arguments, Optional<String> user,
                       boolean dynamicUser, Optional<String> workingDirectory, List<String> stateDirectories, Map<String, String> environment,
                       List<Integer> ports, Resources resources, Restart restart, Hardening hardening, GoRuntime go) {
        this(name, description, exec, arguments, user, dynamicUser, workingDirectory, stateDirectories, environment, ports, resources,
                restart, hardening, go, Logging.NONE, Optional.empty(), Optional.empty());
    }

    /** This spec with {@code logging} in place of its own. */
    public ServiceSpec withLogging(Logging logging) {
        return new ServiceSpec(name, description, exec, arguments, user, dynamicUser, workingDirectory, stateDirectories, environment,
                ports, resources, restart, hardening, go, logging, group, healthUrl);
    }

    public ServiceSpec {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(healthUrl, "healthUrl");
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
        stateDirectories = List.copyOf(stateDirectories);
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        ports = List.copyOf(ports);
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(hardening, "hardening");
        Objects.requireNonNull(go, "go");
        Objects.requireNonNull(logging, "logging");
    }

    /** A spec that names the service and sets nothing else (a drop-in on an existing unit). */
    public static ServiceSpec named(String name) {
        return new ServiceSpec(name, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), false,
                Optional.empty(), List.of(), Map.of(), List.of(), Resources.NONE, Restart.DEFAULT, Hardening.BASIC,
                GoRuntime.DEFAULT);
    }

    /** {@code name} with the {@code .service} suffix added when missing. */
    public String unitName() { return name.endsWith(".service") ? name : name + ".service"; }

    /**
     * Resource control, systemd syntax (systemd.resource-control(5)). {@code memoryHigh},
     * {@code memoryLow}, {@code memoryMin} and {@code allowedCpus} only take effect on cgroup v2;
     * the bandwidth limits are {@code DEVICE BYTES} lines (bytes per second, base 1000);
     * {@code allowedCpus} and {@code cpuAffinity} are CPU lists ({@code 0-3,6}).
     *
     * <p>{@code unset} names the controls (as a spec file spells them: {@code memoryMax},
     * {@code cpuQuota}, {@code nofile}, …) the admin answered {@value #NONE_WORD}: golive sets
     * nothing for them, not even a profile's value, and removes its own earlier line, so the
     * unit's (or systemd's) value applies. Not the same as {@code infinity}, which golive writes.
     */
    public record Resources(
            Optional<String> cpuQuota,
            Optional<String> memoryMax,
            Optional<String> memoryHigh,
            Optional<String> tasksMax,
            Optional<NofileLimit> nofile,
            Optional<Integer> ioWeight,
            Optional<Integer> cpuWeight,
            Optional<String> memoryLow,
            Optional<String> memoryMin,
            List<String> ioReadBandwidthMax,
            List<String> ioWriteBandwidthMax,
            Optional<String> allowedCpus,
            Optional<String> cpuAffinity,
            java.util.Set<String> unset) {
        public static final Resources NONE = new Resources(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        /** The answer that means "golive sets nothing here" (the unit's or systemd's value applies). */
        public static final String NONE_WORD = "none";

        public Resources {
            ioReadBandwidthMax = List.copyOf(ioReadBandwidthMax);
            ioWriteBandwidthMax = List.copyOf(ioWriteBandwidthMax);
            unset = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(unset));
        }

        /** Nothing answered {@value #NONE_WORD}. */
        public Resources(Optional<String> cpuQuota, Optional<String> memoryMax, Optional<String> memoryHigh, Optional<String> tasksMax,
                         Optional<NofileLimit> nofile, Optional<Integer> ioWeight, Optional<Integer> cpuWeight, Optional<String> memoryLow,
                         Optional<String> memoryMin, List<String> ioReadBandwidthMax, List<String> ioWriteBandwidthMax,
                         Optional<String> allowedCpus, Optional<String> cpuAffinity) {
            this(cpuQuota, memoryMax, memoryHigh, tasksMax, nofile, ioWeight, cpuWeight, memoryLow, memoryMin, ioReadBandwidthMax,
                    ioWriteBandwidthMax, allowedCpus, cpuAffinity, java.util.Set.of());
        }

        /** These controls with {@code names} answered {@value #NONE_WORD} as well (their values, if any, dropped). */
        public Resources withUnset(java.util.Collection<String> names) {
            java.util.Set<String> u = new java.util.TreeSet<>(unset);
            u.addAll(names);
            return new Resources(u.contains("cpuQuota") ? Optional.empty() : cpuQuota, u.contains("memoryMax") ? Optional.empty() : memoryMax,
                    u.contains("memoryHigh") ? Optional.empty() : memoryHigh, u.contains("tasksMax") ? Optional.empty() : tasksMax,
                    u.contains("nofile") ? Optional.empty() : nofile, u.contains("ioWeight") ? Optional.empty() : ioWeight,
                    u.contains("cpuWeight") ? Optional.empty() : cpuWeight, u.contains("memoryLow") ? Optional.empty() : memoryLow,
                    u.contains("memoryMin") ? Optional.empty() : memoryMin,
                    u.contains("ioReadBandwidthMax") ? List.of() : ioReadBandwidthMax, u.contains("ioWriteBandwidthMax") ? List.of() : ioWriteBandwidthMax,
                    u.contains("allowedCpus") ? Optional.empty() : allowedCpus, u.contains("cpuAffinity") ? Optional.empty() : cpuAffinity, u);
        }

        /** Whether the admin answered {@value #NONE_WORD} for {@code name} (a spec file's key: memoryMax, nofile, …). */
        public boolean isUnset(String name) { return unset.contains(name); }

        /** The limits golive has written since its first version; the other controls not set. */
        public Resources(Optional<String> cpuQuota, Optional<String> memoryMax, Optional<String> memoryHigh, Optional<String> tasksMax,
                         Optional<NofileLimit> nofile, Optional<Integer> ioWeight) {
            this(cpuQuota, memoryMax, memoryHigh, tasksMax, nofile, ioWeight, Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(), List.of(), Optional.empty(), Optional.empty());
        }

        /** These limits with the controls beyond the first six taken from {@code other}. */
        public Resources withControlsOf(Resources other) {
            java.util.Set<String> u = new java.util.TreeSet<>(unset);
            u.addAll(other.unset);
            return new Resources(cpuQuota, memoryMax, memoryHigh, tasksMax, nofile, ioWeight, other.cpuWeight, other.memoryLow,
                    other.memoryMin, other.ioReadBandwidthMax, other.ioWriteBandwidthMax, other.allowedCpus, other.cpuAffinity, u);
        }

        /** Each control of this spec, where it sets none, from {@code fallback} (what runs: an unset control falls back too). */
        public Resources or(Resources fallback) {
            return new Resources(cpuQuota.or(fallback::cpuQuota), memoryMax.or(fallback::memoryMax), memoryHigh.or(fallback::memoryHigh),
                    tasksMax.or(fallback::tasksMax), nofile.or(fallback::nofile), ioWeight.or(fallback::ioWeight),
                    cpuWeight.or(fallback::cpuWeight), memoryLow.or(fallback::memoryLow), memoryMin.or(fallback::memoryMin),
                    ioReadBandwidthMax.isEmpty() ? fallback.ioReadBandwidthMax : ioReadBandwidthMax,
                    ioWriteBandwidthMax.isEmpty() ? fallback.ioWriteBandwidthMax : ioWriteBandwidthMax,
                    allowedCpus.or(fallback::allowedCpus), cpuAffinity.or(fallback::cpuAffinity), unset);
        }
    }

    /**
     * Restart policy: {@code Restart=}, {@code RestartSec=} and the start limit chosen
     * together (DOMAIN.md: systemd's defaults give up within a second). The default retries
     * every 5 s for as long as the failure lasts (a database or DNS outage must not leave the
     * service dead): 15 starts at 5 s spacing take 70 s, more than the 60 s interval, so the
     * limit never trips on Restart= alone (golive's UNIT-RESTART-GIVES-UP rule asks
     * RestartSec × StartLimitBurst ≥ StartLimitIntervalSec); it still stops anything that starts
     * the unit faster than every 4 s.
     */
    public record Restart(String policy, String restartSec, String startLimitIntervalSec, int startLimitBurst) {
        /** The defaults as constants, so that option help texts (annotations) say what the code does. */
        public static final String DEFAULT_POLICY = "on-failure", DEFAULT_RESTART_SEC = "5s", DEFAULT_START_LIMIT_INTERVAL = "60s";
        public static final int DEFAULT_START_LIMIT_BURST = 15;
        public static final Restart DEFAULT = new Restart(DEFAULT_POLICY, DEFAULT_RESTART_SEC, DEFAULT_START_LIMIT_INTERVAL,
                DEFAULT_START_LIMIT_BURST);
    }

    /** How much sandboxing the unit gets; the directive sets are documented in docs/unit.md. */
    public enum Hardening { NONE, BASIC, STRICT }

    /**
     * GOMAXPROCS and GOMEMLIMIT: {@code DERIVE} lets golive decide per DOMAIN.md from the
     * binary's Go version, its go.mod line and the cgroup limits (set GOMAXPROCS only where
     * the runtime would not respect the quota; GOMEMLIMIT at {@code memLimitPercent} of
     * MemoryMax); explicit values win; {@code OFF} sets neither.
     */
    public record GoRuntime(Mode mode, Optional<Integer> gomaxprocs, Optional<String> gomemlimit, int memLimitPercent) {
        public static final GoRuntime DERIVE = new GoRuntime(Mode.DERIVE, Optional.empty(), Optional.empty(), 90);
        public static final GoRuntime OFF = new GoRuntime(Mode.OFF, Optional.empty(), Optional.empty(), 90);
        /** Not said: a profile's GoRuntime setting decides; without one derive for a new unit, off for a unit golive did not write. */
        public static final GoRuntime DEFAULT = new GoRuntime(Mode.DEFAULT, Optional.empty(), Optional.empty(), 90);

        public GoRuntime {
            if (memLimitPercent < 50 || memLimitPercent > 100)
                throw new IllegalArgumentException("memLimitPercent out of 50..100: " + memLimitPercent);
        }

        public enum Mode { DERIVE, OFF, DEFAULT }
    }

    /**
     * Where the service's output goes (systemd.exec(5) "Logging and Standard Input/Output"):
     * {@code SyslogIdentifier=} (the journal's tag; default the process name),
     * {@code StandardOutput=}/{@code StandardError=} (default journal), and the journal's
     * per-service rate limit {@code LogRateLimitIntervalSec=}/{@code LogRateLimitBurst=}
     * (systemd 240). Empty means not said: systemd's default.
     */
    public record Logging(Optional<String> syslogIdentifier, Optional<String> standardOutput, Optional<String> standardError,
                          Optional<String> rateLimitIntervalSec, Optional<Integer> rateLimitBurst) {
        public static final Logging NONE = new Logging(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        /** Each setting of this one, where it says none, from {@code fallback}. */
        public Logging or(Logging fallback) {
            return new Logging(syslogIdentifier.or(fallback::syslogIdentifier), standardOutput.or(fallback::standardOutput),
                    standardError.or(fallback::standardError), rateLimitIntervalSec.or(fallback::rateLimitIntervalSec),
                    rateLimitBurst.or(fallback::rateLimitBurst));
        }
    }
}
