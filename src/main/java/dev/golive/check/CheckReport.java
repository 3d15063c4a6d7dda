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
