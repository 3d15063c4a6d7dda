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
    void theFullScreenUiWithItsOwnOptionsIsReadWithoutPicocli() {
        assertThat(FullScreenArgs.parse(new String[] {})).contains(new FullScreenArgs(null, null, null, null, false, false, false));
        assertThat(FullScreenArgs.parse(new String[] {"--root", "/srv/tree"})).contains(new FullScreenArgs("/srv/tree", null, null, null, false, false, false));
        assertThat(FullScreenArgs.parse(new String[] {"--root=/srv/tree", "--read-only"}))
                .contains(new FullScreenArgs("/srv/tree", null, null, null, true, false, false));
        assertThat(FullScreenArgs.parse(new String[] {"--theme", "light", "--no-color", "--debug"}))
                .contains(new FullScreenArgs(null, "light", null, null, false, true, true));
        assertThat(FullScreenArgs.parse(new String[] {"--service", "api", "--go-mod=/src/api"}))
                .contains(new FullScreenArgs(null, null, "api", "/src/api", false, false, false));
        // anything else is picocli's: a subcommand after the options, help, a typo, a missing value
        for (String[] args : new String[][] {{"--root", "x", "inspect"}, {"--help"}, {"--versoin"}, {"--root"}, {"--theme", "--debug"}}) {
            assertThat(FullScreenArgs.parse(args)).as(String.join(" ", args)).isEmpty();
        }
        assertThat(Cli.commandLineFor(new String[] {"--root", "x", "inspect"}).getSubcommands()).isNotEmpty();
    }

    @Test
    void theGuideFallbackKeepsTheHostAndTheReadOnlyFlag() {
        assertThat(new FullScreenArgs("/srv/tree", "light", "api", null, true, true, false).guideArgs())
                .containsExactly("guide", "--root", "/srv/tree", "--read-only", "--debug");
    }

    @Test
    void versionNeedsNoSubcommand() {
        assertThat(Cli.commandLineFor(new String[] {"--version"}).getSubcommands()).isEmpty();
    }

    @Test
    void helpAndTyposGetEveryCommand() {
        var all = Cli.commandLine().getSubcommands().keySet();
        assertThat(all).contains("inspect", "capture", "check", "explain", "help");
        for (String[] args : new String[][] {{"--help"}, {"help", "check"}, {"inspct"}, {"--root", "x", "inspct"}, {"-h"}}) {
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

    @Test
    void theHelpListsEachCommandWithAWholeSentence() {
        var out = new java.io.StringWriter();
        CommandLine cl = Cli.commandLineFor(new String[] {"--help"});
        cl.setOut(new java.io.PrintWriter(out));
        assertThat(cl.execute("--help")).isZero();
        String list = out.toString().substring(out.toString().indexOf("Commands:"));
        // each entry: a name, then its summary wrapped under it; the summary ends its sentence
        String joined = list.replaceAll("\n {10,}", " ").replaceAll("(?m)^  (\\S+) +", "  $1 ");
        assertThat(joined).contains("check Check the host (and optionally one service) against golive's rules: findings by severity, ")
                .doesNotContain("findings by severity,\n");
        for (String line : joined.split("\n")) {
            if (!line.startsWith("  ") || line.isBlank()) continue;
            assertThat(line.strip()).as("a summary cut mid-sentence").matches(".*[.?]");
        }
    }

    @Test
    void aCommandWithSubcommandsListsEachWithAWholeSentenceToo() {
        int lists = 0;
        for (var e : Cli.commandLine().getSubcommands().entrySet()) {
            if (e.getKey().equals("help") || e.getValue().getSubcommands().isEmpty()) continue;
            var out = new java.io.StringWriter();
            CommandLine cl = Cli.commandLineFor(new String[] {e.getKey(), "--help"});
            cl.setOut(new java.io.PrintWriter(out));
            assertThat(cl.execute(e.getKey(), "--help")).isZero();
            String list = out.toString().substring(out.toString().indexOf("Commands:") + "Commands:".length());
            String joined = list.replaceAll("\n {10,}", " ");
            for (String line : joined.split("\n")) {
                if (!line.startsWith("  ") || line.isBlank()) continue;
                lists++;
                assertThat(line.strip()).as(e.getKey() + ": a summary cut mid-sentence").matches(".*[.?]");
            }
        }
        assertThat(lists).as("snapshots show, prune, log at least").isGreaterThanOrEqualTo(3);
    }

    @Test
    void everySubcommandAnswersHelpWithItsUsage() {
        for (var e : Cli.commandLine().getSubcommands().entrySet()) {
            if (e.getKey().equals("help") || e.getValue().getCommandSpec().usageMessage().hidden()) continue;
            var out = new java.io.StringWriter();
            CommandLine cl = Cli.commandLineFor(new String[] {e.getKey(), "--help"});
            cl.setOut(new java.io.PrintWriter(out)); // applies to the subcommand too
            int code = cl.execute(e.getKey(), "--help");
            assertThat(code).as(e.getKey() + " --help").isZero();
            assertThat(out.toString()).as(e.getKey()).startsWith("Usage: golive " + e.getKey());
        }
    }
}
