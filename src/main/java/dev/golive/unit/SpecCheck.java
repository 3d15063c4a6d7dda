package dev.golive.unit;

import java.util.List;

/**
 * The outcome of a spec that passed validation: the warnings (each one line, naming the
 * field) that the UIs show next to the rendered unit. Errors are thrown, not collected.
 */
public record SpecCheck(List<String> warnings) {
    public SpecCheck { warnings = List.copyOf(warnings); }
}
