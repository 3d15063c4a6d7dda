package dev.golive.ui.cli;

import picocli.CommandLine.Option;

/** Options every command shares (a picocli mixin): which host, how to report errors. */
public final class CommonOptions {

    @Option(names = "--root", paramLabel = "DIR|CAPTURE",
            description = "Read (and, for apply, write) this host tree instead of /: a capture directory, a capture .tar.gz, or a target tree.")
    public String root;

    @Option(names = "--debug", description = "Print stack traces for errors.")
    public boolean debug;

    @Option(names = "--no-color", description = "Plain output (also when NO_COLOR is set or output is not a terminal).")
    public boolean noColor;
}
