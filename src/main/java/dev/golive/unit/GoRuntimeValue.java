package dev.golive.unit;

import java.util.Optional;

/**
 * One Go runtime variable golive decided about (GOMAXPROCS or GOMEMLIMIT): the value to put
 * in the unit's environment, or empty when the runtime's own default is right, and why
 * either way, in words an admin can check against DOMAIN.md.
 */
public record GoRuntimeValue(String name, Optional<String> value, String why) {

    static GoRuntimeValue set(String name, String value, String why) { return new GoRuntimeValue(name, Optional.of(value), why); }

    static GoRuntimeValue unset(String name, String why) { return new GoRuntimeValue(name, Optional.empty(), why); }

    /** {@code GOMAXPROCS=2: why} or {@code GOMAXPROCS not set: why}. */
    public String describe() {
        return value.map(v -> name + "=" + v + ": ").orElse(name + " not set: ") + why;
    }
}
