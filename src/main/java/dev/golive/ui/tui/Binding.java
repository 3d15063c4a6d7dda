package dev.golive.ui.tui;

import java.util.List;
import java.util.function.Supplier;

/**
 * One key binding, as data: the same record drives dispatch, the footer hint and the help
 * screen, so the three cannot drift apart (lazygit's rule). {@code blockedBy} returns the
 * reason the action is unavailable right now (read-only host, nothing selected), or null.
 */
record Binding(List<String> keys, String label, String help, boolean footer, Runnable action, Supplier<String> blockedBy) {

    Binding {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) throw new IllegalArgumentException("binding " + label + " has no key");
    }

    /** Shown in the footer; {@code keys} space-separated, e.g. "j down". */
    static Binding hint(String keys, String label, String help, Runnable action) {
        return new Binding(List.of(keys.split(" ")), label, help, true, action, () -> null);
    }

    /** Listed in the help only (movement keys every list shares, number keys). */
    static Binding quiet(String keys, String label, String help, Runnable action) {
        return new Binding(List.of(keys.split(" ")), label, help, false, action, () -> null);
    }

    Binding unless(Supplier<String> reason) { return new Binding(keys, label, help, footer, action, reason); }

    String blockedReason() { return blockedBy.get(); }

    /** How the keys read in the footer and help: "j/down". */
    String keyText() { return String.join("/", keys); }
}
