package dev.golive.ui.tui;

import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;

/**
 * The terminal cannot run the full-screen UI (no tty, TERM=dumb, smaller than 80×24).
 * `golive` with no arguments then falls back to the guided line mode, saying why.
 */
public final class TerminalUnsuitable extends GoliveException {
    public TerminalUnsuitable(String message) { super(ExitCode.ENVIRONMENT, message); }
}
