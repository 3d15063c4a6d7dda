package dev.golive.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * System users and groups as {@code useradd --system} and {@code groupadd --system} make them
 * (shadow-utils): the lines of /etc/passwd, /etc/group, /etc/shadow and /etc/gshadow, and the
 * id they pick, the highest free one between {@code SYS_UID_MIN}/{@code SYS_GID_MIN} and
 * {@code SYS_UID_MAX}/{@code SYS_GID_MAX} of /etc/login.defs (shadow-utils'
 * {@code lib/find_new_uid.c}, {@code find_new_gid.c}: system ids are searched from the top
 * down; defaults 101 and 999). Pure: the texts come in, the lines go out.
 */
public final class SystemAccounts {

    public static final int DEFAULT_SYS_MIN = 101;
    public static final int DEFAULT_SYS_MAX = 999;

    private SystemAccounts() { }

    /** Whether {@code name} has a line in an /etc/passwd or /etc/group text. */
    public static boolean has(String fileText, String name) {
        return entry(fileText, name).isPresent();
    }

    /** The line for {@code name}, if any. */
    public static Optional<String> entry(String fileText, String name) {
        return fileText.lines().filter(l -> l.startsWith(name + ":")).findFirst();
    }

    /** The numeric id (third field) of {@code name}'s line. */
    public static OptionalInt id(String fileText, String name) {
        Optional<String> l = entry(fileText, name);
        if (l.isEmpty()) return OptionalInt.empty();
        String[] f = l.get().split(":", -1);
        try {
            return f.length > 2 ? OptionalInt.of(Integer.parseInt(f[2])) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The highest id in min..max no line of {@code fileText} uses, or empty when all are taken. */
    public static OptionalInt freeId(String fileText, int min, int max) {
        Set<Integer> used = new HashSet<>();
        for (String l : fileText.lines().toList()) {
            String[] f = l.split(":", -1);
            if (f.length > 2) {
                try {
                    used.add(Integer.parseInt(f[2]));
                } catch (NumberFormatException ignored) {
                    // a malformed line takes no id
                }
            }
        }
        for (int id = max; id >= min; id--) if (!used.contains(id)) return OptionalInt.of(id);
        return OptionalInt.empty();
    }

    /** {@code KEY} of a login.defs text ({@code KEY value} per line, {@code #} comments), else {@code dflt}. */
    public static int loginDefs(String loginDefs, String key, int dflt) {
        for (String l : loginDefs.lines().toList()) {
            List<String> w = List.of(l.strip().split("\\s+"));
            if (w.size() >= 2 && w.get(0).equals(key)) {
                try {
                    return Integer.parseInt(w.get(1));
                } catch (NumberFormatException e) {
                    return dflt;
                }
            }
        }
        return dflt;
    }

    /** A system user: no password, no home (/nonexistent, as Debian's adduser --system), no login shell. */
    public static String passwdLine(String name, int uid, int gid, String shell) {
        return name + ":x:" + uid + ":" + gid + "::/nonexistent:" + shell;
    }

    public static String groupLine(String name, int gid) { return name + ":x:" + gid + ":"; }

    /** Locked password, no ageing fields (shadow(5): empty fields disable them). */
    public static String shadowLine(String name) { return name + ":!:::::::"; }

    public static String gshadowLine(String name) { return name + ":!::"; }

    /** The name field of an account line. */
    public static String name(String line) {
        int c = line.indexOf(':');
        return c < 0 ? line : line.substring(0, c);
    }

    /**
     * A name {@code useradd} takes (useradd(8) "CAVEATS"; shadow-utils' {@code is_valid_user_name}
     * with its defaults): a lower-case letter or underscore, then lower-case letters, digits,
     * underscores or dashes, at most 32 characters, an optional trailing {@code $}.
     */
    public static boolean validName(String name) {
        return name.length() <= 32 && name.matches("[a-z_][a-z0-9_-]*\\$?");
    }
}
