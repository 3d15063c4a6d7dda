package dev.golive.ui.tui;

import dev.golive.model.Fact;
import dev.golive.unit.SpecFromUnit;
import dev.golive.unit.UnitAnalysis;
import dev.golive.unit.UnitPreview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Unit screen's right (or lower) pane: the unit golive would write, its warnings and the
 * notes on the unit the form started from, scrolled with J/K; under it what systemd-analyze
 * said (v), which stays in sight however long the unit is.
 */
final class UnitPreviewPane {

    private int top;

    /** One step down; the next frame stops it at the end. */
    void down() { top++; }

    void up() { top = Math.max(0, top - 1); }

    /** Draws {@code preview}; without one, that it is rendering or that the form ({@code problem}) is not valid. */
    void draw(Canvas out, UnitPreview preview, String problem, Optional<SpecFromUnit> fromUnit) {
        if (preview == null) {
            out.text(1, 0, problem == null ? "rendering…" : "No unit until the form is valid.", Role.DIM);
            return;
        }
        int w = Math.max(10, out.width() - 2);
        List<String[]> unit = unitLines(preview, fromUnit, w);
        List<String[]> analysis = analysisLines(preview, w);
        // the analysis stays under the unit even when the unit is longer than the room
        int ua = Math.min(analysis.size(), out.height() / 2);
        int uu = out.height() - ua;
        top = Math.max(0, Math.min(top, unit.size() - uu + 1));
        int r = 0;
        for (int i = top; i < unit.size() && r < uu; i++, r++) {
            boolean cut = r == uu - 1 && unit.size() - i > 1;
            out.text(1, r, cut ? "… " + (unit.size() - i) + " more lines (J/K scroll)" : unit.get(i)[1], cut ? Role.DIM : Role.valueOf(unit.get(i)[0]));
        }
        for (int i = 0; i < ua; i++) out.text(1, r++, analysis.get(i)[1], Role.valueOf(analysis.get(i)[0]));
    }

    /** The unit's path and lines (golive's header wrapped), its warnings, the notes on the unit the form came from: {role, text}. */
    private static List<String[]> unitLines(UnitPreview preview, Optional<SpecFromUnit> fromUnit, int w) {
        List<String[]> unit = new ArrayList<>();
        unit.add(new String[] {"TITLE", preview.unit().kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + preview.unit().path()});
        for (String l : preview.unit().content().split("\n")) {
            String role = l.startsWith("[") ? "TITLE" : l.startsWith("#") ? "DIM" : "BASE";
            // golive's header: wrapped, it is the one comment the admin must read whole
            if (l.startsWith("#")) {
                List<String> parts = Canvas.wrap(l, w - 2);
                for (int i = 0; i < parts.size(); i++) unit.add(new String[] {role, (i == 0 ? "" : "  ") + parts.get(i)});
            }
            else unit.add(new String[] {role, l});
        }
        // a drop-in with nothing to set is no file: say so under the header
        for (String n : preview.unit().notes()) {
            if (n.startsWith(dev.golive.unit.UnitRenderer.NOTHING_TO_CHANGE)) for (String p : Canvas.wrap("= " + n, w)) unit.add(new String[] {"OK", p});
        }
        for (String warning : preview.check().warnings()) for (String p : Canvas.wrap("! " + warning, w)) unit.add(new String[] {"WARN", p});
        // the rotation of an append: log file is written with the unit, in the same snapshot
        preview.rotation().ifPresent(r -> {
            unit.add(new String[] {"TITLE", "and " + r.path()});
            for (String l : r.body().split("\n")) {
                if (l.startsWith("#")) for (String p : Canvas.wrap(l, w - 2)) unit.add(new String[] {"DIM", p});
                else unit.add(new String[] {"BASE", l});
            }
        });
        fromUnit.ifPresent(u -> {
            for (String n : u.notes()) for (String p : Canvas.wrap("· " + n, w)) unit.add(new String[] {"DIM", p});
        });
        return unit;
    }

    /** systemd-analyze's exposure score and verify messages (or why there are none), wrapped: {role, text}. */
    private static List<String[]> analysisLines(UnitPreview preview, int w) {
        List<String[]> found = new ArrayList<>();
        preview.analysis().ifPresent(a -> {
            a.security().opt().ifPresent(s -> found.add(new String[] {"TITLE", String.format(Locale.ROOT,
                    "exposure %.1f %s (systemd-analyze security)", s.exposure(), s.rating())}));
            dev.golive.unit.ExposureOnHost.caveat(a, preview.facts().systemd().version()).ifPresent(c -> found.add(new String[] {"DIM", c}));
            if (a.security() instanceof Fact.Unknown<?> u) found.add(new String[] {"DIM", "exposure: " + u.reason()});
            a.verify().opt().ifPresent(v -> {
                if (v.isEmpty()) found.add(new String[] {"OK", "systemd-analyze verify: no complaints"});
                for (UnitAnalysis.VerifyMessage msg : v) found.add(new String[] {"WARN", msg.describe()});
            });
            if (a.verify() instanceof Fact.Unknown<?> u) found.add(new String[] {"DIM", "verify: " + u.reason()});
        });
        List<String[]> analysis = new ArrayList<>();
        for (String[] a : found) for (String p : Canvas.wrap(a[1], w)) analysis.add(new String[] {a[0], p});
        return analysis;
    }
}
