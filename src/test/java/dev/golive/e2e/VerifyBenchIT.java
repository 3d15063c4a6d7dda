package dev.golive.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * golive verify on the real systemd bench (scripts/testbed): after an apply without a restart
 * the running api.service still has what it took at exec, and verify says it needs a restart;
 * after `systemctl restart api` everything is in effect. In the confined bench (PID 1 started
 * with nofile 20000:20000, no CAP_SYS_RESOURCE) systemd cannot give the restarted service the
 * unit's LimitNOFILE, and verify says the limit did not reach the process.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyBenchIT {

    static final String BENCH = "verify-bench";
    static boolean up;

    /**
     * A profile whose open-files limit the bench can give (its ceiling is 20000 hard, see
     * scripts/testbed): web-api with LimitNOFILE=1024:16384.
     */
    static final String PROFILE = "description: web-api within the bench's open-files ceiling\n"
            + "include: [web-api]\n"
            + "service:\n"
            + "  LimitNOFILE:\n"
            + "    value: \"1024:16384\"\n"
            + "    why: The bench's systemd can give at most 20000 open files.\n";

    static Run bench(String... words) throws Exception { return Testbed.run(words); }

    static Run in(String... cmd) throws Exception { return Testbed.in(BENCH, cmd); }

    static String sh(String script) throws Exception { return Testbed.sh(BENCH, script); }

    static void boot(String... options) throws Exception {
        List<String> w = new ArrayList<>(List.of("up", BENCH));
        w.addAll(List.of(options));
        Run r = bench(w.toArray(new String[0]));
        assertThat(r.exit()).as("testbed up: " + r.err()).isZero();
        up = true;
        assertThat(sh("systemctl is-active api.service")).isEqualTo("active");
    }

    @BeforeAll static void start() throws Exception {
        assumeTrue("0".equals(Run.run(List.of("id", "-u")).out().strip()), "the bench needs root (systemd-nspawn)");
        boot();
    }

    @AfterAll static void down() throws Exception {
        if (up) bench("down", BENCH);
    }

    @Test @Order(1)
    void afterAnApplyWithoutARestartVerifyNamesTheRestartAndAfterTheRestartEverythingIsInEffect() throws Exception {
        sh("mkdir -p /etc/golive/profiles && cat > /etc/golive/profiles/bench-api.yaml <<'EOF'\n" + PROFILE + "EOF");
        String pid = sh("systemctl show -p MainPID --value api.service");
        Run apply = in("golive", "apply", "--profile", "bench-api", "--service", "api", "--yes");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(sh("systemctl show -p MainPID --value api.service")).isEqualTo(pid);

        Run before = in("golive", "verify", "--no-color");
        assertThat(before.exit()).as(before.out() + before.err()).isEqualTo(1);
        assertThat(before.out()).contains("service api.service").contains("needs service restart")
                .contains("PID " + pid + " started").contains("systemctl restart api.service");
        // the process really has the old backlog and limit: verify read them from the running process
        assertThat(before.out()).containsPattern("listen backlog 127\\.0\\.0\\.1:8080\\s+8192\\s+4096");

        sh("systemctl restart api");
        Run after = in("golive", "verify", "--no-color");
        assertThat(after.exit()).as(after.out() + after.err()).isZero();
        assertThat(after.out()).contains("in effect: all").contains("listen backlog          127.0.0.1:8080: 8192")
                .contains("open files (soft:hard)  16384:16384");
        System.out.println("verify on the bench after the restart:\n" + after.out());
    }

    @Test @Order(2)
    void inTheConfinedBenchTheUnitsLimitNofileDoesNotReachTheProcess() throws Exception {
        bench("down", BENCH);
        up = false;
        boot("--confined");
        Run apply = in("golive", "apply", "--profile", "web-api", "--service", "api", "--restart", "--yes");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        Run v = in("golive", "verify", "--json");
        assertThat(v.exit()).as(v.out() + v.err()).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(v.out());
        com.fasterxml.jackson.databind.JsonNode nofile = null;
        for (com.fasterxml.jackson.databind.JsonNode i : j.get("items")) if (i.get("subject").asText().equals("LimitNOFILE")) nofile = i;
        assertThat(nofile).as(v.out()).isNotNull();
        assertThat(nofile.get("status").asText()).isEqualTo("NOT_REACHED");
        assertThat(nofile.get("expected").asText()).isEqualTo("1024:1048576");
        assertThat(nofile.get("now").asText()).isEqualTo("20000:20000");
        assertThat(nofile.get("detail").asText()).contains("systemd's own hard limit is 20000");
        Run text = in("golive", "verify", "--no-color");
        assertThat(text.out()).contains("did not reach the process");
        System.out.println("verify in the confined bench:\n" + text.out());
    }
}
