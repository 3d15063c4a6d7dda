package dev.golive.ui.tui;

import dev.golive.app.Session;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.profile.Profile;
import dev.golive.profile.ProfileCatalog;
import dev.golive.profile.Recommender;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shipped and user profiles, the recommended one marked with its reasons; for the
 * selected profile a table of key / current / proposed / why. enter makes it the plan's
 * profile; p builds the plan and opens Review.
 */
final class ProfilesView extends View {

    private final ListPane<ProfileCatalog.Listing> list = new ListPane<>(l -> l.name() + " " + l.description().orElse(""));
    private int detailTop;
    /** The table row whose whole text shows below the table (J/K move it). */
    private int cursor;
    private String detailOf;

    ProfilesView(TuiApp app) { super(app); }

    @Override String title() { return "Profiles"; }

    @Override String about() {
        return "Tuning profiles (shipped, then yours from /etc/golive/profiles and ~/.config/golive/profiles). "
                + "★ marks the one recommended for this host; the table shows what each would change here.";
    }

    @Override ListPane<?> list() { return list; }

    /** The first time the list fills, the cursor starts on the profile the plan uses (the admin's choice, else ★), so p plans what "in plan" marks. */
    @Override void shown() {
        app.model().loaded().ifPresent(l -> {
            boolean first = list.total() == 0;
            list.items(l.profiles());
            if (first) app.model().profile().ifPresent(p -> list.select(x -> x.name().equals(p)));
        });
    }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>(list.moves());
        b.add(Binding.hint("enter", "use for plan", "Make the selected profile the one the plan uses", () -> {
            String name = list.selected().orElseThrow().name();
            app.model().chooseProfile(name);
            app.status("the plan will use profile " + name + " (p: plan and review)");
        }).unless(() -> list.selected().isEmpty() ? "no profile selected" : null));
        b.add(Binding.hint("p", "plan & review", "Plan the selected profile (with the fixes you picked) and open Review", () -> {
            app.model().chooseProfile(list.selected().orElseThrow().name());
            app.planAndReview();
        }).unless(() -> list.selected().isEmpty() ? "no profile selected" : null));
        b.add(Binding.hint("n", "fixes only", "Plan only the fixes you picked, with no profile (the guide's \"" + Session.NO_PROFILE
                + "\"), and open Review", () -> {
            app.model().chooseProfile(Session.NO_PROFILE);
            app.planAndReview();
        }).unless(() -> app.model().picked().isEmpty() ? "no fixes picked (Findings: enter)" : null));
        b.add(Binding.quiet("J", "row down", "Move down the profile's table; the row's whole why shows below it", () -> cursor++));
        b.add(Binding.quiet("K", "row up", "Move up the profile's table; the row's whole why shows below it", () -> cursor = Math.max(0, cursor - 1)));
        return b;
    }

    @Override void draw(Canvas c) {
        Optional<HostModel.Loaded> loaded = app.model().loaded();
        if (loaded.isEmpty()) {
            c.text(1, 1, "Inspecting " + app.model().rootKind() + "…", Role.DIM);
            return;
        }
        if (list.total() == 0) shown();
        String rec = loaded.get().recommended().map(Recommender.Recommendation::profile).orElse("");
        String chosen = app.model().profile().orElse("");
        boolean wide = c.width() >= 110;
        int lw = wide ? 30 : c.width();
        int lh = wide ? c.height() : Math.min(list.shown().size(), 7);
        list.draw(c.sub(0, 0, lw, lh), (cc, r, l, sel) -> {
            if (sel) cc.fillRow(r, Role.SELECTED);
            cc.text(0, r, l.name().equals(rec) ? "★" : " ", sel ? Role.SELECTED : Role.WARN);
            cc.text(2, r, l.name(), sel ? Role.SELECTED : Role.BASE);
            String tag = (l.name().equals(chosen) ? "in plan" : "") + (l.origin().equals(ProfileCatalog.SHIPPED_ORIGIN) ? "" : " " + l.origin());
            cc.text(22, r, tag.strip(), sel ? Role.SELECTED : Role.CHANGED);
        }, "No profiles.");
        Optional<ProfileCatalog.Listing> sel = list.selected();
        if (sel.isEmpty()) return;
        Canvas d = wide ? c.sub(lw + 1, 0, c.width() - lw - 1, c.height()) : c.sub(0, lh + 1, c.width(), c.height() - lh - 1);
        if (!sel.get().name().equals(detailOf)) {
            detailOf = sel.get().name();
            detailTop = 0;
            cursor = 0;
        }
        drawDetail(d, sel.get(), loaded.get());
    }

    /** One row of the detail table; {@code why} is the whole text the row cuts (empty for headings). */
    private record Row(String role, String text, String key, String why) {
        boolean selectable() { return key != null; }
    }

    private void drawDetail(Canvas c, ProfileCatalog.Listing l, HostModel.Loaded loaded) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("TITLE", l.name() + l.description().map(x -> " — " + x).orElse(""), null, null));
        loaded.ranking().stream().filter(r -> r.profile().equals(l.name())).findFirst().ifPresent(r -> {
            boolean top = loaded.recommended().map(x -> x == r).orElse(false);
            if (!r.reasons().isEmpty()) {
                String reasons = String.join("; ", r.reasons());
                String text = (top ? "★ recommended: " : "for this host: ") + reasons;
                rows.add(new Row(top ? "WARN" : "DIM", text, top ? "★ recommended" : "for this host", text));
            }
        });
        try {
            Profile p = app.model().resolve(l.name());
            int kw = 30;
            int cw = 14;
            rows.add(new Row("TITLE", pad("key", kw) + pad("current", cw) + pad("proposed", cw) + "why", null, null));
            HostFacts f = loaded.facts();
            List<Profile.Value> values = new ArrayList<>(p.sysctls());
            values.addAll(p.manager());
            values.addAll(p.sysfs());
            values.addAll(p.service().values().values());
            for (Profile.Value v : values) {
                String cur = CurrentValues.of(v, f);
                String role = cur.equals(v.value()) ? "DIM" : "BASE";
                rows.add(new Row(role, pad(v.key(), kw) + pad(cur, cw) + pad(v.value(), cw) + firstSentence(v.why()),
                        v.key(), v.key() + " = " + v.value() + " (now " + cur + "): " + v.why()));
            }
            for (Profile.Skipped s : p.skipped()) {
                rows.add(new Row("DIM", pad(s.key(), kw) + "skipped: " + s.reason(), s.key(), s.key() + " skipped: " + s.reason()));
            }
        } catch (GoliveException e) {
            rows.add(new Row("ERROR", "golive: " + TuiApp.firstLine(e.getMessage()), null, null));
        }
        List<Integer> selectable = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).selectable()) selectable.add(i);
        // the row's whole text below the table: the why column is cut at any width
        List<String> why = List.of();
        int at = -1;
        if (!selectable.isEmpty()) {
            cursor = Math.max(0, Math.min(cursor, selectable.size() - 1));
            at = selectable.get(cursor);
            int maxLines = Math.max(1, Math.min(8, c.height() / 4));
            List<String> all = Dialog.wrap(rows.get(at).why(), Math.max(20, c.width() - 1));
            why = new ArrayList<>(all.subList(0, Math.min(maxLines, all.size())));
            if (all.size() > maxLines) why.set(maxLines - 1, FindingsView.cut(why.get(maxLines - 1) + " …", c.width() - 1));
        }
        int tableHeight = Math.max(2, c.height() - why.size() - (why.isEmpty() ? 0 : 1));
        // keep the cursor row in view (row 0, the title, always shows)
        if (at >= 0) {
            int room = tableHeight - 2;
            if (at < detailTop + 1) detailTop = at - 1;
            if (at > detailTop + room) detailTop = at - room;
        }
        detailTop = Math.max(0, Math.min(detailTop, rows.size() - tableHeight + 1));
        c.line(0, FindingsView.cut(rows.get(0).text(), c.width()), Role.TITLE);
        boolean more = detailTop + tableHeight < rows.size();
        int shown = more ? tableHeight - 1 : tableHeight;
        int drawn = 1;
        for (int i = 1; i < shown && detailTop + i < rows.size(); i++, drawn++) {
            int idx = detailTop + i;
            Row r = rows.get(idx);
            boolean sel = idx == at;
            if (sel) c.fillRow(i, Role.SELECTED);
            c.text(0, i, FindingsView.cut(r.text(), c.width()), sel ? Role.SELECTED : Role.valueOf(r.role()));
        }
        if (more) c.text(0, tableHeight - 1, "… " + (rows.size() - detailTop - shown) + " more (J/K move)", Role.DIM);
        int whyTop = (more ? tableHeight : drawn) + 1;
        for (int i = 0; i < why.size(); i++) c.text(0, whyTop + i, why.get(i), Role.BASE);
    }

    static String pad(String s, int w) {
        String t = s.length() >= w ? s.substring(0, w - 2) + "…" : s;
        return t + " ".repeat(Math.max(1, w - t.length()));
    }

    static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        return dot < 0 ? s : s.substring(0, dot + 1);
    }
}
