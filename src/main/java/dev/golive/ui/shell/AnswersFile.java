package dev.golive.ui.shell;

import dev.golive.app.GuideAnswers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of a guided flow read from YAML ({@code golive guide --answers FILE.yaml}): a
 * flat map of question id → scalar answer, each remembered with its line and column so a
 * rejected answer is reported where it stands. The file is read by {@link GuideAnswers}
 * (app), which holds the rules (unknown key, nested value, repeated key: file:line:col).
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
        GuideAnswers.read(name, text, known).forEach((id, a) -> out.put(id, new Answer(a.value(), a.line(), a.column())));
        return new AnswersFile(name, out);
    }
}
