package dev.golive.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A systemd INI file (unit, drop-in, system.conf) per systemd.syntax(7), parsed
 * losslessly: the physical lines are kept as found, and {@link #entries()} gives the
 * logical assignments — a line ending in '\' continues on the next one (joined with a
 * space; comment lines inside a continuation are skipped), '#'/';' start comments,
 * whitespace around '=' is dropped, repeated keys are all kept in order, an empty value
 * is kept (it resets a list setting), specifiers like %n stay as text.
 */
public final class SystemdIni {

    /** One logical assignment; {@code line} is the physical line it starts on, {@code column} of the key. */
    public record Entry(String section, String key, String value, int line, int column) { }

    /** A problem with file:line:col, e.g. an assignment outside any section. */
    public record Problem(String path, int line, int column, String message) {
        public String describe() { return path + ":" + line + ":" + column + ": " + message; }
    }

    private final String path;
    private final List<TextLines.Physical> lines;
    private final List<Entry> entries;
    private final List<Problem> problems;

    private SystemdIni(String path, List<TextLines.Physical> lines, List<Entry> entries, List<Problem> problems) {
        this.path = path;
        this.lines = List.copyOf(lines);
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    public static SystemdIni parse(String path, String text) {
        List<TextLines.Physical> lines = TextLines.split(text);
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String section = null;
        int i = 0;
        while (i < lines.size()) {
            String body = lines.get(i).body();
            int number = i + 1;
            String t = body.strip();
            i++;
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) continue;
            int col = body.length() - body.stripLeading().length() + 1;
            if (t.startsWith("[")) {
                if (!t.endsWith("]") || t.length() < 3) {
                    problems.add(new Problem(path, number, col, "invalid section header \"" + t + "\""));
                    section = null;
                } else {
                    section = t.substring(1, t.length() - 1);
                }
                continue;
            }
            // join continuation lines
            StringBuilder logical = new StringBuilder(t);
            while (endsWithContinuation(logical) && i < lines.size()) {
                logical.setLength(logical.length() - 1);
                String next = lines.get(i).body();
                i++;
                String nt = next.strip();
                if (nt.startsWith("#") || nt.startsWith(";")) {
                    logical.append('\\'); // a comment inside a continuation is skipped, the continuation goes on
                    continue;
                }
                logical.append(' ').append(nt);
            }
            if (endsWithContinuation(logical)) logical.setLength(logical.length() - 1);
            String l = logical.toString();
            int eq = l.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem(path, number, col, "not an assignment (expected Key=Value): \"" + abbreviate(l) + "\""));
                continue;
            }
            if (section == null) {
                problems.add(new Problem(path, number, col, "assignment outside of any section"));
                continue;
            }
            String key = l.substring(0, eq).strip();
            String value = l.substring(eq + 1).strip();
            entries.add(new Entry(section, key, value, number, col));
        }
        return new SystemdIni(path, lines, entries, problems);
    }

    private static boolean endsWithContinuation(CharSequence s) {
        return s.length() > 0 && s.charAt(s.length() - 1) == '\\';
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }

    public String path() { return path; }

    public List<Entry> entries() { return entries; }

    public List<Problem> problems() { return problems; }

    public String render() {
        StringBuilder b = new StringBuilder();
        for (TextLines.Physical p : lines) b.append(p.body()).append(p.eol());
        return b.toString();
    }
}
