package dev.golive.report;

import java.util.Objects;

/**
 * One section of a review whose content comes from a piece that may be missing: the value,
 * or the reason it is not there ("no service given", "not available in this build"). The
 * renderers print the reason in plain words; a report never shows made-up content.
 */
public sealed interface Part<T> permits Part.Available, Part.Unavailable {

    record Available<T>(T value) implements Part<T> {
        public Available { Objects.requireNonNull(value, "value"); }
    }

    record Unavailable<T>(String reason) implements Part<T> {
        public Unavailable { Objects.requireNonNull(reason, "reason"); }
    }

    static <T> Part<T> of(T value) { return new Available<>(value); }

    static <T> Part<T> unavailable(String reason) { return new Unavailable<>(reason); }

    default boolean available() { return this instanceof Available; }
}
