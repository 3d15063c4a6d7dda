package dev.golive.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The capture playbook run by Ansible for real, over ssh, against three booted bench hosts that
 * differ on purpose (one clean, one with a profile's advice applied, one with a CPU quota on the
 * service), and each assembled capture inspected against `golive capture` made on the same host
 * over the same kind of connection.
 */
class FleetCaptureBenchIT {

    static final List<String> HOSTS = List.of("fleet-clean", "fleet-advised", "fleet-quota");
    static Path tmp;
    static Path key;
    static final List<String> up = new ArrayList<>();

    @BeforeAll static void boot() throws Exception {
        assumeTrue("0".equals(Run.run(List.of("id", "-u")).out().strip()), "the bench needs root (systemd-nspawn)");
        assumeTrue(Run.hasCommand("ansible-playbook"), "ansible-playbook is not installed (scripts/test installs the ansible package)");
        tmp = Files.createTempDirectory("fleet-capture");
        key = tmp.resolve("id_ed25519");
        assertThat(Run.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())).exit()).isZero();
        String pub = Files.readString(tmp.resolve("id_ed25519.pub")).strip();
        // one after the other: they share the image cache, and three boots at once are too much for CI's two cores
        for (String h : HOSTS) {
            Run r = Testbed.run("up", h);
            assertThat(r.exit()).as("testbed up " + h + ": " + r.err()).isZero();
            up.add(h);
            Testbed.sh(h, "mkdir -p -m 700 /root/.ssh && printf '%s\\n' '" + pub + "' > /root/.ssh/authorized_keys && chmod 600 /root/.ssh/authorized_keys");
        }
        // the advice applied: web-api within the bench's open-files ceiling (as SystemdBenchIT does)
        Testbed.sh("fleet-advised", "mkdir -p /etc/golive/profiles && cat > /etc/golive/profiles/bench-api.yaml <<'EOF'\n"
                + "description: web-api within the bench's open-files ceiling\ninclude: [web-api]\nservice:\n"
                + "  LimitNOFILE:\n    value: \"1024:16384\"\n    why: The bench's systemd can give at most 20000 open files.\nEOF");
        Run apply = Testbed.in("fleet-advised", "golive", "apply", "--profile", "bench-api", "--service", "api", "--restart", "--yes");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        Testbed.sh("fleet-quota", "mkdir -p /etc/systemd/system/api.service.d && printf '[Service]\\nCPUQuota=50%%\\n' > /etc/systemd/system/api.service.d/cpu.conf"
                + " && systemctl daemon-reload && systemctl restart api.service");
    }

    @AfterAll static void down() throws Exception {
        for (String h : up) Testbed.run("down", h);
        if (tmp != null) Run.run(List.of("rm", "-rf", tmp.toString()));
    }

    static String proxy(String host) { return Run.root().resolve("scripts/testbed") + " exec " + host + " -- /usr/sbin/sshd -i"; }

    static List<String> ssh(String host, String command) {
        return List.of("ssh", "-i", key.toString(), "-o", "ProxyCommand=" + proxy(host), "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "root@" + host, command);
    }

    @Test
    void theAssembledCapturesInspectAsGoliveCaptureOnEachHost() throws Exception {
        Run export = Run.golive("export", "--format", "ansible-capture", "--service", "api", "-o", tmp.resolve("exp").toString());
        assertThat(export.exit()).as(export.out() + export.err()).isZero();
        StringBuilder inv = new StringBuilder();
        for (String h : HOSTS) {
            inv.append(h).append(" ansible_host=").append(h).append(" ansible_user=root ansible_ssh_private_key_file=").append(key)
                    .append(" ansible_python_interpreter=/usr/bin/python3 ansible_ssh_common_args='-o ProxyCommand=\"").append(proxy(h))
                    .append("\" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null'\n");
        }
        inv.append("gone ansible_host=gone ansible_user=root ansible_ssh_common_args='-o ProxyCommand=false'\n");
        Files.writeString(tmp.resolve("inventory"), inv.toString());
        // ssh's control masters of this run only: a master left from an earlier run (ControlPersist)
        // under ~/.ansible/cp would be reused for the same host name, connected to a bench long gone
        Map<String, String> env = Map.of("ANSIBLE_NOCOLOR", "1", "ANSIBLE_RETRY_FILES_ENABLED", "0", "ANSIBLE_PIPELINING", "1",
                "ANSIBLE_LOCAL_TEMP", tmp.resolve("ansible-local").toString(), "ANSIBLE_HOST_KEY_CHECKING", "0",
                "ANSIBLE_SSH_CONTROL_PATH_DIR", tmp.resolve("cp").toString());
        long t0 = System.nanoTime();
        Run play = Run.run(List.of("ansible-playbook", "-i", tmp.resolve("inventory").toString(), "-e", "ansible_become=false",
                "-e", "{\"golive_command\": [\"" + Run.root().resolve("scripts/golive") + "\"]}",
                tmp.resolve("exp/golive-capture.yml").toString()), Duration.ofMinutes(40), env);
        System.out.printf("capture playbook, %d hosts: %d s%n", HOSTS.size(), (System.nanoTime() - t0) / 1_000_000_000L);
        // the unreachable host is listed, its capture partial, and the play fails for it
        assertThat(play.exit()).as(play.out()).isNotZero();
        assertThat(play.out()).contains("gone: partial: the host stopped answering");
        for (String h : HOSTS) assertThat(play.out()).contains(h + ": complete after");
        assertThat(Files.readString(tmp.resolve("exp/captures/gone/golive-capture.json"))).contains("\"missing\"");

        for (String h : HOSTS) {
            Run cap = Run.run(ssh(h, "rm -rf /var/tmp/gc && golive capture --service api -o /var/tmp/gc"), Duration.ofMinutes(5));
            assertThat(cap.exit()).as(cap.out() + cap.err()).isZero();
            Path golive = Path.of(System.getenv().getOrDefault("GOLIVE_TESTBED_DIR", "/var/tmp/golive-testbed"), h, "root/var/tmp/gc");
            Path assembled = tmp.resolve("exp/captures").resolve(h);
            assertThat(facts(assembled)).as(h).isEqualTo(facts(golive));
        }
        // the three differ where they were made to
        assertThat(Run.golive("inspect", "--root", tmp.resolve("exp/captures/fleet-quota").toString(), "--service", "api").out()).contains("50%");
    }

    /**
     * Fields that differ between two readings of the same host by nature: when it was read, where
     * the capture lies on this machine, values of the moment (allocated file handles, available
     * memory), and the reading process's own open-files limit (/proc/self/limits: golive's JVM
     * raises its soft limit to the hard one at start, Ansible's Python keeps the session's 1024).
     */
    static final Set<String> MOMENT = Set.of("capturedAt", "root", "fileNrAllocated", "availableBytes", "processNofile");

    static JsonNode facts(Path capture) throws Exception {
        Run r = Run.golive("inspect", "--json", "--service", "api", "--root", capture.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        strip(n);
        return n;
    }

    static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove(MOMENT);
            o.forEach(FleetCaptureBenchIT::strip);
        } else if (n.isArray()) {
            n.forEach(FleetCaptureBenchIT::strip);
        }
    }
}
