package dev.golive.ui.tui;

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
    private String detailOf;

    ProfilesView(App app) { super(app); }

    @Override String title() { return "Profiles"; }

    @Override String about() {
        return "Tuning profiles (shipped, then yours from /etc/golive/profiles and ~/.config/golive/profiles). "
                + "★ marks the one recommended for this host; the table shows what each would change here.";
    }

    @Override ListPane<?> list() { return list; }

    @Override void shown() { app.model().loaded().ifPresent(l -> list.items(l.profiles())); }

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
        b.add(Binding.quiet("J", "detail down", "Scroll the profile's table down", () -> detailTop++));
        b.add(Binding.quiet("K", "detail up", "Scroll the profile's table up", () -> detailTop = Math.max(0, detailTop - 1)));
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
        }
        drawDetail(d, sel.get(), loaded.get());
    }

    private void drawDetail(Canvas c, ProfileCatalog.Listing l, HostModel.Loaded loaded) {
        List<String[]> rows = new ArrayList<>(); // role, text
        rows.add(new String[] {"TITLE", l.name() + l.description().map(x -> " — " + x).orElse("")});
        loaded.ranking().stream().filter(r -> r.profile().equals(l.name())).findFirst().ifPresent(r -> {
            boolean top = loaded.recommended().map(x -> x == r).orElse(false);
            if (!r.reasons().isEmpty()) {
                rows.add(new String[] {top ? "WARN" : "DIM", (top ? "★ recommended: " : "for this host: ") + String.join("; ", r.reasons())});
            }
        });
        try {
            Profile p = app.model().resolve(l.name());
            int kw = 30;
            int cw = 14;
            rows.add(new String[] {"TITLE", pad("key", kw) + pad("current", cw) + pad("proposed", cw) + "why"});
            HostFacts f = loaded.facts();
            List<Profile.Value> values = new ArrayList<>(p.sysctls());
            values.addAll(p.manager());
            values.addAll(p.sysfs());
            values.addAll(p.service().values().values());
            for (Profile.Value v : values) {
                String cur = CurrentValues.of(v, f);
                String role = cur.equals(v.value()) ? "DIM" : "BASE";
                rows.add(new String[] {role, pad(v.key(), kw) + pad(cur, cw) + pad(v.value(), cw) + firstSentence(v.why())});
            }
            for (Profile.Skipped s : p.skipped()) rows.add(new String[] {"DIM", pad(s.key(), kw) + "skipped: " + s.reason()});
        } catch (GoliveException e) {
            rows.add(new String[] {"ERROR", "golive: " + App.firstLine(e.getMessage())});
        }
        detailTop = Math.max(0, Math.min(detailTop, rows.size() - c.height() + 1));
        c.line(0, rows.get(0)[1], Role.TITLE);
        boolean more = detailTop + c.height() < rows.size();
        int shown = more ? c.height() - 1 : c.height();
        for (int i = 1; i < shown && detailTop + i < rows.size(); i++) {
            String[] r = rows.get(detailTop + i);
            c.text(0, i, r[1], Role.valueOf(r[0]));
        }
        if (more) c.text(0, c.height() - 1, "… " + (rows.size() - detailTop - shown) + " more (J/K scroll)", Role.DIM);
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
