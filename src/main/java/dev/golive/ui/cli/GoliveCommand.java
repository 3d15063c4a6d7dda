package dev.golive.ui.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command. With no subcommand it prints the help (the TUI issue changes that). */
@Command(name = "golive",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "From a fresh Linux server to a host ready to run a Go service in production:%n"
                + "inspect the host, explain what is wrong, plan, apply with snapshots, roll back.",
        subcommands = {
                InspectCommand.class,
                CaptureCommand.class,
                CheckCommand.class,
                ExplainCommand.class,
                BuildCommand.class,
                UnitCommand.class,
                ProfilesCommand.class,
                RecommendCommand.class,
                PlanCommand.class,
                ApplyCommand.class,
                RollbackCommand.class,
                RecoverCommand.class,
                SnapshotsCommand.class,
                ExportCommand.class,

                CommandLine.HelpCommand.class,
        },
        footer = {"", "Exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad input, 3 environment (not root, tool missing, host locked), 4 apply failed and was rolled back, 5 internal error."})
public final class GoliveCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
