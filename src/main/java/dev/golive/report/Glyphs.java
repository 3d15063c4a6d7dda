package dev.golive.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Map;

/**
 * The one decision of which symbols golive's text may use on an output: golive writes
 * {@code →}, {@code ·}, {@code …}, {@code ≥} and a few more; an output whose charset cannot
 * encode one (LC_ALL=C gives US-ASCII, which turns each into {@code ?}) gets the ASCII
 * spelling from this table instead. The CLI's stdout/stderr and the guide's terminal both
 * write through {@link #writer}; everything else (host text, file content) is left to the
 * charset as it is.
 */
public final class Glyphs {

    /** Each symbol golive writes and its ASCII spelling. */
    static final Map<Character, String> ASCII = Map.ofEntries(
            Map.entry('→', "->"), Map.entry('←', "<-"), Map.entry('↔', "<->"), Map.entry('·', "-"),
            Map.entry('…', "..."), Map.entry('≥', ">="), Map.entry('≤', "<="), Map.entry('≈', "~"),
            Map.entry('—', "--"), Map.entry('–', "-"), Map.entry('×', "x"), Map.entry('✓', "+"),
            Map.entry('✗', "x"), Map.entry('★', "*"), Map.entry('↺', "<"), Map.entry('‹', "<"),
            Map.entry('›', ">"), Map.entry('µ', "u"), Map.entry('μ', "u"), Map.entry('•', "*"),
            Map.entry('‘', "'"), Map.entry('’', "'"), Map.entry('“', "\""), Map.entry('”', "\""));

    private final CharsetEncoder encoder;

    private Glyphs(Charset charset) { this.encoder = charset.newEncoder(); }

    /** The glyphs an output in {@code charset} can show. */
    public static Glyphs forCharset(Charset charset) { return new Glyphs(charset); }

    /**
     * The charset the JVM writes stdout in: {@code stdout.encoding} (Java 19+), else
     * {@code sun.stdout.encoding}, else the locale's (Java 17 derives the default charset
     * from LC_ALL/LC_CTYPE/LANG).
     */
    public static Charset stdout() {
        for (String p : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String v = System.getProperty(p);
            if (v != null && Charset.isSupported(v)) return Charset.forName(v);
        }
        return Charset.defaultCharset();
    }

    /** {@code text} with every symbol of the table this charset cannot encode spelled in ASCII. */
    public String apply(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String ascii = c < 0x80 ? null : ASCII.get(c);
            if (ascii != null && !canEncode(c)) {
                if (out == null) out = new StringBuilder(text.length() + 8).append(text, 0, i);
                out.append(ascii);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private synchronized boolean canEncode(char c) { return encoder.canEncode(c); }

    /**
     * A writer for JSON: every character this charset cannot encode is written as a JSON escape
     * ({@code \u2265}) instead of a glyph's ASCII spelling or a {@code ?}, so JSON read under
     * {@code LC_ALL=C} holds exactly the strings golive meant. Outside its strings JSON text is
     * ASCII, so escaping every such character is valid wherever it stands; a character outside
     * the BMP becomes its two escaped surrogates, as RFC 8259 section 7 spells it.
     */
    public Writer jsonWriter(Writer out) {
        return through(out, this::escapeForJson);
    }

    private String escapeForJson(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 || canEncode(c)) b.append(c);
            else b.append(String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }

    /** A writer that passes everything to {@code out} with {@link #apply} done on the way. */
    public Writer writer(Writer out) {
        return through(out, this::apply);
    }

    /** {@code out}, with every piece written turned into {@code change}'s text of it first. */
    private static Writer through(Writer out, java.util.function.UnaryOperator<String> change) {
        return new FilterWriter(out) {
            @Override public void write(int c) throws IOException { write(String.valueOf((char) c)); }
            @Override public void write(char[] buf, int off, int len) throws IOException { write(new String(buf, off, len)); }
            @Override public void write(String s, int off, int len) throws IOException {
                String t = change.apply(s.substring(off, off + len));
                out.write(t, 0, t.length());
            }
        };
    }
}
