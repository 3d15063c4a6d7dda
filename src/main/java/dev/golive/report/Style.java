package dev.golive.report;

/**
 * Terminal styling for text output: ANSI when the output is a terminal and NO_COLOR is not
 * set (https://no-color.org), otherwise plain text.
 */
public record Style(boolean color) {

    public static final Style PLAIN = new Style(false);

    public String dim(String s) { return color ? "\u001b[2m" + s + "\u001b[0m" : s; }
    public String bold(String s) { return color ? "\u001b[1m" + s + "\u001b[0m" : s; }
    public String red(String s) { return color ? "\u001b[31m" + s + "\u001b[0m" : s; }
    public String yellow(String s) { return color ? "\u001b[33m" + s + "\u001b[0m" : s; }
    public String green(String s) { return color ? "\u001b[32m" + s + "\u001b[0m" : s; }
    public String cyan(String s) { return color ? "\u001b[36m" + s + "\u001b[0m" : s; }
}
