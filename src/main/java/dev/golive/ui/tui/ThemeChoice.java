package dev.golive.ui.tui;

import dev.golive.host.UserFiles;
import dev.golive.model.GoliveException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which theme to use: --theme wins; else NO_COLOR or a terminal without colours gives
 * monochrome; else the config file's {@code theme =}; else default. A name with a slash or
 * ending in .properties is a theme file of the admin's own.
 */
final class ThemeChoice {
    private ThemeChoice() { }

    static Theme choose(String option, Map<String, String> env, Function<Path, Optional<UserFiles.Text>> reader) {
        return chooseByName(option, env, reader).within(depth(env));
    }

    /**
     * 24-bit colour only where the terminal says it has it (COLORTERM=truecolor or 24bit, the
     * convention terminals and tmux use), 256 colours for a *-256color TERM, else the 16 ANSI ones.
     */
    static Theme.Depth depth(Map<String, String> env) {
        String ct = env.getOrDefault("COLORTERM", "");
        if (ct.equals("truecolor") || ct.equals("24bit")) return Theme.Depth.TRUE_COLOUR;
        String term = env.getOrDefault("TERM", "");
        return term.contains("256color") || term.contains("direct") ? Theme.Depth.INDEXED_256 : Theme.Depth.ANSI_16;
    }

    private static Theme chooseByName(String option, Map<String, String> env, Function<Path, Optional<UserFiles.Text>> reader) {
        if (option != null && !option.isBlank()) return load(option, reader);
        if (env.containsKey("NO_COLOR") && !env.get("NO_COLOR").isEmpty()) return ThemeLoader.shipped("monochrome");
        if (!hasColors(env.get("TERM"))) return ThemeLoader.shipped("monochrome");
        Path cfg = UserFiles.configFile(env);
        Optional<String> fromConfig = reader.apply(cfg).flatMap(t -> configTheme(t.path(), t.content()));
        return fromConfig.map(n -> load(n, reader)).orElseGet(() -> ThemeLoader.shipped("default"));
    }

    private static Theme load(String name, Function<Path, Optional<UserFiles.Text>> reader) {
        if (name.contains("/") || name.endsWith(".properties")) {
            UserFiles.Text t = reader.apply(Path.of(name))
                    .orElseThrow(() -> GoliveException.badInput("--theme " + name + ": no such file"));
            return ThemeLoader.parse(name, t.path(), t.content());
        }
        return ThemeLoader.shipped(name);
    }

    /** Terminals known to lack colour: vt100/vt220 and the *-mono / *-m entries of terminfo. */
    static boolean hasColors(String term) {
        if (term == null) return true;
        return !(term.equals("vt100") || term.equals("vt102") || term.equals("vt220") || term.endsWith("-mono") || term.endsWith("-m"));
    }

    /** The config file: {@code theme = NAME}, # comments; anything else is a mistake worth a file:line. */
    static Optional<String> configTheme(String file, String text) {
        String theme = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            int eq = l.indexOf('=');
            String key = eq < 0 ? l : l.substring(0, eq).strip();
            if (eq < 0 || !key.equals("theme")) {
                throw GoliveException.badInput(file + ":" + (i + 1) + ": unknown setting \"" + key + "\" (known: theme)");
            }
            theme = l.substring(eq + 1).strip();
        }
        return Optional.ofNullable(theme);
    }
}
