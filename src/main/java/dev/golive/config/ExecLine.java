package dev.golive.config;

import dev.golive.model.Printable;

import java.util.List;

/**
 * The program of an {@code ExecStart=} line (systemd.service(5) "Command lines"): optional
 * prefixes {@code @ - : + !} (and {@code !!}) in any order, then the command split into
 * words like systemd does; the first word is the program, which must be an absolute path
 * for golive to read it (systemd ≥ 239 would also search a fixed PATH).
 */
public final class ExecLine {

    /** Either the program path or why it cannot be told from the line. */
    public record Program(String path, String problem) {
        public boolean known() { return path != null; }
    }

    private ExecLine() { }

    public static Program program(String value) {
        String v = value.strip();
        int i = 0;
        while (i < v.length() && "@-:+!".indexOf(v.charAt(i)) >= 0) i++;
        v = v.substring(i);
        List<String> words;
        try {
            words = SystemdWords.split(v);
        } catch (SystemdWords.WordException e) {
            return new Program(null, "ExecStart=" + Printable.clip(value, 80) + ": " + e.getMessage());
        }
        if (words.isEmpty()) return new Program(null, "ExecStart= names no program");
        String p = words.get(0);
        if (p.contains("%") || p.contains("$")) {
            return new Program(null, "ExecStart= program \"" + Printable.clip(p, 80) + "\" holds a specifier or variable golive does not expand");
        }
        if (!p.startsWith("/")) {
            return new Program(null, "ExecStart= program \"" + Printable.clip(p, 80) + "\" is not an absolute path");
        }
        return new Program(p, null);
    }
}
