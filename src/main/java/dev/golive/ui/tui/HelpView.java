package dev.golive.ui.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * Every key, generated from the binding tables: the screen it was opened from first (with
 * what that screen is for), then the keys that work everywhere, then the other screens.
 */
final class HelpView extends View {

    /**
     * One row. {@code search} is what the / filter matches: a key's whole help on each of its
     * rows (a match shows all of them), and for a heading every row of its section, so a
     * section whose rows match keeps its heading.
     */
    record Line(String keys, String text, boolean heading, String search) {
        Line(String keys, String text, boolean heading) { this(keys, text, heading, keys + " " + text); }
    }

    private static final int KEYS = 15;

    private final View context;
    private final ListPane<Line> list = new ListPane<>(Line::search);
    private int width = -1;

    HelpView(TuiApp app, View context) {
        super(app);
        this.context = context;
        list.items(lines(80));
    }

    @Override String title() { return "Help"; }

    @Override String about() { return "This list: every key golive knows, generated from the screens' key tables."; }

    @Override ListPane<?> list() { return list; }

    /** The list's moves; the scroll keys are in the footer too (help is the one screen that is only read). */
    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>();
        for (Binding m : list.moves()) {
            String label = switch (m.keys().get(0)) {
                case "j" -> "down";
                case "k" -> "up";
                case "pgdn" -> "page";
                default -> null;
            };
            b.add(label == null ? m : new Binding(m.keys(), label, m.help(), true, m.action(), m::blockedReason));
        }
        return b;
    }

    /** The help as lines wrapped to {@code cols}; a key's text continues under its first line. */
    List<Line> lines(int cols) {
        width = cols;
        List<Line> out = new ArrayList<>();
        section(out, context.title() + " (this screen)", context);
        out.add(new Line("", "", false));
        out.add(new Line("", "Everywhere", true));
        for (Binding b : app.globals()) line(out, b);
        for (View v : app.tabs()) {
            if (v == context) continue;
            out.add(new Line("", "", false));
            section(out, v.title(), v);
        }
        if (context != this) {
            out.add(new Line("", "", false));
            section(out, "Help", this);
        }
        return withSectionSearch(out);
    }

    /** A heading's search text: its own and every row's under it, up to the next heading. */
    private static List<Line> withSectionSearch(List<Line> lines) {
        List<Line> out = new ArrayList<>(lines);
        for (int i = 0; i < out.size(); i++) {
            if (!out.get(i).heading()) continue;
            StringBuilder all = new StringBuilder(out.get(i).search());
            for (int j = i + 1; j < out.size() && !out.get(j).heading(); j++) all.append('\n').append(out.get(j).search());
            out.set(i, new Line(out.get(i).keys(), out.get(i).text(), true, all.toString()));
        }
        return out;
    }

    private void section(List<Line> out, String heading, View v) {
        out.add(new Line("", heading, true));
        for (String l : Dialog.wrap(v.about(), width - 4)) out.add(new Line("", l, false, v.about()));
        for (Binding b : v == this ? list.moves() : v.bindings()) line(out, b);
    }

    private void line(List<Line> out, Binding b) {
        List<String> text = Dialog.wrap(b.help(), Math.max(20, width - KEYS - 5));
        String search = b.keyText() + " " + b.help();
        out.add(new Line(b.keyText(), text.get(0), false, search));
        for (String more : text.subList(1, text.size())) out.add(new Line(" ", more, false, search));
    }

    @Override void draw(Canvas c) {
        if (c.width() != width) list.items(lines(c.width()));
        list.draw(c, (cc, r, l, sel) -> {
            if (sel) cc.fillRow(r, Role.SELECTED);
            if (l.heading()) {
                cc.text(1, r, l.text(), sel ? Role.SELECTED : Role.TITLE);
            } else if (l.keys().isEmpty()) {
                cc.text(3, r, l.text(), sel ? Role.SELECTED : Role.DIM);
            } else {
                cc.text(3, r, l.keys(), sel ? Role.SELECTED : Role.FOOTER_KEY);
                cc.text(3 + KEYS, r, l.text(), sel ? Role.SELECTED : Role.BASE);
            }
        }, "No key matches the filter.");
    }
}
