package dev.golive.unit;

import dev.golive.config.SystemdIni;
import dev.golive.config.SystemdWords;

import java.util.List;
import java.util.Map;

/**
 * systemd's quoting of a unit value, for front ends that let the admin type values as in a
 * unit file (the TUI's Unit form): the config codec's rules, reached through the unit layer
 * so the UIs stay off config.
 */
public final class UnitWords {

    private UnitWords() { }

    /** A value split into words as systemd splits ExecStart= ("a b" and 'c' quoting); bad quoting is BAD_INPUT. */
    public static List<String> split(String text) { return SystemdIni.splitWords(text); }

    /** An Environment= value as NAME → VALUE, in order; bad quoting or a word without '=' is BAD_INPUT. */
    public static Map<String, String> environment(String text) { return SystemdIni.parseEnvironment(text); }

    /** One word quoted so that systemd reads it back as it is. */
    public static String quote(String word) { return SystemdWords.quote(word); }
}
