package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.app.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `golive profiles`, `golive recommend` and `golive plan` as an admin runs them, on fixture
 * hosts, with the user profile directories pointed at temp dirs (never the real /etc or home).
 */
class PlanCommandsTest {

    @TempDir Path tmp;

    private static final String FIXTURES = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts").toString();

    private Function<String, Session> sessions(Path etc, Path home) {
        return root -> Session.open(root).profileDirs(List.of(etc.toString(), home.toString()));
    }

    private Path dir(String name) throws IOException { return Files.createDirectories(tmp.resolve(name)); }

    @Test
    void profilesListsShippedAndUserProfilesWithTheirOrigin() throws Exception {
        Path etc = dir("etc"), home = dir("home");
        Files.writeString(etc.resolve("web-api.yaml"), "description: our web tier\ninclude: base\n");
        Files.writeString(home.resolve("web-api.yaml"), "description: my web tier\ninclude: [base]\n");
        Files.writeString(home.resolve("mine.yaml"), "description: mine\ninclude: [low-latency]\n");
        var r = CheckCommandTest.run(new ProfilesCommand(sessions(etc, home)), "--json");
        assertThat(r.code()).isEqualTo(0);
        JsonNode list = new ObjectMapper().readTree(r.out()).get("profiles");
        assertThat(list).hasSize(7);
        JsonNode web = list.get(1);
        assertThat(web.get("name").asText()).isEqualTo("web-api");
        assertThat(web.get("origin").asText()).isEqualTo(home.toString());
        assertThat(web.get("overrides")).extracting(JsonNode::asText).containsExactly("profiles/web-api.yaml", etc.resolve("web-api.yaml").toString());
        assertThat(list.get(6).get("name").asText()).isEqualTo("mine");
        var text = CheckCommandTest.run(new ProfilesCommand(sessions(etc, home)), "--no-color");
        assertThat(text.out()).contains("base               Sane defaults").contains("shipped: profiles/base.yaml");
    }

    @Test
    void aBrokenUserProfileFailsWithOneLocatedLineAndExit2() throws Exception {
        Path etc = dir("etc"), home = dir("home");
        Files.writeString(etc.resolve("web.yaml"), "include: base\nsysctl:\n  net.core.somaxcon:\n    value: 4096\n    why: backlog\n");
        var r = CheckCommandTest.run(new PlanCommand(sessions(etc, home)), "--profile", "web", "--root", FIXTURES + "/debian12-vm");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: " + etc.resolve("web.yaml") + ":3:3: unknown sysctl key \"net.core.somaxcon\" (did you mean \"net.core.somaxconn\"?)\n");
    }

    @Test
    void planPrintsThePreviewAndJsonOfACapture() throws Exception {
        Path etc = dir("etc"), home = dir("home");
        var r = CheckCommandTest.run(new PlanCommand(sessions(etc, home)), "--profile", "base", "--root", FIXTURES + "/centos7-v1", "--id", "t-1", "--no-color");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).startsWith("Plan t-1 · profile base · legacy-db1 (").contains("+net.core.somaxconn = 4096\n")
                .containsPattern("\n  net\\.core\\.somaxconn +128 +→ 4096  \\(per network namespace\\)\n")
                .contains("systemctl daemon-reexec");
        var j = CheckCommandTest.run(new PlanCommand(sessions(etc, home)), "--profile", "base", "--root", FIXTURES + "/centos7-v1", "--id", "t-1", "--json");
        JsonNode plan = new ObjectMapper().readTree(j.out());
        assertThat(plan.get("id").asText()).isEqualTo("t-1");
        assertThat(plan.get("files")).extracting(f -> f.get("path").asText())
                .containsExactly("/etc/sysctl.d/60-golive.conf", "/etc/systemd/system.conf.d/60-golive.conf", "/etc/tmpfiles.d/60-golive.conf");
        assertThat(plan.get("live").get(0).get("before").asText()).isEqualTo("128");
        // the same document apply reads: PlanCodec round-trips it to the plan the Session makes
        try (Session s = sessions(etc, home).apply(FIXTURES + "/centos7-v1")) {
            assertThat(dev.golive.apply.PlanCodec.fromJson("plan.json", j.out()))
                    .isEqualTo(s.plan("base", java.util.Optional.empty(), List.of(), "t-1"));
        }
    }

    @Test
    void planForApiShowsThatTheAdminsOverrideConfBeatsGolivesLimitNofile() throws Exception {
        Path etc = dir("etc"), home = dir("home");
        var r = CheckCommandTest.run(new PlanCommand(sessions(etc, home)), "--profile", "web-api", "--service", "api",
                "--root", FIXTURES + "/debian12-vm", "--id", "t-3", "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("+LimitNOFILE=65536:1048576\n", "\nConflicts (1)\n",
                "  [Service] LimitNOFILE: golive sets 65536:1048576, /etc/systemd/system/api.service.d/override.conf:3 sets 65536\n",
                "Remove the LimitNOFILE= line at /etc/systemd/system/api.service.d/override.conf:3, or set LimitNOFILE=65536:1048576 there yourself");
        var json = CheckCommandTest.run(new PlanCommand(sessions(etc, home)), "--profile", "web-api", "--service", "api",
                "--root", FIXTURES + "/debian12-vm", "--id", "t-3", "--json");
        var c = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).path("conflicts").path(0);
        assertThat(c.path("key").asText()).isEqualTo("[Service] LimitNOFILE");
        assertThat(c.path("winner").path("path").asText()).isEqualTo("/etc/systemd/system/api.service.d/override.conf");
        assertThat(c.path("winner").path("line").asInt()).isEqualTo(3);
    }

    @Test
    void planWithAServiceAddsItsDropInFromTheUnitRenderer() throws Exception {
        Path etc = dir("etc"), home = dir("home");
        var r = CheckCommandTest.run(new PlanCommand(sessions(etc, home)), "--profile", "web-api", "--service", "prometheus-node-exporter",
                "--root", FIXTURES + "/ubuntu2004-hybrid", "--id", "t-2", "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("create /etc/systemd/system/prometheus-node-exporter.service.d/60-golive.conf  0644 root:root\n")
                .contains("+LimitNOFILE=1024:1048576\n")
                .contains("  LimitNOFILE: (unset) → 1024:1048576\n")
                .contains("  prometheus-node-exporter.service is not golive's unit: golive adds no sandboxing or restart policy to it (only with --tighten)\n")
                .doesNotContain("+TasksMax=", "NoNewPrivileges=", "Restart=")
                .contains("  systemctl daemon-reload\n")
                .contains("  systemctl restart prometheus-node-exporter.service   (proposed; only when you ask)\n")
                .contains("reads net.core.somaxconn once per process");
    }

    @Test
    void withTightenTheVendorUnitGetsTheProfilesSandboxingAndTaskLimitShownOldToNew() throws Exception {
        Path etc = dir("etc"), home = dir("home");
        var r = CheckCommandTest.run(new PlanCommand(sessions(etc, home)), "--profile", "web-api", "--service", "prometheus-node-exporter",
                "--tighten", "--root", FIXTURES + "/ubuntu2004-hybrid", "--id", "t-3", "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        // Linux 5.4 has no pids.peak: golive cannot tell the service's peak, so it writes no task limit and says why
        assertThat(r.out()).contains("+NoNewPrivileges=yes\n", "+RestartSec=5s\n")
                .contains("  NoNewPrivileges: (unset) → yes\n")
                .contains("  - not planned: service TasksMax (profiles/web-api.yaml:32): tasks.peak: cannot tell (no pids.peak in "
                        + "/sys/fs/cgroup/pids/system.slice/prometheus-node-exporter.service: the kernel has it since Linux 6.1 (this is 5.4.0)")
                .doesNotContain("+TasksMax=")
                .contains("  Restart=always of prometheus-node-exporter.service kept: golive never downgrades it (asked: on-failure)\n")
                .doesNotContain("+Restart=")
                .as("systemd 245 has no ProtectProc=").doesNotContain("+ProtectProc");
    }

    @Test
    void unknownProfileAndBadIdAreBadInput() throws Exception {
        Path etc = dir("etc"), home = dir("home");
        var r = CheckCommandTest.run(new PlanCommand(sessions(etc, home)), "--profile", "web-apl", "--root", FIXTURES + "/debian12-vm");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("golive: unknown profile \"web-apl\" (did you mean \"web-api\"?); known: ");
        var id = CheckCommandTest.run(new PlanCommand(sessions(etc, home)), "--profile", "base", "--id", "../x", "--root", FIXTURES + "/debian12-vm");
        assertThat(id.code()).isEqualTo(2);
    }

    @Test
    void recommendRanksWithReasons() throws Exception {
        Path etc = dir("etc"), home = dir("home");
        var r = CheckCommandTest.run(new RecommendCommand(sessions(etc, home)), "--root", FIXTURES + "/container-quota", "--json");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("recommended").asText()).isEqualTo("container-limited");
        assertThat(j.get("ranking").get(0).get("reasons").get(0).asText()).isEqualTo("runs in a container (docker)");
        var t = CheckCommandTest.run(new RecommendCommand(sessions(etc, home)), "--root", FIXTURES + "/container-quota", "--no-color");
        assertThat(t.out()).contains("110  container-limited   ← recommended\n       · runs in a container (docker)\n");
    }
}
