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
            Optional<String> then = value(after.get(section, key));
            // an empty assignment resets the setting: systemd's default then, which for CPUQuota= is no quota
            String now = then.filter(v -> !v.isBlank()).orElse(DEFAULTS.getOrDefault(key, "(reset)"));
            if (!old.equals(then)) out.add(line(key, old.map(DropInEffect::shown), now));
        }
        return out;
    }

    /**
     * For every [Service] directive golive's file set before and sets no more (an answer of
     * "none", a setting no longer asked): its effective value before and after, and where the
     * value after comes from ("MemoryMax: 1G → 512M (/usr/lib/systemd/system/api.service:9)"), or
     * systemd's default when nothing else sets it. {@code after}: the file's new content, empty
     * when it goes.
     */
    public static List<String> removed(HostRoot root, String unitName, String path, String before, Optional<String> after) {
        Set<String> was = keys(path, before), now = after.map(a -> keys(path, a)).orElse(Set.of());
        List<String> out = new ArrayList<>();
        if (was.stream().noneMatch(k -> !now.contains(k) && k.startsWith("Service\u0000"))) return out;
        UnitResolver.Resolution b = UnitResolver.resolve(new OverlayHostRoot(root, Map.of(path, before)), unitName);
        UnitResolver.Resolution a = after.isPresent() ? UnitResolver.resolve(new OverlayHostRoot(root, Map.of(path, after.get())), unitName)
                : UnitResolver.resolve(root, unitName, Set.of(path));
        for (String k : was) {
            if (now.contains(k) || !k.startsWith("Service\u0000")) continue;
            String key = k.substring(k.indexOf('\u0000') + 1);
            if (key.equals("Environment") || UnitResolver.isList(key)) continue; // lists and variables: the diff says it
            Optional<String> old = value(b.get("Service", key));
            List<UnitDirective> left = a.get("Service", key);
            Optional<String> then = value(left);
            String to = then.filter(v -> !v.isBlank()).map(v -> v + " (" + left.get(left.size() - 1).source().describe() + ")")
                    .orElse(DEFAULTS.getOrDefault(key, "systemd's default"));
            if (!old.equals(then)) out.add(key + ": " + old.map(DropInEffect::shown).orElse("(unset)") + " → " + to);
        }
        return out;
    }

    /** What a [Service] limit is when no file sets it (systemd.resource-control(5), systemd.exec(5)). */
    private static final Map<String, String> DEFAULTS = Map.of(
            "MemoryMax", "no limit (systemd's default)", "MemoryLimit", "no limit (systemd's default)",
            "MemoryHigh", "no limit (systemd's default)", "CPUQuota", "no quota (systemd's default)",
            "LimitNOFILE", "the manager's DefaultLimitNOFILE= (systemd's default)", "TasksMax", "the manager's DefaultTasksMax= (systemd's default)");

    private static Set<String> keys(String path, String content) {
        Set<String> out = new LinkedHashSet<>();
        for (SystemdIni.Entry e : SystemdIni.parse(path, content).entries()) out.add(e.section() + "\u0000" + e.key());
        return out;
    }

    /** An empty assignment resets the setting: for a limit, no limit. */
    private static String shown(String v) { return v.isBlank() ? "(empty: no limit)" : v; }

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
