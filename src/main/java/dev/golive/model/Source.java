package dev.golive.model;

/**
 * Where a fact came from. Every value golive shows carries one, so an admin can check it
 * by hand: a file (and line, 0 when the whole file is the value), a command, or a
 * documented default (e.g. "kernel default since 5.4").
 */
public sealed interface Source permits Source.File, Source.Command, Source.Default, Source.Derived {

    /** Short human form, e.g. {@code /etc/sysctl.d/99-x.conf:3} or {@code $ systemd --version}. */
    String describe();

    record File(String path, int line) implements Source {
        public File {
            if (path == null || path.isEmpty()) throw new IllegalArgumentException("path");
            if (line < 0) throw new IllegalArgumentException("line " + line);
        }
        public static File of(String path) { return new File(path, 0); }
        @Override public String describe() { return line > 0 ? path + ":" + line : path; }
    }

    /** The argv of a command golive ran (or read from a capture), joined by spaces. */
    record Command(String argv) implements Source {
        @Override public String describe() { return "$ " + argv; }
    }

    /** A documented default: nothing on the host sets the value. */
    record Default(String what) implements Source {
        @Override public String describe() { return "default: " + what; }
    }

    /** Computed from other facts, named in {@code from}. */
    record Derived(String from) implements Source {
        @Override public String describe() { return "derived: " + from; }
    }
}
