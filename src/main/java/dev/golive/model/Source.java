package dev.golive.model;

/**
 * Where a fact came from. Every value golive shows carries one, so an admin can check it
 * by hand: a file (and line, 0 when the whole file is the value), a command, or a
 * documented default (e.g. "kernel default since 5.4").
 */
public sealed interface Source permits Source.File, Source.Command, Source.Default, Source.Derived {

    /** Short human form, e.g. {@code /etc/sysctl.d/99-x.conf:3} or {@code $ systemd --version}. */
    String describe();

    // equals and hashCode are written out below, the same as a record's: the generated ones are
    // linked on first use through java.lang.runtime.ObjectMethods, which spins ~20 method-handle
    // classes the AppCDS archive cannot hold (tens of ms on a cold check, whose rules compare
    // sources). hashCode is the record's formula (31 * h + component), so hash orders stay.

    record File(String path, int line) implements Source {
        public File {
            if (path == null || path.isEmpty()) throw new IllegalArgumentException("path");
            if (line < 0) throw new IllegalArgumentException("line " + line);
        }
        public static File of(String path) { return new File(path, 0); }
        @Override public String describe() { return line > 0 ? path + ":" + line : path; }
        @Override public boolean equals(Object o) { return o instanceof File f && path.equals(f.path) && line == f.line; }
        @Override public int hashCode() { return 31 * path.hashCode() + Integer.hashCode(line); }
    }

    /** The argv of a command golive ran (or read from a capture), joined by spaces. */
    record Command(String argv) implements Source {
        @Override public String describe() { return "$ " + argv; }
        @Override public boolean equals(Object o) { return o instanceof Command x && java.util.Objects.equals(argv, x.argv); }
        @Override public int hashCode() { return java.util.Objects.hashCode(argv); }
    }

    /** A documented default: nothing on the host sets the value. */
    record Default(String what) implements Source {
        @Override public String describe() { return "default: " + what; }
        @Override public boolean equals(Object o) { return o instanceof Default x && java.util.Objects.equals(what, x.what); }
        @Override public int hashCode() { return java.util.Objects.hashCode(what); }
    }

    /** Computed from other facts, named in {@code from}. */
    record Derived(String from) implements Source {
        @Override public String describe() { return "derived: " + from; }
        @Override public boolean equals(Object o) { return o instanceof Derived x && java.util.Objects.equals(from, x.from); }
        @Override public int hashCode() { return java.util.Objects.hashCode(from); }
    }
}
