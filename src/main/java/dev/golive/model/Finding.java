package dev.golive.model;

import java.util.List;
import java.util.Optional;

/**
 * One problem a rule found on one host. {@code message} is specific to the host (it names
 * the values found); {@code sources} point at what shows the problem (file:line, command),
 * so an admin can check it by hand. The rule's general explanation is looked up by
 * {@code ruleId} (golive explain ID).
 */
public record Finding(
        String ruleId,
        Severity severity,
        Area area,
        String title,
        String message,
        List<Source> sources,
        Optional<ProposedFix> fix) {

    public Finding {
        java.util.Objects.requireNonNull(ruleId, "ruleId");
        java.util.Objects.requireNonNull(severity, "severity");
        java.util.Objects.requireNonNull(message, "message");
        sources = List.copyOf(sources);
    }
}
