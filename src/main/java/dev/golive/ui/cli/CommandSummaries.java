package dev.golive.ui.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;

import java.util.Map;

/**
 * The "Commands:" list of {@code --help}: each command with the first sentence of its
 * description. picocli's own list shows the description's first line, which ends wherever
 * the source line was broken ("findings by severity,"), not where the sentence ends.
 */
final class CommandSummaries {

    private CommandSummaries() { }

    /** Puts this list in place of picocli's in {@code cl} and every command under it. */
    static void install(CommandLine cl) {
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, CommandSummaries::render);
        for (CommandLine sub : cl.getSubcommands().values()) install(sub);
    }

    static String render(Help help) {
        Map<String, Help> subs = help.subcommands();
        if (subs.isEmpty()) return "";
        int nameWidth = 0;
        for (Map.Entry<String, Help> e : subs.entrySet()) {
            if (!e.getValue().commandSpec().usageMessage().hidden()) nameWidth = Math.max(nameWidth, e.getKey().length());
        }
        int width = help.commandSpec().usageMessage().width();
        TextTable table = TextTable.forColumns(help.colorScheme(),
                new Column(nameWidth + 4, 2, Column.Overflow.SPAN),
                new Column(Math.max(20, width - nameWidth - 4), 2, Column.Overflow.WRAP));
        for (Map.Entry<String, Help> e : subs.entrySet()) {
            CommandLine.Model.UsageMessageSpec u = e.getValue().commandSpec().usageMessage();
            if (u.hidden()) continue;
            table.addRowValues(help.colorScheme().commandText(e.getKey()), help.colorScheme().text(firstSentence(u.description())));
        }
        return table.toString();
    }

    /** The description's lines joined, up to the end of its first sentence (a '.' or '?' before a space or the end). */
    static String firstSentence(String[] description) {
        String all = String.join(" ", description).replace("%n", " ").replaceAll("\\s+", " ").strip();
        for (int i = 0; i < all.length(); i++) {
            char ch = all.charAt(i);
            if (ch != '.' && ch != '?') continue;
            boolean abbreviation = all.startsWith("e.g", i - 3) || all.startsWith("i.e", i - 3) || all.startsWith("etc", i - 3);
            if (!abbreviation && (i == all.length() - 1 || all.charAt(i + 1) == ' ')) return all.substring(0, i + 1);
        }
        return all;
    }
}
