package dev.golive.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What finishing a service takes after its unit is written (docs/snapshots.md, "Finishing a
 * service"): the system group and user it runs as when they do not exist, its binary put in
 * place, the directories systemd will not create for it, and the unit enabled and started
 * (a new unit) or restarted (one that was running). Decided before anything is written, from
 * the unit as systemd will read it and the host's account files; every step is journalled in
 * the apply's snapshot so a rollback undoes it.
 *
 * <p>{@code ports} and {@code healthUrl} are what the health step checks afterwards;
 * {@code notes} say what golive leaves alone and why (an existing user, a directory systemd
 * creates itself).
 */
public record FinishPlan(String unit, List<Step> steps, List<Integer> ports, Optional<String> healthUrl, List<String> notes) {

    public FinishPlan {
        Objects.requireNonNull(unit, "unit");
        steps = List.copyOf(steps);
        ports = List.copyOf(ports);
        Objects.requireNonNull(healthUrl, "healthUrl");
        notes = List.copyOf(notes);
    }

    /**
     * One step. {@code target}: the group or user name, the path (binary, directory) or the
     * unit. {@code line}: for an account, the line golive adds to /etc/group or /etc/passwd
     * in a target tree ({@code groupadd}/{@code useradd --system} write the same on a live
     * host); for a binary, the file it is copied from; else empty. {@code owner}/{@code group}:
     * who owns a directory golive creates.
     */
    public record Step(Kind kind, String target, String line, String owner, String group, String why) {
        public Step {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(why, "why");
        }
    }

    /** In apply order; a rollback undoes them last-first. */
    public enum Kind {
        CREATE_GROUP("create group"),
        CREATE_USER("create user"),
        CREATE_DIRECTORY("create directory"),
        INSTALL_BINARY("install binary"),
        START_UNIT("enable and start"),
        RESTART_UNIT("restart");

        private final String text;
        Kind(String text) { this.text = text; }
        public String text() { return text; }
    }

    public boolean isEmpty() { return steps.isEmpty(); }
}
