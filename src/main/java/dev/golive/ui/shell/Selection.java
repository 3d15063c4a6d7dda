package dev.golive.ui.shell;

import java.util.Optional;
import java.util.TreeSet;
import java.util.SortedSet;

/** Parses a pick from a numbered list: {@code all}, {@code none}, {@code 1,3-5}. */
final class Selection {

    private Selection() { }

    /** The chosen numbers (1-based, each ≤ {@code size}), or an error text. */
    static Optional<SortedSet<Integer>> parse(String text, int size) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        SortedSet<Integer> out = new TreeSet<>();
        if (t.equals("all")) {
            for (int i = 1; i <= size; i++) out.add(i);
            return Optional.of(out);
        }
        if (t.equals("none") || t.isEmpty()) return Optional.of(out);
        for (String part : t.split("[,\\s]+")) {
            if (part.isEmpty()) continue;
            String[] ends = part.split("-", -1);
            if (ends.length > 2) return Optional.empty();
            try {
                int a = Integer.parseInt(ends[0]);
                int b = ends.length == 2 ? Integer.parseInt(ends[1]) : a;
                if (a < 1 || b > size || a > b) return Optional.empty();
                for (int i = a; i <= b; i++) out.add(i);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    static Optional<String> check(String text, int size) {
        return parse(text, size).isPresent() ? Optional.empty()
                : Optional.of("answer all, none, or numbers between 1 and " + size + " such as 1,3-4");
    }
}
