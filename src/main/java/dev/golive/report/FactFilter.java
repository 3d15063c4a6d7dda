package dev.golive.report;

import dev.golive.model.GoliveException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which fact paths a comparison of hosts looks at: all but the volatile ones ({@link
 * VolatileFacts}) unless {@code includeVolatile}, and none that an {@code --ignore} pattern
 * names. A pattern is a fact path where {@code *} stands for any run of characters; it covers
 * the path itself and everything below it ({@code sysctls.byKey[net.core.somaxconn]} also
 * covers its {@code .live} and {@code .configured}).
 */
public record FactFilter(boolean includeVolatile, List<String> ignore) {

    public static final FactFilter DEFAULT = new FactFilter(false, List.of());

    public FactFilter {
        ignore = List.copyOf(ignore);
        for (String p : ignore) {
            if (p.isBlank()) throw GoliveException.badInput("--ignore: empty pattern (expected a fact path such as memory.availableBytes or go.env[*])");
        }
    }

    public boolean keeps(String path, String value) {
        if (!includeVolatile && VolatileFacts.isVolatile(path, value)) return false;
        for (String p : ignore) if (covers(p, path)) return false;
        return true;
    }

    /** {@link #keeps} for every value of a path whose value does not decide ({@link VolatileFacts#valueMatters}). */
    public boolean keepsPath(String path) {
        if (!includeVolatile && VolatileFacts.isVolatilePath(path)) return false;
        for (String p : ignore) if (covers(p, path)) return false;
        return true;
    }

    static boolean covers(String pattern, String path) {
        String re = String.join(".*", java.util.Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).toList());
        // the path itself, or a path below it (a component or an element)
        return Pattern.compile(re + "([.\\[].*)?").matcher(path).matches();
    }
}
