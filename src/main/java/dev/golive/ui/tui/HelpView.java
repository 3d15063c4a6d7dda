package dev.golive.ui.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * Every key, generated from the binding tables: the screen it was opened from first (with
 * what that screen is for), then the keys that work everywhere, then the other screens.
 */
final class HelpView extends View {

    record Line(String keys, String text, boolean heading) { }

    private static final int KEYS = 15;

    private final View context;
    private final ListPane<Line> list = new ListPane<>(l -> l.keys() + " " + l.text());
    private int width = -1;

    HelpView(App app, View context) {
        super(app);
        this.context = context;
        list.items(lines(80));
    }

    @Override String title() { return "Help"; }

    @Override String about() { return "This list: every key golive knows, generated from the screens' key tables."; }

    @Override ListPane<?> list() { return list; }

    @Override protected List<Binding> buildBindings() { return list.moves(); }

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
        return out;
    }

    private void section(List<Line> out, String heading, View v) {
        out.add(new Line("", heading, true));
        for (String l : Dialog.wrap(v.about(), width - 4)) out.add(new Line("", l, false));
        for (Binding b : v == this ? list.moves() : v.bindings()) line(out, b);
    }

    private void line(List<Line> out, Binding b) {
        List<String> text = Dialog.wrap(b.help(), Math.max(20, width - KEYS - 5));
        out.add(new Line(b.keyText(), text.get(0), false));
        for (String more : text.subList(1, text.size())) out.add(new Line(" ", more, false));
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
