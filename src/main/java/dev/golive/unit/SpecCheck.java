package dev.golive.unit;

import java.util.List;

/**
 * The outcome of a spec that passed validation: the warnings (each one line, naming the
 * field) that the UIs show next to the rendered unit. Errors that make the spec unrenderable
 * are thrown; {@code errors} holds only what stops an apply but not the rendering (the
 * binary missing on the live host), collected for a preview ({@link SpecValidator#collect}).
 */
public record SpecCheck(List<String> warnings, List<String> errors) {
    public SpecCheck {
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    public SpecCheck(List<String> warnings) { this(warnings, List.of()); }
}
