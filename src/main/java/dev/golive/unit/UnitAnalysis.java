package dev.golive.unit;

import dev.golive.model.Fact;

import java.util.List;
import java.util.Optional;

/**
 * What {@code systemd-analyze} said about a rendered unit: the version that ran, the lines
 * of {@code verify} (each mapped to the host path and, where golive wrote that line, to the
 * spec field), and the {@code security --offline=true} exposure. Unknown, with the reason,
 * where the tool is missing or too old; a score is never made up.
 */
public record UnitAnalysis(Fact<Integer> version, Fact<List<VerifyMessage>> verify, Fact<Security> security) {

    /** {@code path} and {@code line} in host terms (line 0: about the unit as a whole). */
    public record VerifyMessage(String path, int line, Optional<String> field, String message) {
        public String describe() {
            return (line > 0 ? path + ":" + line + ": " : path + ": ") + message + field.map(f -> " [" + f + "]").orElse("");
        }
    }

    /** The overall exposure (0.0 best … 10.0 worst), systemd's word for it, and the per-directive table. */
    public record Security(double exposure, String rating, List<SecurityItem> items) {
        public Security { items = List.copyOf(items); }
    }

    /**
     * One row: {@code passed} true (✓), false (✗) or empty (does not apply); the exposure it
     * adds, when it adds any.
     */
    public record SecurityItem(Optional<Boolean> passed, String name, String description, Optional<Double> exposure) { }
}
