package dev.golive.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.app.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer before go-live reads the web fleet (src/test/resources/fleets/web): four copies of
 * the debian12-vm host. api-1 and api-2 are set up alike (api-2 differs only on volatile facts:
 * its name, free memory, file-nr), api-3 (a .tar.gz) boots another kernel with somaxconn not
 * applied and THP "always", api-4's api.service has LimitNOFILE=4096.
 */
class FleetReviewTest {

    static String web() { return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/fleets/web").toString(); }

    static Fleet.Spread spread(List<Fleet.Spread> spreads, String path) {
        return spreads.stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError("no " + path + " in " + spreads));
    }

    @Test
    void theOutliersOfTheWebFleetAreNamedWithTheValueTheyHave() {
        Fleet f = Session.fleet(web(), null, FactFilter.DEFAULT);
        assertThat(f.hosts()).extracting(Fleet.Host::name).containsExactly("api-3", "api-1", "api-2", "api-4");
        assertThat(f.unreadable()).isEmpty();

        Fleet.Spread kernel = spread(f.headline(), "os.kernelRelease");
        assertThat(kernel.label()).isEqualTo("kernel");
        assertThat(kernel.groups()).containsExactly(
                new Fleet.Group("6.1.0-18-amd64", java.util.Optional.of("/proc/sys/kernel/osrelease"), List.of("api-1", "api-2", "api-4")),
                new Fleet.Group("6.1.0-21-amd64", java.util.Optional.of("/proc/sys/kernel/osrelease"), List.of("api-3")));
        assertThat(kernel.outliers()).containsExactly("api-3");
        assertThat(spread(f.differing(), "sysctls.byKey[net.core.somaxconn].live").outliers()).containsExactly("api-3");
        assertThat(spread(f.differing(), "memory.thpEnabled").groups().get(1).value()).isEqualTo("always");
        // what every host agrees on is at a glance, and never among the differences
        assertThat(spread(f.headline(), "systemd.version").uniform()).isTrue();
        assertThat(f.differing()).extracting(Fleet.Spread::path).doesNotContain("systemd.version", "go.version");
    }

    @Test
    void volatileFactsAreLeftOutUnlessAskedFor() {
        Fleet f = Session.fleet(web(), null, FactFilter.DEFAULT);
        assertThat(f.differing()).extracting(Fleet.Spread::path)
                .containsExactly("os.kernelRelease", "os.kernelCmdline", "memory.thpEnabled", "sysctls.byKey[net.core.somaxconn].live");

        Fleet all = Session.fleet(web(), null, new FactFilter(true, List.of()));
        assertThat(all.differing()).extracting(Fleet.Spread::path).contains("os.hostname", "memory.availableBytes", "fds.fileNrAllocated");
        assertThat(spread(all.differing(), "fds.fileNrAllocated").groups()).extracting(Fleet.Group::hosts)
                .contains(List.of("api-2"));
    }

    @Test
    void anIgnorePatternLeavesOutThePathAndEverythingBelowIt() {
        Fleet f = Session.fleet(web(), null, new FactFilter(false, List.of("os.kernel*", "sysctls.byKey[net.core.somaxconn]")));
        assertThat(f.differing()).extracting(Fleet.Spread::path).containsExactly("memory.thpEnabled");
        assertThat(f.drift()).isTrue();
    }

    @Test
    void theMatrixHasEveryHostAndEveryRuleWorstFirst() {
        Fleet f = Session.fleet(web(), null, FactFilter.DEFAULT);
        Fleet.FindingRow thp = f.findings().stream().filter(r -> r.id().equals("MEM-THP-ALWAYS")).findFirst().orElseThrow();
        assertThat(thp.hits()).extracting(Fleet.Hit::host).containsExactly("api-3");
        // a rule on every host comes before one on a single host of the same severity
        List<String> ids = f.findings().stream().map(Fleet.FindingRow::id).toList();
        Fleet.FindingRow first = f.findings().get(0);
        assertThat(first.hits()).hasSize(4);
        assertThat(ids.indexOf("GO-TOOLCHAIN-OLD")).isLessThan(ids.indexOf("MEM-THP-ALWAYS"));
        assertThat(f.unevenFindings()).extracting(Fleet.FindingRow::id).containsExactlyInAnyOrder("MEM-THP-ALWAYS", "SYSCTL-NOT-APPLIED");

        String text = FleetText.render(f, Style.PLAIN);
        assertThat(text).contains("  host   E  W  i  ");
        // api-3 (worst) has every rule; api-1 only the two every host has
        int cols = f.findings().size();
        assertThat(text).containsPattern("\n  api-3  0  4  0  W{" + cols + "}\n");
        assertThat(text).contains("drift: 4 values differ, 2 rules fire on some hosts only\n");
    }

    @Test
    void withTheServiceItsUnitSettingsAreComparedToo() {
        Fleet f = Session.fleet(web(), "api", FactFilter.DEFAULT);
        assertThat(f.service()).contains("api.service");
        Fleet.Spread nofile = spread(f.headline(), "service.directives[Service.LimitNOFILE]");
        assertThat(nofile.groups()).extracting(Fleet.Group::value).containsExactly("65536", "4096");
        assertThat(nofile.outliers()).containsExactly("api-4");
        assertThat(nofile.groups().get(1).source()).contains("/etc/systemd/system/api.service.d/override.conf:3");
        // the service's running process and task counts move all the time: not drift
        assertThat(f.differing()).extracting(Fleet.Spread::path).noneMatch(p -> p.startsWith("service.tasks."));
    }

    @Test
    void twoHostsSetUpAlikeDoNotDrift() {
        Fleet f = Session.fleetOf(List.of(web() + "/api-1", web() + "/api-2"), null, FactFilter.DEFAULT);
        assertThat(f.drift()).isFalse();
        assertThat(FleetText.renderDiff(f, Style.PLAIN)).endsWith("\nno drift: every host read has the same values and the same rules firing\n");
    }

    @Test
    void anEntryThatIsNotAReadableCaptureIsListedWithWhy(@TempDir Path tmp) throws IOException {
        Path fleet = tmp.resolve("fleet");
        dev.golive.host.Fixtures.copyTree(Path.of(web()), fleet);
        Files.writeString(fleet.resolve("db-1.tar.gz"), "not gzip at all\n");
        Files.writeString(fleet.resolve("inventory.ini"), "[web]\napi-1\n");
        Files.createDirectories(fleet.resolve("db-2"));

        Fleet f = Session.fleet(fleet.toString(), null, FactFilter.DEFAULT);
        assertThat(f.hosts()).hasSize(4);
        assertThat(f.unreadable()).extracting(Fleet.Unreadable::name).containsExactly("db-1", "db-2", "inventory.ini");
        assertThat(f.unreadable().get(0).reason()).startsWith(fleet.resolve("db-1.tar.gz") + ": ");
        assertThat(f.unreadable().get(1).reason()).isEqualTo("a directory without golive-capture.json: not a golive capture");
        assertThat(f.drift()).isTrue();
        assertThat(FleetText.render(f, Style.PLAIN)).contains("\nUnreadable (3)\n  db-1  ", "  inventory.ini  neither a capture directory nor a .tar.gz capture\n");
    }

    @Test
    void markdownHtmlAndJsonCarryTheSameFleet() throws IOException {
        Fleet f = Session.fleet(web(), "api", FactFilter.DEFAULT);
        String md = FleetMarkdown.render(f);
        assertThat(md).startsWith("# Fleet review: ").contains("## At a glance", "## Findings by host", "## Values that differ (5)",
                "| **kernel** `6.1.0-18-amd64` | 3 of 4 hosts |", "| `6.1.0-21-amd64` | outlier | api-3 |");

        String html = FleetHtml.render(f);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("default-src 'none'", "<table class=\"matrix\">", "class=\"outlier\"")
                .doesNotContain("<script", "http://", "https://");

        JsonNode j = new ObjectMapper().readTree(FleetJson.render(f));
        assertThat(j.get("schema").asInt()).isEqualTo(1);
        assertThat(j.get("kind").asText()).isEqualTo("golive-fleet");
        assertThat(j.get("drift").asBoolean()).isTrue();
        assertThat(j.at("/filter/includeVolatile").asBoolean()).isFalse();
        assertThat(j.get("hosts")).hasSize(4);
        assertThat(j.at("/hosts/0/name").asText()).isEqualTo("api-3");
        JsonNode nofile = null;
        for (JsonNode s : j.get("headline")) if (s.get("path").asText().equals("service.directives[Service.LimitNOFILE]")) nofile = s;
        assertThat(nofile).isNotNull();
        assertThat(nofile.at("/outliers/0").asText()).isEqualTo("api-4");
        assertThat(nofile.at("/groups/1/hosts/0").asText()).isEqualTo("api-4");
        assertThat(j.at("/findings/0/hits/0/message").asText()).isNotBlank();
    }
}
