package dev.golive.ui.tui;

import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

/** The text of a virtual terminal's screen. */
final class TuiDriverText {
    private TuiDriverText() { }

    static String of(DefaultVirtualTerminal t) { return TuiDriver.textOf(t); }
}
