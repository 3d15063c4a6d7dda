package dev.golive.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Finishing a new service on a real systemd host (the test bench, Debian 12, systemd 252): golive
 * builds a tiny Go service on this machine, and `golive apply --finish` on the bench creates the
 * system user the spec names, installs the binary, writes, enables and starts the unit, and its
 * health step sees it active, listening and answering. A rollback stops, disables and removes all
 * of it, and the host's accounts, unit files and binaries are as before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinishBenchIT {

    static final String BENCH = "finish-bench";
    /** What the finish touches, compared byte for byte before and after. */
    static final String WATCHED = "/etc/passwd /etc/group /etc/shadow /etc/gshadow /etc/sysctl.d /etc/systemd/system /usr/local/bin";

    static String pristine;

    static String sh(String script) throws Exception { return Testbed.sh(BENCH, script); }

    static Run in(String... cmd) throws Exception { return Testbed.in(BENCH, cmd); }

    static String watched() throws Exception {
        return sh("find " + WATCHED + " -xdev \\( -type f -o -type l \\) -exec sha256sum {} + 2>/dev/null | sort -k2; "
                + "find " + WATCHED + " -xdev -type l -printf '%p -> %l\\n' | sort");
    }

    static final String APPLY_HELLO = "golive apply --profile web-api --service hello --exec /usr/local/bin/hello --user hello"
            + " --port 8081 --finish --binary /root/hello --health-url http://127.0.0.1:8081/healthz --yes --arg -listen --arg ";

    @BeforeAll static void up() throws Exception {
        assumeTrue("0".equals(Run.run(List.of("id", "-u")).out().strip()), "the bench needs root (systemd-nspawn)");
        assumeTrue(Run.hasCommand("go"), "golive build needs go on this machine");
        // golive builds the service here, where the source and the toolchain are
        Path module = Files.createTempDirectory("hello-module");
        Path src = Run.root().resolve("src/test/resources/testbed/api");
        for (String f : List.of("go.mod", "main.go")) Files.copy(src.resolve(f), module.resolve(f));
        Run build = Run.run(List.of(Run.root().resolve("scripts/golive").toString(), "build", "--module", module.toString(), "--name", "hello",
                "--target", "linux/amd64"), Duration.ofMinutes(5));
        assertThat(build.exit()).as(build.out() + build.err()).isZero();
        Path built;
        try (var s = Files.list(module.resolve("dist"))) {
            built = s.filter(p -> p.getFileName().toString().startsWith("hello")).findFirst().orElseThrow();
        }
        Run r = Testbed.run("up", BENCH);
        assertThat(r.exit()).as("testbed up: " + r.err()).isZero();
        Path benchRoot = Path.of(System.getenv().getOrDefault("GOLIVE_TESTBED_DIR", "/var/tmp/golive-testbed"), BENCH, "root");
        Files.copy(built, benchRoot.resolve("root/hello"));
        assertThat(sh("id hello 2>&1 || true")).contains("no such user");
        pristine = watched();
    }

    @AfterAll static void down() throws Exception {
        if (pristine != null) Testbed.run("down", BENCH);
    }

    @Test @Order(1)
    void finishCreatesTheUserInstallsTheBinaryStartsTheUnitAndItIsHealthy() throws Exception {
        Run apply = in("sh", "-c", APPLY_HELLO + "127.0.0.1:8081");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("  create group hello: done\n", "  create user hello: done\n",
                "  install binary /usr/local/bin/hello: done\n", "  enable and start hello.service: done\n",
                "  systemctl restart hello.service: left to the finish below",
                "  ok    hello.service is active: active (running)", "  ok    port 8081 listens: LISTEN on tcp 8081\n",
                "  ok    http://127.0.0.1:8081/healthz answers: HTTP 200\n", "  ok    no automatic restart since the start: NRestarts 0 → 0\n",
                "hello[", "listening on 127.0.0.1:8081");
        // a system user as useradd --system makes one: below 1000, no login shell; the service runs as it
        assertThat(Integer.parseInt(sh("id -u hello"))).isBetween(100, 999);
        assertThat(sh("getent passwd hello | cut -d: -f7")).isEqualTo("/usr/sbin/nologin");
        assertThat(sh("ps -o user= -p $(systemctl show -p MainPID --value hello.service)")).isEqualTo("hello");
        assertThat(sh("stat -c '%a %U:%G' /usr/local/bin/hello")).isEqualTo("755 root:root");
        assertThat(sh("systemctl is-enabled hello.service")).isEqualTo("enabled");
        Run health = in("golive", "health", "--service", "hello", "--port", "8081");
        assertThat(health.exit()).as(health.out() + health.err()).isZero();
        assertThat(health.out()).startsWith("health of hello.service: healthy\n");
    }

    @Test @Order(2)
    void rollbackStopsDisablesAndRemovesTheServiceItsBinaryAndItsUser() throws Exception {
        Run rb = in("golive", "rollback", "--last", "--yes");
        assertThat(rb.exit()).as(rb.out() + rb.err()).isZero();
        assertThat(rb.out()).contains("systemctl stop hello.service: done", "systemctl disable hello.service: done",
                "removed /usr/local/bin/hello (there was no binary before)", "userdel hello");
        assertThat(sh("systemctl is-active hello.service || true")).isEqualTo("inactive");
        assertThat(sh("id hello 2>&1 || true")).contains("no such user");
        assertThat(watched()).isEqualTo(pristine);
    }

    @Test @Order(3)
    void aServiceThatCannotListenFailsTheHealthStepAndTheApplyStandsForRollback() throws Exception {
        // the address is refused at start: the process exits, systemd restarts it (Restart=on-failure)
        Run apply = in("sh", "-c", APPLY_HELLO + "127.0.0.1:99999");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isEqualTo(1);
        assertThat(apply.out()).contains("  enable and start hello.service: done\n", "  FAIL  port 8081 listens: no LISTEN socket on tcp 8081\n",
                "last journal lines of hello.service:");
        assertThat(apply.err()).contains("golive: hello.service is not healthy; the apply stands", "or undo with: golive rollback ");
        Run rb = in("golive", "rollback", "--last", "--yes");
        assertThat(rb.exit()).as(rb.out() + rb.err()).isZero();
        assertThat(watched()).isEqualTo(pristine);
    }
}
