package dev.golive.plan;

import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.LogrotateHost;
import dev.golive.model.ServiceSpec;
import dev.golive.profile.Profile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the planner reads: the host's facts, the profile resolved for it, the service
 * (when one is part of the plan), fixes the admin picked from `golive check`, the current
 * state of the owned files, the snapshot id the apply will use, and what logrotate finds on
 * the host for the service's append: log files (their directories decide logrotate's su line).
 */
public record PlanInput(
        HostFacts facts,
        Profile profile,
        Optional<ServiceSpec> service,
        List<FixChange> fixes,
        Map<String, OwnedFileState> current,
        String planId,
        LogrotateHost logrotate) {

    /** Without the service's log directories read (no service, or a caller with no host to look at). */
    public PlanInput(HostFacts facts, Profile profile, Optional<ServiceSpec> service, List<FixChange> fixes,
                     Map<String, OwnedFileState> current, String planId) {
        this(facts, profile, service, fixes, current, planId, LogrotateHost.unread());
    }

    public PlanInput {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(service, "service");
        fixes = List.copyOf(fixes);
        current = Map.copyOf(current);
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(logrotate, "logrotate");
    }

    public OwnedFileState currentOf(String path) { return current.getOrDefault(path, OwnedFileState.absent(path)); }
}
