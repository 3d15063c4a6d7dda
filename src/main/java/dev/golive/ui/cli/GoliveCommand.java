package dev.golive.ui.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command. With no subcommand it opens the full-screen UI (ui.tui). */
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
                VerifyCommand.class,
                HealthCommand.class,
                RollbackCommand.class,
                RecoverCommand.class,
                SnapshotsCommand.class,
                ReportCommand.class,
                DiffCommand.class,
                GuideCommand.class,
                CdsTrainingCommand.class,
                ExportCommand.class,
                AssembleCommand.class,

                CommandLine.HelpCommand.class,
        },
        footer = {"", "Exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad input, 3 environment (not root, tool missing, host locked), 4 apply failed and was rolled back, 5 internal error."})
public final class GoliveCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin CommonOptions common;

    @Option(names = "--read-only", description = "Open the full-screen UI without any action that changes the host.")
    boolean readOnly;

    @Option(names = "--theme", paramLabel = "NAME|FILE",
            description = "Full-screen UI theme: default, light, high-contrast, monochrome, or a .properties file "
                    + "(default: monochrome when NO_COLOR is set, else the config file's theme, else default).")
    String theme;

    @Option(names = "--service", paramLabel = "NAME",
            description = "Open the full-screen UI on this service (app or app.service): its unit in the editor, "
                    + "and the checks of its unit, binary and cgroup limits.")
    String service;

    @Option(names = "--go-mod", paramLabel = "DIR", description = "The service's Go module directory (its go.mod `go` line is checked).")
    String goMod;

    @Option(names = "--manifest", paramLabel = "FILE|DIR",
            description = "Also check these Dockerfiles and Kubernetes YAML (as `golive check --manifest`): their findings "
                    + "appear in the Findings screen under the area container.")
    String manifest;

    /**
     * No subcommand: the full-screen UI. Cli.run opens it without picocli for plain option lists
     * (FullScreenArgs); this is the way in for lists only picocli reads (an option value that
     * starts with a dash, say).
     */
    @Override public Integer call() {
        return Cli.fullScreen(new FullScreenArgs(common.root, theme, service, goMod, readOnly, common.debug, common.noColor, manifest));
    }

    /**
     * The same top command without the subcommand list, for a run that names its subcommand
     * (Cli.commandLineFor adds just that one): same name, --help and --version.
     */
    @Command(name = "golive", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
    static final class Top implements Runnable {
        @Spec CommandSpec spec;

        @Override public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }
}
