package dev.golive.profile;

import dev.golive.model.Printable;

import dev.golive.model.GoliveException;
import dev.golive.model.Suggest;

import java.util.Collection;
import java.util.Optional;

/** One-line, located profile errors (exit 2), with model.Suggest's "did you mean". */
final class ProfileErrors {
    private ProfileErrors() { }

    static GoliveException at(dev.golive.config.Yaml.Loc loc, String message) {
        return GoliveException.badInput(loc.prefix() + ": " + Printable.text(message));
    }


    static GoliveException unknownKey(dev.golive.config.Yaml.Loc loc, String what, String key, Collection<String> known) {
        return at(loc, "unknown " + what + " \"" + key + "\"" + Suggest.didYouMean(key, known));
    }

    static Optional<String> suggest(String key, Collection<String> known) { return Suggest.closest(key, known); }
}
