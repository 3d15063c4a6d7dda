package dev.golive.app;

import dev.golive.apply.ApplyResult;
import dev.golive.apply.PlanCodec;
import dev.golive.model.Plan;
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
 * The whole loop with the real pieces: plan a profile on a target tree copied from a fixture
 * host, pass it through the JSON `golive apply` reads, apply it (snapshot, files, live values,
 * verify), then plan again in a fresh session: nothing to change.
 */
class PlanApplyReplanTest {

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', textBlock = """
            centos7-v1        | high-connections
            debian12-vm       | high-connections
            ubuntu2004-hybrid | low-latency
            arm64-server      | web-api
            two-socket-smt    | base
            """)
    void planApplyPlanAgainIsEmpty(String host, String profile, @TempDir Path tmp) throws IOException {
        Path tree = tmp.resolve(host);
        dev.golive.host.Fixtures.copyTree(Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts").resolve(host), tree);
        Files.delete(tree.resolve("golive-capture.json")); // a target tree golive may write, not a capture
        String json;
        try (Session s = Session.open(tree.toString()).profileDirs(List.of())) {
            json = PlanCodec.toJson(s.plan(profile, Optional.empty(), List.of(), "first"));
        }
        Plan plan = PlanCodec.fromJson("plan.json", json);
        assertThat(plan.isEmpty()).isFalse();
        try (Session s = Session.open(tree.toString()).profileDirs(List.of())) {
            ApplyResult r = s.apply(plan, false);
            assertThat(r.filesWritten()).isEqualTo(plan.files().size());
            assertThat(r.liveValuesSet()).isEqualTo(plan.live().size());
        }
        try (Session s = Session.open(tree.toString()).profileDirs(List.of())) {
            Plan again = s.plan(profile, Optional.empty(), List.of(), "second");
            assertThat(again.files()).isEmpty();
            assertThat(again.live()).isEmpty();
            assertThat(again.actions()).isEmpty();
        }
    }

}
