package dev.golive.config;

import dev.golive.model.Printable;

import dev.golive.model.GoliveException;

import java.util.List;

/**
 * systemd unit names (systemd.unit(5), unit_name_is_valid()): letters, digits and
 * {@code :-_.\}, at most one '@' (a template "foo@.service" or an instance
 * "foo@bar.service"), a known type suffix, at most 255 characters. Every place that takes
 * a unit name from a user or a file checks it here first, which also keeps "/" and ".."
 * out of paths built from it.
 */
public final class UnitNames {

    public static final int MAX_LENGTH = 255;
    public static final List<String> TYPES = List.of(
            "service", "socket", "device", "mount", "automount", "swap", "target", "path", "timer", "slice", "scope");

    private UnitNames() { }

    /** Returns the name unchanged when valid; otherwise throws a one-line BAD_INPUT GoliveException. */
    public static String validate(String name) {
        String problem = problem(name);
        if (problem != null) throw GoliveException.badInput("invalid unit name " + quote(name) + ": " + problem);
        return name;
    }

    public static boolean isValid(String name) { return problem(name) == null; }

    /** The reason a name is invalid, or null. */
    static String problem(String name) {
        if (name == null || name.isEmpty()) return "empty";
        if (name.length() > MAX_LENGTH) return "longer than " + MAX_LENGTH + " characters";
        if (name.contains("/")) return "contains '/'";
        if (name.contains("..")) return "contains \"..\"";
        int dot = name.lastIndexOf('.');
        if (dot < 0) return "no type suffix (." + String.join(", .", TYPES) + ")";
        String type = name.substring(dot + 1);
        if (!TYPES.contains(type)) return "unknown type suffix \"." + Printable.clip(type, 80) + "\"";
        String prefix = name.substring(0, dot);
        if (prefix.isEmpty()) return "nothing before the type suffix";
        int at = prefix.indexOf('@');
        if (at >= 0 && prefix.indexOf('@', at + 1) >= 0) return "more than one '@'";
        if (at == 0) return "nothing before '@'";
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ':' || c == '-' || c == '_' || c == '.' || c == '\\' || c == '@';
            if (!ok) return "character " + quote(String.valueOf(c)) + " at col " + (i + 1)
                    + " is not allowed (letters, digits, \":-_.\\\" and one '@'; see systemd-escape)";
        }
        return null;
    }

    /** "foo" of "foo.service" / "foo@bar.service" → "foo@.service" for an instance, else null. */
    public static String template(String name) {
        int dot = name.lastIndexOf('.');
        int at = name.indexOf('@');
        if (at < 0 || dot < 0 || at + 1 == dot) return null;
        return name.substring(0, at + 1) + name.substring(dot);
    }

    /**
     * The unit-name specifiers of systemd.unit(5) expanded for {@code name}: %n (full name), %N
     * (without the type suffix), %p (prefix before '@'), %i (instance), their unescaped forms %P and
     * %I, and %% (a literal '%'); any other specifier is left as written. A template's own name has
     * an empty instance, so %i of "app@.service" stays unexpanded (it has no value until an instance runs).
     */
    public static String expandSpecifiers(String value, String name) {
        if (value.indexOf('%') < 0) return value;
        int dot = name.lastIndexOf('.');
        String full = dot > 0 ? name.substring(0, dot) : name;
        int at = full.indexOf('@');
        String prefix = at >= 0 ? full.substring(0, at) : full;
        String instance = at >= 0 ? full.substring(at + 1) : "";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%' || i + 1 >= value.length()) { b.append(c); continue; }
            char s = value.charAt(i + 1);
            String r = switch (s) {
                case '%' -> "%";
                case 'n' -> name;
                case 'N' -> full;
                case 'p' -> prefix;
                case 'P' -> unescape(prefix);
                case 'i' -> instance.isEmpty() ? null : instance;
                case 'I' -> instance.isEmpty() ? null : unescape(instance);
                default -> null;
            };
            if (r == null) { b.append(c).append(s); } else { b.append(r); }
            i++;
        }
        return b.toString();
    }

    /** systemd-escape undone: '-' is '/', "\xNN" a byte. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-') b.append('/');
            else if (c == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x') {
                try {
                    b.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                    i += 3;
                } catch (NumberFormatException e) {
                    b.append(c);
                }
            } else b.append(c);
        }
        return b.toString();
    }

    public static String type(String name) { return name.substring(name.lastIndexOf('.') + 1); }

    private static String quote(String s) { return s == null ? "null" : "\"" + Printable.clip(s, 80) + "\""; }

}
