package dev.golive.ui.shell;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.golive.model.GoliveException;
import dev.golive.model.Suggest;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of a guided flow read from YAML ({@code golive guide --answers FILE.yaml}): a
 * flat map of question id → scalar answer, each remembered with its line and column so a
 * rejected answer is reported where it stands. Strict: an unknown key, a nested value or
 * a repeated key is an error naming file:line:col.
 */
public final class AnswersFile {

    /** One answer and where it was written. */
    public record Answer(String value, int line, int column) { }

    private final String name;
    private final Map<String, Answer> answers;

    private AnswersFile(String name, Map<String, Answer> answers) {
        this.name = name;
        this.answers = answers;
    }

    public String name() { return name; }

    public Optional<Answer> get(String id) { return Optional.ofNullable(answers.get(id)); }

    /** Parses {@code text} (the content of {@code name}); {@code known} are the flow's question ids. */
    public static AnswersFile parse(String name, String text, Collection<String> known) {
        Map<String, Answer> out = new LinkedHashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) return new AnswersFile(name, out);
            if (t != JsonToken.START_OBJECT) throw error(name, p.currentLocation(), "expected a map of question: answer");
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                if (!known.contains(key)) {
                    throw error(name, at, "unknown key \"" + key + "\"" + Suggest.didYouMean(key, known));
                }
                if (out.containsKey(key)) throw error(name, at, "\"" + key + "\" is answered twice");
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    throw error(name, p.currentTokenLocation(), "\"" + key + "\" must be a single value");
                }
                if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
                    // the parser hands an alias over as its name: "*a" would be read as the answer "a"
                    throw error(name, p.currentTokenLocation(), "\"" + key + "\": an alias (*" + p.getText() + ") is not an answer; write the value");
                }
                String value = v == JsonToken.VALUE_NULL ? "" : p.getText();
                out.put(key, new Answer(value, p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr()));
            }
            if (p.nextToken() != null) {
                // a stream of documents: the flow would take the first and silently drop the rest
                throw error(name, p.currentTokenLocation(), "a second YAML document (after \"---\"); an answers file is one document");
            }
        } catch (GoliveException e) {
            throw e;
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "not valid YAML" : e.getMessage().lines().findFirst().orElse("not valid YAML");
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null && m.getProblem() != null) {
                // the scanner's own mark is where the problem is (a tab at 2:1); Jackson's is where the token began
                throw GoliveException.badInput(name + ":" + (m.getProblemMark().getLine() + 1) + ":" + (m.getProblemMark().getColumn() + 1)
                        + ": not valid YAML: " + m.getProblem().replace("\\t(TAB)", "tab").replace("\t(TAB)", "tab"));
            }
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
                throw error(name, jpe.getLocation(), "not valid YAML: " + stripLocation(jpe.getOriginalMessage()));
            }
            throw GoliveException.badInput(name + ": " + msg);
        }
        return new AnswersFile(name, out);
    }

    private static String stripLocation(String msg) {
        return msg == null ? "" : msg.lines().findFirst().orElse("");
    }

    static GoliveException error(String name, JsonLocation at, String message) {
        return GoliveException.badInput(name + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + message);
    }
}
