package dev.golive.app;

import dev.golive.apply.PlanCodec;
import dev.golive.model.FileChange;
import dev.golive.model.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Untouched means untouched: an admin who names an existing service and asks nothing of it
 * gets no file for it, a profile's service settings give only the lines that change
 * something, and planning again right after an apply is "Nothing to change".
 */
class UntouchedServiceTest {

    @TempDir Path tmp;

    private Path tree(String fixture) throws IOException {
        Path tree = tmp.resolve(fixture);
        dev.golive.host.Fixtures.copyTree(Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts").resolve(fixture), tree);
        Files.delete(tree.resolve("golive-capture.json")); // a target tree golive may write, not a capture
        return tree;
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', textBlock = """
            debian12-vm       | api
            arm64-server      | ingest
            ubuntu2004-hybrid | prometheus-node-exporter
            two-socket-smt    | edge-proxy
            """)
    void planningAnExistingServiceWithNothingAskedChangesNothing(String host, String service) throws IOException {
        try (Session s = Session.open(tree(host).toString()).profileDirs(List.of())) {
            Plan p = s.plan(Session.NO_PROFILE, Optional.of(service), List.of(), "p1");
            assertThat(p.files()).as("no drop-in, not even one of comments only").isEmpty();
            assertThat(p.actions()).isEmpty();
        }
    }

    @Test
    void aProfilesServiceSettingIsWrittenButNotWhatTheUnitAlreadyHas() throws IOException {
        try (Session s = Session.open(tree("debian12-vm").toString()).profileDirs(List.of())) {
            Plan p = s.plan("base", Optional.of("api"), List.of(), "p1");
            String dropIn = p.files().stream().filter(f -> f.path().equals("/etc/systemd/system/api.service.d/60-golive.conf"))
                    .findFirst().orElseThrow().after().orElseThrow();
            // base's 1024:524288 raises the hard limit; override.conf's higher soft limit 65536 is kept, never lowered
            assertThat(dropIn).contains("LimitNOFILE=65536:524288")
                    .as("api.service's own User=, its override.conf's GOMAXPROCS=4 and systemd's restart defaults are not repeated")
                    .doesNotContain("User=", "GOMAXPROCS", "RestartSec", "StartLimit");
        }
    }

    @ParameterizedTest(name = "{1} with {2} on {0}")
    @CsvSource(delimiter = '|', textBlock = """
            debian12-vm       | api                      | web-api
            arm64-server      | ingest                   | container-limited
            ubuntu2004-hybrid | prometheus-node-exporter | low-latency
            two-socket-smt    | edge-proxy               | batch
            """)
    void planApplyPlanAgainWithTheServiceIsNothingToChange(String host, String service, String profile) throws IOException {
        Path tree = tree(host);
        String json;
        try (Session s = Session.open(tree.toString()).profileDirs(List.of())) {
            json = PlanCodec.toJson(s.plan(profile, Optional.of(service), List.of(), "first"));
        }
        Plan plan = PlanCodec.fromJson("plan.json", json);
        assertThat(plan.files()).anyMatch(f -> f.path().contains(service + ".service"));
        try (Session s = Session.open(tree.toString()).profileDirs(List.of())) {
            s.apply(plan, false);
        }
        try (Session s = Session.open(tree.toString()).profileDirs(List.of())) {
            Plan again = s.plan(profile, Optional.of(service), List.of(), "second");
            assertThat(again.files()).as("no rewrite of comments only, no new snapshot for nothing").extracting(FileChange::path).isEmpty();
            assertThat(again.live()).isEmpty();
            assertThat(again.actions()).isEmpty();
        }
    }
}
