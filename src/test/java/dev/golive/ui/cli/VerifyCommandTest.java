package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.apply.PlanCodec;
import dev.golive.model.FixChange;
import dev.golive.verify.VerifyHostAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin runs `golive verify` on a capture after an apply: exit codes, text, JSON. */
class VerifyCommandTest {

    @TempDir Path work;

    record Run(int exit, String out, String err) { }

    static Run golive(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void beforeTheRestartVerifyExits1AndNamesTheRestartAfterItExits0() throws Exception {
        var h = VerifyHostAccess.applied(work, List.of(new FixChange.ServiceEnvironmentChange("GOMAXPROCS", "2")));
        Run before = golive("verify", "--root", h.dir().toString(), "--no-color");
        assertThat(before.exit()).as(before.err()).isEqualTo(1);
        assertThat(before.out()).contains("needs service restart").contains("LimitNOFILE").contains("1024:1048576")
                .contains("PID 4242 started").contains("systemctl restart api.service").contains("not in effect");

        h.restarted();
        Run after = golive("verify", "--root", h.dir().toString(), "--no-color");
        assertThat(after.exit()).as(after.out() + after.err()).isZero();
        assertThat(after.out()).contains("in effect: all").doesNotContain("needs service restart");
        assertThat(after.out()).contains("after the next boot").contains("/etc/sysctl.d/60-golive.conf");
    }

    @Test
    void jsonCarriesEachChangeItsStatusTheNextBootAndTheProcess() throws Exception {
        var h = VerifyHostAccess.applied(work, List.of());
        Run r = golive("verify", "--root", h.dir().toString(), "--json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("schema").asInt()).isEqualTo(1);
        assertThat(j.get("inEffect").asBoolean()).isFalse();
        assertThat(j.get("service").asText()).isEqualTo("api.service");
        JsonNode nofile = null;
        for (JsonNode i : j.get("items")) if (i.get("subject").asText().equals("LimitNOFILE")) nofile = i;
        assertThat(nofile).isNotNull();
        assertThat(nofile.get("status").asText()).isEqualTo("NEEDS_RESTART");
        assertThat(nofile.get("statusText").asText()).isEqualTo("needs service restart");
        assertThat(nofile.get("kind").asText()).isEqualTo("PROCESS");
        assertThat(j.get("nextBoot").get(0).get("reader").asText()).isEqualTo("systemd-sysctl");
        JsonNode p = j.get("process");
        assertThat(p.get("mainPid").get("value").asInt()).isEqualTo(4242);
        assertThat(p.get("nofile").get("value").asText()).isEqualTo("1024:524288");
        assertThat(p.get("listeners").get("value").get(0).get("backlog").asInt()).isEqualTo(128);
        assertThat(p.get("anonHugePagesKb").get("value").asLong()).isEqualTo(2048);
    }

    @Test
    void withoutAnAppliedSnapshotOrWithABadPlanFileVerifyExits2WithOneLine() throws Exception {
        Path host = work.resolve("fresh");
        Path fixture = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts/debian12-vm");
        try (var files = Files.walk(fixture)) {
            for (Path p : files.toList()) {
                Path to = host.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Run none = golive("verify", "--root", host.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err().strip()).contains("no applied snapshot to verify").doesNotContain("\n").doesNotContain("Exception");

        Path bad = work.resolve("plan.json");
        Files.writeString(bad, "{\"id\": 1}");
        Run badPlan = golive("verify", "--root", host.toString(), "--plan-file", bad.toString());
        assertThat(badPlan.exit()).isEqualTo(2);
        assertThat(badPlan.err().strip()).contains("plan.json").doesNotContain("\n");

        Run usage = golive("verify", "--root", host.toString(), "--no-such-option");
        assertThat(usage.exit()).isEqualTo(2);
    }

    @Test
    void aPlanFileIsVerifiedAgainstTheApplyOfTheSameIdAndAnotherServiceIsRefusedByName() throws Exception {
        var h = VerifyHostAccess.applied(work, List.of());
        h.restarted();
        Path plan = work.resolve("plan.json");
        Files.writeString(plan, PlanCodec.toJson(h.plan()));
        Run r = golive("verify", "--root", h.dir().toString(), "--plan-file", plan.toString());
        assertThat(r.out()).contains("verify plan file " + h.plan().id() + ", applied ");
        Run bad = golive("verify", "--root", h.dir().toString(), "--service", "no/such");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--service no/such");
    }
}
