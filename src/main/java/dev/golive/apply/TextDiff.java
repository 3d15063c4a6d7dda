package dev.golive.apply;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Unified diffs of whole files (java-diff-utils), as {@code diff -u} prints them. */
public final class TextDiff {
    private TextDiff() { }

    /**
     * {@code before}/{@code after} null: the file does not exist on that side
     * ({@code /dev/null} in the header, like git).
     */
    public static String unified(String path, String before, String after, String fromLabel, String toLabel) {
        List<String> a = lines(before), b = lines(after);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(
                before == null ? "/dev/null" : fromLabel + path, after == null ? "/dev/null" : toLabel + path,
                a, DiffUtils.diff(a, b), 3);
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }

    private static List<String> lines(String s) {
        if (s == null || s.isEmpty()) return List.of();
        List<String> l = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        if (s.endsWith("\n")) l.remove(l.size() - 1);
        return l;
    }
}
