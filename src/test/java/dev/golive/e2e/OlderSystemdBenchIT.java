package dev.golive.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * golive on a real older systemd: the bench booted from Debian 11 (systemd 247). What golive
 * writes there must load without a single "Unknown key" in the journal: the directive table
 * decides what a unit may say, and this is the host that would ignore anything newer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OlderSystemdBenchIT {

    static final String BENCH = "bench-247";
    /** What systemd 247 logs for a directive it does not know (newer releases say the same; older said "Unknown lvalue"). */
    static final Pattern UNKNOWN = Pattern.compile(".*(Unknown key name|Unknown lvalue|Unknown section|Failed to parse).*");

    static boolean up;

    static Run bench(String... words) throws Exception { return Testbed.run(words); }

    static Run in(String... cmd) throws Exception { return Testbed.in(BENCH, cmd); }

    static String sh(String script) throws Exception { return Testbed.sh(BENCH, script); }

    /** The journal's complaints about unit files since boot. */
    static List<String> complaints() throws Exception {
        return sh("journalctl -b --no-pager -o cat").lines().filter(l -> UNKNOWN.matcher(l).matches()).toList();
    }

    @BeforeAll static void boot() throws Exception {
        assumeTrue("0".equals(Run.run(List.of("id", "-u")).out().strip()), "the bench needs root (systemd-nspawn)");
        Run r = bench("up", BENCH, "--release", "bullseye");
        assertThat(r.exit()).as("testbed up --release bullseye: " + r.err()).isZero();
        up = true;
    }

    @AfterAll static void down() throws Exception {
        if (up) bench("down", BENCH);
    }

    @Test @Order(1)
    void goliveReadsTheHostsSystemdVersionNotThisMachines() throws Exception {
        assertThat(sh("systemctl --version | head -1")).startsWith("systemd 247");
        Run inspect = in("golive", "inspect", "--json");
        assertThat(inspect.exit()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("systemd 247");
    }

    @Test @Order(2)
    void theDetectorSeesADirectiveTooNewForThisSystemd() throws Exception {
        // ExitType= came with systemd 250: this host logs it as unknown, which is what the next tests look for
        sh("printf '[Service]\\nExecStart=/bin/true\\nExitType=cgroup\\n' > /etc/systemd/system/probe.service && systemctl daemon-reload"
                + " && systemctl start probe.service; rm -f /etc/systemd/system/probe.service; systemctl daemon-reload");
        assertThat(complaints()).anySatisfy(l -> assertThat(l).contains("ExitType"));
    }

    @Test @Order(3)
    void aNewStrictUnitFromGoliveLoadsWithoutAnUnknownDirectiveAndServes() throws Exception {
        List<String> before = complaints();
        Run unit = in("golive", "unit", "--service", "web", "--exec", "/usr/local/bin/api", "--arg=-listen", "--arg=127.0.0.1:8090",
                "--user", "api", "--port", "8090", "--memory-max", "512M", "--cpu-quota", "150%", "--nofile", "1024:65536",
                "--state-directory", "web", "--restart-sec", "1s", "--hardening", "strict", "--json");
        assertThat(unit.exit()).as(unit.err()).isIn(0, 1);
        Matcher m = Pattern.compile("\"content\" : \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(unit.out());
        assertThat(m.find()).as(unit.out()).isTrue();
        String content = m.group(1).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
        // what 247 cannot take is left out or spelled the old way, never written
        assertThat(content).doesNotContain("PrivateTmp=disconnected").doesNotContain("MemoryTHP=").doesNotContain("RestartSteps=");
        String b64 = Base64.getEncoder().encodeToString(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sh("echo " + b64 + " | base64 -d > /etc/systemd/system/web.service && systemctl daemon-reload && systemctl start web.service");
        try {
            assertThat(sh("systemctl is-active web.service")).isEqualTo("active");
            assertThat(in("/usr/local/bin/api", "-get", "http://127.0.0.1:8090/healthz").out()).isEqualTo("ok\n");
            Run verify = in("systemd-analyze", "verify", "/etc/systemd/system/web.service");
            assertThat(verify.out() + verify.err()).doesNotContainPattern("Unknown (key name|lvalue|section)");
            List<String> after = new ArrayList<>(complaints());
            after.removeAll(before);
            assertThat(after).as("the journal after loading golive's unit on systemd 247").isEmpty();
        } finally {
            sh("systemctl stop web.service; rm -f /etc/systemd/system/web.service; systemctl daemon-reload");
        }
    }

    @Test @Order(4)
    void aTightenedDropInOnAnExistingUnitLoadsAndTheServiceRestartsWithIt() throws Exception {
        List<String> before = complaints();
        Run apply = in("golive", "apply", "--profile", "web-api", "--service", "api", "--tighten", "--restart", "--yes");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        try {
            assertThat(sh("systemctl show -p DropInPaths --value api.service")).contains("60-golive.conf");
            assertThat(sh("systemctl is-active api.service")).isEqualTo("active");
            assertThat(in("/usr/local/bin/api", "-get", "http://127.0.0.1:8080/healthz").out()).isEqualTo("ok\n");
            List<String> after = new ArrayList<>(complaints());
            after.removeAll(before);
            assertThat(after).as("the journal after golive's drop-in on systemd 247").isEmpty();
        } finally {
            Run rollback = in("golive", "rollback", "--last", "--yes");
            assertThat(rollback.exit()).as(rollback.out() + rollback.err()).isZero();
        }
        assertThat(sh("systemctl show -p DropInPaths --value api.service")).doesNotContain("60-golive.conf");
    }
}
