package dev.golive.plan;

import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceSpec;
import dev.golive.profile.Profile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the planner reads: the host's facts, the profile resolved for it, the service
 * (when one is part of the plan), fixes the admin picked from `golive check`, the current
 * state of the owned files, and the snapshot id the apply will use.
 */
public record PlanInput(
        HostFacts facts,
        Profile profile,
        Optional<ServiceSpec> service,
        List<FixChange> fixes,
        Map<String, OwnedFileState> current,
        String planId) {

    public PlanInput {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(service, "service");
        fixes = List.copyOf(fixes);
        current = Map.copyOf(current);
        Objects.requireNonNull(planId, "planId");
    }

    public OwnedFileState currentOf(String path) { return current.getOrDefault(path, OwnedFileState.absent(path)); }
}
