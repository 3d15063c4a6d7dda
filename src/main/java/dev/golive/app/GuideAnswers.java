package dev.golive.app;

import dev.golive.config.Yaml;
import dev.golive.config.Yaml.Entry;
import dev.golive.config.Yaml.Loc;
import dev.golive.config.Yaml.MapNode;
import dev.golive.config.Yaml.Node;
import dev.golive.config.Yaml.Scalar;
import dev.golive.config.Yaml.ScalarType;
import dev.golive.model.GoliveException;
import dev.golive.model.Suggest;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The guide's answers file ({@code golive guide --answers FILE.yaml}) read through the one YAML
 * reader ({@link Yaml}, which the front ends may not use directly): a flat map of question id →
 * scalar answer, each with its line and column. Strict: an unknown key, a nested value, an alias
 * or a repeated key is an error naming file:line:col.
 */
public final class GuideAnswers {

    private GuideAnswers() { }

    /** One answer and where it was written. */
    public record Answer(String value, int line, int column) { }

    /** The answers in {@code text} (the content of {@code name}); {@code known} are the flow's question ids. */
    public static Map<String, Answer> read(String name, String text, Collection<String> known) {
        Map<String, Answer> out = new LinkedHashMap<>();
        try (Yaml.Documents docs = Yaml.documents(name, text)) {
            Optional<Node> first = docs.next();
            if (first.isEmpty()) return out;
            // refused at its first token, before anything inside it is read
            if (!(first.get() instanceof MapNode m)) throw error(docs.firstTokenEnd(), "expected a map of question: answer");
            for (Entry e : m.all()) {
                if (e.key() == null) Yaml.whole(e.value());
                String key = e.key();
                if (!known.contains(key)) throw error(e.keyLoc(), "unknown key \"" + key + "\"" + Suggest.didYouMean(key, known));
                if (out.containsKey(key)) throw error(e.keyLoc(), "\"" + key + "\" is answered twice");
                Node v = Yaml.whole(e.value());
                if (!(v instanceof Scalar s)) throw error(v.loc(), "\"" + key + "\" must be a single value");
                if (s.alias()) {
                    // the parser hands an alias over as its name: "*a" would be read as the answer "a"
                    throw error(v.loc(), "\"" + key + "\": an alias (*" + s.text() + ") is not an answer; write the value");
                }
                out.put(key, new Answer(s.type() == ScalarType.NULL ? "" : s.text(), v.loc().line(), v.loc().col()));
            }
            Optional<Loc> more = docs.nextStart();
            if (more.isPresent()) {
                // a stream of documents: the flow would take the first and silently drop the rest
                throw error(more.get(), "a second YAML document (after \"---\"); an answers file is one document");
            }
        } catch (Yaml.SyntaxError e) {
            if (e.problem().isPresent()) {
                // the scanner's own mark is where the problem is (a tab at 2:1); Jackson's is where the token began
                throw GoliveException.badInput(name + ":" + e.problemLine() + ":" + e.problemCol()
                        + ": not valid YAML: " + e.problem().get().replace("\\t(TAB)", "tab").replace("\t(TAB)", "tab"));
            }
            if (!e.io() && e.located()) {
                throw GoliveException.badInput(name + ":" + e.line() + ":" + e.col() + ": not valid YAML: "
                        + e.original().map(o -> o.lines().findFirst().orElse("")).orElse(""));
            }
            String msg = e.getMessage() == null ? "not valid YAML" : e.getMessage().lines().findFirst().orElse("not valid YAML");
            throw GoliveException.badInput(name + ": " + msg);
        }
        return out;
    }

    private static GoliveException error(Loc at, String message) {
        return GoliveException.badInput(at.prefix() + ": " + message);
    }
}
