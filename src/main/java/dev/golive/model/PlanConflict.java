package dev.golive.model;

import java.util.Objects;

/**
 * A value golive would set that another file, read later, overrides, so golive's value would
 * be silently lost. Reported, never hidden; the apply still writes golive's files (the admin
 * fixes the other file, golive never edits it). Two kinds:
 * <ul>
 * <li>a sysctl key ({@code net.core.somaxconn}) set again by a file later in the sysctl load
 *     order (a {@code 99-*.conf}, {@code /etc/sysctl.conf}): it wins at boot;</li>
 * <li>a unit setting, keyed {@code "[Section] Key"} ({@code "[Service] LimitNOFILE"},
 *     {@code "[Service] Environment=GOMAXPROCS"} for one variable), of golive's unit or drop-in
 *     that a drop-in read after it assigns (an admin's {@code override.conf}), resets, or for a
 *     variable an {@code EnvironmentFile=} or {@code UnsetEnvironment=} overrides: it wins
 *     whenever systemd loads the unit. An empty {@code winningValue} means reset or unset.</li>
 * </ul>
 */
public record PlanConflict(String key, String wanted, String winningValue, Source.File winner, String why) {
    public PlanConflict {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(winner, "winner");
    }

    /** A unit setting ("[Service] LimitNOFILE"), not a sysctl key. */
    public boolean unitSetting() { return key.startsWith("["); }

    /** When the other value takes effect: "at boot" for a sysctl, "when systemd loads the unit" for a unit setting. */
    public String when() { return unitSetting() ? "when systemd loads the unit" : "at boot"; }

    /** The other file's value for text: "sets X", or "resets it" for an empty assignment or an unset variable. */
    public String winnerSays() { return winningValue == null || winningValue.isEmpty() ? "resets it" : "sets " + winningValue; }
}
