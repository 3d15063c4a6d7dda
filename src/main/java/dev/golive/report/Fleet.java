package dev.golive.report;

import java.util.List;
import java.util.Optional;

/**
 * Many hosts reviewed side by side (`golive report --fleet DIR`, `golive diff` of many), built
 * once by {@link FleetBuilder} and laid out by {@link FleetText}, {@link FleetMarkdown},
 * {@link FleetHtml} and {@link FleetJson}. Hosts are worst first (errors, then warnings, then
 * info), finding rows worst first (severity, then how many hosts have them). Every value is
 * already text here.
 *
 * @param headline  the values a reviewer looks at first (kernel, systemd, Go, somaxconn,
 *                  nofile, THP, the service's Go and limits), grouped even when every host agrees
 * @param differing every fact path whose value is not the same on all hosts read, after the
 *                  {@link FactFilter}; a list element that only some hosts have is one line,
 *                  without its fields
 */
public record Fleet(String source, String generatedAt, String golive, Optional<String> service, FactFilter filter,
                    List<Host> hosts, List<Unreadable> unreadable, List<FindingRow> findings,
                    List<Spread> headline, List<Spread> differing) {

    public Fleet {
        hosts = List.copyOf(hosts);
        unreadable = List.copyOf(unreadable);
        findings = List.copyOf(findings);
        headline = List.copyOf(headline);
        differing = List.copyOf(differing);
    }

    /**
     * A capture that was read: its name in the directory (the host's), what was opened, its
     * finding counts, and what it lacks when it is partial (assembled from Ansible rounds that
     * did not finish: "61 files, 51 directories, 7 commands"; empty when complete).
     */
    public record Host(String name, String spec, Optional<String> hostname, Optional<String> capturedAt,
                       int errors, int warnings, int infos, Optional<String> missing) { }

    /** An entry that could not be read as a capture, with the one-line reason. */
    public record Unreadable(String name, String spec, String reason) { }

    /** One rule and the hosts it fires on (in host order), each with its host-specific message. */
    public record FindingRow(String id, String severity, String title, List<Hit> hits) {
        public FindingRow { hits = List.copyOf(hits); }

        public Optional<Hit> on(String host) { return hits.stream().filter(h -> h.host().equals(host)).findFirst(); }
    }

    public record Hit(String host, String severity, String message) { }

    /**
     * One fact across the fleet: the groups of hosts sharing each value (largest first, with
     * the source on the group's first host), and the outliers: the hosts outside the one
     * largest group (none when two groups tie for largest: there is no majority to differ from).
     */
    public record Spread(String path, String label, List<Group> groups, List<String> outliers) {
        public Spread {
            groups = List.copyOf(groups);
            outliers = List.copyOf(outliers);
        }

        public boolean uniform() { return groups.size() <= 1; }
    }

    public record Group(String value, Optional<String> source, List<String> hosts) {
        public Group { hosts = List.copyOf(hosts); }
    }

    /** The value {@code host} has in {@code spread}: the group it is in (empty when it is not read). */
    public static Optional<Group> groupOf(Spread spread, String host) {
        return spread.groups().stream().filter(g -> g.hosts().contains(host)).findFirst();
    }

    /** The headline and differing values on which {@code host} is an outlier, each path once, headline first. */
    public List<Spread> outlying(String host) {
        java.util.Map<String, Spread> out = new java.util.LinkedHashMap<>();
        for (Spread s : headline) if (s.outliers().contains(host)) out.putIfAbsent(s.path(), s);
        for (Spread s : differing) if (s.outliers().contains(host)) out.putIfAbsent(s.path(), s);
        return List.copyOf(out.values());
    }

    /** The rules that fire on some hosts but not all: the findings a fleet that should match must not have. */
    public List<FindingRow> unevenFindings() {
        return findings.stream().filter(r -> r.hits().size() != hosts.size()).toList();
    }

    /**
     * True when hosts that should match do not: a value differs, a rule fires on some hosts only
     * (a message that differs because a value does is already counted by that value), or a capture could not be read (so it cannot be said to match).
     * `golive diff --exit-code` exits 1 then.
     */
    public boolean drift() {
        return !differing.isEmpty() || !unreadable.isEmpty() || !unevenFindings().isEmpty();
    }
}
