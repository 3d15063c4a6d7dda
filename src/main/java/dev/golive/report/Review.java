package dev.golive.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pre-go-live review of one host, built once ({@link ReviewBuilder}) and rendered to
 * Markdown, HTML and JSON by {@link ReviewMarkdown}, {@link ReviewHtml}, {@link ReviewJson}:
 * all three show the same content because they read the same document. Every value is
 * already text here (units, sources resolved), so the renderers only lay it out.
 */
public record Review(
        String generatedAt,
        String golive,
        Host host,
        Optional<String> service,
        List<Glance> overview,
        List<FactGroup> summary,
        Findings findings,
        Part<PlanView> plan,
        Part<UnitView> unit,
        Part<List<SnapshotRow>> snapshots) {

    public Review {
        Objects.requireNonNull(host, "host");
        overview = List.copyOf(overview);
        summary = List.copyOf(summary);
    }

    /**
     * One line of the host at a glance ({@link HostSummary}, the same lines the TUI's overview
     * and the guide show): the area, its values in words, its worst finding and how many.
     */
    public record Glance(String area, String text, Optional<String> worst, int findings) { }

    /**
     * Which host: the root read ("/" or a capture), whether live, its name, when captured.
     * {@code manifests}: the review is of the Dockerfiles and Kubernetes YAML at {@code root}
     * (`golive report --manifest`), not of a host.
     */
    public record Host(String root, boolean live, Optional<String> hostname, Optional<String> capturedAt, boolean manifests) { }

    /** One area of the host summary (System, CPU, Memory…). */
    public record FactGroup(String title, List<FactRow> rows) {
        public FactGroup { rows = List.copyOf(rows); }
    }

    /** One fact as shown: the value (or why it is unknown) and where it came from. */
    public record FactRow(String label, Optional<String> value, Optional<String> source, Optional<String> unknown) {
        public static FactRow known(String label, String value, String source) {
            return new FactRow(label, Optional.of(value), Optional.of(source), Optional.empty());
        }
        public static FactRow unknown(String label, String reason) {
            return new FactRow(label, Optional.empty(), Optional.empty(), Optional.of(reason));
        }
    }

    /** Findings with counts by severity, rules run, and rules skipped (with why). */
    public record Findings(int error, int warn, int info, int rules, List<String> skipped, List<FindingView> items) {
        public Findings {
            skipped = List.copyOf(skipped);
            items = List.copyOf(items);
        }
    }

    /**
     * One finding with the rule's general explanation next to the host-specific message:
     * a reviewer reading a report away from the server has no `golive explain` at hand.
     */
    public record FindingView(String id, String severity, String area, String title, String message,
                              List<String> sources, Optional<String> fix, List<String> changes,
                              String why, String reference) {
        public FindingView {
            sources = List.copyOf(sources);
            changes = List.copyOf(changes);
        }
    }

    /** The recommended profile's plan: why that profile, then every change as the apply would make it. */
    public record PlanView(String profile, String reason, String snapshotId, List<FileView> files, List<LiveView> live,
                           List<String> actions, List<String> conflicts, List<String> manualSteps) {
        public PlanView {
            files = List.copyOf(files);
            live = List.copyOf(live);
            actions = List.copyOf(actions);
            conflicts = List.copyOf(conflicts);
            manualSteps = List.copyOf(manualSteps);
        }
    }

    /** One owned file: create/modify/delete, why, and the unified diff of its content. */
    public record FileView(String path, String change, String why, String diff) { }

    /** One live value old → new. */
    public record LiveView(String key, String before, String after, String why) { }

    /**
     * The service's unit as systemd sees it: the unit file and drop-ins, the effective
     * directives with the file:line that set each, and systemd-analyze's exposure score
     * (0.0 best … 10.0 worst) or why it is unknown.
     */
    public record UnitView(String name, Optional<String> path, List<String> dropIns, List<FactRow> directives,
                           Optional<Double> exposure, Optional<String> exposureUnknown, List<String> verifyMessages) {
        public UnitView {
            dropIns = List.copyOf(dropIns);
            directives = List.copyOf(directives);
            verifyMessages = List.copyOf(verifyMessages);
        }
    }

    /** One snapshot from the history: id, when, state (applied, rolled-back…), what it was for. */
    public record SnapshotRow(String id, String createdAt, String state, String profile, Optional<String> service, int files, int liveValues) { }
}
