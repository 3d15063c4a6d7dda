package dev.golive.model;

import java.util.List;

/**
 * The fix for one finding on this host: what to do in words, plus the structured changes
 * golive can make (empty when the fix is advice only, e.g. "restart the service").
 */
public record ProposedFix(String text, List<FixChange> changes) {

    public ProposedFix {
        java.util.Objects.requireNonNull(text, "text");
        changes = List.copyOf(changes);
    }

    public static ProposedFix advice(String text) { return new ProposedFix(text, List.of()); }

    public static ProposedFix of(String text, FixChange... changes) { return new ProposedFix(text, List.of(changes)); }
}
