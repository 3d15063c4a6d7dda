package dev.golive.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything golive would do to one host, decided before anything is written: the files it
 * owns with their complete old and new content, the live kernel values old → new, the
 * actions after (daemon-reload, restarts), conflicts it cannot win (a later sysctl file
 * overrides golive's value) and manual steps it will not take itself (editing a vendor file).
 *
 * <p>{@code id} is the snapshot id the apply of this plan will use (chosen by the caller at
 * planning time, so the owned files' headers can name it and the plan stays a pure value).
 * An empty plan ({@link #isEmpty()}) means the host is already as asked.
 */
public record Plan(
        String id,
        String profile,
        Optional<String> service,
        List<FileChange> files,
        List<LiveChange> live,
        List<PlanAction> actions,
        List<PlanConflict> conflicts,
        List<String> manualSteps) {

    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(service, "service");
        files = List.copyOf(files);
        live = List.copyOf(live);
        actions = List.copyOf(actions);
        conflicts = List.copyOf(conflicts);
        manualSteps = List.copyOf(manualSteps);
    }

    /** Nothing to write and nothing to set: the host is already as the profile asks. */
    public boolean isEmpty() { return files.isEmpty() && live.isEmpty(); }
}
