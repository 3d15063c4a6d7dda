package dev.golive.unit;

import dev.golive.config.ServiceEnvironment;
import dev.golive.config.SystemdIni;
import dev.golive.config.UnitResolver;
import dev.golive.host.HostLinks;
import dev.golive.host.HostRoot;
import dev.golive.host.OverlayHostRoot;
import dev.golive.model.Fact;
import dev.golive.model.PlanConflict;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Directives of golive's unit file that systemd would not use. A unit's drop-ins apply in
 * file-name order across /etc, /run and /usr/lib, after the unit file (systemd.unit(5)); for
 * a single-valued setting the last assignment wins, a list accumulates until an empty
 * assignment resets it, and for Environment= a later assignment of the same variable wins
 * (and EnvironmentFile= beats Environment=, systemd.exec(5)). So {@code override.conf} from
 * {@code systemctl edit} sorts after {@code 60-golive.conf} and silently beats it. The unit is
 * resolved as systemd would with golive's new file in place ({@link UnitResolver} over an
 * {@link OverlayHostRoot}); every setting of golive's whose effective value is not golive's
 * becomes a {@link PlanConflict} naming the winning file:line and how to fix it.
 */
public final class UnitOverrides {

    private UnitOverrides() { }

    private record Assigned(String path, SystemdIni.Entry entry) {
        Source.File at() { return new Source.File(path, entry.line()); }
    }

    /** Conflicts for golive's file {@code ownedPath} with {@code content}, on unit {@code unitName} of {@code root}. */
    public static List<PlanConflict> find(HostRoot root, String unitName, String ownedPath, String content) {
        HostRoot after = new OverlayHostRoot(root, Map.of(ownedPath, content));
        UnitResolver.Resolution r = UnitResolver.resolve(after, unitName);
        if (r.masked() || r.file().isEmpty()) return List.of();
        List<String> order = new ArrayList<>();
        order.add(r.file().get().path());
        order.addAll(r.file().get().dropIns());

        List<SystemdIni.Entry> ours = SystemdIni.parse(ownedPath, content).entries();
        if (ours.isEmpty()) return List.of();
        List<Assigned> all = new ArrayList<>();
        int oursEnd = -1; // golive's entries end here in load order: what follows is read after them
        for (String p : order) {
            String text = after.read(HostLinks.canonical(after, p)).opt().orElse("");
            for (SystemdIni.Entry e : SystemdIni.parse(p, text).entries()) all.add(new Assigned(p, e));
            if (p.equals(ownedPath)) oursEnd = all.size();
        }
        List<PlanConflict> out = new ArrayList<>();
        if (!order.contains(ownedPath)) {
            // a file of the same name in a directory systemd prefers (/run/systemd/system, …) hides golive's entirely
            String name = ownedPath.substring(ownedPath.lastIndexOf('/') + 1);
            // (the same name may itself be masked, an empty file or a link to /dev/null: then it is among the masked ones)
            String hider = java.util.stream.Stream.concat(r.file().get().dropIns().stream(), r.maskedDropIns().stream())
                    .filter(p -> p.endsWith("/" + name) && !p.equals(ownedPath)).findFirst().orElse(order.get(0));
            lastBySetting(ours).forEach((id, e) -> out.add(new PlanConflict(label(e.section(), e.key()), e.value(), "(golive's file is not read)",
                    Source.File.of(hider), hider + " has the same name as golive's " + ownedPath + " in a directory systemd reads first, so golive's file "
                    + "is ignored. Rename or remove " + hider + " yourself: golive never edits a file it does not own.")));
            return out;
        }
        for (SystemdIni.Entry mine : lastBySetting(ours).values()) {
            String section = mine.section();
            String key = mine.key();
            if (section.equals("Service") && key.equals("Environment")) continue; // per variable, below
            List<Assigned> later = all.subList(oursEnd, all.size()).stream()
                    .filter(a -> a.entry().section().equals(section) && a.entry().key().equals(key)).toList();
            if (later.isEmpty()) continue;
            if (!UnitResolver.isList(key)) {
                Assigned last = later.get(later.size() - 1);
                if (sameValue(key, last.entry().value(), mine.value())) continue;
                out.add(conflict(section, key, mine.value(), last, ownedPath, r));
            } else {
                if (mine.value().isEmpty()) continue; // golive only resets it: nothing of golive's to lose
                Optional<Assigned> reset = later.stream().filter(a -> a.entry().value().isEmpty()).reduce((a, b) -> b);
                if (reset.isEmpty()) continue; // lists accumulate: another file adding to it takes nothing from golive
                String now = String.join(" ", r.get(section, key).stream().map(d -> d.value()).toList());
                out.add(new PlanConflict(label(section, key), mine.value(), now, reset.get().at(),
                        reset.get().at().describe() + " is read after " + ownedPath + " and its empty " + key + "= resets the list, dropping golive's "
                                + key + "=" + mine.value() + ". " + fix(reset.get(), "the empty " + key + "= line", key + "=" + mine.value())));
            }
        }
        environment(after, r, all, oursEnd, ours, ownedPath, out);
        return out;
    }

    /** Environment=: per variable, with EnvironmentFile= and UnsetEnvironment= as systemd applies them. */
    private static void environment(HostRoot after, UnitResolver.Resolution r, List<Assigned> all, int oursEnd,
                                    List<SystemdIni.Entry> ours, String ownedPath, List<PlanConflict> out) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (SystemdIni.Entry e : ours) {
            if (!e.section().equals("Service") || !e.key().equals("Environment")) continue;
            try {
                wanted.putAll(SystemdIni.parseEnvironment(e.value()));
            } catch (dev.golive.model.GoliveException bad) {
                // a line an admin added to golive's unit that systemd ignores: nothing of it can be overridden
            }
        }
        if (wanted.isEmpty()) return;
        Map<String, Fact<String>> env = ServiceEnvironment.resolve(after, r.directives()).variables();
        List<Assigned> later = all.subList(oursEnd, all.size());
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            String name = w.getKey();
            String label = label("Service", "Environment=" + name);
            Fact<String> now = env.get(name);
            if (now instanceof Fact.Unknown<String>) continue; // cannot tell (an unreadable EnvironmentFile=): not claimed either way
            if (now instanceof Fact.Known<String> k) {
                if (k.value().equals(w.getValue())) continue;
                if (!(k.source() instanceof Source.File f) || f.path().equals(ownedPath)) continue;
                boolean unitLine = all.stream().anyMatch(a -> a.path().equals(f.path()));
                String why = unitLine
                        ? f.describe() + " is read after " + ownedPath + " and sets " + name + "=" + k.value() + ": the later assignment of a variable wins. "
                                + fixAt(f, name + " from the Environment= line", "Environment=" + name + "=" + w.getValue())
                        : f.describe() + " is an EnvironmentFile= of the unit and sets " + name + "=" + k.value()
                                + ": systemd lets environment files override Environment=. Remove " + name + " from " + f.path()
                                + ", or set " + name + "=" + w.getValue() + " there yourself: golive never edits a file it does not own.";
                out.add(new PlanConflict(label, w.getValue(), k.value(), f, why));
                continue;
            }
            // gone: a later empty Environment= reset the list, or UnsetEnvironment= removed it
            Optional<Assigned> unset = later.stream().filter(a -> a.entry().section().equals("Service") && a.entry().key().equals("UnsetEnvironment")
                    && SystemdIni.splitWords(a.entry().value()).stream().anyMatch(x -> x.equals(name) || x.equals(name + "=" + w.getValue())))
                    .reduce((a, b) -> b);
            Optional<Assigned> reset = later.stream().filter(a -> a.entry().section().equals("Service") && a.entry().key().equals("Environment")
                    && a.entry().value().isEmpty()).reduce((a, b) -> b);
            if (unset.isPresent()) {
                out.add(new PlanConflict(label, w.getValue(), "", unset.get().at(), unset.get().at().describe() + " unsets " + name
                        + " (UnsetEnvironment= applies after every Environment=). " + fix(unset.get(), name + " from the UnsetEnvironment= line", "Environment=" + name + "=" + w.getValue())));
            } else if (reset.isPresent()) {
                out.add(new PlanConflict(label, w.getValue(), "", reset.get().at(), reset.get().at().describe() + " is read after " + ownedPath
                        + " and its empty Environment= resets the list, dropping golive's " + name + "=" + w.getValue() + ". "
                        + fix(reset.get(), "the empty Environment= line", "Environment=" + name + "=" + w.getValue())));
            }
        }
    }

    private static PlanConflict conflict(String section, String key, String wanted, Assigned winner, String ownedPath,
                                         UnitResolver.Resolution r) {
        String v = winner.entry().value();
        String what = v.isEmpty() ? "has an empty " + key + "=, which restores systemd's default" : "sets " + key + "=" + v;
        String order = ownedPath.equals(r.file().get().path()) ? "drop-ins apply after the unit file" : "drop-ins apply in file-name order across /etc, /run and /usr/lib";
        return new PlanConflict(label(section, key), wanted, v, winner.at(), winner.at().describe() + " is read after " + ownedPath + " ("
                + order + ") and " + what + ": the last assignment wins. " + fix(winner, "the " + key + "= line", key + "=" + wanted));
    }

    /**
     * The same setting written two ways: {@code LimitNOFILE=N} is {@code N:N} (systemd.exec(5):
     * one value sets both limits) and yes/true/on/1 are one boolean (systemd.syntax(7)); else as written.
     */
    static boolean sameValue(String key, String a, String b) {
        String x = a.strip(), y = b.strip();
        if (x.equals(y)) return true;
        if (key.startsWith("Limit")) return (x.contains(":") ? x : x + ":" + x).equals(y.contains(":") ? y : y + ":" + y);
        return bool(x) != null && bool(x).equals(bool(y));
    }

    private static Boolean bool(String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true", "on", "1" -> Boolean.TRUE;
            case "no", "false", "off", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String fix(Assigned at, String what, String wanted) { return fixAt(at.at(), what, wanted); }

    /** "Remove the LimitNOFILE= line at FILE:3, or set LimitNOFILE=… there yourself": the admin's two ways out. */
    private static String fixAt(Source.File at, String what, String wanted) {
        return "Remove " + what + " at " + at.describe() + ", or set " + wanted + " there yourself: golive never edits a file it does not own.";
    }

    /** "[Service] LimitNOFILE": the setting, with its section. */
    static String label(String section, String key) { return "[" + section + "] " + key; }

    /** golive's last assignment of each setting, in file order. */
    private static Map<String, SystemdIni.Entry> lastBySetting(List<SystemdIni.Entry> entries) {
        Map<String, SystemdIni.Entry> out = new LinkedHashMap<>();
        for (SystemdIni.Entry e : entries) out.put(e.section() + "\u0000" + e.key(), e);
        return out;
    }
}
