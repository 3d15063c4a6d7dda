package dev.golive.config;

import dev.golive.model.GoliveException;

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
 * {@code deploy.yaml:23:16}. Read through golive's one YAML reader ({@link Yaml}). A syntax
 * error or a duplicate key is one line {@code file:line:col: ...}, exit 2.
 * Scalars stay text (YAML {@code 1} and {@code "1"} both read "1"), as the rules compare values.
 */
public final class LocatedYaml {

    private LocatedYaml() { }

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
        try (Yaml.Documents stream = Yaml.documents(file, text)) {
            Optional<Yaml.Node> n;
            while ((n = stream.next()).isPresent()) {
                Map<String, Loc> locs = new HashMap<>();
                Loc start = loc(n.get());
                Object tree = node(file, n.get(), "", locs);
                docs.add(new Doc(tree, start, locs));
            }
        } catch (Yaml.SyntaxError e) {
            if (e.io()) throw GoliveException.badInput(file + ": cannot read: " + e.getMessage());
            String msg = e.original().map(o -> o.replaceAll("\\s+", " ").trim()).orElse("YAML syntax error");
            int reader = msg.indexOf(" in 'reader'");
            if (reader > 0) msg = msg.substring(0, reader); // snakeyaml repeats the place and quotes the line; the prefix says where
            throw GoliveException.badInput(file + ":" + e.safeLine() + ":" + e.safeCol() + ": YAML syntax error: " + msg);
        }
        return docs;
    }

    private static Loc loc(Yaml.Node n) { return new Loc(n.loc().line(), n.loc().col()); }

    /** The shared tree as plain values, in file order: a key is checked for a repeat before its value is looked at. */
    private static Object node(String file, Yaml.Node n, String path, Map<String, Loc> locs) {
        Yaml.whole(n);
        if (!path.isEmpty()) locs.put(path, loc(n));
        if (n instanceof Yaml.MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < m.all().size(); i++) {
                Yaml.Entry e = m.all().get(i);
                if (e.key() == null) Yaml.whole(e.value());
                if (m.duplicate(i).isPresent()) {
                    throw GoliveException.badInput(e.keyLoc().prefix() + ": duplicate key \"" + e.key() + "\"");
                }
                String child = path.isEmpty() ? e.key() : path + "." + e.key();
                out.put(e.key(), node(file, e.value(), child, locs));
                locs.putIfAbsent(child, new Loc(e.keyLoc().line(), e.keyLoc().col()));
            }
            return out;
        }
        if (n instanceof Yaml.ListNode l) {
            List<Object> items = new ArrayList<>();
            for (Yaml.Node i : l.items()) items.add(node(file, i, path + "[" + items.size() + "]", locs));
            return items;
        }
        Yaml.Scalar s = (Yaml.Scalar) n;
        return s.type() == Yaml.ScalarType.NULL ? null : s.text();
    }
}
