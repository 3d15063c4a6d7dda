package dev.golive.ui.shell;

import dev.golive.model.Printable;
import dev.golive.model.GoliveException;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * Replays a guided flow from an answers file: the same questions, each answered from the
 * file (or its default when the file does not say), echoed so the log of a repeatable setup
 * reads like the interactive one. An answer the question rejects stops the flow with
 * file:line:col before anything is changed.
 */
public final class AnswersPrompter implements Prompter {

    private final AnswersFile answers;
    private final PrintWriter out;

    public AnswersPrompter(AnswersFile answers, PrintWriter out) {
        this.answers = answers;
        this.out = out;
    }

    @Override public String ask(Question q) {
        Optional<AnswersFile.Answer> a = answers.get(q.id());
        String value = a.map(AnswersFile.Answer::value).filter(v -> !v.isBlank()).orElse(q.defaultAnswer()).strip();
        Optional<String> problem = q.check().apply(value);
        if (problem.isPresent()) {
            String where = a.map(x -> answers.name() + ":" + x.line() + ":" + x.column()).orElse(answers.name());
            throw GoliveException.badInput(where + ": " + q.id() + ": " + problem.get());
        }
        say(q.prompt() + ": " + (value.isEmpty() ? "(none)" : value) + (a.isPresent() ? "" : "  (default)"));
        return value;
    }

    @Override public void say(String line) {
        out.println(Printable.lines(line)); // answers and host text are echoed escaped
        out.flush();
    }

    @Override public void page(java.util.List<dev.golive.plan.Preview.Section> sections) {
        StringBuilder all = new StringBuilder();
        sections.forEach(s -> all.append(s.text()));
        String t = Printable.lines(all.toString());
        out.print(t.endsWith("\n") || t.isEmpty() ? t : t + "\n");
        out.flush();
    }
}
