package dev.golive.config;

import dev.golive.model.Source;
import dev.golive.model.SysctlAssignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sysctl.d file, parsed losslessly: every line keeps its exact text (and line ending), so
 * {@link #render()} gives the input back byte for byte; only lines changed through
 * {@link #set} are rewritten. Syntax per sysctl.d(5): {@code key = value} or
 * {@code key=value}, '#' or ';' comments, a leading '-' on the key to ignore failures, and
 * '/' as separator (when the first separator is '/', '/' and '.' swap).
 */
public final class SysctlFile {

    /** One physical line. {@code key}/{@code value} are null for blank, comment and invalid lines. */
    public record Line(String raw, String eol, int number, String key, String value, boolean ignoreFailure) {
        public boolean isAssignment() { return key != null; }
        public boolean isComment() { String t = raw.strip(); return t.startsWith("#") || t.startsWith(";"); }
        public boolean isBlank() { return raw.isBlank(); }
        public boolean isInvalid() { return key == null && !isBlank() && !isComment(); }
    }

    private final String path;
    private final List<Line> lines;

    private SysctlFile(String path, List<Line> lines) {
        this.path = path;
        this.lines = List.copyOf(lines);
    }

    public static SysctlFile parse(String path, String text) {
        List<Line> out = new ArrayList<>();
        int n = 0;
        for (TextLines.Physical p : TextLines.split(text)) out.add(parseLine(p.body(), p.eol(), ++n));
        return new SysctlFile(path, out);
    }

    static Line parseLine(String raw, String eol, int number) {
        String t = raw.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) return new Line(raw, eol, number, null, null, false);
        int eq = t.indexOf('=');
        if (eq < 0) return new Line(raw, eol, number, null, null, false);
        String k = t.substring(0, eq).strip();
        String v = t.substring(eq + 1).strip();
        boolean ignore = false;
        if (k.startsWith("-")) {
            ignore = true;
            k = k.substring(1).strip();
        }
        if (k.isEmpty()) return new Line(raw, eol, number, null, null, false);
        return new Line(raw, eol, number, normalizeKey(k), v, ignore);
    }

    /** sysctl.d(5): if the first separator is '/', slashes and dots are swapped. */
    public static String normalizeKey(String key) {
        int slash = key.indexOf('/');
        int dot = key.indexOf('.');
        if (slash >= 0 && (dot < 0 || slash < dot)) {
            StringBuilder b = new StringBuilder(key.length());
            for (char c : key.toCharArray()) b.append(c == '/' ? '.' : c == '.' ? '/' : c);
            return b.toString();
        }
        return key;
    }

    public String path() { return path; }

    public List<Line> lines() { return lines; }

    public String render() {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) b.append(l.raw()).append(l.eol());
        return b.toString();
    }

    public List<SysctlAssignment> assignments() {
        List<SysctlAssignment> r = new ArrayList<>();
        for (Line l : lines) {
            if (l.isAssignment()) r.add(new SysctlAssignment(l.key(), l.value(), l.ignoreFailure(), new Source.File(path, l.number())));
        }
        return r;
    }

    /** Lines that are neither blank, comment nor assignment (systemd-sysctl ignores them with a warning). */
    public List<Line> invalidLines() {
        return lines.stream().filter(Line::isInvalid).toList();
    }

    /** The last assignment of a key in this file. */
    public Optional<Line> last(String key) {
        Line found = null;
        for (Line l : lines) if (key.equals(l.key())) found = l;
        return Optional.ofNullable(found);
    }

    /**
     * Sets a key: rewrites its last assignment in place (keeping the spacing style of that
     * line), or appends {@code key = value} at the end. Other lines stay byte for byte.
     */
    public SysctlFile set(String key, String value) {
        if (key.contains("\n") || value.contains("\n") || key.contains("\r") || value.contains("\r")) {
            throw new IllegalArgumentException("newline in sysctl key or value");
        }
        List<Line> copy = new ArrayList<>(lines);
        Optional<Line> last = last(key);
        if (last.isPresent()) {
            Line l = last.get();
            int idx = copy.indexOf(l);
            String raw = l.raw();
            int eq = raw.indexOf('=');
            String before = raw.substring(0, eq + 1);
            String after = raw.substring(eq + 1);
            String lead = after.substring(0, after.length() - after.stripLeading().length());
            String newRaw = before + lead + value;
            copy.set(idx, new Line(newRaw, l.eol(), l.number(), key, value, l.ignoreFailure()));
        } else {
            if (!copy.isEmpty() && copy.get(copy.size() - 1).eol().isEmpty()) {
                Line l = copy.get(copy.size() - 1);
                copy.set(copy.size() - 1, new Line(l.raw(), "\n", l.number(), l.key(), l.value(), l.ignoreFailure()));
            }
            copy.add(new Line(key + " = " + value, "\n", copy.size() + 1, key, value, false));
        }
        return new SysctlFile(path, copy);
    }
}
