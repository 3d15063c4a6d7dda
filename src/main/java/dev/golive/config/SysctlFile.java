package dev.golive.config;

import dev.golive.model.Printable;

import dev.golive.model.GoliveException;
import dev.golive.model.Source;
import dev.golive.model.SysctlAssignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sysctl.d file, parsed losslessly: every line keeps its exact text (and line ending), so
 * {@link #render()} gives the input back byte for byte; only lines changed through
 * {@link #set}/{@link #remove} differ. Syntax per sysctl.d(5) and systemd-sysctl's parser:
 * {@code key = value} or {@code key=value}, '#' or ';' comments at the start of a line
 * (none inline: "1 # x" is the value), a leading '-' on the key to ignore a failure, '/'
 * as separator (when the first separator is '/', '/' and '.' swap), glob keys such as
 * {@code net.ipv4.conf.*.rp_filter} kept as written, and a lone {@code -key} (no '=') that
 * excludes one key from an earlier glob.
 */
public final class SysctlFile {

    /**
     * One physical line. {@code key} is the normalized (dotted) key; {@code value} is null for
     * blank, comment and invalid lines and for exclusions ({@code -key} without '=').
     */
    public record Line(String raw, String eol, int number, String key, String value, boolean ignoreFailure) {
        public boolean isAssignment() { return key != null && value != null; }
        /** "-net.ipv4.conf.lo.rp_filter" without '=': takes one key out of a glob assignment. */
        public boolean isExclusion() { return key != null && value == null; }
        public boolean isComment() { String t = SystemdIni.stripLeadingWs(raw); return t.startsWith("#") || t.startsWith(";"); }
        public boolean isBlank() { return SystemdIni.stripWs(raw).isEmpty(); }
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
        String t = SystemdIni.stripWs(raw);
        if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) return new Line(raw, eol, number, null, null, false);
        int eq = t.indexOf('=');
        if (eq < 0) {
            if (t.startsWith("-") && !SystemdIni.stripWs(t.substring(1)).isEmpty()) {
                return new Line(raw, eol, number, normalizeKey(SystemdIni.stripWs(t.substring(1))), null, true);
            }
            return new Line(raw, eol, number, null, null, false);
        }
        String k = t.substring(0, eq);
        String v = SystemdIni.stripWs(t.substring(eq + 1));
        boolean ignore = false;
        if (k.startsWith("-")) {
            ignore = true;
            k = k.substring(1);
        }
        k = SystemdIni.stripWs(k);
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

    /**
     * A value as the kernel reports it back: runs of blanks become one space ("4096\t87380"
     * reads back as "4096 87380"). For comparing configured with live values only; files
     * keep what the admin wrote.
     */
    public static String normalizeValue(String value) {
        return SystemdIni.stripWs(value).replaceAll("[ \\t]+", " ");
    }

    /** True when the key names several keys (systemd-sysctl expands globs; procps does not). */
    public static boolean isGlob(String key) {
        return key.indexOf('*') >= 0 || key.indexOf('?') >= 0 || key.indexOf('[') >= 0;
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

    /** Lines that are neither blank, comment, assignment nor exclusion (systemd-sysctl ignores them with a warning). */
    public List<Line> invalidLines() {
        List<Line> out = new ArrayList<>();
        for (Line l : lines) if (l.isInvalid()) out.add(l);
        return List.copyOf(out);
    }

    /** One-line messages, file:line:col, for the lines systemd-sysctl would warn about. */
    public List<String> problems() {
        return malformedLines().stream().map(dev.golive.model.MalformedLine::message).toList();
    }

    /** The lines systemd-sysctl would warn about and skip, each with its file:line. */
    public List<dev.golive.model.MalformedLine> malformedLines() {
        // a loop, not a stream: inspection calls this for every sysctl file on a cold JVM
        List<dev.golive.model.MalformedLine> out = new ArrayList<>();
        for (Line l : invalidLines()) {
            out.add(new dev.golive.model.MalformedLine(new Source.File(path, l.number()), path + ":" + l.number() + ":"
                    + (l.raw().length() - SystemdIni.stripLeadingWs(l.raw()).length() + 1)
                    + ": not an assignment (expected key = value), ignored"));
        }
        return List.copyOf(out);
    }

    /** The last assignment of a key in this file. */
    public Optional<Line> last(String key) {
        String k = normalizeKey(key);
        Line found = null;
        for (Line l : lines) if (l.isAssignment() && k.equals(l.key())) found = l;
        return Optional.ofNullable(found);
    }

    /**
     * Sets a key: rewrites its last assignment in place (keeping the spacing style and any
     * '-' of that line), or appends {@code key = value} at the end. Other lines stay byte for byte.
     */
    public SysctlFile set(String key, String value) {
        check(key, value);
        String k = normalizeKey(key);
        List<Line> copy = new ArrayList<>(lines);
        Optional<Line> last = last(k);
        if (last.isPresent()) {
            Line l = last.get();
            int idx = l.number() - 1;
            String raw = l.raw();
            int eq = raw.indexOf('=');
            String after = raw.substring(eq + 1);
            String lead = after.substring(0, after.length() - SystemdIni.stripLeadingWs(after).length());
            copy.set(idx, parseLine(raw.substring(0, eq + 1) + lead + value, l.eol(), l.number()));
        } else {
            String eol = copy.stream().anyMatch(x -> x.eol().equals("\r\n")) ? "\r\n" : "\n";
            if (!copy.isEmpty() && copy.get(copy.size() - 1).eol().isEmpty()) {
                Line l = copy.get(copy.size() - 1);
                copy.set(copy.size() - 1, new Line(l.raw(), eol, l.number(), l.key(), l.value(), l.ignoreFailure()));
            }
            copy.add(parseLine(k + " = " + value, eol, copy.size() + 1));
        }
        return new SysctlFile(path, copy);
    }

    /** Removes every assignment of the key (exclusions and comments stay). */
    public SysctlFile remove(String key) {
        check(key, "");
        String k = normalizeKey(key);
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            if (l.isAssignment() && l.key().equals(k)) continue;
            b.append(l.raw()).append(l.eol());
        }
        return parse(path, b.toString());
    }

    private void check(String key, String value) {
        if (key == null || SystemdIni.stripWs(key).isEmpty() || !key.equals(SystemdIni.stripWs(key))
                || key.indexOf('=') >= 0 || key.startsWith("-") || key.startsWith("#") || key.startsWith(";")) {
            throw GoliveException.badInput(path + ": invalid sysctl key \"" + Printable.clip(String.valueOf(key), 80) + "\"");
        }
        for (String s : List.of(key, value)) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    throw GoliveException.badInput(path + ": sysctl " + (s == key ? "key" : "value of " + key)
                            + " contains a control character (U+" + String.format("%04X", (int) c) + ") at col " + (i + 1));
                }
            }
        }
        if (!value.equals(SystemdIni.stripWs(value))) {
            throw GoliveException.badInput(path + ": value of " + key + " has leading or trailing blanks, which are dropped on reading");
        }
    }
}
