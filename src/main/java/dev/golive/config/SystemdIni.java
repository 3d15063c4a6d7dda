package dev.golive.config;

import dev.golive.model.Printable;

import dev.golive.model.GoliveException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A systemd INI file (unit, drop-in, system.conf) per systemd.syntax(7), parsed the way
 * systemd's conf-parser reads it and kept losslessly: the physical lines are kept as found
 * and {@link #render()} gives the input back byte for byte.
 *
 * <p>{@link #entries()} gives the logical assignments: a line whose last character is an
 * unescaped '\' continues on the next one (the '\' becomes a space, the next line is
 * appended as found); a comment line is skipped entirely, also inside a continuation;
 * '#'/';' start comments only at the start of a line; whitespace around the key and the
 * value is dropped; repeated keys are all kept in order; an empty value is kept (it resets
 * a list setting); quotes and specifiers like %n stay as text. A UTF-8 byte order mark on
 * the first line is skipped, as systemd does.
 *
 * <p>The editing methods return a new file in which only the touched lines differ, so a
 * golive-owned unit can be re-edited while keeping the admin's comments and unknown lines.
 */
public final class SystemdIni {

    private static final char BOM = '\uFEFF';

    /** One logical assignment; {@code line} is the physical line it starts on, {@code column} of the key. */
    public record Entry(String section, String key, String value, int line, int column) { }

    /** A problem with file:line:col, e.g. an assignment outside any section. */
    public record Problem(String path, int line, int column, String message) {
        public String describe() { return path + ":" + line + ":" + column + ": " + message; }
    }

    /** Where an entry sits: physical line indexes [first, last], and the column its value starts at. */
    private record Span(int first, int last, int valueColumn, int eqIndex) { }

    /** A section header at physical line index {@code index}. */
    private record Header(String name, int index) { }

    private final String path;
    private final List<TextLines.Physical> lines;
    private final List<Entry> entries;
    private final List<Span> spans;
    private final List<Header> headers;
    private final List<Problem> problems;

    private SystemdIni(String path, List<TextLines.Physical> lines, List<Entry> entries, List<Span> spans,
                       List<Header> headers, List<Problem> problems) {
        this.path = path;
        this.lines = List.copyOf(lines);
        this.entries = List.copyOf(entries);
        this.spans = List.copyOf(spans);
        this.headers = List.copyOf(headers);
        this.problems = List.copyOf(problems);
    }

    public static SystemdIni parse(String path, String text) {
        return parse(path, TextLines.splitSystemd(text));
    }

    private static SystemdIni parse(String path, List<TextLines.Physical> lines) {
        List<Entry> entries = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        List<Header> headers = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String section = null;
        int i = 0;
        while (i < lines.size()) {
            int first = i;
            String body = bodyOf(lines, i);
            i++;
            if (isComment(body)) continue;
            // a continuation: systemd looks for an unescaped '\' as the very last character
            StringBuilder logical = new StringBuilder(body);
            int last = first;
            while (endsWithUnescapedBackslash(logical)) {
                logical.setCharAt(logical.length() - 1, ' ');
                // skip comment lines; they neither end nor extend the continuation
                while (i < lines.size() && isComment(bodyOf(lines, i))) i++;
                if (i >= lines.size()) break; // continuation at EOF: systemd parses what it has
                logical.append(bodyOf(lines, i));
                last = i;
                i++;
            }
            int number = first + 1;
            String l = logical.toString();
            String t = stripWs(l);
            if (t.isEmpty()) continue;
            int col = l.length() - stripLeadingWs(l).length() + 1;
            if (t.charAt(0) == '[') {
                if (t.charAt(t.length() - 1) != ']' || t.length() < 2) {
                    problems.add(new Problem(path, number, col, "invalid section header \"" + abbreviate(t)
                            + "\" (systemd refuses the whole file)"));
                    section = null;
                } else if (t.length() == 2) {
                    problems.add(new Problem(path, number, col, "empty section name"));
                    section = null;
                } else {
                    section = t.substring(1, t.length() - 1);
                    headers.add(new Header(section, first));
                }
                continue;
            }
            int eq = t.indexOf('=');
            if (eq < 0) {
                problems.add(new Problem(path, number, col, "missing '=' (expected Key=Value): \"" + abbreviate(t) + "\""));
                continue;
            }
            if (eq == 0) {
                problems.add(new Problem(path, number, col, "missing key name before '='"));
                continue;
            }
            if (section == null) {
                problems.add(new Problem(path, number, col, "assignment outside of any section"));
                continue;
            }
            String key = stripWs(t.substring(0, eq));
            String rest = t.substring(eq + 1);
            String value = stripWs(rest);
            int valueColumn = col + eq + 1 + (rest.length() - stripLeadingWs(rest).length());
            entries.add(new Entry(section, key, value, number, col));
            spans.add(new Span(first, last, valueColumn, col - 1 + eq));
        }
        return new SystemdIni(path, lines, entries, spans, headers, problems);
    }

    /** The line's text, without the byte order mark systemd skips on the first line. */
    private static String bodyOf(List<TextLines.Physical> lines, int index) {
        String b = lines.get(index).body();
        return index == 0 && !b.isEmpty() && b.charAt(0) == BOM ? b.substring(1) : b;
    }

    /** systemd's WHITESPACE is " \t\n\r"; Java's strip() would also eat other Unicode spaces. */
    static boolean isWs(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

    static String stripWs(String s) { return stripTrailingWs(stripLeadingWs(s)); }

    static String stripLeadingWs(String s) {
        int a = 0;
        while (a < s.length() && isWs(s.charAt(a))) a++;
        return s.substring(a);
    }

    static String stripTrailingWs(String s) {
        int b = s.length();
        while (b > 0 && isWs(s.charAt(b - 1))) b--;
        return s.substring(0, b);
    }

    private static boolean isComment(String body) {
        String t = stripLeadingWs(body);
        return !t.isEmpty() && (t.charAt(0) == '#' || t.charAt(0) == ';');
    }

    private static boolean endsWithUnescapedBackslash(CharSequence s) {
        boolean escaped = false;
        for (int k = 0; k < s.length(); k++) {
            if (escaped) escaped = false;
            else if (s.charAt(k) == '\\') escaped = true;
        }
        return escaped;
    }

    /** Quoted input in a message stays on one line (control characters escaped) and short. */
    private static String abbreviate(String s) { return Printable.clip(s, 60); }

    public String path() { return path; }

    public List<Entry> entries() { return entries; }

    public List<Problem> problems() { return problems; }

    /** Section names in the order they first appear (a section may be repeated; systemd merges them). */
    public List<String> sections() {
        return headers.stream().map(Header::name).distinct().toList();
    }

    /** All values of a key in a section, in file order (empty values included). */
    public List<String> values(String section, String key) {
        return entries.stream().filter(e -> e.section().equals(section) && e.key().equals(key)).map(Entry::value).toList();
    }

    /** The 1-based column where the value of {@code entry} starts on its first line. */
    public int valueColumn(Entry entry) {
        int idx = entries.indexOf(entry);
        if (idx < 0) throw new IllegalArgumentException("entry not from this file: " + entry);
        return spans.get(idx).valueColumn();
    }

    /** {@link #splitWords(String)} of an entry's value, errors located at file:line:col. */
    public List<String> words(Entry entry) {
        try {
            return SystemdWords.split(entry.value());
        } catch (SystemdWords.WordException e) {
            throw GoliveException.badInput(path + ":" + entry.line() + ":" + (valueColumn(entry) + e.offset()) + ": " + e.getMessage());
        }
    }

    /** {@link #parseEnvironment(String)} of an entry's value, errors located at file:line:col. */
    public Map<String, String> environment(Entry entry) {
        try {
            return SystemdWords.environment(entry.value());
        } catch (SystemdWords.WordException e) {
            throw GoliveException.badInput(path + ":" + entry.line() + ":" + (valueColumn(entry) + e.offset()) + ": " + e.getMessage());
        }
    }

    /**
     * Splits a value into words as systemd does for ExecStart=, Environment= and friends:
     * whitespace separates, "double" and 'single' quotes group (and are removed), C escapes
     * (\" \\ \n \t \xNN \NNN \\u…) are decoded inside and outside quotes. Specifiers stay as text.
     * Errors (unterminated quote, bad escape) are a one-line GoliveException naming the column.
     */
    public static List<String> splitWords(String value) {
        try {
            return SystemdWords.split(value);
        } catch (SystemdWords.WordException e) {
            throw GoliveException.badInput("col " + (e.offset() + 1) + ": " + e.getMessage());
        }
    }

    /** {@code Environment="A=1" B=2} → {A=1, B=2}, in order; a later name replaces an earlier one. */
    public static Map<String, String> parseEnvironment(String value) {
        try {
            return SystemdWords.environment(value);
        } catch (SystemdWords.WordException e) {
            throw GoliveException.badInput("col " + (e.offset() + 1) + ": " + e.getMessage());
        }
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        for (TextLines.Physical p : lines) b.append(p.body()).append(p.eol());
        return b.toString();
    }

    // ---- editing: every method returns a new file; lines it does not touch stay byte-identical

    /**
     * Sets {@code key} in {@code section}: the last assignment is rewritten in place (keeping
     * its indentation and spacing around '='; comment lines inside a continuation are kept),
     * or the assignment is appended to the section, or the section is created at the end.
     */
    public SystemdIni set(String section, String key, String value) {
        checkEdit(section, key, value);
        int idx = lastIndexOf(section, key);
        if (idx < 0) return add(section, key, value);
        Span s = spans.get(idx);
        List<TextLines.Physical> out = new ArrayList<>(lines.subList(0, s.first()));
        int bom = bomOffset(s.first());
        String body = lines.get(s.first()).body().substring(bom);
        String prefix;
        if (s.eqIndex() < body.length()) {
            // keep indentation, the key as written and the spacing around '=' of the first line
            prefix = body.substring(0, Math.min(s.valueColumn() - 1, body.length()));
            if (endsWithUnescapedBackslash(prefix)) prefix = prefix.substring(0, prefix.length() - 1);
        } else {
            prefix = body.substring(0, body.length() - stripLeadingWs(body).length()) + key + "=";
        }
        prefix = lines.get(s.first()).body().substring(0, bom) + prefix;
        // comments from inside a continuation go before the rewritten line (they were between its parts)
        for (int k = s.first() + 1; k <= s.last(); k++) {
            if (isComment(lines.get(k).body())) out.add(lines.get(k));
        }
        out.add(new TextLines.Physical(prefix + value, lines.get(s.last()).eol()));
        out.addAll(lines.subList(s.last() + 1, lines.size()));
        return parse(path, out);
    }

    /**
     * Adds one more assignment of {@code key} (for list settings such as Environment= or
     * ExecStartPre=): after the last assignment of that key in the section, else at the end
     * of the section, else in a new section at the end of the file.
     */
    public SystemdIni add(String section, String key, String value) {
        checkEdit(section, key, value);
        String eol = dominantEol();
        int idx = lastIndexOf(section, key);
        int insertAt;
        if (idx >= 0) {
            insertAt = spans.get(idx).last() + 1;
        } else {
            Header h = lastHeader(section);
            if (h == null) return appendSection(section, key + "=" + value, eol);
            insertAt = h.index() + 1;
            for (int k = 0; k < entries.size(); k++) {
                if (owningHeader(spans.get(k).first()) == h) insertAt = Math.max(insertAt, spans.get(k).last() + 1);
            }
        }
        List<TextLines.Physical> out = new ArrayList<>(lines);
        if (insertAt > 0 && out.get(insertAt - 1).eol().isEmpty()) {
            TextLines.Physical p = out.get(insertAt - 1);
            out.set(insertAt - 1, new TextLines.Physical(p.body(), eol));
        }
        // a '\' continuation left dangling at EOF (maybe followed only by comments) would swallow
        // the new line (found by fuzzing): an empty line ends it without changing the value before it
        String before = insertAt > 0 ? out.get(insertAt - 1).body() : "";
        if (!isComment(before) && endsWithUnescapedBackslash(before)) out.add(insertAt++, new TextLines.Physical("", eol));
        out.add(insertAt, new TextLines.Physical(key + "=" + value, eol));
        return parse(path, out);
    }

    /**
     * Makes {@code values} the assignments of a list setting ({@code Environment=},
     * {@code ExecStart=} with its reset) in place: the new lines take the position of the first
     * old assignment, the other old assignments go, every other line stays byte-identical. With
     * no old assignment the values are {@link #add}ed; with no values the key is removed.
     */
    public SystemdIni replaceAll(String section, String key, List<String> values) {
        checkName("section", section);
        checkName("key", key);
        for (String v : values) checkEdit(section, key, v);
        List<Integer> found = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            if (e.section().equals(section) && e.key().equals(key)) found.add(k);
        }
        if (values.isEmpty()) return remove(section, key);
        if (found.isEmpty()) {
            SystemdIni out = this;
            for (String v : values) out = out.add(section, key, v);
            return out;
        }
        Span first = spans.get(found.get(0));
        boolean[] drop = new boolean[lines.size()];
        for (int k : found) {
            Span sp = spans.get(k);
            for (int j = sp.first(); j <= sp.last(); j++) {
                // the first block's continuation comments are re-emitted above the new lines
                if (j == sp.first() || k == found.get(0) || !isComment(lines.get(j).body())) drop[j] = true;
            }
        }
        String eol = dominantEol();
        String firstBody = lines.get(first.first()).body();
        String bom = bomOffset(first.first()) == 1 ? String.valueOf(BOM) : "";
        String indent = firstBody.substring(bom.length(), bom.length() + (firstBody.length() - bom.length() - stripLeadingWs(firstBody.substring(bom.length())).length()));
        String lastEol = lines.get(first.last()).eol();
        List<TextLines.Physical> out = new ArrayList<>();
        for (int j = 0; j < lines.size(); j++) {
            if (j == first.first()) {
                for (int c = first.first() + 1; c <= first.last(); c++) {
                    if (isComment(lines.get(c).body())) out.add(lines.get(c));
                }
                for (int v = 0; v < values.size(); v++) {
                    boolean last = v == values.size() - 1;
                    String body = (v == 0 ? bom : "") + indent + key + "=" + values.get(v);
                    out.add(new TextLines.Physical(body, last && !lastEol.isEmpty() ? lastEol : last && j == lines.size() - 1 ? "" : eol));
                }
            }
            if (!drop[j]) out.add(lines.get(j));
        }
        return parse(path, out);
    }

    /** Removes every assignment of {@code key} in {@code section} (comment lines inside a continuation stay). */
    public SystemdIni remove(String section, String key) {
        checkName("section", section);
        checkName("key", key);
        boolean[] drop = new boolean[lines.size()];
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            if (!e.section().equals(section) || !e.key().equals(key)) continue;
            Span s = spans.get(k);
            for (int j = s.first(); j <= s.last(); j++) {
                if (j == s.first() || !isComment(lines.get(j).body())) drop[j] = true;
            }
        }
        List<TextLines.Physical> out = new ArrayList<>();
        for (int j = 0; j < lines.size(); j++) {
            if (drop[j] && j == 0 && lines.get(0).body().startsWith(String.valueOf(BOM))) {
                out.add(new TextLines.Physical(String.valueOf(BOM), "")); // keep the BOM where it was
            } else if (!drop[j]) {
                out.add(lines.get(j));
            }
        }
        return parse(path, mergeLeadingBom(out));
    }

    private static List<TextLines.Physical> mergeLeadingBom(List<TextLines.Physical> out) {
        if (out.size() >= 2 && out.get(0).body().equals(String.valueOf(BOM)) && out.get(0).eol().isEmpty()) {
            TextLines.Physical next = out.get(1);
            out.set(1, new TextLines.Physical(BOM + next.body(), next.eol()));
            out.remove(0);
        }
        return out;
    }

    private SystemdIni appendSection(String section, String assignment, String eol) {
        List<TextLines.Physical> out = new ArrayList<>(lines);
        if (!out.isEmpty()) {
            TextLines.Physical last = out.get(out.size() - 1);
            if (last.eol().isEmpty()) out.set(out.size() - 1, new TextLines.Physical(last.body(), eol));
            if (!out.get(out.size() - 1).body().isBlank()) out.add(new TextLines.Physical("", eol));
        }
        out.add(new TextLines.Physical("[" + section + "]", eol));
        out.add(new TextLines.Physical(assignment, eol));
        return parse(path, out);
    }

    private int bomOffset(int lineIndex) {
        String b = lines.get(lineIndex).body();
        return lineIndex == 0 && !b.isEmpty() && b.charAt(0) == BOM ? 1 : 0;
    }

    private int lastIndexOf(String section, String key) {
        for (int k = entries.size() - 1; k >= 0; k--) {
            Entry e = entries.get(k);
            if (e.section().equals(section) && e.key().equals(key)) return k;
        }
        return -1;
    }

    private Header lastHeader(String section) {
        Header found = null;
        for (Header h : headers) if (h.name().equals(section)) found = h;
        return found;
    }

    private Header owningHeader(int lineIndex) {
        Header found = null;
        for (Header h : headers) if (h.index() < lineIndex) found = h;
        return found;
    }

    /** "\r\n" when the file already uses it, so an edit does not mix line endings. */
    private String dominantEol() {
        int crlf = 0;
        int lf = 0;
        for (TextLines.Physical p : lines) {
            if (p.eol().equals("\r\n")) crlf++;
            else if (p.eol().equals("\n")) lf++;
        }
        return crlf > lf ? "\r\n" : "\n";
    }

    private void checkEdit(String section, String key, String value) {
        checkName("section", section);
        checkName("key", key);
        if (value == null) throw GoliveException.badInput(path + ": no value given for " + key + "=");
        int bad = firstControl(value);
        if (bad >= 0) {
            throw GoliveException.badInput(path + ": value of " + key + "= contains a control character (U+"
                    + String.format("%04X", (int) value.charAt(bad)) + ") at col " + (bad + 1));
        }
        if (!value.equals(stripWs(value))) {
            throw GoliveException.badInput(path + ": value of " + key + "= has leading or trailing whitespace, which systemd drops; quote it");
        }
        if (endsWithUnescapedBackslash(value)) {
            throw GoliveException.badInput(path + ": value of " + key + "= ends with '\\', which would continue the line");
        }
    }

    private void checkName(String what, String name) {
        if (name == null || name.isEmpty()) throw GoliveException.badInput(path + ": empty " + what + " name");
        int bad = firstControl(name);
        if (bad >= 0) {
            throw GoliveException.badInput(path + ": " + what + " name contains a control character (U+"
                    + String.format("%04X", (int) name.charAt(bad)) + ") at col " + (bad + 1));
        }
        boolean ok = name.equals(stripWs(name))
                && (what.equals("section") ? name.indexOf(']') < 0 && name.indexOf('[') < 0
                    : name.indexOf('=') < 0 && name.charAt(0) != '#' && name.charAt(0) != ';' && name.charAt(0) != '['
                      && name.chars().noneMatch(c -> isWs((char) c)));
        if (!ok) throw GoliveException.badInput(path + ": invalid " + what + " name \"" + name + "\"");
    }

    private static int firstControl(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c == BOM || c == '\u2028' || c == '\u2029' || c == '\u0085') return k;
        }
        return -1;
    }
}
