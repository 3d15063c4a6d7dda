package dev.golive.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * golive on a real systemd host: the test bench (scripts/testbed) boots Debian 12 with systemd
 * 252 as PID 1 in a container, with the sample Go service api.service running. Each journey
 * runs golive inside it and reads back real state: what systemd loaded, what the running
 * process got (its limits, its listener's backlog), what systemd-sysctl applied at boot.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemdBenchIT {

    static final String BENCH = "it-bench";
    /** The files golive may write on the bench; compared byte for byte before and after. */
    static final String OWNED = "/etc/sysctl.d /etc/systemd/system /etc/systemd/system.conf.d /etc/tmpfiles.d";

    static Map<String, String> pristine;
    static String pristineSomaxconn;

    static Run bench(String... words) throws Exception { return Testbed.run(words); }

    static Run in(String... cmd) throws Exception { return Testbed.in(BENCH, cmd); }

    static String sh(String script) throws Exception { return Testbed.sh(BENCH, script); }

    /** Every regular file under golive's places, by SHA-256. */
    static Map<String, String> owned() throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (String line : sh("find " + OWNED + " -xdev \\( -type f -o -type l \\) -exec sha256sum {} + 2>/dev/null | sort -k2").lines().toList()) {
            String[] f = line.split("\\s+", 2);
            m.put(f[1], f[0]);
        }
        return m;
    }

    static int mainPid() throws Exception { return Integer.parseInt(sh("systemctl show -p MainPID --value api.service")); }

    /** The accept backlog the service's listener really got: Send-Q of its LISTEN socket. */
    static int backlog(String port) throws Exception {
        Matcher m = Pattern.compile("LISTEN\\s+\\d+\\s+(\\d+)\\s+\\S+:" + port + "\\b").matcher(sh("ss -ltn"));
        assertThat(m.find()).as("a LISTEN socket on " + port).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static String nofile(int pid) throws Exception {
        return sh("awk '/Max open files/ {print $4 \":\" $5}' /proc/" + pid + "/limits");
    }

    @BeforeAll static void up() throws Exception {
        assumeTrue("0".equals(Run.run(List.of("id", "-u")).out().strip()), "the bench needs root (systemd-nspawn)");
        Run r = bench("up", BENCH);
        assertThat(r.exit()).as("testbed up: " + r.err()).isZero();
        assertThat(sh("systemctl is-active api.service")).isEqualTo("active");
        pristine = owned();
        pristineSomaxconn = sh("sysctl -n net.core.somaxconn");
    }

    @AfterAll static void down() throws Exception {
        if (pristine != null) bench("down", BENCH);
    }

    @Test @Order(1)
    void checkAndInspectReadTheRunningService() throws Exception {
        Run inspect = in("golive", "inspect", "--service", "api", "--json");
        assertThat(inspect.exit()).as(inspect.err()).isZero();
        // the real systemd: its version, and the unit as systemctl sees it
        assertThat(inspect.out()).contains("\"systemctl --version\"").contains("/etc/systemd/system/api.service");
        assertThat(sh("systemctl --version | head -1")).startsWith("systemd 252");
        Run check = in("golive", "check", "--service", "api");
        assertThat(check.exit()).as(check.err()).isIn(0, 1);
        assertThat(check.out()).contains("rules").doesNotContain("internal error");
    }

    @Test @Order(2)
    void applyReloadsRestartsAndTheProcessGetsTheBacklog() throws Exception {
        int before = mainPid();
        String tasksMax = sh("systemctl show -p TasksMax --value api.service");
        Run apply = in("golive", "apply", "--profile", "web-api", "--service", "api", "--restart", "--yes");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("systemctl daemon-reload: done").contains("systemctl restart api.service: done");
        // systemd loaded golive's drop-in: the unit's effective settings say so
        assertThat(sh("systemctl show -p DropInPaths --value api.service")).contains("/etc/systemd/system/api.service.d/60-golive.conf");
        assertThat(sh("systemctl show -p NeedDaemonReload --value api.service")).isEqualTo("no");
        // api.service is not golive's unit: its task limit is tightened only when the admin asks (--tighten)
        assertThat(sh("systemctl show -p TasksMax --value api.service")).isEqualTo(tasksMax);
        // a new process, which read the new somaxconn once at start: its listener's backlog is 8192
        int after = mainPid();
        assertThat(after).isNotEqualTo(before);
        assertThat(sh("sysctl -n net.core.somaxconn")).isEqualTo("8192");
        assertThat(backlog("8080")).isEqualTo(8192);
        assertThat(in("/usr/local/bin/api", "-get", "http://127.0.0.1:8080/healthz").out()).isEqualTo("ok\n");
        // the drop-in asks for 1048576 open files; the bench's ceiling is 20000 (see scripts/testbed): the
        // process gets what systemd could give, and Go raised its soft limit to the hard one
        assertThat(nofile(after)).isEqualTo("20000:20000");
    }

    @Test @Order(3)
    void afterARebootSystemdSysctlSetsTheValuesAndTheServiceStartsWithThem() throws Exception {
        Run r = bench("reboot", BENCH);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(sh("systemctl is-active systemd-sysctl.service")).isEqualTo("active");
        assertThat(sh("sysctl -n net.core.somaxconn")).isEqualTo("8192");
        assertThat(sh("sysctl -n net.ipv4.tcp_slow_start_after_idle")).isEqualTo("0");
        assertThat(sh("systemctl is-active api.service")).isEqualTo("active");
        assertThat(backlog("8080")).isEqualTo(8192);
        assertThat(sh("systemctl show -p DropInPaths --value api.service")).contains("60-golive.conf");
    }

    @Test @Order(4)
    void rollbackAfterTheRebootPutsBackTheFilesTheValuesAndAfterARestartTheProcess() throws Exception {
        Run rb = in("golive", "rollback", "--last", "--yes");
        assertThat(rb.exit()).as(rb.out() + rb.err()).isZero();
        assertThat(owned()).isEqualTo(pristine);
        assertThat(sh("sysctl -n net.core.somaxconn")).isEqualTo(pristineSomaxconn);
        assertThat(sh("systemctl show -p DropInPaths --value api.service")).doesNotContain("60-golive.conf");
        // a running Go process keeps the backlog it read at start until it restarts: the apply restarted
        // the service, so its rollback does too, and the new process has the original backlog
        assertThat(rb.out()).contains("systemctl restart api.service");
        assertThat(backlog("8080")).isEqualTo(Integer.parseInt(pristineSomaxconn));
        Run reboot = bench("reboot", BENCH);
        assertThat(reboot.exit()).as(reboot.err()).isZero();
        assertThat(sh("sysctl -n net.core.somaxconn")).isEqualTo(pristineSomaxconn);
        assertThat(backlog("8080")).isEqualTo(Integer.parseInt(pristineSomaxconn));
        assertThat(owned()).isEqualTo(pristine);
    }

    @Test @Order(5)
    void aPowerCutMidApplyIsAnnouncedAtBootAndRecoverRestoresEveryFile() throws Exception {
        // golive pauses after its second file (a fault point), then the whole container loses power
        Run start = in("sh", "-c", "GOLIVE_FAULT=rename:2:pause GOLIVE_FAULT_READY=/run/golive-paused "
                + "nohup golive apply --profile web-api --service api --yes >/root/apply.log 2>&1 &"
                + " for i in $(seq 1 300); do [ -f /run/golive-paused ] && exit 0; sleep 0.1; done; cat /root/apply.log; exit 1");
        assertThat(start.exit()).as("golive reached the pause: " + start.out()).isZero();
        assertThat(owned()).isNotEqualTo(pristine);
        assertThat(bench("crash", BENCH).exit()).isZero();
        assertThat(bench("boot", BENCH).exit()).isZero();
        Run any = in("golive", "snapshots");
        assertThat(any.err()).contains("an apply or rollback did not finish").contains("run golive recover");
        Run recover = in("golive", "recover");
        assertThat(recover.exit()).as(recover.out() + recover.err()).isZero();
        assertThat(owned()).isEqualTo(pristine);
        assertThat(in("golive", "snapshots").err()).doesNotContain("did not finish");
    }

    /** The apply of the journeys, with fault points armed (GOLIVE_FAULT) in the background; its output in /root/apply.log. */
    static final String APPLY = "GOLIVE_FAULT_READY=/run/golive-paused nohup golive apply --profile web-api --service api --restart --yes"
            + " >/root/apply.log 2>&1 &";

    @Test @Order(7)
    void goliveKilledWithSigkillAtEachPointOfAnApplyIsRecoveredByteForByte() throws Exception {
        // which points this apply passes, in order: pause at every candidate and let each go on
        List<String> candidates = new ArrayList<>(List.of("before-manifest", "after-manifest", "daemon-reload", "daemon-reexec",
                "restart:api.service", "verify"));
        for (int i = 1; i <= 6; i++) {
            for (String p : List.of("file-write:", "dir-sync:", "rename:", "mid-write:", "live-write:")) candidates.add(p + i);
        }
        String armed = String.join(",", candidates.stream().map(p -> p + ":pause").toList());
        String reached = sh("rm -f /run/golive-paused; GOLIVE_FAULT=" + armed + " " + APPLY + " pid=$!;"
                + " while kill -0 $pid 2>/dev/null; do if [ -f /run/golive-paused ]; then cut -d' ' -f2 /run/golive-paused;"
                + " rm -f /run/golive-paused; fi; sleep 0.05; done");
        List<String> points = reached.lines().toList();
        assertThat(in("golive", "rollback", "--last", "--yes").exit()).isZero();
        assertThat(owned()).isEqualTo(pristine);
        assertThat(points).as("the points of a real apply").hasSizeGreaterThanOrEqualTo(12).contains("before-manifest", "verify");
        // then golive is killed with SIGKILL at each of them in turn (and between the points: twice per point
        // where it pauses, once at the point itself and once 50 ms after letting it go on), and recover runs
        int kills = 0;
        for (String point : points) {
            for (boolean late : List.of(false, true)) {
                String killer = late
                        ? "p=$(cut -d' ' -f1 /run/golive-paused); rm -f /run/golive-paused; sleep 0.05; kill -KILL $p 2>/dev/null; true"
                        : "kill -KILL $(cut -d' ' -f1 /run/golive-paused)";
                String out = sh("rm -f /run/golive-paused; GOLIVE_FAULT=" + point + ":pause " + APPLY
                        + " for i in $(seq 1 300); do [ -f /run/golive-paused ] && break; sleep 0.05; done;"
                        + " [ -f /run/golive-paused ] || { cat /root/apply.log; exit 1; }; " + killer + "; sleep 0.2; echo killed");
                assertThat(out).as(point).endsWith("killed");
                kills++;
                Run recover = in("golive", "recover");
                assertThat(recover.exit()).as(point + (late ? " (+50 ms)" : "") + ": " + recover.out() + recover.err()).isIn(0);
                if (recover.out().startsWith("nothing to recover") && !owned().equals(pristine)) {
                    // killed after the apply had finished (a late kill past the last point): undo it as an admin would;
                    // killed before the snapshot's manifest, nothing was written and there is nothing to undo
                    Run rollback = in("golive", "rollback", "--last", "--yes");
                    assertThat(rollback.exit()).as(point + ": " + rollback.out() + rollback.err()).isZero();
                }
                assertThat(owned()).as("files after a kill at " + point + (late ? " (+50 ms)" : "")).isEqualTo(pristine);
                assertThat(sh("sysctl -n net.core.somaxconn")).as("somaxconn after a kill at " + point).isEqualTo(pristineSomaxconn);
                assertThat(sh("systemctl is-active api.service")).isEqualTo("active");
            }
        }
        assertThat(kills).isGreaterThanOrEqualTo(20);
        System.out.printf("testbed: %d SIGKILLs at %d points of a real apply, each recovered byte for byte: %s%n", kills, points.size(), points);
    }

    @Test @Order(6)
    void procSubsetPidHidesSomaxconnFromGoAndTheBacklogFallsTo128() throws Exception {
        sh("mkdir -p /etc/systemd/system/api-trap.service.d && sed -e 's/8080/8081/' /etc/systemd/system/api.service"
                + " > /etc/systemd/system/api-trap.service && printf '[Service]\\nProtectProc=invisible\\nProcSubset=pid\\n'"
                + " > /etc/systemd/system/api-trap.service.d/trap.conf && systemctl daemon-reload && systemctl start api-trap.service");
        try {
            assertThat(sh("systemctl is-active api-trap.service")).isEqualTo("active");
            // somaxconn is 4096 or more, but the service cannot read /proc/sys: Go uses syscall.SOMAXCONN
            assertThat(Integer.parseInt(sh("sysctl -n net.core.somaxconn"))).isGreaterThan(128);
            assertThat(backlog("8081")).isEqualTo(128);
        } finally {
            sh("systemctl stop api-trap.service; rm -rf /etc/systemd/system/api-trap.service /etc/systemd/system/api-trap.service.d; systemctl daemon-reload");
        }
    }

    /**
     * The exported playbook, run by Ansible on this machine against the booted host over a real ssh
     * connection (sshd inside the bench, reached through its own network namespace): its handlers run
     * systemctl for real, a second run changes nothing, and the host ends up as `golive apply` left it.
     */
    @Test @Order(8)
    void theExportedPlaybookAppliedOverSshEqualsGoliveApply() throws Exception {
        assumeTrue(Run.hasCommand("ansible-playbook"), "ansible-playbook is not installed (scripts/test installs the ansible package)");
        assertThat(owned()).isEqualTo(pristine);
        // web-api with an open-files limit the bench can give (its ceiling is 20000 hard, see scripts/testbed), so
        // the playbook's closing asserts (golive verify's facts) can hold for real: nofile, environment, backlog
        sh("mkdir -p /etc/golive/profiles && cat > /etc/golive/profiles/bench-api.yaml <<'EOF'\n"
                + "description: web-api within the bench's open-files ceiling\ninclude: [web-api]\nservice:\n"
                + "  LimitNOFILE:\n    value: \"1024:16384\"\n    why: The bench's systemd can give at most 20000 open files.\nEOF");
        // what golive apply does, then undone
        Run apply = in("golive", "apply", "--profile", "bench-api", "--service", "api", "--restart", "--yes");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        Matcher id = Pattern.compile("applied plan (\\S+)").matcher(apply.out());
        assertThat(id.find()).as(apply.out()).isTrue();
        Map<String, String> applied = owned();
        String appliedSomaxconn = sh("sysctl -n net.core.somaxconn");
        assertThat(in("golive", "rollback", "--last", "--yes").exit()).isZero();
        assertThat(owned()).isEqualTo(pristine);
        // the same plan as a playbook, exported on the host it is for (under the same id, which its files' headers name)
        Run export = in("golive", "export", "--format", "ansible", "--profile", "bench-api", "--service", "api",
                "--id", id.group(1), "-o", "/root/golive.yml");
        assertThat(export.exit()).as(export.out() + export.err()).isZero();
        java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("bench-ansible");
        try {
            java.nio.file.Path key = tmp.resolve("id_ed25519");
            assertThat(Run.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())).exit()).isZero();
            String pub = java.nio.file.Files.readString(tmp.resolve("id_ed25519.pub")).strip();
            sh("mkdir -p -m 700 /root/.ssh && printf '%s\\n' '" + pub + "' > /root/.ssh/authorized_keys && chmod 600 /root/.ssh/authorized_keys");
            java.nio.file.Files.writeString(tmp.resolve("golive.yml"), sh("cat /root/golive.yml") + "\n");
            // each ssh connection is an sshd -i started inside the bench: real ssh, no port on this machine
            String proxy = Run.root().resolve("scripts/testbed") + " exec " + BENCH + " -- /usr/sbin/sshd -i";
            java.nio.file.Files.writeString(tmp.resolve("inventory"), "bench ansible_host=bench ansible_user=root"
                    + " ansible_ssh_private_key_file=" + key + " ansible_python_interpreter=/usr/bin/python3"
                    + " ansible_ssh_common_args='-o ProxyCommand=\"" + proxy + "\" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null'\n");
            Map<String, String> env = Map.of("ANSIBLE_NOCOLOR", "1", "ANSIBLE_RETRY_FILES_ENABLED", "0",
                    "ANSIBLE_LOCAL_TEMP", tmp.resolve("ansible-local").toString(), "ANSIBLE_HOST_KEY_CHECKING", "0");
            List<String> play = List.of("ansible-playbook", "-i", tmp.resolve("inventory").toString(),
                    "-e", "ansible_become=false", "-e", "golive_restart=true", tmp.resolve("golive.yml").toString());
            int before = mainPid();
            Run first = Run.run(play, Duration.ofMinutes(10), env);
            assertThat(first.exit()).as(first.out() + first.err()).isZero();
            assertThat(first.out()).contains("RUNNING HANDLER [systemctl daemon-reload]").contains("RUNNING HANDLER [systemctl restart api.service]");
            assertThat(recap(first.out(), "changed")).isPositive();
            // its closing asserts ran against the restarted process and held
            assertThat(first.out()).contains("TASK [golive verify: the main process of api.service]")
                    .contains("TASK [golive verify: api.service has LimitNOFILE=1024:16384]");
            assertThat(recap(first.out(), "failed")).isZero();
            assertThat(mainPid()).as("the handler restarted the service").isNotEqualTo(before);
            // the host is as golive apply left it: the same files byte for byte, the same value, the backlog
            assertThat(owned()).isEqualTo(applied);
            assertThat(sh("sysctl -n net.core.somaxconn")).isEqualTo(appliedSomaxconn);
            assertThat(sh("systemctl show -p NeedDaemonReload --value api.service")).isEqualTo("no");
            assertThat(backlog("8080")).isEqualTo(Integer.parseInt(appliedSomaxconn));
            Run second = Run.run(play, Duration.ofMinutes(10), env);
            assertThat(second.exit()).as(second.out() + second.err()).isZero();
            assertThat(recap(second.out(), "changed")).as(second.out()).isZero();
            assertThat(second.out()).doesNotContain("RUNNING HANDLER");
        } finally {
            // back to the pristine host for whatever runs next: the files the playbook wrote go, the value returns
            for (String path : owned().keySet()) if (!pristine.containsKey(path)) sh("rm -f '" + path + "'");
            sh("sysctl -q -w net.core.somaxconn=" + pristineSomaxconn + " && systemctl daemon-reload && systemctl restart api.service");
            Run.run(List.of("rm", "-rf", tmp.toString()));
        }
        assertThat(owned()).isEqualTo(pristine);
    }

    /** A number from the PLAY RECAP line, e.g. changed=4. */
    static int recap(String out, String field) {
        Matcher m = Pattern.compile("\\b" + field + "=(\\d+)").matcher(out.substring(Math.max(0, out.lastIndexOf("PLAY RECAP"))));
        assertThat(m.find()).as("a PLAY RECAP in: " + out).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
