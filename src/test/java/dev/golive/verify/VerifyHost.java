package dev.golive.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.app.Session;
import dev.golive.model.FixChange;
import dev.golive.model.Plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A capture of the debian12-vm fixture host after {@code golive apply} of a profile for
 * api.service (plus the fixes a test picks), with its api.service process written in the
 * capture format: {@code systemctl show} and {@code ss -ltnp} answers in the manifest,
 * {@code /proc/PID/limits}, {@code environ}, {@code stat}, {@code smaps_rollup}, {@code cgroup}.
 * Tests then change what the process has, as the steps of a real host would.
 */
final class VerifyHost {

    static final int PID = 4242;
    /** /proc/stat btime of the fixture: the host booted at this second. */
    static final long BTIME = 1_700_000_000L;

    final Path dir;
    final Plan plan;
    final Instant applied;
    private final ObjectNode manifest;

    private VerifyHost(Path dir, Plan plan, Instant applied, ObjectNode manifest) {
        this.dir = dir;
        this.plan = plan;
        this.applied = applied;
        this.manifest = manifest;
    }

    /**
     * Copies the fixture, takes out its admin override of LimitNOFILE (a clean host), sets
     * somaxconn to the pre-5.4 default 128 so the profile raises it, applies, and makes the
     * tree a capture again. The process starts running before the apply with the old state.
     */
    static VerifyHost applied(Path work, String profile, List<FixChange> fixes) {
        try {
            Path dir = work.resolve("host");
            Path fixture = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts/debian12-vm");
            try (var files = Files.walk(fixture)) {
                for (Path p : files.toList()) {
                    Path to = dir.resolve(fixture.relativize(p).toString());
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(to);
                    else Files.copy(p, to, LinkOption.NOFOLLOW_LINKS);
                }
            }
            ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(dir.resolve("golive-capture.json").toFile());
            Files.delete(dir.resolve("golive-capture.json")); // a target tree while golive applies
            Files.delete(dir.resolve("etc/systemd/system/api.service.d/override.conf"));
            Files.writeString(dir.resolve("proc/sys/net/core/somaxconn"), "128\n");
            Plan plan;
            try (Session s = Session.open(dir.toString())) {
                plan = s.plan(profile, Optional.of("api"), fixes, "20261207-100000-0001");
                s.apply(plan, false);
            }
            VerifyHost h = new VerifyHost(dir, plan, readCreatedAt(dir, plan.id()), manifest);
            h.write("proc/stat", "cpu  1 2 3 4\nbtime " + BTIME + "\nprocesses 100\n");
            h.write("proc/1/limits", limits("1073741816", "1073741816"));
            h.write("proc/" + PID + "/cgroup", "0::/system.slice/api.service\n");
            h.write("proc/" + PID + "/smaps_rollup", "Rss:              10240 kB\nAnonHugePages:      2048 kB\n");
            h.process(h.applied.minusSeconds(3600), "1024:524288", "", 128, false);
            h.manager("1024:524288");
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant readCreatedAt(Path dir, String id) throws IOException {
        var m = new ObjectMapper().readTree(dir.resolve("var/lib/golive/snapshots/" + id + "/manifest.json").toFile());
        return Instant.parse(m.get("createdAt").asText());
    }

    /**
     * The api.service process as it runs: started at {@code started}, with open files
     * {@code nofile} (soft:hard), environment {@code env} (NAME=value lines), a listener on
     * 127.0.0.1:8080 with {@code backlog}, and whether systemd wants a daemon-reload.
     */
    VerifyHost process(Instant started, String nofile, String env, int backlog, boolean needReload) {
        String[] nf = nofile.split(":");
        write("proc/" + PID + "/limits", limits(nf[0], nf[1]));
        write("proc/" + PID + "/environ", ("LANG=C.UTF-8\n" + env).strip().replace("\n", "\0") + "\0");
        long ticks = (started.getEpochSecond() - BTIME) * 100;
        write("proc/" + PID + "/stat", PID + " (api) S 1 " + PID + " " + PID + " 0 -1 4194560 100 0 0 0 1 1 0 0 20 0 8 0 " + ticks
                + " 1000000 2000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n");
        command("systemctl show -p MainPID -p NeedDaemonReload -p LimitNOFILE -p LimitNOFILESoft api.service",
                "MainPID=" + PID + "\nNeedDaemonReload=" + (needReload ? "yes" : "no") + "\nLimitNOFILE=1048576\nLimitNOFILESoft=1024\n");
        command("ss -ltnp", "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n"
                + "LISTEN 0      " + backlog + "    127.0.0.1:8080      0.0.0.0:*    users:((\"api\",pid=" + PID + ",fd=3))\n"
                + "LISTEN 0      4096   0.0.0.0:22          0.0.0.0:*    users:((\"sshd\",pid=600,fd=3))\n");
        return this;
    }

    /** The service stopped: systemd reports no main process. */
    VerifyHost stopped() {
        command("systemctl show -p MainPID -p NeedDaemonReload -p LimitNOFILE -p LimitNOFILESoft api.service",
                "MainPID=0\nNeedDaemonReload=no\nLimitNOFILE=1048576\nLimitNOFILESoft=1024\n");
        return this;
    }

    /** What {@code systemctl show} says systemd has loaded as DefaultLimitNOFILE. */
    VerifyHost manager(String nofile) {
        String[] nf = nofile.split(":");
        command("systemctl show -p DefaultLimitNOFILE -p DefaultLimitNOFILESoft", "DefaultLimitNOFILE=" + nf[1] + "\nDefaultLimitNOFILESoft=" + nf[0] + "\n");
        return this;
    }

    static String limits(String soft, String hard) {
        return "Limit                     Soft Limit           Hard Limit           Units     \n"
                + "Max cpu time              unlimited            unlimited            seconds   \n"
                + String.format("Max open files            %-20s %-20s files     %n", soft, hard)
                + "Max processes             63449                63449                processes \n";
    }

    void write(String rel, String text) {
        try {
            Path p = dir.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        save();
    }

    private void command(String argv, String stdout) {
        ((ObjectNode) manifest.get("commands")).put(argv, stdout);
        save();
    }

    private void save() {
        try {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("golive-capture.json").toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
