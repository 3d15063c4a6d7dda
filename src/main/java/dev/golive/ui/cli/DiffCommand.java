package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.model.GoliveException;
import dev.golive.report.HostDiff;
import dev.golive.report.HostDiffJson;
import dev.golive.report.HostDiffText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What differs between two hosts, or one host at two moments: every fact with a different",
                "value (with both sources), findings only one side has, and golive's owned files as a diff.",
                "A and B are each `live`, a capture directory, or a capture .tar.gz."},
        footer = {"", "Exit 0 whether or not they differ (read the output or --json `identical`); 2 bad input."})
public final class DiffCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "live, a capture directory, or a .tar.gz capture.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "live, a capture directory, or a .tar.gz capture.")
    String b;

    @Option(names = "--json", description = "Print stable JSON (schema in docs/report-json.md).")
    boolean json;

    @Override public Integer call() {
        if (common.root != null) throw GoliveException.badInput("diff takes both hosts as arguments (A B); drop --root");
        HostDiff d = Session.diff(a, b);
        var out = spec.commandLine().getOut();
        out.print(json ? HostDiffJson.render(d) : HostDiffText.render(d, Output.style(common)));
        out.flush();
        return 0;
    }
}
