package dev.golive.ui.cli;

import dev.golive.ui.tui.Tui;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.Callable;

/**
 * Hidden: what scripts/golive runs once under -XX:ArchiveClassesAtExit so the AppCDS archive
 * holds the classes of a typical CLI call (inspect --json) and of a TUI session (every screen
 * drawn on a virtual terminal). Prints nothing.
 */
@Command(name = "cds-training", hidden = true, description = "Load the classes of typical runs (for the launcher's AppCDS archive).")
public final class CdsTrainingCommand implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Override public Integer call() {
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(Writer.nullWriter()));
        cl.setErr(new PrintWriter(Writer.nullWriter()));
        cl.execute(common.root == null ? new String[] {"inspect", "--json"} : new String[] {"inspect", "--json", "--root", common.root});
        // check --json: the rules and the report writer on top of the same inspection
        cl.execute(common.root == null ? new String[] {"check", "--json"} : new String[] {"check", "--json", "--root", common.root});
        FullScreenArgs.parse(new String[] {"--root", "tree", "--read-only", "--theme=light"});
        Tui.rehearse(common.root);
        // logging, which most runs start (the full-screen UI right after its first frame, before it
        // inspects): logback's classes would otherwise be read from the jar and verified in every run
        org.slf4j.LoggerFactory.getLogger(CdsTrainingCommand.class).info("AppCDS training run: classes of inspect, check and the full-screen UI loaded");
        return 0;
    }
}
