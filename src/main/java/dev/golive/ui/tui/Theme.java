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

    /** How many colours the terminal shows: 24-bit, the 256 of xterm, or the 16 ANSI ones. */
    enum Depth { TRUE_COLOUR, INDEXED_256, ANSI_16 }

    /**
     * The theme as this terminal can show it: {@code #rrggbb} becomes the nearest of the 256
     * indexed colours, or of the 16 ANSI ones (so does an indexed colour there). A terminal
     * given a 24-bit sequence it does not know shows some other colour, or garbage.
     */
    Theme within(Depth depth) {
        if (depth == Depth.TRUE_COLOUR) return this;
        Map<Role, Look> out = new EnumMap<>(Role.class);
        looks.forEach((r, l) -> out.put(r, new Look(fit(l.fg(), depth), fit(l.bg(), depth), l.styles())));
        return new Theme(name, out);
    }

    private static TextColor fit(TextColor c, Depth depth) {
        if (c == null || c instanceof TextColor.ANSI) return c;
        if (c instanceof TextColor.RGB && depth == Depth.INDEXED_256) return TextColor.Indexed.fromRGB(c.getRed(), c.getGreen(), c.getBlue());
        if (c instanceof TextColor.Indexed && depth == Depth.INDEXED_256) return c;
        TextColor.ANSI best = TextColor.ANSI.BLACK;
        long bestDistance = Long.MAX_VALUE;
        for (TextColor.ANSI a : TextColor.ANSI.values()) {
            if (a == TextColor.ANSI.DEFAULT) continue;
            long dr = a.getRed() - c.getRed(), dg = a.getGreen() - c.getGreen(), db = a.getBlue() - c.getBlue();
            long d = dr * dr + dg * dg + db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return best;
    }
}
