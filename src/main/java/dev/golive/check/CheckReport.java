package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.Severity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of checking one host: findings sorted by severity (worst first) then rule ID,
 * how many rules ran, and which were skipped and why (e.g. service rules without --service).
 */
public record CheckReport(List<Finding> findings, int rulesTotal, List<Skipped> skipped, String serviceName) {

    public record Skipped(String ruleId, String reason) { }

    public CheckReport {
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
    }

    /**
     * This report and {@code more} as one (the host's findings and those of the Dockerfiles and
     * Kubernetes YAML named with it), still worst first; within a severity each keeps its order.
     */
    public CheckReport with(CheckReport more) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more.findings());
        all.sort(java.util.Comparator.comparing(Finding::severity).reversed());
        List<Skipped> sk = new java.util.ArrayList<>(skipped);
        sk.addAll(more.skipped());
        return new CheckReport(all, rulesTotal + more.rulesTotal(), sk, serviceName);
    }

    public long count(Severity s) { return findings.stream().filter(f -> f.severity() == s).count(); }

    public Map<Severity, Long> counts() {
        Map<Severity, Long> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) m.put(s, count(s));
        return m;
    }

    /** True when some finding is at or above the threshold (golive check exits 1). */
    public boolean failsAt(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    public java.util.Set<String> ruleIds() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (Finding f : findings) ids.add(f.ruleId());
        return ids;
    }
}
