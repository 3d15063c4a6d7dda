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
}
