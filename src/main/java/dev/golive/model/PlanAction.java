package dev.golive.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What has to happen after the files and live values are written. {@code unit} names the
 * service for a restart. Restarts are proposed with their reason (a Go service reads
 * somaxconn once per process) and run only when the admin asks.
 */
public record PlanAction(Kind kind, Optional<String> unit, String why) {

    public PlanAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(why, "why");
        if (kind == Kind.RESTART_SERVICE && unit.isEmpty()) throw new IllegalArgumentException("restart needs a unit");
    }

    public enum Kind {
        /** {@code systemctl daemon-reload}: a unit file or drop-in changed. */
        DAEMON_RELOAD,
        /** {@code systemctl daemon-reexec}: manager defaults (system.conf.d) are read at (re-)exec. */
        DAEMON_REEXEC,
        /** {@code systemctl restart UNIT}: only when asked. */
        RESTART_SERVICE
    }
}
