package dev.golive.ui.cli;

import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import dev.golive.ui.tui.TerminalUnsuitable;
import dev.golive.ui.tui.Tui;
import dev.golive.app.Session;

/**
 * Builds the picocli command tree and maps every failure to one line on stderr and an
 * exit code (DESIGN.md). Stack traces only with --debug.
 */
public final class Cli {

    private Cli() { }

    /** Build-time generators that scripts/golive runs; hidden from help, and only built when asked for. */
    static final String GEN_COMPLETION = "generate-completion";
    static final String GEN_MANPAGE = "gen-manpage";

    public static CommandLine commandLine() { return commandLine(false); }

    static CommandLine commandLine(boolean withGenerators) {
        CommandLine cl = new CommandLine(new GoliveCommand());
        if (withGenerators) {
            // picocli walks these classes' annotations too: ~60 ms that a normal start must not pay
            cl.addSubcommand(GEN_COMPLETION, new picocli.AutoComplete.GenerateCompletion());
            cl.addSubcommand(GEN_MANPAGE, new picocli.codegen.docgen.manpage.ManPageGenerator());
            for (String gen : new String[] {GEN_COMPLETION, GEN_MANPAGE}) {
                cl.getSubcommands().get(gen).getCommandSpec().usageMessage().hidden(true);
            }
        }
        return withHandlers(cl);
    }

    /**
     * The command tree for these arguments. picocli builds a command's model from its
     * annotations (reflection, annotation proxies) when the tree is made, and its classes are
     * Java 5 bytecode that no CDS archive can hold: each subcommand costs start-up time. So
     * `golive inspect …` builds the top command with only `inspect` under it; help, no
     * arguments or an unknown word get the whole tree (which lists and suggests names).
     * The subcommand list stays in one place: GoliveCommand's annotation.
     */
    static CommandLine commandLineFor(String[] args) {
        if (args.length == 0) return commandLine(false);
        String first = args[0];
        if (first.equals(GEN_COMPLETION) || first.equals(GEN_MANPAGE)) return commandLine(true);
        if (first.equals("-V") || first.equals("--version")) return withHandlers(new CommandLine(new GoliveCommand.Top()));
        for (Class<?> sub : GoliveCommand.class.getAnnotation(CommandLine.Command.class).subcommands()) {
            if (sub == CommandLine.HelpCommand.class) continue;
            CommandLine.Command c = sub.getAnnotation(CommandLine.Command.class);
            if (c == null || !(c.name().equals(first) || Arrays.asList(c.aliases()).contains(first))) continue;
            CommandLine top = new CommandLine(new GoliveCommand.Top());
            try {
                top.addSubcommand(c.name(), sub.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                return commandLine(false);
            }
            return withHandlers(top);
        }
        return commandLine(false);
    }

    private static CommandLine withHandlers(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(glyphWriter(System.out));
        cl.setErr(glyphWriter(System.err));
        CommandSummaries.install(cl);
        cl.setExecutionStrategy(parsed -> {
            if (!helpRequested(parsed)) {
                try {
                    CarriedOptions.carry(parsed);
                    unfinishedNotice(parsed, cl.getErr());
                } catch (GoliveException e) {
                    return handle(e, cl.getErr(), isDebug(parsed.originalArgs().toArray(new String[0])));
                }
            }
            jsonInLocale(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex, cmd.getErr(), isDebug(parsed.originalArgs().toArray(new String[0]))));
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("golive: " + dev.golive.model.Printable.text(firstLine(ex.getMessage())) + " (see golive " + commandPath(ex.getCommandLine()) + "--help)");
            err.flush();
            return ExitCode.BAD_INPUT.code();
        });
        return cl;
    }

    public static int run(String... args) {
        Optional<FullScreenArgs> ui = FullScreenArgs.parse(args);
        if (ui.isPresent()) return fullScreen(ui.get());
        return commandLineFor(args).execute(args);
    }

    /**
     * The full-screen UI; where the terminal cannot run it (no tty, TERM=dumb, under 80×24)
     * the guided line mode instead, after one line saying why.
     */
    static int fullScreen(FullScreenArgs a) {
        PrintWriter err = glyphWriter(System.err);
        try {
            a.refuseEmpty();
            unfinishedNotice(a.root(), "", err);
            // --no-color means what NO_COLOR means; an explicit --theme still wins
            String theme = a.theme() == null && a.noColor() ? "monochrome" : a.theme();
            return Tui.run(new Tui.Options(a.root(), a.readOnly(), theme, a.service(), a.goMod(), a.manifest()));
        } catch (TerminalUnsuitable e) {
            if (a.root() != null && Session.isFleet(a.root())) {
                // the guide works on one host and would refuse the directory: the fleet's review is what the picker shows
                err.println("golive: " + e.getMessage() + "; printing the fleet review on plain lines instead (golive report --fleet "
                        + a.root() + ")");
                err.flush();
                return run(a.fleetReportArgs());
            }
            if (a.manifest() != null) {
                err.println("golive: " + e.getMessage() + "; checking --manifest on plain lines instead (golive check --manifest)");
                err.flush();
                return run(a.manifestCheckArgs());
            }
            err.println("golive: " + e.getMessage() + "; starting the guided setup on plain lines instead (golive guide)");
            err.flush();
            return run(a.guideArgs());
        } catch (RuntimeException e) {
            return handle(e, err, a.debug());
        }
    }

    /**
     * What picocli would write to, in the locale's charset, with golive's symbols (→, ·, …)
     * spelled in ASCII where that charset has none (LC_ALL=C): report.Glyphs decides.
     */
    static PrintWriter glyphWriter(java.io.PrintStream stream) {
        return new LocaleWriter(stream, dev.golive.report.Glyphs.stdout(), false);
    }

    /** Standard output or error in the locale's charset; for JSON, characters it lacks are escaped, not respelled. */
    static final class LocaleWriter extends PrintWriter {
        final java.io.PrintStream stream;
        final java.nio.charset.Charset charset;

        LocaleWriter(java.io.PrintStream stream, java.nio.charset.Charset cs, boolean json) {
            super(json ? dev.golive.report.Glyphs.forCharset(cs).jsonWriter(writerOf(stream, cs))
                    : dev.golive.report.Glyphs.forCharset(cs).writer(writerOf(stream, cs)), true);
            this.stream = stream;
            this.charset = cs;
        }

        private static java.io.Writer writerOf(java.io.PrintStream stream, java.nio.charset.Charset cs) {
            return new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, cs));
        }
    }

    /**
     * A command asked for JSON (--json, or report --format json) on golive's own standard output:
     * that output escapes what the locale cannot show instead of respelling it (a ≥ in a reason
     * stays \u2265, never ">=" or "?"). A writer a caller set (a test, an embedding) is left alone.
     */
    private static void jsonInLocale(CommandLine.ParseResult parsed) {
        List<CommandLine> path = parsed.asCommandLineList();
        CommandLine leaf = path.get(path.size() - 1);
        CommandLine.ParseResult p = leaf.getParseResult();
        boolean json = p.hasMatchedOption("--json") && Boolean.TRUE.equals(p.matchedOptionValue("--json", Boolean.FALSE))
                || p.hasMatchedOption("--format") && "json".equalsIgnoreCase(String.valueOf(p.matchedOptionValue("--format", "")));
        if (json && leaf.getOut() instanceof LocaleWriter w) leaf.setOut(new LocaleWriter(w.stream, w.charset, true));
    }

    static int handle(Exception ex, PrintWriter err, boolean debug) {
        Throwable t = ex;
        if (t instanceof CommandLine.ExecutionException && t.getCause() != null) t = t.getCause();
        int code;
        if (t instanceof GoliveException g) {
            err.println("golive: " + oneLine(g.getMessage()));
            code = g.exitCode().code();
        } else {
            err.println("golive: internal error: " + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + dev.golive.model.Printable.text(firstLine(t.getMessage())))
                    + (debug ? "" : " (run with --debug for details)"));
            code = ExitCode.INTERNAL.code();
        }
        if (debug) t.printStackTrace(err);
        err.flush();
        return code;
    }

    /**
     * Any start that finds an apply which did not finish says so, one line on stderr (DESIGN.md):
     * the host may be half-changed until `golive recover` runs. Costs one stat when there are
     * no snapshots, a few hundred bytes per snapshot otherwise.
     */
    private static boolean helpRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
            if (pr.isUsageHelpRequested() || pr.isVersionHelpRequested()) return true;
        }
        return false;
    }

    static void unfinishedNotice(CommandLine.ParseResult parsed, PrintWriter err) {
        String root = null;
        String command = "";
        for (CommandLine.ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
            root = pr.matchedOptionValue("--root", root);
            command = pr.commandSpec().name();
        }
        unfinishedNotice(root, command, err);
    }

    private static void unfinishedNotice(String root, String command, PrintWriter err) {
        if (command.equals("recover")) return;
        List<String> ids = Session.unfinishedApplies(root);
        if (ids.isEmpty()) return;
        err.println("golive: snapshot " + String.join(", ", ids) + ": an apply or rollback did not finish (golive stopped half-way): the host may be half-changed; run golive recover"
                + (root == null ? "" : " --root " + root));
        err.flush();
    }

    static boolean isDebug(String[] args) { return Arrays.asList(args).contains("--debug"); }

    /**
     * golive's own error, kept on its one line: a newline or an escape inside it (from a value
     * the admin typed or a file golive read) is shown escaped, never cutting the message before
     * the part that explains it and never acting on the terminal.
     */
    static String oneLine(String s) {
        return s == null ? "" : dev.golive.model.Printable.text(s.strip());
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder b = new StringBuilder();
        CommandLine c = cl;
        java.util.Deque<String> names = new java.util.ArrayDeque<>();
        while (c.getParent() != null) {
            names.push(c.getCommandName());
            c = c.getParent();
        }
        for (String n : names) b.append(n).append(' ');
        return b.toString();
    }
}
