package dev.golive.profile;

import dev.golive.model.GoliveException;

import java.util.Collection;
import java.util.Optional;

/** One-line, located profile errors (exit 2) and the "did you mean" suggestion. */
final class ProfileErrors {
    private ProfileErrors() { }

    static GoliveException at(YamlTree.Loc loc, String message) {
        return GoliveException.badInput(loc.prefix() + ": " + message);
    }

    static GoliveException unknownKey(YamlTree.Loc loc, String what, String key, Collection<String> known) {
        String hint = suggest(key, known).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
        return at(loc, "unknown " + what + " \"" + key + "\"" + hint);
    }

    /** The closest known name within an edit distance that still looks like a typo. */
    static Optional<String> suggest(String key, Collection<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(), k.toLowerCase());
            if (d < bestD) { bestD = d; best = k; }
        }
        int allowed = Math.max(2, key.length() / 4);
        return best != null && bestD <= allowed ? Optional.of(best) : Optional.empty();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
