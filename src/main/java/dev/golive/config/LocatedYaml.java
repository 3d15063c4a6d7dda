package dev.golive.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.golive.model.GoliveException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML stream (documents separated by "---", as Kubernetes manifests are) read into plain
 * maps, lists and strings, with the line and column of every value by its path
 * ({@code spec.template.spec.containers[0].image}), so a finding or an error can say
 * {@code deploy.yaml:23:16}. Jackson's own trees drop locations; its streaming parser keeps
 * them. A syntax error or a duplicate key is one line {@code file:line:col: ...}, exit 2.
 * Scalars stay text (YAML {@code 1} and {@code "1"} both read "1"), as the rules compare values.
 */
public final class LocatedYaml {

    private LocatedYaml() { }

    private static final YAMLFactory FACTORY = new YAMLFactory();

    public record Loc(int line, int col) { }

    /** One document: its tree (a map, list, string, or null for an empty one), where it starts, and where each path is. */
    public record Doc(Object tree, Loc start, Map<String, Loc> locs) {
        public Doc { locs = Collections.unmodifiableMap(locs); }

        /** Where {@code path} is, else the nearest enclosing path that has a place, else the document's start. */
        public Loc at(String path) {
            String p = path;
            while (!p.isEmpty()) {
                Loc l = locs.get(p);
                if (l != null) return l;
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                p = cut < 0 ? "" : p.substring(0, cut);
            }
            return start;
        }
    }

    /** The value at a dotted path ({@code a.b[0].c}) of a tree, if it is there. */
    public static Optional<Object> get(Object tree, String path) {
        Object cur = tree;
        for (String part : path.split("\\.")) {
            if (part.isEmpty()) continue;
            String key = part;
            int br = part.indexOf('[');
            List<Integer> idx = new ArrayList<>();
            if (br >= 0) {
                key = part.substring(0, br);
                for (String i : part.substring(br + 1, part.length() - 1).split("\\]\\[")) idx.add(Integer.parseInt(i));
            }
            if (!key.isEmpty()) {
                if (!(cur instanceof Map<?, ?> m) || !m.containsKey(key)) return Optional.empty();
                cur = m.get(key);
            }
            for (int i : idx) {
                if (!(cur instanceof List<?> l) || i >= l.size()) return Optional.empty();
                cur = l.get(i);
            }
        }
        return Optional.ofNullable(cur);
    }

    public static List<Doc> parse(String file, String text) {
        List<Doc> docs = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                Map<String, Loc> locs = new HashMap<>();
                Loc start = loc(p);
                Object tree = node(file, p, t, "", locs);
                docs.add(new Doc(tree, start, locs));
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage() == null ? "YAML syntax error" : e.getOriginalMessage().replaceAll("\\s+", " ").trim();
            int reader = msg.indexOf(" in 'reader'");
            if (reader > 0) msg = msg.substring(0, reader); // snakeyaml repeats the place and quotes the line; the prefix says where
            throw GoliveException.badInput(file + ":" + (l == null ? 1 : Math.max(1, l.getLineNr())) + ":"
                    + (l == null ? 1 : Math.max(1, l.getColumnNr())) + ": YAML syntax error: " + msg);
        } catch (IOException e) {
            throw GoliveException.badInput(file + ": cannot read: " + e.getMessage());
        }
        return docs;
    }

    private static Loc loc(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new Loc(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static Object node(String file, JsonParser p, JsonToken t, String path, Map<String, Loc> locs) throws IOException {
        Loc at = loc(p);
        if (!path.isEmpty()) locs.put(path, at);
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Loc kl = loc(p);
                    if (m.containsKey(key)) {
                        throw GoliveException.badInput(file + ":" + kl.line() + ":" + kl.col() + ": duplicate key \"" + key + "\"");
                    }
                    String child = path.isEmpty() ? key : path + "." + key;
                    m.put(key, node(file, p, p.nextToken(), child, locs));
                    locs.putIfAbsent(child, kl);
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                JsonToken i;
                while ((i = p.nextToken()) != JsonToken.END_ARRAY) items.add(node(file, p, i, path + "[" + items.size() + "]", locs));
                return items;
            }
            case VALUE_NULL -> { return null; }
            default -> { return p.getText(); }
        }
    }
}
