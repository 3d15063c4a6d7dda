package dev.golive;

import dev.golive.ui.cli.Cli;

/** Entry point: sets up the log file (never the terminal), then hands over to the CLI. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        Logging.configure();
        int code = Cli.run(args);
        System.out.flush();
        System.exit(code);
    }
}
