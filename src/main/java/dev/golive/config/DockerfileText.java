package dev.golive.config;

import dev.golive.model.GoliveException;
import dev.golive.model.Printable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Dockerfile read into its instructions, each with the line and column it starts at
 * (Dockerfile reference: one instruction per line, a trailing backslash continues it, lines
 * starting with '#' are comments, parser directives only at the top). Malformed input is one
 * line {@code file:line:col: ...}, exit 2: an unknown instruction, an instruction without
 * arguments, a JSON (exec) form that is not a JSON array of strings, a continuation at the end.
 */
public final class DockerfileText {

    private DockerfileText() { }

    /** The instructions the Dockerfile reference defines (MAINTAINER is deprecated but still read). */
    static final Set<String> KEYWORDS = Set.of("FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
            "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");

    private static final java.util.regex.Pattern HEREDOC = java.util.regex.Pattern.compile("<<(-?)[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");

    private static final Set<String> EXEC_FORM = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "VOLUME");

    /** One instruction: its keyword (upper case), its arguments as written (continuations joined by a space). */
    public record Instruction(String keyword, String args, int line, int col) { }

    public static List<Instruction> parse(String file, String text) {
        List<Instruction> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder pending = null;
        int startLine = 0, startCol = 0;
        String keyword = null;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String trimmed = raw.strip();
            if (pending == null) {
                if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
                int col = raw.indexOf(trimmed.charAt(0)) + 1;
                int sp = 0;
                while (sp < trimmed.length() && !Character.isWhitespace(trimmed.charAt(sp))) sp++;
                String word = trimmed.substring(0, sp);
                keyword = word.toUpperCase(Locale.ROOT);
                if (!KEYWORDS.contains(keyword)) {
                    throw GoliveException.badInput(file + ":" + (i + 1) + ":" + col + ": unknown instruction \"" + Printable.clip(word, 40)
                            + "\" (a Dockerfile line starts with FROM, RUN, COPY, ...)");
                }
                startLine = i + 1;
                startCol = col;
                pending = new StringBuilder();
                trimmed = trimmed.substring(sp).strip();
            } else if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue; // comments and empty lines inside a continued instruction are dropped, as docker does
            }
            boolean continues = trimmed.endsWith("\\");
            pending.append(pending.length() > 0 && !trimmed.isEmpty() ? " " : "").append(continues ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed);
            if (!continues) {
                Instruction in = finish(file, keyword, pending.toString(), startLine, startCol);
                out.add(in);
                pending = null;
                // here-documents (RUN <<EOF ... EOF): their lines are the instruction's, not instructions
                java.util.regex.Matcher h = HEREDOC.matcher(in.args());
                while (h.find()) {
                    String end = h.group(2);
                    int j = i + 1;
                    while (j < lines.length && !lines[j].strip().equals(end)) j++;
                    if (j >= lines.length) {
                        throw GoliveException.badInput(file + ":" + in.line() + ":" + in.col() + ": here-document <<" + end + " has no closing " + end + " line");
                    }
                    i = j;
                }
            }
        }
        if (pending != null) {
            throw GoliveException.badInput(file + ":" + startLine + ":" + startCol + ": " + keyword + " continues with a backslash past the end of the file");
        }
        return out;
    }

    private static Instruction finish(String file, String keyword, String args, int line, int col) {
        if (args.isEmpty()) throw GoliveException.badInput(file + ":" + line + ":" + col + ": " + keyword + " without arguments");
        if (EXEC_FORM.contains(keyword) && args.startsWith("[")) {
            try {
                Object parsed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(args, Object.class);
                if (!(parsed instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
                    throw GoliveException.badInput(file + ":" + line + ":" + col + ": " + keyword + "'s exec form must be a JSON array of strings");
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // docker would run this as a shell command starting with "[": almost always a typo in the JSON
                var l = e.getLocation();
                throw GoliveException.badInput(file + ":" + line + ":" + col + ": " + keyword + "'s exec form is not valid JSON"
                        + (l == null ? "" : " at character " + l.getColumnNr()) + " (use double quotes)");
            }
        }
        return new Instruction(keyword, args, line, col);
    }

    /** The strings of an exec-form argument list (already checked by {@link #parse}), else empty. */
    public static List<String> execForm(Instruction in) {
        if (!in.args().startsWith("[")) return List.of();
        try {
            List<?> l = new com.fasterxml.jackson.databind.ObjectMapper().readValue(in.args(), List.class);
            return l.stream().map(String::valueOf).toList();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of();
        }
    }
}
