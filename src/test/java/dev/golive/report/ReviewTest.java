package dev.golive.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.model.CaptureInfo;
import dev.golive.model.Fact;
import dev.golive.model.HostFacts;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A reviewer's pre-go-live report, built once and read in Markdown, HTML and JSON. */
class ReviewTest {

    private static final ObjectMapper M = new ObjectMapper();

    static Review fixtureReview(String host) {
        return ReviewBuilder.build(ReportFixtures.inputs(ReportFixtures.facts(host), Optional.empty(),
                Part.unavailable("the plan is not available in this build"), Part.unavailable("no snapshot layer in this build")));
    }

    static Review fullReview() {
        HostFacts f = ReportFixtures.withService(ReportFixtures.facts("ubuntu2004-hybrid"), Fact.of(4.2, new Source.Command("systemd-analyze security --offline=true app.service")));
        return ReviewBuilder.build(ReportFixtures.inputs(f, Optional.of("app.service"),
                Part.of(new ReviewBuilder.RecommendedPlan(ReportFixtures.plan(), "a web server on a 2-CPU VM")),
                Part.of(List.of(new Review.SnapshotRow("20251201-090000-cd34", "2025-12-01T09:00:00Z", "rolled-back", "web", Optional.empty(), 2, 11)))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"debian12-vm", "ubuntu2004-hybrid", "centos7-v1", "arm64-server", "container-quota", "two-socket-smt", "sparse"})
    void everyFixtureHostGivesAReviewInEveryFormat(String host) throws Exception {
        Review r = fixtureReview(host);
        for (ReviewFormat fmt : ReviewFormat.values()) assertThat(fmt.render(r)).isNotBlank();
        JsonNode j = M.readTree(ReviewJson.render(r));
        assertThat(j.get("summary")).hasSize(8);
        assertThat(j.at("/findings/rules").asInt()).isGreaterThan(40);
    }

    @Test
    void markdownHasTheSummaryFindingsWithWhyAndTheSectionsThatAreMissingSaySo() {
        String md = ReviewMarkdown.render(fixtureReview("ubuntu2004-hybrid"));
        assertThat(md).startsWith("# Pre-go-live review: web-2\n");
        assertThat(md).contains("## At a glance\n\n| area | host | findings |\n", "## Host summary", "### CPU", "| logical CPUs | 2 | `/sys/devices/system/cpu/online` |");
        assertThat(md).contains("| net.ipv4.tcp_fin_timeout | 15 | `/proc/sys/net/ipv4/tcp_fin_timeout; set by /etc/sysctl.d/99-web-tuning.conf:2` |");
        // a finding carries the rule's explanation, not only the host's message
        assertThat(md).contains("### WARN FD-LIMITS-CONF-IGNORED: nofile in limits.conf does not reach systemd services",
                "- **Why it matters:** ", "- **Fix:** ", "- **Read:** ");
        assertThat(md).contains("## Recommended profile and plan\n\n_Not available: the plan is not available in this build._");
        assertThat(md).contains("## Service unit\n\n_Not available: no service given: run \\`golive report --service NAME\\` to review its unit._");
        assertThat(md).contains("## Snapshot history\n\n_Not available: no snapshot layer in this build._");
    }

    @Test
    void planUnitAndSnapshotsAreShownWhenTheirPiecesArePresent() {
        Review r = fullReview();
        String md = ReviewMarkdown.render(r);
        assertThat(md).contains("Profile **web**: a web server on a 2-CPU VM");
        assertThat(md).contains("#### create `/etc/sysctl.d/60-golive.conf`", "```diff\n--- /dev/null\n+++ b/etc/sysctl.d/60-golive.conf\n",
                "+net.core.somaxconn = 8192\n```");
        assertThat(md).contains("| net.core.somaxconn | 4096 | 8192 | listen() backlog cap |");
        assertThat(md).contains("- systemctl restart app.service: Go reads somaxconn once per process");
        assertThat(md).contains("- net.ipv4.tcp_fin_timeout: golive would set 30, but /etc/sysctl.d/99-web-tuning.conf:2 sets 15 and wins at boot");
        assertThat(md).contains("Unit **app.service** at `/etc/systemd/system/app.service`", "**4.2 (OK)**",
                "| [Service] NoNewPrivileges | yes | `/etc/systemd/system/app.service:6` |");
        assertThat(md).contains("| 20251201-090000-cd34 | 2025-12-01T09:00:00Z | rolled-back | web |  | 2 | 11 |");
        String html = ReviewHtml.render(r);
        assertThat(html).contains("<span class=\"add\">+net.core.somaxconn = 8192</span>", "<span class=\"score\">4.2 (OK)</span>",
                "<td><code>20251201-090000-cd34</code></td>");
    }

    @Test
    void aServiceAskedForButNotInspectedSaysWhyInsteadOfInventingAUnit() {
        HostFacts f = ReportFixtures.facts("debian12-vm");
        Review r = ReviewBuilder.build(ReportFixtures.inputs(f, Optional.of("app.service"), Part.unavailable("x"), Part.unavailable("y")));
        assertThat(r.unit()).isEqualTo(Part.unavailable("service app.service was not inspected"));
        HostFacts noScore = ReportFixtures.withService(f, Fact.unknown("systemd-analyze security --offline needs systemd >= 250"));
        Review r2 = ReviewBuilder.build(ReportFixtures.inputs(noScore, Optional.of("app.service"), Part.unavailable("x"), Part.unavailable("y")));
        assertThat(ReviewMarkdown.render(r2)).contains("**unknown: systemd-analyze security --offline needs systemd >= 250**");
    }

    @ParameterizedTest
    @EnumSource(ReviewFormat.class)
    void hostTextCannotInjectMarkupOrScript(ReviewFormat fmt) throws Exception {
        HostFacts f = ReportFixtures.facts("debian12-vm");
        String evil = "<script>alert(1)</script>|*x*";
        f = f.withOrigin(new CaptureInfo("hosts/x", false, null, evil));
        Review r = ReviewBuilder.build(ReportFixtures.inputs(f, Optional.empty(), Part.unavailable("a"), Part.unavailable("b")));
        String out = fmt.render(r);
        switch (fmt) {
            case HTML -> assertThat(out).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            case MD -> assertThat(out).doesNotContain("<script>").contains("\\<script\\>");
            case JSON -> assertThat(M.readTree(out).at("/host/hostname").asText()).isEqualTo(evil);
        }
    }

    @Test
    void htmlIsOneSelfContainedFileThatFetchesNothing() {
        String html = ReviewHtml.render(fullReview());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").endsWith("</html>\n");
        // no script, no external stylesheet, font, image, frame or link target: nothing to load
        assertThat(html).doesNotContainPattern("(?i)<script|<link|<img|<iframe|@import|url\\(|@font-face|\\shref=|\\ssrc=");
        assertThat(html).contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws Exception {
        JsonNode j = M.readTree(ReviewJson.render(fullReview()));
        assertThat(names(j)).containsExactly("schema", "kind", "generatedAt", "golive", "host", "service", "overview", "summary", "findings",
                "plan", "unit", "snapshots");
        assertThat(j.get("schema").asInt()).isEqualTo(1);
        assertThat(j.get("kind").asText()).isEqualTo("golive-review");
        assertThat(names(j.get("host"))).containsExactly("root", "live", "hostname", "capturedAt", "manifests");
        assertThat(names(j.at("/overview/0"))).containsExactly("area", "text", "worst", "findings");
        assertThat(names(j.at("/summary/0"))).containsExactly("title", "rows");
        assertThat(names(j.at("/summary/0/rows/0"))).containsExactly("label", "value", "source", "unknown");
        assertThat(names(j.get("findings"))).containsExactly("error", "warn", "info", "rules", "skipped", "items");
        assertThat(names(j.at("/findings/items/0"))).containsExactly("id", "severity", "area", "title", "message", "sources", "fix",
                "changes", "why", "reference");
        assertThat(names(j.get("plan"))).containsExactly("available", "value");
        assertThat(names(j.at("/plan/value"))).containsExactly("profile", "reason", "snapshotId", "files", "live", "actions",
                "conflicts", "manualSteps");
        assertThat(names(j.at("/plan/value/files/0"))).containsExactly("path", "change", "why", "diff");
        assertThat(names(j.at("/plan/value/live/0"))).containsExactly("key", "before", "after", "why");
        assertThat(names(j.at("/unit/value"))).containsExactly("name", "path", "dropIns", "directives", "exposure", "exposureUnknown",
                "verifyMessages");
        assertThat(j.at("/unit/value/exposure").asDouble()).isEqualTo(4.2);
        assertThat(names(j.at("/snapshots/value/0"))).containsExactly("id", "createdAt", "state", "profile", "service", "files", "liveValues");
        JsonNode missing = M.readTree(ReviewJson.render(fixtureReview("debian12-vm")));
        assertThat(missing.get("plan").toString()).isEqualTo("{\"available\":false,\"reason\":\"the plan is not available in this build\"}");
    }

    @Test
    void exposureWordsFollowSystemdAnalyze() {
        // measured with systemd 252: a bare unit 9.6 UNSAFE, a hardened one 3.6 OK
        assertThat(ReviewText.exposureLabel(9.6)).isEqualTo("UNSAFE");
        assertThat(ReviewText.exposureLabel(3.6)).isEqualTo("OK");
        assertThat(ReviewText.exposureLabel(10.0)).isEqualTo("DANGEROUS");
        assertThat(ReviewText.exposureLabel(7.5)).isEqualTo("EXPOSED");
        assertThat(ReviewText.exposureLabel(5.0)).isEqualTo("MEDIUM");
        assertThat(ReviewText.exposureLabel(0.5)).isEqualTo("SAFE");
        assertThat(ReviewText.exposureLabel(0.0)).isEqualTo("PERFECT");
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
