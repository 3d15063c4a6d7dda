package dev.golive.unit;

import dev.golive.config.SystemdIni;
import dev.golive.model.FileChange;
import dev.golive.model.FixChange;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.OwnedFiles;
import dev.golive.model.ServiceSpec;
import dev.golive.model.SystemdDirectives;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a service's unit, as a pure function of the spec, the host facts, the Go runtime
 * decisions and the files on the host today:
 *
 * <ul>
 * <li>no unit of that name anywhere: a new {@code /etc/systemd/system/NAME.service};</li>
 * <li>a unit in /etc/systemd/system that golive wrote (its header): that file, re-edited in
 *     place; the admin's comments and any line golive does not manage stay byte-identical;</li>
 * <li>any other unit (a vendor unit in /usr/lib, or one the admin wrote in /etc): a drop-in
 *     {@code NAME.service.d/60-golive.conf}, as {@code systemctl edit} would; never an edit
 *     of that unit.</li>
 * </ul>
 */
public final class UnitRenderer {

    private UnitRenderer() { }

    /** The note on a drop-in with no setting left: the planner writes no file for it. */
    public static final String NOTHING_TO_CHANGE = "nothing to change";

    /** Whether golive writes a drop-in (the unit exists and golive did not write it) rather than the unit itself. */
    public static boolean isDropIn(CurrentUnitFiles current) {
        boolean ownedUnit = current.etcUnit().filter(OwnedFiles::isOwned).isPresent();
        return !ownedUnit && (current.etcUnit().isPresent() || current.etcLinkTarget().isPresent() || current.vendorUnit().isPresent());
    }

    /** Whether a rendered drop-in sets nothing (only golive's header): then there is no file to write. */
    public static boolean empty(RenderedUnit r) {
        return r.kind() == RenderedUnit.Kind.DROP_IN && SystemdIni.parse(r.path(), r.content()).entries().isEmpty();
    }

    public static RenderedUnit render(HostFacts facts, ServiceSpec spec, GoRuntimeDerivation.Result go,
                                      CurrentUnitFiles current, String snapshotId) {
        return render(facts, spec, go, current, snapshotId, List.of());
    }

    /**
     * With directive fixes the admin picked from {@code golive check}
     * ({@code UnitDirectiveChange}: set in golive's file, replacing what the spec gave that key;
     * {@code UnitDirectiveRemoval} of a line in golive's own file: left out).
     */
    public static RenderedUnit render(HostFacts facts, ServiceSpec spec, GoRuntimeDerivation.Result go,
                                      CurrentUnitFiles current, String snapshotId, List<FixChange> fixes) {
        return render(facts, spec, go, current, snapshotId, fixes, UnitScope.of(current, false));
    }

    /**
     * With the scope of a unit golive did not write: its effective directives today and
     * whether the admin asked to tighten it ({@link UnitScope}). The host's systemd version
     * (from {@code facts}) decides which directives and spellings are written.
     */
    public static RenderedUnit render(HostFacts facts, ServiceSpec spec, GoRuntimeDerivation.Result go,
                                      CurrentUnitFiles current, String snapshotId, List<FixChange> fixes, UnitScope scope) {
        String unit = spec.unitName();
        if (!current.unitName().equals(unit)) throw new IllegalArgumentException("current files of " + current.unitName() + ", spec for " + unit);
        if (current.etcLinkTarget().filter(t -> t.equals("/dev/null")).isPresent()) {
            throw GoliveException.badInput("name: " + unit + " is masked (/etc/systemd/system/" + unit + " → /dev/null); unmask it first");
        }
        boolean dropIn = isDropIn(current);
        if (!dropIn && spec.exec().isEmpty()) {
            throw GoliveException.badInput("exec: " + unit + " does not exist yet; a new unit needs the binary's absolute path");
        }
        SpecValidator.systemdVersion(spec, facts.systemd().version(), java.util.function.UnaryOperator.identity());
        UnitDirectives.Lines built = UnitDirectives.build(spec, facts, go, dropIn, scope);
        List<String> notes = new ArrayList<>(built.notes());
        List<FixChange> allowed = dropIn ? VendorFixes.allowed(fixes, spec.unitName(), scope, notes) : fixes;
        UnitDirectives.Lines lines = withFixes(new UnitDirectives.Lines(built.lines(), notes, built.leftOut()), allowed, facts.systemd().version());
        if (dropIn && lines.lines().isEmpty()) {
            List<String> n = new ArrayList<>(lines.notes());
            n.add(0, NOTHING_TO_CHANGE + ": " + unit + " already has every setting asked for, so golive writes no drop-in"
                    + (current.dropIn().isPresent() ? " (and removes its old one)" : ""));
            lines = new UnitDirectives.Lines(lines.lines(), n, lines.leftOut());
        }
        String path;
        Optional<String> before;
        Optional<CurrentUnitFiles.Located> base = Optional.empty();
        String why;
        if (dropIn) {
            path = OwnedFiles.unitDropIn(unit);
            before = current.dropIn();
            if (before.isPresent() && !OwnedFiles.isOwned(before.get())) {
                throw GoliveException.badInput("name: " + path + " exists and golive did not write it; move it aside or rename it");
            }
            base = current.etcUnit().map(c -> new CurrentUnitFiles.Located(OwnedFiles.unit(unit), c)).or(current::vendorUnit);
            why = "drop-in on " + base.map(CurrentUnitFiles.Located::path).orElse(unit)
                    + " (golive never edits a unit it did not write)";
        } else {
            path = OwnedFiles.unit(unit);
            before = current.etcUnit();
            why = before.isPresent() ? "golive's unit for " + unit + ", re-edited (other lines and comments kept)" : "new unit for " + unit;
        }
        String text = before.isPresent() ? reedit(path, before.get(), lines.lines(), snapshotId) : fresh(path, lines.lines(), snapshotId);
        FileChange change = new FileChange(path, before, Optional.of(text), 0644, "root", "root", why);
        return new RenderedUnit(dropIn ? RenderedUnit.Kind.DROP_IN : RenderedUnit.Kind.UNIT, change,
                lineFields(path, text, lines.lines()), base, go, lines.notes(), lines.leftOut());
    }

    /** A fix whose directive the host's systemd does not know is left out with a note, like any other line. */
    static UnitDirectives.Lines withFixes(UnitDirectives.Lines lines, List<FixChange> fixes, dev.golive.model.Fact<Integer> systemd) {
        if (fixes.isEmpty()) return lines;
        List<UnitLine> out = new ArrayList<>(lines.lines());
        List<String> notes = new ArrayList<>(lines.notes());
        int target = SystemdDirectives.target(systemd);
        for (FixChange f : fixes) {
            if (f instanceof FixChange.UnitDirectiveChange c && !SystemdDirectives.known(target, c.section(), c.key(), c.value())) {
                notes.add(SystemdDirectives.needs(c.key(), c.value(), SystemdDirectives.since(c.section(), c.key(), c.value()), systemd) + ": fix left out");
            } else if (f instanceof FixChange.UnitDirectiveChange c) {
                int at = -1;
                for (int i = 0; i < out.size(); i++) if (out.get(i).section().equals(c.section()) && out.get(i).key().equals(c.key())) at = at < 0 ? i : at;
                out.removeIf(l -> l.section().equals(c.section()) && l.key().equals(c.key()));
                UnitLine fix = new UnitLine(c.section(), c.key(), c.value(), "fix: " + c.describe());
                if (at >= 0) out.add(Math.min(at, out.size()), fix);
                else {
                    // at the end of its section, before a later section starts
                    int end = out.size();
                    for (int i = out.size() - 1; i >= 0; i--) if (out.get(i).section().equals(c.section())) { end = i + 1; break; }
                    out.add(end, fix);
                }
            } else if (f instanceof FixChange.UnitDirectiveRemoval r) {
                out.removeIf(l -> l.section().equals(r.section()) && l.key().equals(r.key()));
            }
        }
        return new UnitDirectives.Lines(List.copyOf(out), List.copyOf(notes), lines.leftOut());
    }

    /** A new file: golive's header, then the sections in order. */
    static String fresh(String path, List<UnitLine> lines, String snapshotId) {
        SystemdIni ini = SystemdIni.parse(path, OwnedFiles.header(snapshotId));
        for (UnitLine l : lines) ini = ini.add(l.section(), l.key(), l.value());
        return ini.render();
    }

    /**
     * A file golive wrote before: a fresh header; each managed key golive still wants is set
     * in place when it has one value on both sides, else its old lines go and the new ones are
     * added; managed keys no longer wanted are removed. Nothing else changes.
     */
    static String reedit(String path, String old, List<UnitLine> lines, String snapshotId) {
        SystemdIni ini = SystemdIni.parse(path, withHeader(old, snapshotId));
        Map<String, List<UnitLine>> wanted = new LinkedHashMap<>();
        for (UnitLine l : lines) wanted.computeIfAbsent(l.section() + "\u0000" + l.key(), k -> new ArrayList<>()).add(l);
        for (Map.Entry<String, Set<String>> sec : UnitDirectives.MANAGED.entrySet()) {
            for (String key : sec.getValue()) {
                boolean additive = UnitDirectives.ADDITIVE.getOrDefault(sec.getKey(), Set.of()).contains(key);
                if (!additive && !wanted.containsKey(sec.getKey() + "\u0000" + key)) ini = ini.remove(sec.getKey(), key);
            }
        }
        for (List<UnitLine> group : wanted.values()) {
            UnitLine first = group.get(0);
            List<String> have = ini.values(first.section(), first.key());
            List<String> want = group.stream().map(UnitLine::value).toList();
            if (have.equals(want)) continue;
            if (UnitDirectives.ADDITIVE.getOrDefault(first.section(), Set.of()).contains(first.key())) {
                // dependencies: golive makes sure its own are there; the admin's extra ones stay
                List<String> words = have.stream().flatMap(h -> List.of(h.split("\\s+")).stream()).toList();
                for (String v : want) if (!words.contains(v)) ini = ini.add(first.section(), first.key(), v);
            } else if (have.size() == 1 && want.size() == 1) {
                ini = ini.set(first.section(), first.key(), want.get(0));
            } else {
                ini = ini.replaceAll(first.section(), first.key(), want);
            }
        }
        return ini.render();
    }

    /** Replaces the old golive header (its '#' lines at the top) with the one for this snapshot. */
    static String withHeader(String old, String snapshotId) {
        String rest = old;
        if (OwnedFiles.isOwned(rest)) {
            int nl = rest.indexOf('\n');
            rest = nl < 0 ? "" : rest.substring(nl + 1);
            if (rest.startsWith("#   golive rollback ")) {
                nl = rest.indexOf('\n');
                rest = nl < 0 ? "" : rest.substring(nl + 1);
            }
        }
        return OwnedFiles.header(snapshotId) + rest;
    }

    /** Which field produced each line of {@code text}: entries matched to the wanted lines by section, key and value. */
    static Map<Integer, String> lineFields(String path, String text, List<UnitLine> lines) {
        Map<String, String> byDirective = new HashMap<>();
        for (UnitLine l : lines) byDirective.putIfAbsent(l.section() + "\u0000" + l.key() + "\u0000" + l.value(), l.field());
        Map<Integer, String> out = new HashMap<>();
        for (SystemdIni.Entry e : SystemdIni.parse(path, text).entries()) {
            String f = byDirective.get(e.section() + "\u0000" + e.key() + "\u0000" + e.value());
            if (f != null) out.put(e.line(), f);
        }
        return out;
    }
}
