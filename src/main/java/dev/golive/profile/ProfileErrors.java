package dev.golive.profile;

import dev.golive.model.GoliveException;
import dev.golive.model.Suggest;

import java.util.Collection;
import java.util.Optional;

/** One-line, located profile errors (exit 2), with model.Suggest's "did you mean". */
final class ProfileErrors {
    private ProfileErrors() { }

    static GoliveException at(YamlTree.Loc loc, String message) {
        return GoliveException.badInput(loc.prefix() + ": " + printable(message));
    }

    /** Control and line-separator characters from the file shown as \\uXXXX: an error stays one line. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    static GoliveException unknownKey(YamlTree.Loc loc, String what, String key, Collection<String> known) {
        return at(loc, "unknown " + what + " \"" + key + "\"" + Suggest.didYouMean(key, known));
    }

    static Optional<String> suggest(String key, Collection<String> known) { return Suggest.closest(key, known); }
}
