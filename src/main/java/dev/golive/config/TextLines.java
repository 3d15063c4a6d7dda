package dev.golive.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into physical lines keeping each line's exact ending ("\n", "\r\n" or none
 * on the last line), so codecs can write a file back byte for byte.
 */
public final class TextLines {
    private TextLines() { }

    public record Physical(String body, String eol) { }

    public static List<Physical> split(String text) {
        List<Physical> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            String body = nl < 0 ? text.substring(i) : text.substring(i, nl);
            String eol = nl < 0 ? "" : "\n";
            if (body.endsWith("\r")) {
                body = body.substring(0, body.length() - 1);
                eol = "\r" + eol;
            }
            out.add(new Physical(body, eol));
            i = nl < 0 ? text.length() : nl + 1;
        }
        return out;
    }
}
