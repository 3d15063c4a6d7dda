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

    public ServiceSpec applyTo(ServiceSpec spec) {
        ServiceSpec.Resources r = spec.resources();
        ServiceSpec.Resources res = new ServiceSpec.Resources(
                r.cpuQuota(), r.memoryMax(), r.memoryHigh(),
                r.tasksMax().or(() -> get("TasksMax")),
                r.nofile().or(() -> get("LimitNOFILE").flatMap(NofileLimit::parse)),
                r.ioWeight().or(() -> get("IOWeight").map(Integer::parseInt)),
                r.cpuWeight().or(() -> get("CPUWeight").map(Integer::parseInt)),
                r.memoryLow().or(() -> get("MemoryLow")), r.memoryMin().or(() -> get("MemoryMin")),
                r.ioReadBandwidthMax(), r.ioWriteBandwidthMax(),
                r.allowedCpus().or(() -> get("AllowedCPUs")), r.cpuAffinity().or(() -> get("CPUAffinity")));
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
