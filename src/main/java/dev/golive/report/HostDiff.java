package dev.golive.report;

import dev.golive.check.CheckReport;
import dev.golive.model.Fact;
import dev.golive.model.Finding;
import dev.golive.model.HostFacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What differs between two hosts, or one host at two moments ("why does staging behave
 * differently"): every fact path whose value differs (with both sources), the findings
 * only one side has (and those both have with a different message), and golive's owned
 * files with a unified diff of their contents. Pure: built from facts, checks and the
 * owned files the caller read.
 */
public record HostDiff(Side a, Side b, List<FactDiff> facts, List<FindingRef> onlyInA, List<FindingRef> onlyInB,
                       List<FindingChange> changedFindings, List<FileDiff> files) {

    /** One side: what the user named ("live", a path) and the host it turned out to be. */
    public record Side(String spec, String root, Optional<String> hostname, Optional<String> capturedAt) { }

    /** A fact path with its value and source on each side; "absent" when one side lacks the path. */
    public record FactDiff(String path, String a, Optional<String> sourceA, String b, Optional<String> sourceB) { }

    public record FindingRef(String id, String severity, String message) { }

    /** A rule that fires on both sides with different words (usually different values). */
    public record FindingChange(String id, String severity, String messageA, String messageB) { }

    /** An owned file: same, only in A, only in B, different, or unknown (a capture lacks it). */
    public record FileDiff(String path, Status status, String diff, Optional<String> note) {
        public enum Status { SAME, ONLY_IN_A, ONLY_IN_B, DIFFERENT, UNKNOWN }
    }

    static final String ABSENT = "absent";

    public HostDiff {
        facts = List.copyOf(facts);
        onlyInA = List.copyOf(onlyInA);
        onlyInB = List.copyOf(onlyInB);
        changedFindings = List.copyOf(changedFindings);
        files = List.copyOf(files);
    }

    /**
     * True when nothing is known to differ. An owned file a capture cannot show (UNKNOWN) is
     * not a difference; the text and JSON still list it, with the reason.
     */
    public boolean identical() {
        return facts.isEmpty() && onlyInA.isEmpty() && onlyInB.isEmpty() && changedFindings.isEmpty() && differingFiles() == 0;
    }

    public long differingFiles() {
        return files.stream().filter(f -> f.status() != FileDiff.Status.SAME && f.status() != FileDiff.Status.UNKNOWN).count();
    }

    /** This diff without the facts {@code filter} leaves out (findings and owned files stay). */
    public HostDiff without(FactFilter filter) {
        return new HostDiff(a, b, facts.stream().filter(f -> filter.keeps(f.path(), f.a()) && filter.keeps(f.path(), f.b())).toList(),
                onlyInA, onlyInB, changedFindings, files);
    }

    public static HostDiff compute(Side sa, HostFacts fa, CheckReport ca, Map<String, Fact<Optional<String>>> filesA,
                                   Side sb, HostFacts fb, CheckReport cb, Map<String, Fact<Optional<String>>> filesB) {
        Map<String, FactPaths.Leaf> la = FactPaths.of(fa);
        Map<String, FactPaths.Leaf> lb = FactPaths.of(fb);
        List<FactDiff> facts = new ArrayList<>();
        for (String p : FactPaths.differing(la, lb)) {
            FactPaths.Leaf x = la.get(p), y = lb.get(p);
            facts.add(new FactDiff(p, x == null ? ABSENT : x.value(), x == null ? Optional.empty() : x.source(),
                    y == null ? ABSENT : y.value(), y == null ? Optional.empty() : y.source()));
        }

        Map<String, List<Finding>> byIdA = byId(ca), byIdB = byId(cb);
        List<FindingRef> onlyA = new ArrayList<>(), onlyB = new ArrayList<>();
        List<FindingChange> changed = new ArrayList<>();
        for (var e : byIdA.entrySet()) {
            List<Finding> other = byIdB.get(e.getKey());
            if (other == null) e.getValue().forEach(f -> onlyA.add(ref(f)));
            else {
                String ma = messages(e.getValue()), mb = messages(other);
                if (!ma.equals(mb)) changed.add(new FindingChange(e.getKey(), e.getValue().get(0).severity().label(), ma, mb));
            }
        }
        for (var e : byIdB.entrySet()) if (!byIdA.containsKey(e.getKey())) e.getValue().forEach(f -> onlyB.add(ref(f)));

        List<FileDiff> files = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(filesA.keySet());
        paths.addAll(filesB.keySet());
        for (String p : paths) files.add(file(p, filesA.get(p), filesB.get(p)));
        return new HostDiff(sa, sb, facts, onlyA, onlyB, changed, files);
    }

    private static FileDiff file(String path, Fact<Optional<String>> a, Fact<Optional<String>> b) {
        // a path scanned on one side only was absent there (scans list every owned file they find)
        Fact<Optional<String>> x = a == null ? Fact.of(Optional.empty(), new dev.golive.model.Source.Default("not found")) : a;
        Fact<Optional<String>> y = b == null ? Fact.of(Optional.empty(), new dev.golive.model.Source.Default("not found")) : b;
        if (x instanceof Fact.Unknown<Optional<String>> u) return new FileDiff(path, FileDiff.Status.UNKNOWN, "", Optional.of("A: " + u.reason()));
        if (y instanceof Fact.Unknown<Optional<String>> u) return new FileDiff(path, FileDiff.Status.UNKNOWN, "", Optional.of("B: " + u.reason()));
        Optional<String> ca = x.orElse(Optional.empty()), cb = y.orElse(Optional.empty());
        if (ca.isEmpty() && cb.isEmpty()) return new FileDiff(path, FileDiff.Status.SAME, "", Optional.of("absent on both"));
        String diff = UnifiedDiff.of(path, ca, cb);
        if (ca.isEmpty()) return new FileDiff(path, FileDiff.Status.ONLY_IN_B, diff, Optional.empty());
        if (cb.isEmpty()) return new FileDiff(path, FileDiff.Status.ONLY_IN_A, diff, Optional.empty());
        return ca.get().equals(cb.get()) ? new FileDiff(path, FileDiff.Status.SAME, "", Optional.empty())
                : new FileDiff(path, FileDiff.Status.DIFFERENT, diff, Optional.empty());
    }

    private static Map<String, List<Finding>> byId(CheckReport r) {
        Map<String, List<Finding>> m = new LinkedHashMap<>();
        for (Finding f : r.findings()) m.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        return m;
    }

    private static String messages(List<Finding> fs) { return String.join(" / ", fs.stream().map(Finding::message).toList()); }

    private static FindingRef ref(Finding f) { return new FindingRef(f.ruleId(), f.severity().label(), f.message()); }
}
