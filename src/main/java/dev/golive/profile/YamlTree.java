package dev.golive.profile;

import com.fasterxml.jackson.core.JsonToken;
import dev.golive.config.Yaml;
import dev.golive.config.Yaml.Cut;
import dev.golive.config.Yaml.ListNode;
import dev.golive.config.Yaml.Loc;
import dev.golive.config.Yaml.MapNode;
import dev.golive.config.Yaml.Node;
import dev.golive.config.Yaml.Scalar;
import dev.golive.config.Yaml.ScalarType;

import java.util.Optional;

/**
 * A profile's YAML: one document read by {@link Yaml} (every key and value located, so a
 * profile error can say {@code profiles/web.yaml:12:3: ...}), with the profile's own strictness:
 * a duplicate key is an error (YAML allows the parser to keep the last one silently, which
 * hides typos in a profile), and so is a second document.
 */
final class YamlTree {

    private YamlTree() { }

    /** Parses {@code text}; a syntax error becomes a one-line bad-input error at its location. */
    static Node parse(String file, String text) {
        try (Yaml.Documents docs = Yaml.documents(file, text)) {
            Optional<Node> first = docs.next();
            if (first.isEmpty()) return new MapNode(new Loc(file, 1, 1), java.util.List.of());
            Node n = check(first.get());
            Optional<Loc> more = docs.nextStart();
            if (more.isPresent()) {
                // a stream of documents: golive would read the first and silently drop the rest
                throw ProfileErrors.at(new Loc(file, documentMarkerLine(text, more.get().line()), 1),
                        "a second YAML document (after \"---\"); a profile is one document");
            }
            return n;
        } catch (Yaml.SyntaxError e) {
            if (e.io()) throw ProfileErrors.at(new Loc(file, 1, 1), "cannot read: " + e.getMessage());
            String msg = e.original().orElse("YAML syntax error").replaceAll("\\s+", " ").trim();
            throw ProfileErrors.at(new Loc(file, e.safeLine(), e.safeCol()), "YAML syntax error: " + msg);
        }
    }

    /** Walks the tree in file order as the profile rules want it: a value before its key's duplicate check. */
    private static Node check(Node n) {
        if (n instanceof Cut c) throw c.error();
        if (n instanceof MapNode m) {
            for (int i = 0; i < m.all().size(); i++) {
                Yaml.Entry e = m.all().get(i);
                check(e.value());
                Optional<Yaml.Entry> first = m.duplicate(i);
                if (first.isPresent()) {
                    throw ProfileErrors.at(e.keyLoc(), "duplicate key \"" + e.key() + "\" (first at line " + first.get().keyLoc().line() + ")");
                }
            }
        } else if (n instanceof ListNode l) {
            l.items().forEach(YamlTree::check);
        } else if (n instanceof Scalar s && s.type() == ScalarType.EMBEDDED) {
            throw ProfileErrors.at(s.loc(), "unexpected YAML token " + JsonToken.VALUE_EMBEDDED_OBJECT);
        }
        return n;
    }

    /** The line of the last "---" at or before {@code line}: where the second document starts. */
    private static int documentMarkerLine(String text, int line) {
        String[] lines = text.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            if (lines[i].equals("---") || lines[i].startsWith("--- ") || lines[i].startsWith("---\t") || lines[i].equals("---\r")) return i + 1;
        }
        return line;
    }
}
