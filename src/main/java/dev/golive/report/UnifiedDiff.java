package dev.golive.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A unified diff (as `diff -u` prints it) of two versions of a text file, through
 * java-diff-utils. An absent side is /dev/null, as git shows a created or deleted file.
 * Empty when both sides are equal.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() { }

    public static String of(String path, Optional<String> before, Optional<String> after) {
        return of(before.isPresent() ? "a" + path : "/dev/null", after.isPresent() ? "b" + path : "/dev/null",
                before.orElse(""), after.orElse(""), before.isPresent(), after.isPresent());
    }

    public static String of(String nameA, String nameB, String a, String b) {
        return of(nameA, nameB, a, b, true, true);
    }

    private static String of(String nameA, String nameB, String a, String b, boolean hasA, boolean hasB) {
        if (hasA == hasB && a.equals(b)) return "";
        List<String> la = lines(a);
        List<String> lb = lines(b);
        Patch<String> patch = DiffUtils.diff(la, lb);
        List<String> out = new ArrayList<>(UnifiedDiffUtils.generateUnifiedDiff(nameA, nameB, la, patch, CONTEXT));
        if (out.isEmpty()) {
            // same lines, different ending: say so rather than print an empty diff
            out.add("--- " + nameA);
            out.add("+++ " + nameB);
            out.add("(contents differ only in the final newline)");
        } else {
            if (!a.isEmpty() && !a.endsWith("\n") && hasA) out.add("\\ No newline at end of " + nameA);
            if (!b.isEmpty() && !b.endsWith("\n") && hasB) out.add("\\ No newline at end of " + nameB);
        }
        return String.join("\n", out) + "\n";
    }

    private static List<String> lines(String s) {
        if (s.isEmpty()) return List.of();
        // a final newline ends the last line, it does not start an empty one
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        return List.of(body.split("\n", -1));
    }
}
