package dev.golive.ui.cli;

import dev.golive.report.Style;

/** Decides plain or colored text: colors only on a terminal, never with NO_COLOR or --no-color. */
final class Output {
    private Output() { }

    static Style style(CommonOptions common) {
        boolean tty = System.console() != null;
        String noColor = System.getenv("NO_COLOR");
        boolean color = tty && (noColor == null || noColor.isEmpty()) && !common.noColor
                && !"dumb".equals(System.getenv("TERM"));
        return new Style(color);
    }

    /** A change that worked but is missing from the audit trail: said on stderr, the exit code stays that of the change. */
    static void warnUnrecorded(dev.golive.app.Session s, java.io.PrintWriter err) {
        s.unrecorded().forEach(p -> err.println("golive: warning: " + p));
        err.flush();
    }
}
