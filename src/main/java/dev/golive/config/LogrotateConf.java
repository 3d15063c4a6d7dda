package dev.golive.config;

import dev.golive.model.LogRotation;
import dev.golive.model.MalformedLine;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One logrotate configuration file (logrotate(8), "CONFIGURATION FILE DIRECTIVES"): global
 * directives, {@code include FILE_OR_DIRECTORY} lines, and blocks {@code PATH... { directives }}
 * whose file list may span lines before the '{'. Lines starting with '#' are comments; the
 * scripts of {@code prerotate}/{@code postrotate}/{@code firstaction}/{@code lastaction}/
 * {@code preremove} run to {@code endscript} and are skipped (a '}' in them closes nothing).
 * {@code steps}: the includes, blocks and global {@code su} lines in file order, the order in
 * which logrotate applies them (a global directive reaches the blocks and includes after it only).
 */
public record LogrotateConf(List<Step> steps, List<MalformedLine> malformed) {

    /** What the file does, in order. */
    public sealed interface Step { }

    /** {@code include FILE_OR_DIRECTORY}: read there and then, with the global directives as they stand. */
    public record Include(String path) implements Step { }

    /** A global {@code su USER GROUP}: the blocks after it (here and in what is read later) rotate as that user. */
    public record GlobalSu(LogRotation.Su su) implements Step { }

    /** One block's file patterns; each carries the block's own {@code su} line, if it has one. */
    public record Block(List<LogRotation.Rotated> patterns) implements Step {
        public Block { patterns = List.copyOf(patterns); }
    }

    private static final Set<String> SCRIPTS = Set.of("prerotate", "postrotate", "firstaction", "lastaction", "preremove");

    public LogrotateConf {
        steps = List.copyOf(steps);
        malformed = List.copyOf(malformed);
    }

    /** Every block's file patterns, in order. */
    public List<LogRotation.Rotated> patterns() {
        return steps.stream().filter(s -> s instanceof Block).flatMap(s -> ((Block) s).patterns().stream()).toList();
    }

    /** The include lines' files or directories, in order. */
    public List<String> includes() {
        return steps.stream().filter(s -> s instanceof Include).map(s -> ((Include) s).path()).toList();
    }

    public static LogrotateConf parse(String path, String text) {
        List<Step> steps = new ArrayList<>();
        List<MalformedLine> malformed = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<LogRotation.Rotated> open = new ArrayList<>(); // the patterns of the block being read
        Optional<LogRotation.Su> blockSu = Optional.empty();
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
                String word = firstWord(line);
                if (SCRIPTS.contains(word)) script = true;
                else if (word.equals("su")) {
                    Optional<LogRotation.Su> su = su(path, n, line);
                    if (su.isPresent()) blockSu = su;
                }
                else if (line.startsWith("}")) {
                    steps.add(block(open, blockSu));
                    open.clear();
                    blockSu = Optional.empty();
                    blockLine = 0;
                }
                continue;
            }
            String word = firstWord(line);
            if (pending.isEmpty() && word.equals("include")) {
                String arg = line.substring("include".length()).strip();
                if (arg.isEmpty()) malformed.add(bad(path, n, 1, "include names no file or directory"));
                else steps.add(new Include(unquote(arg)));
                continue;
            }
            if (pending.isEmpty() && word.equals("su")) {
                su(path, n, line).ifPresent(su -> steps.add(new GlobalSu(su)));
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
                for (String f : pending) open.add(new LogRotation.Rotated(f, new Source.File(path, pendingLine)));
                pending.clear();
                blockLine = n;
            }
        }
        if (blockLine > 0) {
            malformed.add(bad(path, blockLine, 1, "block opened here is never closed with '}'"));
            steps.add(block(open, blockSu));
        }
        if (!pending.isEmpty()) malformed.add(bad(path, pendingLine, 1, "file names without a '{' block"));
        return new LogrotateConf(steps, malformed);
    }

    /** The directive's name: the line up to its first blank (no regular expression: this runs for every line read). */
    private static String firstWord(String line) {
        for (int i = 0; i < line.length(); i++) if (Character.isWhitespace(line.charAt(i))) return line.substring(0, i);
        return line;
    }

    private static Block block(List<LogRotation.Rotated> patterns, Optional<LogRotation.Su> su) {
        return new Block(patterns.stream().map(r -> su.map(r::withSu).orElse(r)).toList());
    }

    /**
     * A {@code su USER [GROUP]} line; none when it names no user (logrotate refuses that line,
     * so it sets nothing). logrotate 3.8 took the group as optional, later releases require it.
     */
    private static Optional<LogRotation.Su> su(String path, int line, String text) {
        List<String> w = words(text.substring(2).strip());
        if (w.isEmpty()) return Optional.empty();
        return Optional.of(new LogRotation.Su(w.get(0), w.size() > 1 ? w.get(1) : "", new Source.File(path, line)));
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
