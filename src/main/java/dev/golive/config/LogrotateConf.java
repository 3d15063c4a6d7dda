package dev.golive.config;

import dev.golive.model.LogRotation;
import dev.golive.model.MalformedLine;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One logrotate configuration file (logrotate(8), "CONFIGURATION FILE DIRECTIVES"): global
 * directives, {@code include FILE_OR_DIRECTORY} lines, and blocks {@code PATH... { directives }}
 * whose file list may span lines before the '{'. Lines starting with '#' are comments; the
 * scripts of {@code prerotate}/{@code postrotate}/{@code firstaction}/{@code lastaction}/
 * {@code preremove} run to {@code endscript} and are skipped (a '}' in them closes nothing).
 */
public record LogrotateConf(List<LogRotation.Rotated> patterns, List<String> includes, List<MalformedLine> malformed) {

    private static final Set<String> SCRIPTS = Set.of("prerotate", "postrotate", "firstaction", "lastaction", "preremove");

    public LogrotateConf {
        patterns = List.copyOf(patterns);
        includes = List.copyOf(includes);
        malformed = List.copyOf(malformed);
    }

    public static LogrotateConf parse(String path, String text) {
        List<LogRotation.Rotated> patterns = new ArrayList<>();
        List<String> includes = new ArrayList<>();
        List<MalformedLine> malformed = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        int pendingLine = 0;
        int blockLine = 0; // >0 inside a block: the line of its '{'
        boolean script = false;
        int n = 0;
        for (TextLines.Physical p : TextLines.split(text)) {
            n++;
            String line = p.body().strip();
            if (script) {
                if (line.equals("endscript")) script = false;
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (blockLine > 0) {
                String word = line.split("\\s+", 2)[0];
                if (SCRIPTS.contains(word)) script = true;
                else if (line.startsWith("}")) blockLine = 0;
                continue;
            }
            String word = line.split("\\s+", 2)[0];
            if (pending.isEmpty() && word.equals("include")) {
                String arg = line.substring("include".length()).strip();
                if (arg.isEmpty()) malformed.add(bad(path, n, 1, "include names no file or directory"));
                else includes.add(unquote(arg));
                continue;
            }
            boolean opens = line.endsWith("{");
            String files = opens ? line.substring(0, line.length() - 1).strip() : line;
            boolean isFiles = files.isEmpty() || files.startsWith("/") || files.startsWith("\"") || files.startsWith("'")
                    || files.startsWith("~") || !pending.isEmpty();
            if (!isFiles) continue; // a global directive (weekly, rotate 4, create, ...)
            if (!files.isEmpty()) {
                if (pending.isEmpty()) pendingLine = n;
                pending.addAll(words(files));
            }
            if (opens) {
                if (pending.isEmpty()) malformed.add(bad(path, n, p.body().indexOf('{') + 1, "'{' names no log file"));
                for (String f : pending) patterns.add(new LogRotation.Rotated(f, new Source.File(path, pendingLine)));
                pending.clear();
                blockLine = n;
            }
        }
        if (blockLine > 0) malformed.add(bad(path, blockLine, 1, "block opened here is never closed with '}'"));
        if (!pending.isEmpty()) malformed.add(bad(path, pendingLine, 1, "file names without a '{' block"));
        return new LogrotateConf(patterns, includes, malformed);
    }

    private static MalformedLine bad(String path, int line, int col, String message) {
        return new MalformedLine(new Source.File(path, line), path + ":" + line + ":" + col + ": " + message);
    }

    /** Whitespace-separated names; a name in "double" or 'single' quotes may hold spaces. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            if (c == '"' || c == '\'') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) end = s.length();
                out.add(s.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end))) end++;
                out.add(s.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    private static String unquote(String s) {
        List<String> w = words(s);
        return w.isEmpty() ? s : w.get(0);
    }
}
