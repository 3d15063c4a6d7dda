package dev.golive.config;

import dev.golive.model.Printable;

import dev.golive.model.LimitsEntry;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /etc/security/limits.conf} and {@code limits.d/*.conf} (limits.conf(5)), parsed
 * losslessly: {@code <domain> <type> <item> <value>}, '#' comments (also after the fields).
 * Malformed lines are kept verbatim and reported with file:line:col. Remember: pam_limits
 * applies these to login sessions; a systemd service never sees them (DOMAIN.md).
 *
 * <p>Domains: a user name, {@code @group}, {@code *}, {@code %} / {@code %group} (maxlogins),
 * a uid range {@code min:max} (either side may be empty), a gid range {@code @min:max}.
 * Values: a number ({@code nice}/{@code priority} may be negative), or {@code unlimited},
 * {@code infinity}, {@code -1} for "no limit".
 */
public final class LimitsFile {

    public static final List<String> TYPES = List.of("soft", "hard", "-");
    public static final List<String> ITEMS = List.of("core", "data", "fsize", "memlock", "nofile", "rss", "stack",
            "cpu", "nproc", "as", "maxlogins", "maxsyslogins", "nonewprivs", "priority", "locks", "sigpending",
            "msgqueue", "nice", "rtprio", "chroot");
    /** pam_limits splits with sscanf("%s"): any C isspace() character separates fields. */
    private static final Pattern FIELD = Pattern.compile("[^ \\t\\x0B\\f\\r]+");
    private static final Pattern RANGE = Pattern.compile("@?\\d*:\\d*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    /** One line; {@code entry} is null for blank/comment/malformed lines, {@code error} set for malformed ones. */
    public record Line(String raw, String eol, int number, LimitsEntry entry, String error) { }

    private final String path;
    private final List<Line> lines;

    private LimitsFile(String path, List<Line> lines) {
        this.path = path;
        this.lines = List.copyOf(lines);
    }

    public static LimitsFile parse(String path, String text) {
        List<Line> out = new ArrayList<>();
        int n = 0;
        for (TextLines.Physical p : TextLines.split(text)) out.add(parseLine(path, p.body(), p.eol(), ++n));
        return new LimitsFile(path, out);
    }

    private static Line parseLine(String path, String raw, String eol, int number) {
        String content = raw;
        int hash = content.indexOf('#');
        if (hash >= 0) content = content.substring(0, hash);
        // field start columns, 1-based, measured on the raw line
        List<String> fields = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        var m = FIELD.matcher(content);
        while (m.find()) {
            fields.add(m.group());
            cols.add(m.start() + 1);
        }
        if (fields.isEmpty()) return new Line(raw, eol, number, null, null);
        String at = path + ":" + number + ":";
        if (fields.size() != 4) {
            return new Line(raw, eol, number, null,
                    at + cols.get(0) + ": expected 4 fields (<domain> <type> <item> <value>), found " + fields.size());
        }
        String domain = fields.get(0);
        String type = fields.get(1);
        String item = fields.get(2);
        String value = fields.get(3);
        String domainProblem = domainProblem(domain);
        if (domainProblem != null) return new Line(raw, eol, number, null, at + cols.get(0) + ": " + domainProblem);
        if (!TYPES.contains(type)) {
            return new Line(raw, eol, number, null, at + cols.get(1) + ": unknown type \"" + Printable.clip(type, 80) + "\" (soft, hard or -)");
        }
        if (!ITEMS.contains(item)) {
            return new Line(raw, eol, number, null, at + cols.get(2) + ": unknown item \"" + Printable.clip(item, 80) + "\"");
        }
        if (!validValue(item, value)) {
            return new Line(raw, eol, number, null, at + cols.get(3) + ": invalid value \"" + Printable.clip(value, 80) + "\" for "
                    + item + " (a number, unlimited, infinity or -1)");
        }
        if ((domain.startsWith("%")) && !item.equals("maxlogins")) {
            return new Line(raw, eol, number, null, at + cols.get(0) + ": a %" + " domain applies only to maxlogins");
        }
        return new Line(raw, eol, number, new LimitsEntry(domain, type, item, value, new Source.File(path, number)), null);
    }

    private static String domainProblem(String domain) {
        if (domain.equals("@")) return "\"@\" needs a group name";
        if (domain.contains(":")) {
            if (!RANGE.matcher(domain).matches() || domain.replace("@", "").equals(":")) {
                return "invalid id range \"" + Printable.clip(domain, 80) + "\" (expected min:max, min:, :max or @min:max)";
            }
            String[] p = domain.replace("@", "").split(":", -1);
            if (!p[0].isEmpty() && !p[1].isEmpty() && new java.math.BigInteger(p[0]).compareTo(new java.math.BigInteger(p[1])) > 0) {
                return "id range \"" + domain + "\" has min above max";
            }
        }
        return null;
    }

    private static boolean validValue(String item, String value) {
        if (value.equals("unlimited") || value.equals("infinity")) return !item.equals("nice") && !item.equals("priority");
        if (!NUMBER.matcher(value).matches()) return false;
        return !value.startsWith("-") || value.equals("-1") || item.equals("nice") || item.equals("priority");
    }


    public String path() { return path; }

    public List<Line> lines() { return lines; }

    /** The entries in file order (loops, not streams: inspection reads these on a cold JVM, where each lambda costs its linking). */
    public List<LimitsEntry> entries() {
        List<LimitsEntry> out = new ArrayList<>();
        for (Line l : lines) if (l.entry() != null) out.add(l.entry());
        return List.copyOf(out);
    }

    /** Every malformed line (pam_limits skips it), with its file:line and a one-line message. */
    public List<dev.golive.model.MalformedLine> malformedLines() {
        List<dev.golive.model.MalformedLine> out = new ArrayList<>();
        for (Line l : lines) if (l.error() != null) out.add(new dev.golive.model.MalformedLine(new Source.File(path, l.number()), l.error()));
        return List.copyOf(out);
    }

    /** One-line messages with file:line:col for every malformed line. */
    public List<String> errors() {
        return lines.stream().filter(l -> l.error() != null).map(Line::error).toList();
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) b.append(l.raw()).append(l.eol());
        return b.toString();
    }
}
