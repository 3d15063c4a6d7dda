package dev.golive.plan;

import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import dev.golive.profile.FixtureHosts;
import dev.golive.profile.ProfileCatalog;
import dev.golive.report.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `golive plan` previews for several fixture hosts × profiles, compared with the files under
 * src/test/resources/previews/ (plain text, as with --no-color). Regenerate after a reviewed
 * change with -Dgolive.updateGoldens=true and read the diff before committing.
 */
class PreviewGoldenTest {

    static final Path DIR = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/previews");

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', textBlock = """
            debian12-vm       | web-api
            centos7-v1        | base
            centos7-v1        | high-connections
            ubuntu2004-hybrid | low-latency
            container-quota   | container-limited
            two-socket-smt    | high-connections
            sparse            | web-api
            """)
    void previewMatchesTheGoldenFile(String host, String profile) throws IOException {
        Plan plan = PlanFixtures.plan(host, profile);
        compare(host + "--" + profile + ".txt", Preview.render(plan, label(host), Style.PLAIN));
    }

    @Test
    void aConflictWithALaterSysctlFileIsShown() throws IOException {
        // ubuntu2004-hybrid's 99-web-tuning.conf sets tcp_fin_timeout = 15 and loads after 60-golive.conf
        ProfileCatalog c = ProfileCatalog.withTexts("/etc/golive/profiles", Map.of("fin", """
                include: base
                sysctl:
                  net.ipv4.tcp_fin_timeout:
                    value: 30
                    why: >-
                      How long an orphaned socket stays in FIN_WAIT_2 (it does not shorten TIME_WAIT,
                      which is fixed at 60 s).
                """));
        HostFacts facts = FixtureHosts.facts("ubuntu2004-hybrid");
        Plan plan = PlanFixtures.plan(FixtureHosts.dir("ubuntu2004-hybrid"), facts, "fin", c);
        assertThat(plan.conflicts()).singleElement().satisfies(k -> {
            assertThat(k.key()).isEqualTo("net.ipv4.tcp_fin_timeout");
            assertThat(k.winner().describe()).isEqualTo("/etc/sysctl.d/99-web-tuning.conf:2");
            assertThat(k.winningValue()).isEqualTo("15");
        });
        compare("ubuntu2004-hybrid--conflict.txt", Preview.render(plan, label("ubuntu2004-hybrid"), Style.PLAIN));
    }

    @Test
    void colorsOnlyWhenAsked() {
        Plan plan = PlanFixtures.plan("centos7-v1", "base");
        assertThat(Preview.render(plan, "h", Style.PLAIN)).doesNotContain("\u001b[");
        assertThat(Preview.render(plan, "h", new Style(true))).contains("\u001b[32m+net.core.somaxconn = 4096\u001b[0m");
    }

    static String label(String host) {
        HostFacts f = FixtureHosts.facts(host);
        return (f.origin().hostname() == null ? "" : f.origin().hostname() + " ") + "(hosts/" + host + ")";
    }

    static void compare(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golive.updateGoldens") || !Files.exists(file)) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            if (!Boolean.getBoolean("golive.updateGoldens")) throw new AssertionError("wrote new golden file " + file + "; review it and run again");
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
