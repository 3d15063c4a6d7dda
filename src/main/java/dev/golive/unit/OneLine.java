package dev.golive.unit;

/** Keeps user input quoted in a message on one line: control and line-separator characters as \xNN, long text cut. */
public final class OneLine {
    private OneLine() { }

    public static String of(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (b.length() >= 80) {
                b.append("...");
                break;
            }
            if (c < 0x20 || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029' || c == '\uFEFF') b.append((c > 0xff ? String.format("\\u%04x", (int) c) : String.format("\\x%02x", (int) c)));
            else b.append(c);
        }
        return b.toString();
    }
}
