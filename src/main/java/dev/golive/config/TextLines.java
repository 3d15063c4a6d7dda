package dev.golive.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into physical lines keeping each line's exact ending, so codecs can write a
 * file back byte for byte.
 */
public final class TextLines {
    private TextLines() { }

    public record Physical(String body, String eol) { }

    /** Lines end at "\n" or "\r\n" (what fgets-based readers like procps sysctl and pam_limits see). */
    public static List<Physical> split(String text) {
        List<Physical> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            String body = nl < 0 ? text.substring(i) : text.substring(i, nl);
            String eol = nl < 0 ? "" : "\n";
            // "\r" belongs to the ending only before "\n": a lone CR at EOF is text (found by fuzzing:
            // treating it as an ending let an appended line join the last one)
            if (nl >= 0 && body.endsWith("\r")) {
                body = body.substring(0, body.length() - 1);
                eol = "\r" + eol;
            }
            out.add(new Physical(body, eol));
            i = nl < 0 ? text.length() : nl + 1;
        }
        return out;
    }

    /**
     * Lines as systemd's read_line() sees them: a line ends at "\n", "\r\n", a lone "\r" or a
     * NUL. Used for unit files, drop-ins and system.conf, so line numbers match systemd's.
     */
    public static List<Physical> splitSystemd(String text) {
        List<Physical> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\0') {
                out.add(new Physical(text.substring(start, i), String.valueOf(c)));
                start = ++i;
            } else if (c == '\r') {
                boolean crlf = i + 1 < text.length() && text.charAt(i + 1) == '\n';
                out.add(new Physical(text.substring(start, i), crlf ? "\r\n" : "\r"));
                i += crlf ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) out.add(new Physical(text.substring(start), ""));
        return out;
    }
}
