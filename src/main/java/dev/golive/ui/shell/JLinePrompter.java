package dev.golive.ui.shell;

import dev.golive.model.Printable;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks on a terminal with JLine: plain lines only (no colors, no cursor addressing beyond
 * what JLine's line editing does), so it works on TERM=dumb and over a slow SSH link.
 * Tab completes words and paths; Ctrl-C and EOF stop the flow.
 */
public final class JLinePrompter implements Prompter {

    private final Terminal terminal;
    private final LineReader reader;
    private final PrintWriter out;
    private final Function<String, List<String>> listDir;
    private Question current;

    /** {@code listDir}: entries of a directory on the host being set up (for path completion). */
    public JLinePrompter(Terminal terminal, Function<String, List<String>> listDir) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.listDir = listDir;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .completer(completer())
                .variable(LineReader.HISTORY_SIZE, 0)
                .option(LineReader.Option.AUTO_FRESH_LINE, false)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    @Override public String ask(Question q) {
        current = q;
        String prompt = Printable.text(q.prompt() + (q.defaultAnswer().isEmpty() ? "" : " [" + q.defaultAnswer() + "]")) + ": ";
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt);
            } catch (UserInterruptException e) {
                throw new Prompter.Stopped("interrupted");
            } catch (EndOfFileException e) {
                throw new Prompter.Stopped("end of input");
            }
            String answer = line.strip().isEmpty() ? q.defaultAnswer() : line.strip();
            Optional<String> problem = q.check().apply(answer);
            if (problem.isEmpty()) return answer;
            say("  " + problem.get());
        }
    }

    @Override public void say(String line) {
        out.println(Printable.lines(line)); // answers and host text are echoed escaped
        out.flush();
    }

    /** Pages by the terminal's height; a dumb terminal (height unknown) gets the text at once. */
    @Override public void page(String text) {
        String[] lines = text.split("\n", -1);
        int height = terminal.getHeight();
        int per = height > 4 ? height - 2 : Integer.MAX_VALUE;
        for (int i = 0; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) break;
            out.println(Printable.text(lines[i]));
            if ((i + 1) % per == 0 && i + 1 < lines.length - 1) {
                out.flush();
                String more;
                try {
                    more = reader.readLine("-- more (enter: next page, q: skip) -- ");
                } catch (UserInterruptException e) {
                    throw new Prompter.Stopped("interrupted");
                } catch (EndOfFileException e) {
                    throw new Prompter.Stopped("end of input");
                }
                if (more.strip().equalsIgnoreCase("q")) break;
            }
        }
        out.flush();
    }

    private Completer completer() {
        return (r, line, candidates) -> {
            Question q = current;
            if (q == null) return;
            switch (q.completion()) {
                case WORDS -> q.completions().forEach(w -> candidates.add(new Candidate(w)));
                case PATHS -> completePath(line.word(), candidates);
                case NONE -> { }
            }
        };
    }

    private void completePath(String word, List<Candidate> candidates) {
        String w = word.isEmpty() ? "/" : word;
        int slash = w.lastIndexOf('/');
        String dir = slash <= 0 ? "/" : w.substring(0, slash);
        String prefix = w.substring(slash + 1);
        String base = dir.equals("/") ? "/" : dir + "/";
        for (String name : listDir.apply(dir)) {
            if (!name.startsWith(prefix)) continue;
            boolean isDir = name.endsWith("/");
            String full = base + name;
            candidates.add(new Candidate(full, name, null, null, null, null, !isDir));
        }
    }
}
