package dev.golive.config;

import dev.golive.model.Printable;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code EnvironmentFile=} as systemd reads it (load_env_file(), systemd.exec(5)): one
 * {@code KEY=VALUE} per line; blank lines and lines starting with {@code #} or {@code ;} are
 * comments; whitespace around the key and before the value is dropped; an unquoted value
 * loses trailing whitespace, a backslash escapes the next character and a backslash at the
 * end of a line continues it; {@code '…'} is literal; inside {@code "…"} a backslash escapes
 * only {@code " \ ` $} and newline. A line without {@code =} or with an invalid name is
 * ignored by systemd (with a log line): here it is a problem with its line number.
 */
public final class EnvironmentFile {

    /** One assignment and the line it starts on (1-based). */
    public record Assignment(String key, String value, int line) { }

    /** A line systemd would ignore, and why. */
    public record Problem(int line, String message) { }

    public record Parsed(List<Assignment> assignments, List<Problem> problems) {
        public Parsed {
            assignments = List.copyOf(assignments);
            problems = List.copyOf(problems);
        }
    }

    private EnvironmentFile() { }

    public static Parsed parse(String text) {
        List<Assignment> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int i = 0, n = text.length(), line = 1;
        while (i < n) {
            int start = line;
            // leading whitespace, then a comment or blank line
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) i++;
            if (i < n && text.charAt(i) == '\n') { i++; line++; continue; }
            if (i >= n) break;
            if (text.charAt(i) == '#' || text.charAt(i) == ';') {
                while (i < n && text.charAt(i) != '\n') i++;
                continue;
            }
            StringBuilder key = new StringBuilder();
            while (i < n && text.charAt(i) != '=' && text.charAt(i) != '\n') key.append(text.charAt(i++));
            if (i >= n || text.charAt(i) == '\n') {
                problems.add(new Problem(start, "no '=' in \"" + key.toString().strip() + "\": systemd ignores the line"));
                continue;
            }
            i++; // '='
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
            StringBuilder value = new StringBuilder();
            int lastSignificant = 0; // length of value up to its last quoted or escaped char: trailing blanks after it are dropped
            boolean done = false;
            while (i < n && !done) {
                char c = text.charAt(i);
                if (c == '\n') { done = true; continue; }
                if (c == '\\') {
                    if (i + 1 < n && text.charAt(i + 1) == '\n') { i += 2; line++; continue; } // continuation
                    if (i + 1 < n) { value.append(text.charAt(i + 1)); i += 2; lastSignificant = value.length(); continue; }
                    i++;
                    continue;
                }
                if (c == '\'') {
                    i++;
                    while (i < n && text.charAt(i) != '\'') {
                        if (text.charAt(i) == '\n') line++;
                        value.append(text.charAt(i++));
                    }
                    i++;
                    lastSignificant = value.length();
                    continue;
                }
                if (c == '"') {
                    i++;
                    while (i < n && text.charAt(i) != '"') {
                        char d = text.charAt(i);
                        if (d == '\\' && i + 1 < n && "\"\\`$\n".indexOf(text.charAt(i + 1)) >= 0) {
                            if (text.charAt(i + 1) == '\n') line++;
                            else value.append(text.charAt(i + 1));
                            i += 2;
                            continue;
                        }
                        if (d == '\n') line++;
                        value.append(d);
                        i++;
                    }
                    i++;
                    lastSignificant = value.length();
                    continue;
                }
                value.append(c);
                if (c != ' ' && c != '\t' && c != '\r') lastSignificant = value.length();
                i++;
            }
            String k = key.toString().strip();
            String v = value.substring(0, Math.max(lastSignificant, 0));
            if (!SystemdWords.validEnvName(k)) {
                problems.add(new Problem(start, "\"" + Printable.clip(k, 80) + "\" is not a valid variable name: systemd ignores the line"));
            } else {
                out.add(new Assignment(k, v, start));
            }
        }
        return new Parsed(out, problems);
    }
}
