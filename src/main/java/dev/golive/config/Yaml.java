package dev.golive.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * golive's one YAML reader: a document read into a small tree that keeps the file, line and
 * column of every key and value, with typed scalars, so that every reader of a YAML file
 * (profiles, service specs, the guide's answers, Kubernetes manifests) can say
 * {@code file:line:col: ...}. Jackson's own tree (JsonNode) drops locations; its streaming
 * parser keeps them. Repeated keys are kept in the tree (each reader refuses them in its own
 * words, see {@link MapNode#duplicate}).
 *
 * <p>A syntax error does not end the read: the tree holds what came before it and a {@link Cut}
 * where the error is. A reader walks the tree in document order and throws the cut's
 * {@link SyntaxError} when it reaches it, so a problem before the broken spot is reported
 * first, as a reader of the token stream would.
 */
public final class Yaml {

    private Yaml() { }

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** Where something is in a file; {@code line} and {@code col} start at 1. */
    public record Loc(String file, int line, int col) {
        public String prefix() { return file + ":" + line + ":" + col; }
    }

    public sealed interface Node permits MapNode, ListNode, Scalar, Cut {
        Loc loc();

        /** What the node is, in words for an error ("found a list"). */
        default String kind() {
            if (this instanceof MapNode) return "a mapping";
            if (this instanceof ListNode) return "a list";
            if (this instanceof Cut) return "a YAML syntax error";
            return switch (((Scalar) this).type()) {
                case STRING -> "a string";
                case INT -> "an integer";
                case FLOAT -> "a number";
                case BOOL -> "true/false";
                case NULL -> "nothing";
                case EMBEDDED -> "binary data";
            };
        }
    }

    /** One key of a mapping; {@code key} is null when the syntax error came where a key was due (then {@code value} is the {@link Cut}). */
    public record Entry(String key, Loc keyLoc, Node value) { }

    /** A mapping in file order, repeated keys included. */
    public record MapNode(Loc loc, List<Entry> all) implements Node {
        /** The first entry of each key, in file order. */
        public Map<String, Entry> entries() {
            Map<String, Entry> m = new LinkedHashMap<>();
            for (Entry e : all) if (e.key() != null) m.putIfAbsent(e.key(), e);
            return Collections.unmodifiableMap(m);
        }

        /** The earlier entry with the same key as {@code all().get(i)}, if there is one. */
        public Optional<Entry> duplicate(int i) {
            String key = all.get(i).key();
            if (key == null) return Optional.empty();
            for (int j = 0; j < i; j++) if (key.equals(all.get(j).key())) return Optional.of(all.get(j));
            return Optional.empty();
        }
    }

    public record ListNode(Loc loc, List<Node> items) implements Node { }

    /** EMBEDDED: a value the parser hands over as an object ({@code !!binary}). */
    public enum ScalarType { STRING, INT, FLOAT, BOOL, NULL, EMBEDDED }

    /** {@code text} is the scalar as written ("" for null); {@code alias}: written as {@code *name}, and {@code text} is the name. */
    public record Scalar(Loc loc, ScalarType type, String text, boolean alias) implements Node { }

    /** Where the syntax error broke the tree; nothing after it was read. */
    public record Cut(Loc loc, SyntaxError error) implements Node { }

    /**
     * A YAML syntax error as the parser reported it, for each reader to word. {@code located}:
     * the parser gave a place ({@code line}, {@code col}, as it gave them); {@code original}:
     * its message without the place (may be null); {@code message}: the full message;
     * {@code problem}: snakeyaml's own problem and mark (the character at fault), when it has one.
     */
    public static final class SyntaxError extends RuntimeException {
        private final boolean io;
        private final boolean located;
        private final int line;
        private final int col;
        private final String original;
        private final String problem;
        private final int problemLine;
        private final int problemCol;

        SyntaxError(IOException e) {
            super(e.getMessage(), null, false, false);
            io = !(e instanceof JsonProcessingException);
            JsonLocation l = e instanceof JsonProcessingException j ? j.getLocation() : null;
            located = l != null;
            line = l == null ? 0 : l.getLineNr();
            col = l == null ? 0 : l.getColumnNr();
            original = e instanceof JsonProcessingException j ? j.getOriginalMessage() : null;
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null && m.getProblem() != null) {
                problem = m.getProblem();
                problemLine = m.getProblemMark().getLine() + 1;
                problemCol = m.getProblemMark().getColumn() + 1;
            } else {
                problem = null;
                problemLine = 0;
                problemCol = 0;
            }
        }

        /** The error came from reading the text, not from parsing it ({@link #getMessage} says why). */
        public boolean io() { return io; }
        public boolean located() { return located; }
        public int line() { return line; }
        public int col() { return col; }
        public Optional<String> original() { return Optional.ofNullable(original); }
        public Optional<String> problem() { return Optional.ofNullable(problem); }
        public int problemLine() { return problemLine; }
        public int problemCol() { return problemCol; }

        /** The place clamped to 1:1 at least (a parser may say 0 or -1). */
        public int safeLine() { return located ? Math.max(1, line) : 1; }
        public int safeCol() { return located ? Math.max(1, col) : 1; }
    }

    /** The documents of a YAML stream, read one at a time (a reader that takes one document stops reading after it). */
    public static final class Documents implements AutoCloseable {
        private final String file;
        private final JsonParser p;
        private boolean broken;
        private JsonToken peeked;
        private Loc firstTokenEnd;

        private Documents(String file, JsonParser p) {
            this.file = file;
            this.p = p;
        }

        /** The next document; empty at the end of the stream. A syntax error before its first token is thrown. */
        public Optional<Node> next() {
            if (broken) return Optional.empty();
            JsonToken t = peeked != null ? peeked : token();
            peeked = null;
            if (t == null) return Optional.empty();
            JsonLocation end = p.currentLocation();
            firstTokenEnd = new Loc(file, end.getLineNr(), end.getColumnNr());
            return Optional.of(node(t));
        }

        /** Where the next document starts, if there is one (the stream is read one token further). */
        public Optional<Loc> nextStart() {
            if (broken) return Optional.empty();
            if (peeked == null) peeked = token();
            return peeked == null ? Optional.empty() : Optional.of(loc());
        }

        /** Where the parser stood after the last document's first token, as it reported it (not clamped). */
        public Loc firstTokenEnd() { return firstTokenEnd; }

        private JsonToken token() {
            try {
                return p.nextToken();
            } catch (IOException e) {
                broken = true;
                throw new SyntaxError(e);
            }
        }

        private Loc loc() {
            JsonLocation l = p.currentTokenLocation();
            return new Loc(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
        }

        /** The next token, or the cut (null token) when the parser fails. */
        private JsonToken advance(Cut[] cut) {
            try {
                return p.nextToken();
            } catch (IOException e) {
                broken = true;
                SyntaxError s = new SyntaxError(e);
                cut[0] = new Cut(new Loc(file, s.safeLine(), s.safeCol()), s);
                return null;
            }
        }

        private Node node(JsonToken t) {
            Loc at = loc();
            Cut[] cut = {null};
            switch (t) {
                case START_OBJECT -> {
                    List<Entry> entries = new ArrayList<>();
                    JsonToken k;
                    while ((k = advance(cut)) == JsonToken.FIELD_NAME) {
                        String key = currentName();
                        Loc kl = loc();
                        JsonToken v = advance(cut);
                        if (v == null) {
                            entries.add(new Entry(key, kl, cut[0]));
                            break;
                        }
                        entries.add(new Entry(key, kl, node(v)));
                        if (broken) break;
                    }
                    if (k == null && cut[0] != null) entries.add(new Entry(null, cut[0].loc(), cut[0]));
                    return new MapNode(at, Collections.unmodifiableList(entries));
                }
                case START_ARRAY -> {
                    List<Node> items = new ArrayList<>();
                    JsonToken i;
                    while ((i = advance(cut)) != JsonToken.END_ARRAY) {
                        if (i == null) {
                            if (cut[0] != null) items.add(cut[0]);
                            break;
                        }
                        items.add(node(i));
                        if (broken) break;
                    }
                    return new ListNode(at, Collections.unmodifiableList(items));
                }
                case VALUE_STRING -> { return new Scalar(at, ScalarType.STRING, text(), p instanceof YAMLParser y && y.isCurrentAlias()); }
                case VALUE_NUMBER_INT -> { return new Scalar(at, ScalarType.INT, text(), false); }
                case VALUE_NUMBER_FLOAT -> { return new Scalar(at, ScalarType.FLOAT, text(), false); }
                case VALUE_TRUE, VALUE_FALSE -> { return new Scalar(at, ScalarType.BOOL, text(), false); }
                case VALUE_NULL -> { return new Scalar(at, ScalarType.NULL, "", false); }
                default -> { return new Scalar(at, ScalarType.EMBEDDED, text(), false); }
            }
        }

        private String currentName() {
            try {
                return p.currentName();
            } catch (IOException e) {
                throw new SyntaxError(e);
            }
        }

        private String text() {
            try {
                return p.getText();
            } catch (IOException e) {
                throw new SyntaxError(e);
            }
        }

        @Override
        public void close() {
            try {
                p.close();
            } catch (IOException e) {
                // a parser over a String holds nothing to release
            }
        }
    }

    /** The documents of {@code text}, read lazily; close it when done. */
    public static Documents documents(String file, String text) {
        try {
            return new Documents(file, FACTORY.createParser(text));
        } catch (IOException e) {
            throw new SyntaxError(e);
        }
    }

    /** Throws the syntax error if {@code n} is where the file broke. */
    public static Node whole(Node n) {
        if (n instanceof Cut c) throw c.error();
        return n;
    }
}
