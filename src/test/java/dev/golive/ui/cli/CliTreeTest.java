package dev.golive.ui.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that names its subcommand gets a tree with only that subcommand (start-up time);
 * help, no arguments and unknown words get the whole tree, so listings and suggestions work.
 */
class CliTreeTest {

    @Test
    void namingASubcommandBuildsOnlyThatOne() {
        CommandLine cl = Cli.commandLineFor(new String[] {"inspect", "--json"});
        assertThat(cl.getSubcommands()).containsOnlyKeys("inspect");
        assertThat(cl.getCommandName()).isEqualTo("golive");
    }

    @Test
    void versionNeedsNoSubcommand() {
        assertThat(Cli.commandLineFor(new String[] {"--version"}).getSubcommands()).isEmpty();
    }

    @Test
    void helpNoArgumentsAndTyposGetEveryCommand() {
        var all = Cli.commandLine().getSubcommands().keySet();
        assertThat(all).contains("inspect", "capture", "check", "explain", "help");
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "check"}, {"inspct"}}) {
            assertThat(Cli.commandLineFor(args).getSubcommands().keySet()).as(String.join(" ", args)).isEqualTo(all);
        }
    }

    @Test
    void everySubcommandOfTheListIsReachableByItsName() {
        for (var e : Cli.commandLine().getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            assertThat(Cli.commandLineFor(new String[] {e.getKey()}).getSubcommands()).as(e.getKey()).containsOnlyKeys(e.getKey());
        }
    }
}
