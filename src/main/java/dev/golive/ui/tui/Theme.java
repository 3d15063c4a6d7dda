package dev.golive.ui.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A loaded theme: for every role a foreground, a background and SGR styles. */
record Theme(String name, Map<Role, Look> looks) {

    record Look(TextColor fg, TextColor bg, List<SGR> styles) { }

    Theme {
        looks = new EnumMap<>(looks);
        for (Role r : Role.values()) {
            if (!looks.containsKey(r)) throw new IllegalArgumentException("theme " + name + " lacks role " + r.key());
        }
    }

    Look look(Role r) { return looks.get(r); }
}
