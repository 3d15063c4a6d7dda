package dev.golive.model;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean …?" for every place that rejects a name (rule IDs, profile keys, spec keys,
 * answers-file keys): the closest known name by edit distance, if it is reasonably close.
 */
public final class Suggest {

    private Suggest() { }

    /** The closest of {@code known} to {@code typed}, case-insensitively; empty when nothing is close. */
    public static Optional<String> closest(String typed, Collection<String> known) {
        if (typed == null || typed.isBlank()) return Optional.empty();
        String q = typed.trim().toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            String kl = k.toLowerCase(java.util.Locale.ROOT);
            int d = kl.contains(q) && q.length() >= 4 ? 1 : distance(q, kl);
            if (d < bestD) { bestD = d; best = k; }
        }
        return best != null && bestD <= Math.max(2, q.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean "x"?)" or "" — ready to append to an error message. */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
