package dev.golive.ui.shell;

import dev.golive.model.Printable;
import dev.golive.plan.Preview;
import dev.golive.report.Glyphs;
import dev.golive.report.TextWrap;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks on a terminal with JLine: plain lines only (no colors, no cursor addressing beyond
 * what JLine's line editing does), so it works on TERM=dumb and over a slow SSH link.
 *
 * <p>On a capable terminal JLine edits the line and Tab completes words and paths. JLine's
 * dumb terminal never leaves the tty's cooked mode, so there the kernel edits the line and
 * a Tab reaches golive only with Enter: a Tab in the answer completes the text before it
 * against what the question offers (one match is taken, several are listed and asked
 * again). Long texts are paged at the terminal's height, also on a dumb terminal (the
 * height the tty reports, see {@link GuideTerminal}); lines word-wrap at its width. Symbols
 * the terminal's charset cannot show are spelled in ASCII ({@link Glyphs}). Ctrl-C and EOF
 * stop the flow.
 */
public final class JLinePrompter implements Prompter {

    private final Terminal terminal;
    private final LineReader reader;
    private final PrintWriter out;
    private final Glyphs glyphs;
    private final Function<String, List<String>> listDir;
    private final int fallbackRows;
    private final int fallbackColumns;
    private Question current;

    /** {@code listDir}: entries of a directory on the host being set up (for path completion). A terminal of unknown size is not paged or wrapped. */
    public JLinePrompter(Terminal terminal, Function<String, List<String>> listDir) {
        this(terminal, listDir, 0, 0);
    }

    /** {@code fallbackRows}/{@code fallbackColumns}: the size to page and wrap at when the terminal does not say (0: do not). */
    JLinePrompter(Terminal terminal, Function<String, List<String>> listDir, int fallbackRows, int fallbackColumns) {
        this.terminal = terminal;
        this.glyphs = Glyphs.forCharset(terminal.encoding());
        this.out = new PrintWriter(glyphs.writer(terminal.writer()));
        this.listDir = listDir;
        this.fallbackRows = fallbackRows;
        this.fallbackColumns = fallbackColumns;
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
        String prompt = q.prompt() + (q.defaultAnswer().isEmpty() ? "" : " [" + q.defaultAnswer() + "]") + ": ";
        while (true) {
            String line = readLine(prompt);
            String answer;
            if (line.indexOf('\t') >= 0) {
                Optional<String> done = completeTyped(q, line.substring(0, line.indexOf('\t')).stripLeading());
                if (done.isEmpty()) continue;
                answer = done.get();
            } else {
                answer = line.strip().isEmpty() ? q.defaultAnswer() : line.strip();
            }
            Optional<String> problem = q.check().apply(answer);
            if (problem.isEmpty()) return answer;
            say("  " + problem.get());
        }
    }

    /**
     * A Tab typed on a dumb terminal: the one offered answer that starts with {@code typed}
     * (said, then taken), or the list of those that do (and the question again).
     */
    private Optional<String> completeTyped(Question q, String typed) {
        List<Candidate> found = new ArrayList<>();
        candidates(q, typed, found);
        List<String> matches = found.stream().map(Candidate::value).filter(v -> v.startsWith(typed)).distinct().toList();
        if (matches.size() == 1 && (q.completion() != Question.Completion.PATHS || !matches.get(0).endsWith("/"))) {
            say("  " + typed + " → " + matches.get(0));
            return Optional.of(matches.get(0));
        }
        if (matches.isEmpty()) {
            say("  nothing offered here starts with \"" + typed + "\"" + (q.completions().isEmpty() ? "" : "; offered: " + String.join(", ", q.completions())));
        } else {
            say("  " + (matches.size() == 1 ? "in " + matches.get(0) + ": " + String.join("  ", listDir.apply(matches.get(0)))
                    : "matching \"" + typed + "\": " + String.join("  ", matches)));
        }
        return Optional.empty();
    }

    private String readLine(String prompt) {
        // a long question wraps between words like every other line: all but its last line are
        // said first, and the answer is typed after the last (a space and the cursor fit after it)
        List<String> wrapped = TextWrap.wrap(glyphs.apply(Printable.text(prompt)).stripTrailing(), Math.max(0, columns() - 2));
        for (String l : wrapped.subList(0, wrapped.size() - 1)) out.println(l);
        out.flush();
        String last = wrapped.get(wrapped.size() - 1) + (prompt.endsWith(" ") ? " " : "");
        try {
            // JLine expands %-sequences in a prompt (%N, %P …): a literal % is written %%
            return reader.readLine(last.replace("%", "%%"));
        } catch (UserInterruptException e) {
            throw new Prompter.Stopped("interrupted");
        } catch (EndOfFileException e) {
            throw new Prompter.Stopped("end of input");
        }
    }

    private volatile boolean interrupted;

    /**
     * Ctrl-C outside a question is a signal, whose default ends the JVM: during a change that
     * would leave a half-applied host for recover. The terminal's handler takes it instead.
     */
    @Override public <T> T changing(java.util.function.Supplier<T> work) {
        Terminal.SignalHandler before = terminal.handle(Terminal.Signal.INT, s -> {
            if (!interrupted) say("golive: not now: the apply is running; the guide stops when it ends");
            interrupted = true;
        });
        try {
            return work.get();
        } finally {
            terminal.handle(Terminal.Signal.INT, before);
        }
    }

    @Override public boolean interrupted() { return interrupted; }

    @Override public void say(String line) {
        // answers and host text are echoed escaped, then wrapped between words at the terminal's width
        for (String l : Printable.lines(line).split("\n", -1)) {
            // spelled for the charset before wrapping: "->" for "→" is a column wider
            for (String w : TextWrap.wrap(glyphs.apply(l), columns())) out.println(w);
        }
        out.flush();
    }

    /**
     * Pages by the terminal's height, counting lines across the sections; at "-- more --" q
     * skips the rest of the section on screen only, so the next one and the question after
     * it still show; the conflicts and the manual steps are never skipped. Diffs are never
     * re-wrapped.
     */
    @Override public void page(List<Preview.Section> sections) {
        int rows = terminal.getHeight() > 0 ? terminal.getHeight() : fallbackRows;
        int per = rows > 4 ? rows - 2 : Integer.MAX_VALUE;
        int shown = 0;
        for (Preview.Section s : sections) {
            List<String> lines = new ArrayList<>();
            String text = s.text().endsWith("\n") ? s.text().substring(0, s.text().length() - 1) : s.text();
            for (String l : text.split("\n", -1)) {
                String p = glyphs.apply(Printable.text(l));
                if (s.diff()) lines.add(p);
                else lines.addAll(TextWrap.wrap(p, columns()));
            }
            for (int i = 0; i < lines.size(); i++) {
                if (shown > 0 && shown + rows(lines.get(i)) > per) {
                    out.flush();
                    shown = 0;
                    String more = readLine(s.mustRead() ? "-- more (enter: next page) -- "
                            : "-- more (enter: next page, q: skip the rest of this part) -- ");
                    if (!s.mustRead() && more.strip().equalsIgnoreCase("q")) {
                        int left = lines.size() - i;
                        out.println("  (" + left + (left == 1 ? " line" : " lines") + " skipped)");
                        shown++;
                        break;
                    }
                }
                out.println(lines.get(i));
                shown += rows(lines.get(i));
            }
        }
        out.flush();
    }

    /** Screen rows a line takes: a diff line longer than the terminal is wide is folded by the terminal. */
    private int rows(String line) {
        int cols = columns();
        return cols <= 0 || line.length() <= cols ? 1 : (line.length() + cols - 1) / cols;
    }

    private int columns() { return terminal.getWidth() > 0 ? terminal.getWidth() : fallbackColumns; }

    private Completer completer() {
        return (r, line, candidates) -> {
            Question q = current;
            if (q != null) candidates(q, line.word(), candidates);
        };
    }

    private void candidates(Question q, String word, List<Candidate> candidates) {
        switch (q.completion()) {
            case WORDS -> q.completions().forEach(w -> candidates.add(new Candidate(w)));
            case PATHS -> completePath(word, candidates);
            case NONE -> { }
        }
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
