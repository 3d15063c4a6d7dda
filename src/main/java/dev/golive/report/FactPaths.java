package dev.golive.report;

import dev.golive.model.Fact;
import dev.golive.model.HostFacts;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flattens {@link HostFacts} into leaves keyed by a stable path such as
 * {@code cpu.logicalCpus} or {@code sysctls.byKey[net.core.somaxconn].live}, each with its
 * value as text and its source, so two hosts compare path by path.
 *
 * <p>Paths follow the record component names (the same names as `inspect --json`). Lists of
 * records are keyed by the element's first text component (a unit's name, a sysctl key, a
 * mount point; a unit directive by its section and key, {@code [Service.LimitNOFILE]}) rather than by position: one extra unit on one host must not shift every
 * later element into a "difference". A record's own {@code source} component is the source
 * of its sibling leaves, not a leaf: a setting that moved to another line is not a
 * different value. {@code origin} (which capture, when) is left out: it always differs.
 */
public final class FactPaths {

    /** One leaf: its value as text ("unknown: reason" for an Unknown) and where it came from. */
    public record Leaf(String value, Optional<String> source) { }

    /** The value of a list element's own path: it exists on this host. */
    static final String PRESENT = "present";

    private final Map<String, Leaf> leaves = new LinkedHashMap<>();

    private FactPaths() { }

    public static Map<String, Leaf> of(HostFacts f) {
        FactPaths p = new FactPaths();
        for (RecordComponent c : HostFacts.class.getRecordComponents()) {
            if (c.getName().equals("origin")) continue;
            p.walk(c.getName(), get(f, c), Optional.empty());
        }
        return p.leaves;
    }

    private void walk(String path, Object o, Optional<String> inherited) {
        walk(path, o, inherited, null);
    }

    private void walk(String path, Object o, Optional<String> inherited, String skipComponent) {
        if (o instanceof Optional<?> opt) {
            if (opt.isPresent() && opt.get().getClass().isRecord() && !(opt.get() instanceof Source)) {
                // a record that one host has and the other lacks is one line in a diff
                leaves.put(path, new Leaf(PRESENT, inherited));
                walk(path, opt.get(), inherited);
            } else if (opt.isPresent()) {
                walk(path, opt.get(), inherited);
            } else {
                leaves.put(path, new Leaf("none", inherited));
            }
        } else if (o instanceof Fact<?> f) {
            if (f instanceof Fact.Known<?> k) walk(path, k.value(), Optional.of(k.source().describe()));
            else leaves.put(path, new Leaf("unknown: " + ((Fact.Unknown<?>) f).reason(), inherited));
        } else if (o instanceof Map<?, ?> m) {
            if (m.isEmpty()) leaves.put(path, new Leaf("none", inherited));
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String at = path + "[" + e.getKey() + "]";
                if (e.getValue() != null && e.getValue().getClass().isRecord()) leaves.put(at, new Leaf(PRESENT, inherited));
                walk(at, e.getValue(), inherited, e.getValue() != null && e.getValue().getClass().isRecord() ? keyComponent(e.getValue()) : null);
            }
        } else if (o instanceof Collection<?> c) {
            if (c.isEmpty() || c.stream().noneMatch(x -> x != null && x.getClass().isRecord())) {
                // a list of plain values is one value: "0-3", "cpu memory pids"
                leaves.put(path, new Leaf(c.isEmpty() ? "none" : String.join(" ", c.stream().map(String::valueOf).toList()), inherited));
                return;
            }
            leaves.put(path, new Leaf(c.size() + (c.size() == 1 ? " entry" : " entries"), inherited));
            Map<String, Integer> seen = new HashMap<>();
            for (Object x : c) {
                String key = x instanceof UnitDirective d ? d.section() + "." + d.key() : elementKey(x);
                int n = seen.merge(key, 1, Integer::sum);
                String at = path + "[" + key + (n > 1 ? "#" + n : "") + "]";
                if (x instanceof UnitDirective d) {
                    // a unit's setting is one value, keyed by what it sets: an extra line on one
                    // host must not shift every later directive into a difference
                    leaves.put(at, new Leaf(d.value(), Optional.of(d.source().describe())));
                    continue;
                }
                // the element itself, so one present on one side only is one line in a diff
                leaves.put(at, new Leaf(PRESENT, inherited));
                walk(at, x, inherited, keyComponent(x));
            }
        } else if (o != null && o.getClass().isRecord() && !(o instanceof Source)) {
            Optional<String> src = inherited;
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                if (c.getType() == Source.File.class || Source.class.isAssignableFrom(c.getType())) {
                    Object s = get(o, c);
                    if (s instanceof Source so) src = Optional.of(so.describe());
                }
            }
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                if (Source.class.isAssignableFrom(c.getType()) || c.getName().equals(skipComponent)) continue;
                walk(path + "." + c.getName(), get(o, c), src);
            }
        } else {
            leaves.put(path, new Leaf(o == null ? "none" : String.valueOf(o), inherited));
        }
    }

    private static String elementKey(Object x) {
        String c = keyComponent(x);
        if (c != null) {
            for (RecordComponent rc : x.getClass().getRecordComponents()) if (rc.getName().equals(c)) return String.valueOf(get(x, rc));
        }
        return String.valueOf(x);
    }

    /** The first non-null text component of a record: it names the element (and is already in its path). */
    private static String keyComponent(Object x) {
        if (x != null && x.getClass().isRecord()) {
            for (RecordComponent c : x.getClass().getRecordComponents()) {
                if (c.getType() == String.class && get(x, c) != null) return c.getName();
            }
        }
        return null;
    }

    private static Object get(Object r, RecordComponent c) {
        try {
            var a = c.getAccessor();
            a.setAccessible(true);
            return a.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    /**
     * The paths whose values differ, in A's order then B's extras. Below a list element that
     * only one side has, only the element itself is listed, not each of its fields.
     */
    static List<String> differing(Map<String, Leaf> a, Map<String, Leaf> b) {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> out = new java.util.ArrayList<>();
        String oneSided = null;
        for (String k : keys) {
            if (oneSided != null && (k.startsWith(oneSided + ".") || k.startsWith(oneSided + "["))) continue;
            Leaf la = a.get(k), lb = b.get(k);
            if (la != null && lb != null && la.value().equals(lb.value())) continue;
            out.add(k);
            boolean onlyOneSide = (la != null && la.value().equals(PRESENT)) != (lb != null && lb.value().equals(PRESENT));
            if (onlyOneSide) oneSided = k;
        }
        return out;
    }
}
