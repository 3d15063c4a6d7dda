package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.host.AccessLog;
import dev.golive.host.ProcessCommandRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `golive unit` as an admin runs it against the fixture captures (nothing is written; systemd-analyze runs here). */
class UnitCommandTest {

    static final String DEBIAN = Path.of("src/test/resources/hosts/debian12-vm").toAbsolutePath().toString();
    static final String HYBRID = Path.of("src/test/resources/hosts/ubuntu2004-hybrid").toAbsolutePath().toString();

    @BeforeAll
    static void systemdAnalyze() {
        boolean ok = new ProcessCommandRunner(new AccessLog()).run("systemd-analyze", "--version").ok();
        if (!ok && "true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError("systemd-analyze missing (apt-get install systemd)");
        Assumptions.assumeTrue(ok, "systemd-analyze is not installed");
    }

    static CheckCommandTest.Run unit(String... args) { return CheckCommandTest.run(new UnitCommand(), args); }

    @Test
    void printsTheNewUnitTheGoValuesAndTheExposure() {
        CheckCommandTest.Run r = unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--user", "app",
                "--port", "443", "--cpu-quota", "200%", "--memory-max", "2G", "--nofile", "65536:524288", "--hardening", "strict",
                "--env", "APP_ENV=prod", "--arg", "--listen", "--arg", ":443");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).as(r.out()).isEqualTo(0);
        assertThat(r.out()).startsWith("# /etc/systemd/system/app.service (create: new unit for app.service)\n# Managed by golive (snapshot preview).");
        assertThat(r.out()).contains("ExecStart=/usr/local/bin/app --listen :443\n", "AmbientCapabilities=CAP_NET_BIND_SERVICE\n",
                "Environment=GOMEMLIMIT=1843MiB\n", "LimitNOFILE=65536:524288\n", "ProtectSystem=strict\n");
        assertThat(r.out()).contains("go: GOMEMLIMIT=1843MiB: 90% of MemoryMax=2G (2048 MiB)");
        assertThat(r.out()).contains("warning: --exec: cannot tell whether /usr/local/bin/app exists: /usr/local/bin/app: not in capture");
        assertThat(r.out()).contains("(expected: the binary is not on this machine)");
        assertThat(r.out()).containsPattern("\nexposure: [0-2]\\.\\d OK \\(systemd-analyze security --offline=true");
    }

    @Test
    void anExistingUnitGolivDidNotWriteGetsADropIn() {
        CheckCommandTest.Run r = unit("--root", DEBIAN, "--service", "api.service", "--memory-max", "1G", "--no-analyze");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).startsWith("# /etc/systemd/system/api.service.d/60-golive.conf (create: drop-in on /etc/systemd/system/api.service (golive never edits a unit it did not write))\n");
        assertThat(r.out()).doesNotContain("ExecStart=").contains("MemoryMax=1G\n");
    }

    @Test
    void aBadOptionIsOneLineNamingTheOption() {
        CheckCommandTest.Run r = unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--memory-max", "2g");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: --memory-max: \"2g\" is not a memory size (bytes with K, M, G, T suffix in upper case, e.g. 2G or 512M; a percentage of RAM; or infinity)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void memoryHighOnAHybridHostIsRefusedWithTheReason() {
        CheckCommandTest.Run r = unit("--root", HYBRID, "--service", "app", "--exec", "/usr/local/bin/app", "--memory-high", "1G");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: --memory-high: MemoryHigh= is ignored on a cgroup hybrid host (this host: hybrid (v1 controllers, cgroup2 at /sys/fs/cgroup/unified)); only MemoryMax= limits memory there\n");
    }

    @Test
    void aSpecFileWithOptionsOnTop() {
        CheckCommandTest.Run r = unit("--root", DEBIAN, "--spec", "src/test/resources/specs/app.yaml", "--memory-max", "3G", "--no-analyze");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("Description=Orders API\n", "MemoryMax=3G\n", "Environment=\"GREETING=hello world\"\n", "GOMEMLIMIT=2918MiB");
        CheckCommandTest.Run bad = unit("--root", DEBIAN, "--spec", "src/test/resources/specs/app.yaml", "--user", "x y");
        assertThat(bad.err()).isEqualTo("golive: --user: \"x y\" is not a valid user name\n");
        CheckCommandTest.Run fromFile = unit("--root", HYBRID, "--spec", "src/test/resources/specs/app.yaml", "--no-analyze", "--memory-high", "1G");
        assertThat(fromFile.code()).isEqualTo(2);
    }

    @Test
    void aSpecFileGroupIsWrittenAfterUserAndAHealthUrlOffThisHostPointsIntoTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path spec = dir.resolve("hello.yaml");
        java.nio.file.Files.writeString(spec, "name: hello\nexec: /usr/local/bin/hello\nuser: hello\ngroup: web\n");
        CheckCommandTest.Run r = unit("--root", DEBIAN, "--spec", spec.toString(), "--no-analyze");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("User=hello\nGroup=web\n");

        CheckCommandTest.Run group = unit("--root", DEBIAN, "--spec", spec.toString(), "--group", "we b", "--no-analyze");
        assertThat(group.code()).isEqualTo(2);
        assertThat(group.err()).isEqualTo("golive: --group: \"we b\" is not a valid group name\n");

        java.nio.file.Files.writeString(spec, "name: hello\nexec: /usr/local/bin/hello\nhealthUrl: http://example.com/healthz\n");
        CheckCommandTest.Run bad = unit("--root", DEBIAN, "--spec", spec.toString(), "--no-analyze");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("golive: " + spec + ":3:12: healthUrl: \"http://example.com/healthz\": the host must be this machine"
                + " (127.0.0.1, localhost or [::1]), not example.com\n");
    }

    @Test
    void anAppendedLogFileShowsTheLogrotateFileGoliveWritesWithTheUnit() throws Exception {
        CheckCommandTest.Run r = unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--user", "app",
                "--standard-output", "append:/var/log/app/app.log", "--no-analyze");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("StandardOutput=append:/var/log/app/app.log\n",
                "\n# /etc/logrotate.d/golive-app (with the unit: logrotate rotates /var/log/app/app.log)\n",
                "/var/log/app/app.log {\n    daily\n", "    copytruncate\n}\n");
        CheckCommandTest.Run json = unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--user", "app",
                "--standard-output", "append:/var/log/app/app.log", "--no-analyze", "--json");
        JsonNode n = new ObjectMapper().readTree(json.out()).get("logrotate");
        assertThat(n.get("path").asText()).isEqualTo("/etc/logrotate.d/golive-app");
        assertThat(n.get("content").asText()).contains("copytruncate");
        CheckCommandTest.Run journal = unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--user", "app", "--no-analyze");
        assertThat(journal.out()).doesNotContain("logrotate.d");
    }

    @Test
    void jsonCarriesTheUnitTheScoreAndTheTable() throws Exception {
        CheckCommandTest.Run r = unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--hardening", "none", "--json");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("path").asText()).isEqualTo("/etc/systemd/system/app.service");
        assertThat(j.get("kind").asText()).isEqualTo("unit");
        assertThat(j.get("content").asText()).startsWith("# Managed by golive");
        JsonNode sec = j.get("analyze").get("security");
        assertThat(sec.get("known").asBoolean()).isTrue();
        assertThat(sec.get("exposure").asDouble()).isGreaterThan(8.0);
        assertThat(sec.get("items").size()).isGreaterThan(50);
        assertThat(j.get("go").get(0).get("name").asText()).isEqualTo("GOMAXPROCS");
        JsonNode verify = j.get("analyze").get("verify").get("messages");
        assertThat(verify.get(0).get("field").asText()).isEqualTo("exec");
    }

    @Test
    void helpShowsTheRestartDefaultsTheUnitGets() {
        CheckCommandTest.Run help = unit("--help");
        CheckCommandTest.Run r = unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--no-analyze");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        String flat = help.out().replaceAll("\\s+", " ");
        for (String key : new String[] {"Restart", "RestartSec", "StartLimitIntervalSec", "StartLimitBurst"}) {
            var m = java.util.regex.Pattern.compile("(?m)^" + key + "=(.+)$").matcher(r.out());
            assertThat(m.find()).as(key).isTrue();
            assertThat(flat).contains(key + "= (default " + m.group(1) + ")");
        }
    }

    @Test
    void theReadmesUnitAndDocsShowTheRestartDefaultsTheUnitGets() throws Exception {
        CheckCommandTest.Run r = unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--no-analyze");
        String readme = java.nio.file.Files.readString(Path.of("README.md"));
        String unitDoc = java.nio.file.Files.readString(Path.of("docs/unit.md")).replaceAll("\\s+", " ");
        for (String key : new String[] {"Restart", "RestartSec", "StartLimitIntervalSec", "StartLimitBurst"}) {
            var m = java.util.regex.Pattern.compile("(?m)^" + key + "=(.+)$").matcher(r.out());
            assertThat(m.find()).as(key).isTrue();
            assertThat(readme).as("README's golive unit example").containsPattern("(?m)^" + m.group() + "$");
            assertThat(unitDoc).as("docs/unit.md's defaults").contains("`" + m.group() + "`");
        }
    }

    static final String CENTOS7 = Path.of("src/test/resources/hosts/centos7-v1").toAbsolutePath().toString();

    @Test
    void resourceControlsTheGuidesUseAreWrittenOnACgroupV2Host() {
        CheckCommandTest.Run r = unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--no-analyze",
                "--cpu-weight", "200", "--memory-low", "512M", "--memory-min", "256M",
                "--io-read-bandwidth-max", "/dev/vda 50M", "--io-write-bandwidth-max", "/dev/vda 20M",
                "--allowed-cpus", "0-1", "--cpu-affinity", "0 1");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).as(r.out()).isEqualTo(0);
        assertThat(r.out()).contains("CPUWeight=200\n", "MemoryLow=512M\n", "MemoryMin=256M\n", "IOReadBandwidthMax=/dev/vda 50M\n",
                "IOWriteBandwidthMax=/dev/vda 20M\n", "AllowedCPUs=0-1\n", "CPUAffinity=0 1\n");
    }

    @Test
    void onSystemd219TheScoreSaysWhichOpenItemsTheHostCannotSet() throws Exception {
        CheckCommandTest.Run r = unit("--root", CENTOS7, "--service", "app", "--exec", "/usr/local/bin/app", "--user", "app", "--hardening", "strict");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).containsPattern("\n  scored by systemd-analyze \\d+; \\d+ of the open items need a newer systemd than this host's 219\n")
                .containsPattern("ProtectClock= +.*\\(ProtectClock= needs systemd 245; this host has 219\\)\n");
        JsonNode sec = new ObjectMapper().readTree(unit("--root", CENTOS7, "--service", "app", "--exec", "/usr/local/bin/app", "--user", "app",
                "--hardening", "strict", "--json").out()).get("analyze").get("security");
        assertThat(sec.get("caveat").asText()).endsWith("need a newer systemd than this host's 219");
        assertThat(sec.get("items")).anySatisfy(i -> assertThat(i.get("hostLacks").asText()).isEqualTo("ProtectClock= needs systemd 245; this host has 219"));
        CheckCommandTest.Run here = unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--user", "app", "--hardening", "strict");
        assertThat(here.out()).as("systemd 252 scores for 252: nothing to flag").doesNotContain("scored by", "needs systemd");
    }

    @Test
    void onSystemd219TheOldNamesCarryTheWeightAndTheBandwidth() {
        CheckCommandTest.Run r = unit("--root", CENTOS7, "--service", "app", "--exec", "/usr/local/bin/app", "--no-analyze",
                "--cpu-weight", "200", "--io-read-bandwidth-max", "/dev/sda 50M", "--cpu-affinity", "0");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("CPUShares=2048\n", "BlockIOReadBandwidth=/dev/sda 50M\n", "CPUAffinity=0\n")
                .doesNotContain("CPUWeight=", "IOReadBandwidthMax=");
    }

    @Test
    void protectionsAndCpusetsAreRefusedWhereCgroupV1IgnoresThem() {
        CheckCommandTest.Run low = unit("--root", CENTOS7, "--service", "app", "--exec", "/usr/local/bin/app", "--memory-low", "512M");
        assertThat(low.code()).isEqualTo(2);
        assertThat(low.err()).startsWith("golive: --memory-low: MemoryLow= is ignored on a cgroup v1 host (this host: ")
                .endsWith("); memory.low and memory.min exist only on cgroup v2, nothing protects the service's memory there\n");
        CheckCommandTest.Run cpus = unit("--root", HYBRID, "--service", "app", "--exec", "/usr/local/bin/app", "--allowed-cpus", "0-1");
        assertThat(cpus.code()).isEqualTo(2);
        assertThat(cpus.err()).contains("--allowed-cpus: AllowedCPUs= is ignored on a cgroup hybrid host").contains("use CPUAffinity= instead");
    }

    @Test
    void badResourceControlValuesAreOneLineNamingTheOption() {
        assertThat(unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--cpu-weight", "0").err())
                .isEqualTo("golive: --cpu-weight: 0 is out of range (1..10000, default 100)\n");
        assertThat(unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--io-read-bandwidth-max", "sda 50M").err())
                .isEqualTo("golive: --io-read-bandwidth-max: \"sda 50M\" is not IOReadBandwidthMax= (a device path and a rate in bytes per second, "
                        + "K, M, G or T to the base 1000 (e.g. \"/dev/sda 50M\"), or infinity)\n");
        assertThat(unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--cpu-affinity", "3-1").err())
                .startsWith("golive: --cpu-affinity: \"3-1\" is not a CPU list for CPUAffinity= (");
    }

    @Test
    void aQuotaCoveringThePinnedCpusSetsNoGomaxprocs() {
        String many = Path.of("src/test/resources/hosts/two-socket-smt").toAbsolutePath().toString();
        CheckCommandTest.Run free = unit("--root", many, "--service", "app", "--exec", "/usr/local/bin/app", "--no-analyze", "--cpu-quota", "300%");
        assertThat(free.out()).contains("Environment=GOMAXPROCS=3\n");
        CheckCommandTest.Run pinned = unit("--root", many, "--service", "app", "--exec", "/usr/local/bin/app", "--no-analyze",
                "--cpu-quota", "300%", "--cpu-affinity", "0-1");
        assertThat(pinned.code()).as(pinned.err()).isEqualTo(0);
        assertThat(pinned.out()).doesNotContain("GOMAXPROCS=").contains("CPUAffinity=0-1\n")
                .contains("the quota of 3 CPUs (CPUQuota=300%) is not below the 2 CPUs the service may run on (its CPUAffinity=/AllowedCPUs=)");
    }

    @Test
    void logsGoToTheJournalUnderTheServicesTagWithItsOwnRateLimit() {
        CheckCommandTest.Run r = unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--no-analyze",
                "--syslog-identifier", "orders", "--standard-output", "journal", "--standard-error", "journal",
                "--log-rate-limit-interval", "30s", "--log-rate-limit-burst", "1000");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("SyslogIdentifier=orders\n", "StandardOutput=journal\n", "StandardError=journal\n",
                "LogRateLimitIntervalSec=30s\n", "LogRateLimitBurst=1000\n");
    }

    @Test
    void onSystemd219ThePerServiceRateLimitAskedForIsRefusedNotDropped() {
        CheckCommandTest.Run r = unit("--root", CENTOS7, "--service", "app", "--exec", "/usr/local/bin/app", "--no-analyze",
                "--syslog-identifier", "orders", "--log-rate-limit-interval", "30s", "--log-rate-limit-burst", "1000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out() + r.err()).contains("--log-rate-limit-interval: LogRateLimitIntervalSec= needs systemd 240; this host has 219, "
                + "which would ignore the line: leave it out");
        CheckCommandTest.Run without = unit("--root", CENTOS7, "--service", "app", "--exec", "/usr/local/bin/app", "--no-analyze",
                "--syslog-identifier", "orders");
        assertThat(without.code()).as(without.err()).isEqualTo(0);
        assertThat(without.out()).contains("SyslogIdentifier=orders\n").doesNotContain("LogRateLimit");
    }

    @Test
    void anAppendedLogFileIsWrittenWhereSystemdKnowsAppendAndAFileOutputIsRefused() {
        CheckCommandTest.Run r = unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--no-analyze",
                "--standard-output", "append:/var/log/app/app.log");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("StandardOutput=append:/var/log/app/app.log\n");
        CheckCommandTest.Run file = unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app",
                "--standard-output", "file:/var/log/app/app.log");
        assertThat(file.code()).isEqualTo(2);
        assertThat(file.out()).isEmpty();
        assertThat(file.err()).isEqualTo("golive: --standard-output: StandardOutput=file:/var/log/app/app.log writes a file that only "
                + "copytruncate can rotate (the service keeps systemd's descriptor), and without O_APPEND it then writes on at its old "
                + "offset: use append:PATH, which golive rotates with /etc/logrotate.d, or journal\n");
        assertThat(unit("--root", DEBIAN, "--service", "app", "--exec", "/usr/local/bin/app", "--standard-error", "syslog").err())
                .isEqualTo("golive: --standard-error: \"syslog\" is not a StandardError= value (journal, journal+console, kmsg, kmsg+console, null, inherit, tty, socket)\n");
    }
}
