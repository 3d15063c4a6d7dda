package dev.golive.ui.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.golive.model.GoliveException;
import dev.golive.model.Suggest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a theme file strictly: {@code role.fg|bg|style = value}, one per line, {@code #}
 * comments. A mistyped key, colour or style fails with file:line (java.util.Properties would
 * drop the line silently and the admin would wonder why nothing changed). A role the file
 * does not mention takes the {@code base} role's look.
 */
final class ThemeLoader {

    /** The themes shipped in the jar (top-level themes/ folder of the project). */
    static final List<String> SHIPPED = List.of("default", "light", "high-contrast", "monochrome");

    private ThemeLoader() { }

    static Theme shipped(String name) {
        if (!SHIPPED.contains(name)) {
            throw GoliveException.badInput("--theme " + name + ": no such theme (shipped: " + String.join(", ", SHIPPED)
                    + "; or give a path to a .properties file)");
        }
        String resource = "themes/" + name + ".properties";
        try (InputStream in = ThemeLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not packaged");
            return parse(name, resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    static Theme parse(String name, String file, String text) {
        Map<Role, TextColor> fg = new EnumMap<>(Role.class);
        Map<Role, TextColor> bg = new EnumMap<>(Role.class);
        Map<Role, List<SGR>> styles = new EnumMap<>(Role.class);
        Set<String> seen = new java.util.HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String at = file + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq < 0) throw GoliveException.badInput(at + ": expected role.fg|bg|style = value, got \"" + line + "\"");
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!seen.add(key)) throw GoliveException.badInput(at + ": \"" + key + "\" is set twice");
            int dot = key.lastIndexOf('.');
            Optional<Role> role = dot < 0 ? Optional.empty() : role(key.substring(0, dot));
            String attr = dot < 0 ? "" : key.substring(dot + 1);
            if (role.isEmpty() || !(attr.equals("fg") || attr.equals("bg") || attr.equals("style"))) {
                throw GoliveException.badInput(at + ": unknown key \"" + key + "\"" + suggest(key));
            }
            switch (attr) {
                case "fg" -> fg.put(role.get(), color(value, at));
                case "bg" -> bg.put(role.get(), color(value, at));
                default -> styles.put(role.get(), styles(value, at));
            }
        }
        Map<Role, Theme.Look> looks = new EnumMap<>(Role.class);
        TextColor baseFg = fg.getOrDefault(Role.BASE, TextColor.ANSI.DEFAULT);
        TextColor baseBg = bg.getOrDefault(Role.BASE, TextColor.ANSI.DEFAULT);
        for (Role r : Role.values()) {
            looks.put(r, new Theme.Look(fg.getOrDefault(r, baseFg), bg.getOrDefault(r, baseBg), styles.getOrDefault(r, List.of())));
        }
        return new Theme(name, looks);
    }

    private static Optional<Role> role(String key) {
        for (Role r : Role.values()) if (r.key().equals(key)) return Optional.of(r);
        return Optional.empty();
    }

    private static final Map<String, TextColor> NAMED = new HashMap<>();
    static {
        for (TextColor.ANSI a : TextColor.ANSI.values()) {
            String n = a.name().toLowerCase(Locale.ROOT);
            NAMED.put(n.endsWith("_bright") ? "bright_" + n.substring(0, n.length() - 7) : n, a);
        }
    }

    static TextColor color(String value, String at) {
        String v = value.toLowerCase(Locale.ROOT);
        TextColor named = NAMED.get(v);
        if (named != null) return named;
        if (v.matches("#[0-9a-f]{6}")) {
            return new TextColor.RGB(Integer.parseInt(v.substring(1, 3), 16), Integer.parseInt(v.substring(3, 5), 16),
                    Integer.parseInt(v.substring(5, 7), 16));
        }
        if (v.matches("[0-9]{1,3}") && Integer.parseInt(v) <= 255) return new TextColor.Indexed(Integer.parseInt(v));
        throw GoliveException.badInput(at + ": \"" + value + "\" is not a colour (a name such as "
                + "red or bright_blue, #rrggbb, or 0-255)" + Suggest.didYouMean(v, NAMED.keySet()));
    }

    private static final Map<String, SGR> STYLES = Map.of("bold", SGR.BOLD, "reverse", SGR.REVERSE,
            "underline", SGR.UNDERLINE, "italic", SGR.ITALIC);

    static List<SGR> styles(String value, String at) {
        List<SGR> out = new ArrayList<>();
        if (value.equalsIgnoreCase("none")) return out;
        for (String w : value.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
            SGR s = STYLES.get(w);
            if (s == null) {
                throw GoliveException.badInput(at + ": \"" + w + "\" is not a style (none, bold, reverse, underline, italic)"
                        + Suggest.didYouMean(w, STYLES.keySet()));
            }
            out.add(s);
        }
        return out;
    }

    private static String suggest(String key) {
        Set<String> keys = new TreeSet<>();
        for (Role r : Role.values()) for (String a : List.of("fg", "bg", "style")) keys.add(r.key() + "." + a);
        return Suggest.didYouMean(key, keys);
    }
}
