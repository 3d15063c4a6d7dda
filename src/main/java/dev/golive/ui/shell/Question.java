package dev.golive.ui.shell;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One question of the guided flow. {@code id} is the key an answers file uses for it;
 * {@code defaultAnswer} is what an empty line (or a missing key in an answers file) means;
 * {@code completions} feed tab completion; {@code check} returns an error text for an answer
 * it rejects (the prompt then asks again; an answers file fails with the text).
 */
public record Question(
        String id,
        String prompt,
        String defaultAnswer,
        Completion completion,
        List<String> completions,
        Function<String, Optional<String>> check) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(defaultAnswer, "defaultAnswer");
        Objects.requireNonNull(completion, "completion");
        completions = List.copyOf(completions);
        Objects.requireNonNull(check, "check");
    }

    /** What tab completes. */
    public enum Completion { NONE, WORDS, PATHS }

    public static Question text(String id, String prompt, String dflt, Function<String, Optional<String>> check) {
        return new Question(id, prompt, dflt, Completion.NONE, List.of(), check);
    }

    public static Question words(String id, String prompt, String dflt, List<String> words, Function<String, Optional<String>> check) {
        return new Question(id, prompt, dflt, Completion.WORDS, words, check);
    }

    public static Question path(String id, String prompt, String dflt, Function<String, Optional<String>> check) {
        return new Question(id, prompt, dflt, Completion.PATHS, List.of(), check);
    }

    /** A yes/no question; its answers are normalised to "yes"/"no" by {@link #yes(String)}. */
    public static Question yesNo(String id, String prompt, boolean dflt) {
        return new Question(id, prompt, dflt ? "yes" : "no", Completion.WORDS, List.of("yes", "no"),
                a -> parseYes(a).isPresent() ? Optional.empty() : Optional.of("answer yes or no"));
    }

    public static boolean yes(String answer) { return parseYes(answer).orElse(false); }

    static Optional<Boolean> parseYes(String a) {
        return switch (a.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "y", "yes", "true" -> Optional.of(true);
            case "n", "no", "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    public static Function<String, Optional<String>> any() { return a -> Optional.empty(); }
}
