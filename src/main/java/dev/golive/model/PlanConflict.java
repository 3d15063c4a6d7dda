package dev.golive.model;

import java.util.Objects;

/**
 * A value golive would set that a file later in the sysctl load order overrides (a
 * {@code 99-*.conf}, {@code /etc/sysctl.conf}): at boot the other file wins, so golive's
 * value would be silently lost. Reported, never hidden.
 */
public record PlanConflict(String key, String wanted, String winningValue, Source.File winner, String why) {
    public PlanConflict {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(winner, "winner");
    }
}
