package dev.golive.config;

import dev.golive.model.LimitsEntry;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /etc/security/limits.conf} and {@code limits.d/*.conf} (limits.conf(5)), parsed
 * losslessly: {@code <domain> <type> <item> <value>}, '#' comments. Malformed lines are
 * kept verbatim and reported with file:line:col. Remember: pam_limits applies these to
 * login sessions; a systemd service never sees them (DOMAIN.md).
 */
public final class LimitsFile {

    public static final List<String> TYPES = List.of("soft", "hard", "-");
    public static final List<String> ITEMS = List.of("core", "data", "fsize", "memlock", "nofile", "rss", "stack",
            "cpu", "nproc", "as", "maxlogins", "maxsyslogins", "nonewprivs", "priority", "locks", "sigpending",
            "msgqueue", "nice", "rtprio", "chroot");
    private static final Pattern WS = Pattern.compile("[ \\t]+");

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
        if (content.isBlank()) return new Line(raw, eol, number, null, null);
        int col = raw.length() - raw.stripLeading().length() + 1;
        String[] f = WS.split(content.strip());
        if (f.length != 4) {
            return new Line(raw, eol, number, null,
                    path + ":" + number + ":" + col + ": expected 4 fields (<domain> <type> <item> <value>), found " + f.length);
        }
        if (!TYPES.contains(f[1])) {
            return new Line(raw, eol, number, null,
                    path + ":" + number + ":" + (raw.indexOf(f[1], col - 1 + f[0].length()) + 1) + ": unknown type \"" + f[1] + "\" (soft, hard or -)");
        }
        if (!ITEMS.contains(f[2])) {
            return new Line(raw, eol, number, null,
                    path + ":" + number + ":" + (raw.indexOf(f[2], col - 1 + f[0].length() + f[1].length()) + 1) + ": unknown item \"" + f[2] + "\"");
        }
        return new Line(raw, eol, number, new LimitsEntry(f[0], f[1], f[2], f[3], new Source.File(path, number)), null);
    }

    public String path() { return path; }

    public List<Line> lines() { return lines; }

    public List<LimitsEntry> entries() {
        return lines.stream().filter(l -> l.entry() != null).map(Line::entry).toList();
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
