package dev.golive.unit;

import dev.golive.config.SystemdIni;
import dev.golive.config.UnitResolver;
import dev.golive.host.HostRoot;
import dev.golive.host.OverlayHostRoot;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a drop-in changes, as the admin must see it before applying: for every directive the
 * drop-in sets, the effective value before (the unit as systemd resolves it today, every
 * drop-in merged) and after (with golive's file in place). A diff of golive's own file shows
 * only the new lines; this shows what they replace in the vendor's unit.
 */
public final class DropInEffect {

    private DropInEffect() { }

    /** "TasksMax: infinity → 4096" per changed directive, in the drop-in's order; Environment per variable. */
    public static List<String> changes(HostRoot root, String unitName, String path, String content) {
        UnitResolver.Resolution before = UnitResolver.resolve(root, unitName);
        UnitResolver.Resolution after = UnitResolver.resolve(new OverlayHostRoot(root, Map.of(path, content)), unitName);
        Set<String> keys = new LinkedHashSet<>();
        for (SystemdIni.Entry e : SystemdIni.parse(path, content).entries()) keys.add(e.section() + "\u0000" + e.key());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String section = k.substring(0, k.indexOf('\u0000'));
            String key = k.substring(k.indexOf('\u0000') + 1);
            if (section.equals("Service") && key.equals("Environment")) {
                Map<String, String> was = environment(before.get(section, key));
                Map<String, String> now = environment(after.get(section, key));
                for (Map.Entry<String, String> e : now.entrySet()) {
                    Optional<String> old = Optional.ofNullable(was.get(e.getKey()));
                    if (!old.equals(Optional.of(e.getValue()))) out.add(line("Environment " + e.getKey(), old, e.getValue()));
                }
                continue;
            }
            Optional<String> old = value(before.get(section, key));
            String now = value(after.get(section, key)).orElse("(reset)");
            if (!old.equals(Optional.of(now))) out.add(line(key, old, now));
        }
        return out;
    }

    private static String line(String what, Optional<String> old, String now) {
        return what + ": " + old.orElse("(unset)") + " → " + now;
    }

    private static Optional<String> value(List<UnitDirective> ds) {
        if (ds.isEmpty()) return Optional.empty();
        return Optional.of(String.join(" ", ds.stream().map(d -> d.value().strip()).toList()));
    }

    private static Map<String, String> environment(List<UnitDirective> ds) {
        Map<String, String> out = new LinkedHashMap<>();
        for (UnitDirective d : ds) out.putAll(SystemdIni.parseEnvironment(d.value()));
        return out;
    }
}
