package dev.golive.report;

import dev.golive.check.CheckReport;
import dev.golive.model.Finding;
import dev.golive.model.HostFacts;
import dev.golive.model.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a {@link Fleet} from hosts already inspected and checked. Pure. */
public final class FleetBuilder {

    /**
     * One capture read: its name in the directory, what was opened, when and as which host, its
     * facts as {@link FactPaths} leaves and its check. The facts themselves are not kept: a fleet
     * of hundreds of hosts needs only their leaves.
     */
    public record Member(String name, String spec, Optional<String> hostname, Optional<String> capturedAt,
                         Map<String, FactPaths.Leaf> leaves, CheckReport check, Optional<String> missing) {

        /** {@code missing}: what a partial capture lacks (the manifest's "missing"), empty when it is complete. */
        public static Member of(String name, String spec, HostFacts facts, CheckReport check, Optional<String> missing) {
            var o = facts.origin();
            return new Member(name, spec, Optional.ofNullable(o.hostname()), Optional.ofNullable(o.capturedAt()), FactPaths.of(facts), check, missing);
        }
    }

    /** What the review is of and how it compares. */
    public record Inputs(String source, List<Member> members, List<Fleet.Unreadable> unreadable, Optional<String> service,
                         FactFilter filter, String generatedAt, String golive) {
        public Inputs {
            members = List.copyOf(members);
            unreadable = List.copyOf(unreadable);
        }
    }

    /** The values shown first, with their labels; the ones a host lacks (no service named) drop out. */
    static final List<String[]> HEADLINE = List.of(
            new String[] {"kernel", "os.kernelRelease"},
            new String[] {"systemd", "systemd.version"},
            new String[] {"Go toolchain", "go.version"},
            new String[] {"somaxconn", "sysctls.byKey[net.core.somaxconn].live"},
            new String[] {"nofile (services' default)", "fds.systemdDefaultLimitNofile.soft"},
            new String[] {"THP", "memory.thpEnabled"},
            new String[] {"service binary's Go", "service.binary.goVersion"},
            new String[] {"service LimitNOFILE", "service.directives[Service.LimitNOFILE]"},
            new String[] {"service CPUQuota", "service.directives[Service.CPUQuota]"},
            new String[] {"service MemoryMax", "service.directives[Service.MemoryMax]"});

    static final String ABSENT = "absent";

    /** Longest list of host names a text layout prints for one group before "… and N more". */
    public static final int NAMES_SHOWN = 12;

    private FleetBuilder() { }

    public static Fleet build(Inputs in) {
        List<Member> ms = in.members();
        List<Map<String, FactPaths.Leaf>> leaves = ms.stream().map(Member::leaves).toList();

        List<Fleet.Host> hosts = new ArrayList<>();
        for (Member m : ms) {
            hosts.add(new Fleet.Host(m.name(), m.spec(), m.hostname(), m.capturedAt(),
                    count(m.check(), Severity.ERROR), count(m.check(), Severity.WARN), count(m.check(), Severity.INFO), m.missing()));
        }
        hosts.sort(Comparator.comparingInt(Fleet.Host::errors).reversed().thenComparing(Comparator.comparingInt(Fleet.Host::warnings).reversed())
                .thenComparing(Comparator.comparingInt(Fleet.Host::infos).reversed()).thenComparing(Fleet.Host::name));
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < hosts.size(); i++) rank.put(hosts.get(i).name(), i);

        List<Fleet.Spread> headline = new ArrayList<>();
        for (String[] h : HEADLINE) {
            if (leaves.stream().noneMatch(l -> l.containsKey(h[1]))) continue;
            headline.add(spread(h[1], h[0], ms, leaves));
        }

        LinkedHashSet<String> paths = new LinkedHashSet<>();
        leaves.forEach(l -> paths.addAll(l.keySet()));
        List<Fleet.Spread> differing = new ArrayList<>();
        List<String> oneSided = new ArrayList<>();
        for (String p : paths) {
            if (below(p, oneSided) || !kept(in.filter(), p, leaves)) continue;
            Fleet.Spread s = spread(p, p, ms, leaves);
            if (s.uniform()) continue;
            differing.add(s);
            // an element some hosts lack is one line: its fields would only repeat "absent"
            if (s.groups().stream().anyMatch(g -> g.value().equals(ABSENT))) oneSided.add(p);
        }

        List<Fleet.Unreadable> unreadable = new ArrayList<>(in.unreadable());
        unreadable.sort(Comparator.comparing(Fleet.Unreadable::name).thenComparing(Fleet.Unreadable::spec));
        return new Fleet(in.source(), in.generatedAt(), in.golive(), in.service(), in.filter(), hosts, unreadable,
                findings(ms, rank), headline, differing);
    }

    private static int count(CheckReport r, Severity s) { return (int) r.findings().stream().filter(f -> f.severity() == s).count(); }

    private static boolean below(String p, List<String> prefixes) {
        for (String q : prefixes) if (p.startsWith(q + ".") || p.startsWith(q + "[")) return true;
        return false;
    }

    private static boolean kept(FactFilter f, String path, List<Map<String, FactPaths.Leaf>> leaves) {
        if (!f.keepsPath(path)) return false;
        if (!VolatileFacts.valueMatters(path)) return true;
        for (Map<String, FactPaths.Leaf> l : leaves) {
            FactPaths.Leaf x = l.get(path);
            if (x != null && !f.keeps(path, x.value())) return false;
        }
        return true;
    }

    private static Fleet.Spread spread(String path, String label, List<Member> ms, List<Map<String, FactPaths.Leaf>> leaves) {
        Map<String, List<String>> byValue = new LinkedHashMap<>();
        Map<String, Optional<String>> source = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) order.add(i);
        // by name inside a group: a reader looks a host up there
        order.sort(Comparator.comparing(i -> ms.get(i).name()));
        for (int i : order) {
            FactPaths.Leaf x = leaves.get(i).get(path);
            String v = x == null ? ABSENT : x.value();
            byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(ms.get(i).name());
            source.putIfAbsent(v, x == null ? Optional.empty() : x.source());
        }
        List<Fleet.Group> groups = new ArrayList<>();
        byValue.forEach((v, hs) -> groups.add(new Fleet.Group(v, source.get(v), hs)));
        groups.sort(Comparator.comparingInt((Fleet.Group g) -> g.hosts().size()).reversed().thenComparing(Fleet.Group::value));
        List<String> outliers = new ArrayList<>();
        if (groups.size() > 1 && groups.get(0).hosts().size() > groups.get(1).hosts().size()) {
            for (Fleet.Group g : groups.subList(1, groups.size())) outliers.addAll(g.hosts());
        }
        return new Fleet.Spread(path, label, groups, outliers);
    }

    private static List<Fleet.FindingRow> findings(List<Member> ms, Map<String, Integer> rank) {
        record Acc(String id, Severity worst, String title, List<Fleet.Hit> hits) { }
        Map<String, Acc> rows = new LinkedHashMap<>();
        List<Member> ordered = new ArrayList<>(ms);
        ordered.sort(Comparator.comparing(m -> rank.get(m.name())));
        for (Member m : ordered) {
            Map<String, List<Finding>> byId = new LinkedHashMap<>();
            for (Finding f : m.check().findings()) byId.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
            byId.forEach((id, fs) -> {
                Severity sev = fs.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElseThrow();
                String msg = String.join(" / ", fs.stream().map(Finding::message).toList());
                Acc a = rows.get(id);
                if (a == null) rows.put(id, a = new Acc(id, sev, fs.get(0).title(), new ArrayList<>()));
                else if (sev.compareTo(a.worst()) > 0) rows.put(id, a = new Acc(id, sev, a.title(), a.hits()));
                a.hits().add(new Fleet.Hit(m.name(), sev.label(), msg));
            });
        }
        return rows.values().stream()
                .sorted(Comparator.comparing(Acc::worst).reversed().thenComparing(Comparator.comparingInt((Acc a) -> a.hits().size()).reversed())
                        .thenComparing(Acc::id))
                .map(a -> new Fleet.FindingRow(a.id(), a.worst().label(), a.title() == null ? "" : a.title(), a.hits())).toList();
    }
}
