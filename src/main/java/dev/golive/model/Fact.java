package dev.golive.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One fact about a host: either known, with the {@link Source} it was read from, or
 * unknown, with the reason (file missing, command absent, capture lacks it). Inspection
 * never throws for a missing fact; it records an Unknown.
 */
public sealed interface Fact<T> permits Fact.Known, Fact.Unknown {

    record Known<T>(T value, Source source) implements Fact<T> {
        public Known {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
        }
    }

    record Unknown<T>(String reason) implements Fact<T> {
        public Unknown { Objects.requireNonNull(reason, "reason"); }
    }

    static <T> Fact<T> of(T value, Source source) { return new Known<>(value, source); }

    static <T> Fact<T> unknown(String reason) { return new Unknown<>(reason); }

    default boolean known() { return this instanceof Known; }

    default Optional<T> opt() {
        return this instanceof Known<T> k ? Optional.of(k.value()) : Optional.empty();
    }

    default T orElse(T other) { return opt().orElse(other); }

    default Optional<Source> src() {
        return this instanceof Known<T> k ? Optional.of(k.source()) : Optional.empty();
    }

    /** Maps the value, keeping the source; an Unknown stays Unknown. */
    default <R> Fact<R> map(Function<T, R> f) {
        if (this instanceof Known<T> k) {
            R r = f.apply(k.value());
            return r == null ? unknown("no value") : of(r, k.source());
        }
        return unknown(((Unknown<T>) this).reason());
    }

    default String describe() {
        if (this instanceof Known<T> k) return k.value() + "  (" + k.source().describe() + ")";
        return "unknown: " + ((Unknown<T>) this).reason();
    }
}
