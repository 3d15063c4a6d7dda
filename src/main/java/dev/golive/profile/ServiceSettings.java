package dev.golive.profile;

import dev.golive.model.NofileLimit;
import dev.golive.model.ServiceSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service: section of a resolved profile, by systemd key, and how it completes a
 * ServiceSpec. Explicit spec values win: an Optional the spec sets is kept, and for the
 * settings ServiceSpec always carries (restart policy, hardening, Go runtime) a spec value
 * different from ServiceSpec's default counts as explicit.
 */
public record ServiceSettings(Map<String, Profile.Value> values) {

    public ServiceSettings { values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values)); }

    public static final ServiceSettings NONE = new ServiceSettings(Map.of());

    public Optional<String> get(String key) { return Optional.ofNullable(values.get(key)).map(Profile.Value::value); }

    /** A profile key's spec name, as {@link ServiceSpec.Resources#unset()} holds it. */
    private static final java.util.Map<String, String> UNSET_NAMES = java.util.Map.of("TasksMax", "tasksMax", "LimitNOFILE", "nofile",
            "IOWeight", "ioWeight", "CPUWeight", "cpuWeight", "MemoryLow", "memoryLow", "MemoryMin", "memoryMin",
            "AllowedCPUs", "allowedCpus", "CPUAffinity", "cpuAffinity");

    public ServiceSpec applyTo(ServiceSpec spec) {
        ServiceSpec.Resources r = spec.resources();
        // a control the admin answered "none" for gets no profile value either: explicit values win, "none" included
        java.util.function.Function<String, Optional<String>> profile = key -> r.isUnset(UNSET_NAMES.getOrDefault(key, key)) ? Optional.empty() : get(key);
        ServiceSpec.Resources res = new ServiceSpec.Resources(
                r.cpuQuota(), r.memoryMax(), r.memoryHigh(),
                r.tasksMax().or(() -> profile.apply("TasksMax")),
                r.nofile().or(() -> profile.apply("LimitNOFILE").flatMap(NofileLimit::parse)),
                r.ioWeight().or(() -> profile.apply("IOWeight").map(Integer::parseInt)),
                r.cpuWeight().or(() -> profile.apply("CPUWeight").map(Integer::parseInt)),
                r.memoryLow().or(() -> profile.apply("MemoryLow")), r.memoryMin().or(() -> profile.apply("MemoryMin")),
                r.ioReadBandwidthMax(), r.ioWriteBandwidthMax(),
                r.allowedCpus().or(() -> profile.apply("AllowedCPUs")), r.cpuAffinity().or(() -> profile.apply("CPUAffinity")), r.unset());
        ServiceSpec.Restart restart = spec.restart();
        if (restart.equals(ServiceSpec.Restart.DEFAULT)) {
            restart = new ServiceSpec.Restart(
                    get("Restart").orElse(restart.policy()),
                    get("RestartSec").orElse(restart.restartSec()),
                    get("StartLimitIntervalSec").orElse(restart.startLimitIntervalSec()),
                    get("StartLimitBurst").map(Integer::parseInt).orElse(restart.startLimitBurst()));
        }
        ServiceSpec.Hardening hardening = spec.hardening();
        if (hardening == ServiceSpec.Hardening.BASIC) {
            hardening = get("Hardening").map(h -> ServiceSpec.Hardening.valueOf(h.toUpperCase())).orElse(hardening);
        }
        ServiceSpec.GoRuntime go = spec.go();
        if (go.mode() == ServiceSpec.GoRuntime.Mode.DEFAULT || go.equals(ServiceSpec.GoRuntime.DERIVE)) {
            // a profile that names GOMAXPROCS or GOMEMLIMIT has said how the runtime is tuned: derive, even
            // in a drop-in on a unit golive did not write (where an unsaid runtime is left alone)
            boolean said = get("GOMAXPROCS").isPresent() || get("GOMEMLIMIT").isPresent();
            ServiceSpec.GoRuntime.Mode mode = get("GoRuntime").map(m -> ServiceSpec.GoRuntime.Mode.valueOf(m.toUpperCase()))
                    .orElse(said && go.mode() == ServiceSpec.GoRuntime.Mode.DEFAULT ? ServiceSpec.GoRuntime.Mode.DERIVE : go.mode());
            Optional<Integer> procs = get("GOMAXPROCS").filter(v -> !v.equals("derive")).map(Integer::parseInt);
            int percent = get("GOMEMLIMIT").map(v -> Integer.parseInt(v.substring(0, v.indexOf('%')))).orElse(go.memLimitPercent());
            go = new ServiceSpec.GoRuntime(mode, procs, go.gomemlimit(), percent);
        }
        return new ServiceSpec(spec.name(), spec.description(), spec.exec(), spec.arguments(), spec.user(), spec.dynamicUser(),
                spec.workingDirectory(), spec.stateDirectories(), spec.environment(), spec.ports(), res, restart, hardening, go, spec.logging(),
                spec.group(), spec.healthUrl());
    }
}
