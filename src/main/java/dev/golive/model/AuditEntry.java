package dev.golive.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of golive's audit trail: who changed the host (or tried to), when, what, on which
 * snapshot, and how it ended. {@code exit} is the CLI's exit code for the run (0 when it
 * worked); {@code detail} what it did or the one line that made it fail.
 */
public record AuditEntry(Instant at, Action action, List<String> snapshots, int exit, Who who, String detail) {

    public enum Action {
        APPLY, ROLLBACK, RECOVER;

        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** The user: uid and name golive ran as, and {@code SUDO_USER} when it ran under sudo. */
    public record Who(int uid, String user, Optional<String> sudoUser) {
        public Who {
            sudoUser = sudoUser.filter(s -> !s.isBlank());
        }

        public String describe() { return user + " (uid " + uid + ")" + sudoUser.map(s -> " via sudo by " + s).orElse(""); }
    }

    public AuditEntry {
        snapshots = List.copyOf(snapshots);
        detail = detail == null ? "" : detail;
    }

    public boolean ok() { return exit == 0; }
}
