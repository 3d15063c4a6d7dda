package dev.golive.ui.cli;

import dev.golive.model.GoliveException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Options given before a subcommand ({@code golive --root TREE plan}, {@code golive snapshots
 * --root TREE prune}) belong to the command that runs. picocli binds each option to the
 * command it follows, so the command that runs would never see them and would read the live
 * host: a script's {@code golive --root /srv/image apply --yes} would have changed this
 * machine. Each such option is carried to the command that runs, or refused (exit 2, naming
 * it) when that command has no such option. Nothing is dropped.
 */
final class CarriedOptions {

    private CarriedOptions() { }

    /** Options whose empty value would silently mean something else (an empty --root meant "/"). */
    private static final Set<String> NEVER_EMPTY = Set.of("--root", "--service", "--theme", "--go-mod", "--manifest");

    /** Moves every option matched on a parent command to the command that runs; refuses what it cannot take. */
    static void carry(ParseResult parsed) {
        List<ParseResult> chain = new ArrayList<>();
        for (ParseResult pr = parsed; pr != null; pr = pr.subcommand()) chain.add(pr);
        for (ParseResult pr : chain) refuseEmpty(pr);
        ParseResult leaf = chain.get(chain.size() - 1);
        CommandSpec runs = leaf.commandSpec();
        Map<String, Object> carried = new HashMap<>();
        for (ParseResult level : chain.subList(0, chain.size() - 1)) {
            for (OptionSpec o : level.matchedOptions()) {
                if (o.usageHelp() || o.versionHelp()) continue;
                String name = o.longestName();
                OptionSpec target = runs.findOption(name);
                if (target == null || !target.type().equals(o.type())) {
                    throw GoliveException.badInput(name + " does not apply to " + path(runs)
                            + " (see " + path(runs) + " --help)");
                }
                Object value = o.getValue();
                boolean seen = leaf.hasMatchedOption(name) || carried.containsKey(name);
                Object before = carried.containsKey(name) ? carried.get(name) : target.getValue();
                if (seen && !Objects.equals(before, value)) {
                    throw GoliveException.badInput(name + " is given twice with different values (\"" + before + "\" and \""
                            + value + "\"); give it once, after " + path(runs));
                }
                carried.put(name, value);
                target.setValue(value);
            }
        }
    }

    private static void refuseEmpty(ParseResult pr) {
        for (OptionSpec o : pr.matchedOptions()) {
            for (String v : o.stringValues()) refuseEmpty(o.longestName(), v);
        }
    }

    /** An empty value for an option that must not be empty: exit 2, before anything is read. */
    static void refuseEmpty(String option, String value) {
        if (value == null || !value.isBlank() || !NEVER_EMPTY.contains(option)) return;
        throw GoliveException.badInput(option + " is empty" + (option.equals("--root")
                ? " (an unset variable?): name a directory, a capture or a .tar.gz; without --root golive works on the live host"
                : ""));
    }

    static String path(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (CommandLine c = spec.commandLine(); c != null; c = c.getParent()) names.add(0, c.getCommandName());
        return String.join(" ", names);
    }
}
