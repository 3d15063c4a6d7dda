package dev.golive.build;

import dev.golive.model.GoliveException;

/** The few go.mod facts building needs; the full file belongs to the go command. */
public final class GoMod {
    private GoMod() { }

    /** The path on the {@code module} line (quoted or not, comments ignored). */
    public static String modulePath(String goModText, String displayName) {
        int lineNo = 0;
        for (String raw : goModText.split("\n")) {
            lineNo++;
            String line = raw;
            int c = line.indexOf("//");
            if (c >= 0) line = line.substring(0, c);
            line = line.trim();
            if (!line.startsWith("module")) continue;
            String rest = line.substring("module".length());
            if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) continue;
            rest = rest.trim();
            if (rest.length() >= 2 && (rest.startsWith("\"") || rest.startsWith("`"))) rest = rest.substring(1, rest.length() - 1);
            if (rest.isEmpty()) throw GoliveException.badInput(displayName + ":" + lineNo + ": module line without a path");
            return rest;
        }
        throw GoliveException.badInput(displayName + ": no module line");
    }

    /** The version on the {@code go} line ({@code go 1.25} / {@code go 1.22.3}), or empty when there is none. */
    public static java.util.Optional<String> goLine(String goModText) {
        for (String raw : goModText.split("\n")) {
            String line = raw;
            int c = line.indexOf("//");
            if (c >= 0) line = line.substring(0, c);
            line = line.trim();
            if (!line.startsWith("go")) continue;
            String rest = line.substring(2);
            if (rest.isEmpty() || !Character.isWhitespace(rest.charAt(0))) continue;
            rest = rest.trim();
            if (!rest.isEmpty()) return java.util.Optional.of(rest);
        }
        return java.util.Optional.empty();
    }
}
