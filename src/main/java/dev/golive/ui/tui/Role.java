package dev.golive.ui.tui;

import java.util.Locale;

/**
 * What a piece of screen is, never which colour it has: screens draw with roles, a theme
 * maps each role to colours and a style. A theme file names roles by {@link #key()}.
 */
enum Role {
    BASE, HEADER, TABS, TAB_ACTIVE, STATUS, FOOTER, FOOTER_KEY, DISABLED, TITLE, SELECTED, DIM,
    OK, INFO, WARN, ERROR, DIFF_ADD, DIFF_DEL, DIFF_HUNK, DIALOG, DIALOG_TITLE, BANNER, FILTER, CHANGED;

    /** The name in a theme file: TAB_ACTIVE → tab.active. */
    String key() { return name().toLowerCase(Locale.ROOT).replace('_', '.'); }
}
