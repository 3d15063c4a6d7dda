package dev.golive.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a small tree that keeps the line and column of every key and
 * value, so a profile error can say {@code profiles/web.yaml:12:3: ...}. Jackson's own tree
 * (JsonNode) drops locations; the streaming parser keeps them. Duplicate keys are an error
 * (YAML allows the parser to keep the last one silently, which hides typos in a profile).
 */
final class YamlTree {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() { }

    /** Where something is in a file; {@code line} and {@code col} start at 1. */
    record Loc(String file, int line, int col) {
        String prefix() { return file + ":" + line + ":" + col; }
    }

    sealed interface Node permits MapNode, ListNode, Scalar {
        Loc loc();
        default String kind() {
            if (this instanceof MapNode) return "a mapping";
            if (this instanceof ListNode) return "a list";
            Scalar s = (Scalar) this;
            return switch (s.type()) {
                case STRING -> "a string";
                case INT -> "an integer";
                case FLOAT -> "a number";
                case BOOL -> "true/false";
                case NULL -> "nothing";
            };
        }
    }

    record Entry(String key, Loc keyLoc, Node value) { }

    record MapNode(Loc loc, Map<String, Entry> entries) implements Node { }

    record ListNode(Loc loc, List<Node> items) implements Node { }

    enum ScalarType { STRING, INT, FLOAT, BOOL, NULL }

    record Scalar(Loc loc, ScalarType type, String text) implements Node { }

    /** Parses {@code text}; a syntax error becomes a one-line bad-input error at its location. */
    static Node parse(String file, String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) return new MapNode(new Loc(file, 1, 1), Map.of());
            Node n = node(file, p, t);
            JsonToken more = p.nextToken();
            if (more != null) {
                // a stream of documents: golive would read the first and silently drop the rest
                Loc at = loc(file, p);
                throw ProfileErrors.at(new Loc(file, documentMarkerLine(text, at.line()), 1),
                        "a second YAML document (after \"---\"); a profile is one document");
            }
            return n;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage() == null ? "YAML syntax error" : e.getOriginalMessage();
            msg = msg.replaceAll("\\s+", " ").trim();
            int line = l == null ? 1 : Math.max(1, l.getLineNr());
            int col = l == null ? 1 : Math.max(1, l.getColumnNr());
            throw ProfileErrors.at(new Loc(file, line, col), "YAML syntax error: " + msg);
        } catch (IOException e) {
            throw ProfileErrors.at(new Loc(file, 1, 1), "cannot read: " + e.getMessage());
        }
    }

    /** The line of the last "---" at or before {@code line}: where the second document starts. */
    private static int documentMarkerLine(String text, int line) {
        String[] lines = text.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            if (lines[i].equals("---") || lines[i].startsWith("--- ") || lines[i].startsWith("---\t") || lines[i].equals("---\r")) return i + 1;
        }
        return line;
    }

    private static Loc loc(String file, JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new Loc(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static Node node(String file, JsonParser p, JsonToken t) throws IOException {
        Loc at = loc(file, p);
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> m = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Loc kl = loc(file, p);
                    Node v = node(file, p, p.nextToken());
                    if (m.containsKey(key)) {
                        throw ProfileErrors.at(kl, "duplicate key \"" + key + "\" (first at line " + m.get(key).keyLoc().line() + ")");
                    }
                    m.put(key, new Entry(key, kl, v));
                }
                return new MapNode(at, m);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                JsonToken i;
                while ((i = p.nextToken()) != JsonToken.END_ARRAY) items.add(node(file, p, i));
                return new ListNode(at, items);
            }
            case VALUE_STRING -> { return new Scalar(at, ScalarType.STRING, p.getText()); }
            case VALUE_NUMBER_INT -> { return new Scalar(at, ScalarType.INT, p.getText()); }
            case VALUE_NUMBER_FLOAT -> { return new Scalar(at, ScalarType.FLOAT, p.getText()); }
            case VALUE_TRUE, VALUE_FALSE -> { return new Scalar(at, ScalarType.BOOL, p.getText()); }
            case VALUE_NULL -> { return new Scalar(at, ScalarType.NULL, ""); }
            default -> throw ProfileErrors.at(at, "unexpected YAML token " + t);
        }
    }
}
