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
 *
 * <p>{@code firstBoot} is present for a target without a running kernel (an image tree): the
 * plan then has no live values, and names what the kernel and sysfs values were checked
 * against and each value its files set when the image first boots.
 */
public record Plan(
        String id,
        String profile,
        Optional<String> service,
        List<FileChange> files,
        List<LiveChange> live,
        List<PlanAction> actions,
        List<PlanConflict> conflicts,
        List<String> manualSteps,
        Optional<FirstBoot> firstBoot) {

    /**
     * Values an image tree's files set when it first boots (nothing is set live in a tree), what
     * its sysctl keys were checked against, and the tree's own systemd version (with where it
     * was read, or why it is unknown) that its units were written for.
     */
    public record FirstBoot(String checkedAgainst, String systemd, List<String> values) {
        public FirstBoot {
            Objects.requireNonNull(checkedAgainst, "checkedAgainst");
            Objects.requireNonNull(systemd, "systemd");
            values = List.copyOf(values);
        }
    }

    /** A plan for a host with a running kernel. */
    public Plan(String id, String profile, Optional<String> service, List<FileChange> files, List<LiveChange> live,
                List<PlanAction> actions, List<PlanConflict> conflicts, List<String> manualSteps) {
        this(id, profile, service, files, live, actions, conflicts, manualSteps, Optional.empty());
    }

    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(firstBoot, "firstBoot");
        files = List.copyOf(files);
        live = List.copyOf(live);
        actions = List.copyOf(actions);
        conflicts = List.copyOf(conflicts);
        manualSteps = List.copyOf(manualSteps);
        if (firstBoot.isPresent() && !live.isEmpty()) throw new IllegalArgumentException("live values in a plan for a target without a running kernel");
    }

    /** Nothing to write and nothing to set: the host is already as the profile asks. */
    public boolean isEmpty() { return files.isEmpty() && live.isEmpty(); }
}
