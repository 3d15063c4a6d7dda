package dev.golive.apply;

import dev.golive.host.AccessLog;
import dev.golive.host.CommandRunner;
import dev.golive.host.FaultPoints;
import dev.golive.host.HostWriter;
import dev.golive.host.LiveValues;
import dev.golive.host.Perms;
import dev.golive.host.Sha256;
import dev.golive.model.FileChange;
import dev.golive.model.LiveChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A target tree laid out like a small server (/etc with a vendor unit and an older golive
 * drop-in, /proc/sys and /sys value files) and a full plan for it: 3 files (one modified,
 * two created in directories that do not exist yet) and up to 31 live values.
 */
public final class TestTree {

    /** key, before as the kernel prints it, after (normalised). */
    static final String[][] SYSCTLS = {
            {"net.core.somaxconn", "4096", "65535"},
            {"net.core.netdev_max_backlog", "1000", "16384"},
            {"net.ipv4.tcp_max_syn_backlog", "512", "8192"},
            {"net.ipv4.tcp_fin_timeout", "60", "30"},
            {"net.ipv4.ip_local_port_range", "32768\t60999", "10240 65535"},
            {"net.ipv4.tcp_rmem", "4096\t131072\t6291456", "4096 131072 16777216"},
            {"net.ipv4.tcp_wmem", "4096\t16384\t4194304", "4096 16384 16777216"},
            {"net.core.rmem_max", "212992", "16777216"},
            {"net.core.wmem_max", "212992", "16777216"},
            {"vm.swappiness", "60", "10"},
            {"fs.nr_open", "1048576", "2097152"},
            {"fs.file-max", "9223372036854775807", "2097152"},
            {"net.ipv4.tcp_tw_reuse", "2", "1"},
            {"net.ipv4.tcp_slow_start_after_idle", "1", "0"},
            {"net.ipv4.tcp_keepalive_time", "7200", "600"},
            {"net.ipv4.tcp_keepalive_intvl", "75", "30"},
            {"net.ipv4.tcp_keepalive_probes", "9", "5"},
            {"net.ipv4.tcp_max_tw_buckets", "65536", "262144"},
            {"net.ipv4.tcp_mtu_probing", "0", "1"},
            {"net.core.default_qdisc", "pfifo_fast", "fq"},
            {"net.ipv4.tcp_congestion_control", "cubic", "bbr"},
            {"net.core.optmem_max", "20480", "65536"},
            {"net.ipv4.tcp_notsent_lowat", "4294967295", "131072"},
            {"net.ipv4.udp_rmem_min", "4096", "8192"},
            {"net.ipv4.udp_wmem_min", "4096", "8192"},
            {"vm.max_map_count", "65530", "262144"},
            {"vm.dirty_ratio", "20", "10"},
            {"vm.dirty_background_ratio", "10", "5"},
            {"kernel.pid_max", "4194304", "4194303"},
    };
    static final String THP_ENABLED = "/sys/kernel/mm/transparent_hugepage/enabled";
    static final String THP_DEFRAG = "/sys/kernel/mm/transparent_hugepage/defrag";
    public static final String DROPIN = OwnedFiles.unitDropIn("app.service");
    static final String OLD_SYSCTL = OwnedFiles.header("old-1") + "net.core.somaxconn = 1024\n";

    public final Path dir;

    TestTree(Path dir) { this.dir = dir; }

    /** An existing tree (a fixture copied in), as it is. */
    public static TestTree of(Path dir) { return new TestTree(dir); }

    public static TestTree create(Path dir) {
        TestTree t = new TestTree(dir);
        t.file("/etc/sysctl.d/10-vendor.conf", "kernel.printk = 4 4 1 7\n", 0644);
        t.file(OwnedFiles.SYSCTL_DROPIN, OLD_SYSCTL, 0640);
        t.file("/etc/sysctl.conf", "# vendor\n", 0644);
        t.file("/etc/systemd/system.conf", "[Manager]\n", 0644);
        t.file("/etc/systemd/system/app.service", "[Service]\nExecStart=/usr/local/bin/app\n", 0644);
        for (String[] s : SYSCTLS) t.file(procPath(s[0]), s[1] + "\n", 0644);
        t.file(THP_ENABLED, "always [madvise] never\n", 0644);
        t.file(THP_DEFRAG, "always defer defer+madvise [madvise] never\n", 0644);
        return t;
    }

    static String procPath(String key) { return "/proc/sys/" + key.replace('.', '/'); }

    public void file(String path, String content, int mode) {
        try {
            Path p = dir.resolve(path.substring(1));
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            Files.setPosixFilePermissions(p, Perms.of(mode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String path) {
        try {
            return Files.readString(dir.resolve(path.substring(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full plan: 3 files, {@code liveCount} sysctls (≤ 29) plus both THP choices, reload/reexec, a restart. */
    public Plan plan(String id, int liveCount) {
        String h = OwnedFiles.header(id);
        List<LiveChange> live = new ArrayList<>();
        StringBuilder sysctl = new StringBuilder(h);
        for (int i = 0; i < Math.min(liveCount, SYSCTLS.length); i++) {
            String[] s = SYSCTLS[i];
            live.add(new LiveChange(s[0], procPath(s[0]), LiveChange.Format.SYSCTL, LiveValues.normalise(LiveChange.Format.SYSCTL, s[1]),
                    s[2], s[0].startsWith("net.") && !s[0].equals("net.core.netdev_max_backlog"), "tuning " + s[0]));
            sysctl.append(s[0]).append(" = ").append(s[2]).append('\n');
        }
        live.add(new LiveChange("transparent_hugepage.enabled", THP_ENABLED, LiveChange.Format.SYSFS_CHOICE, "madvise", "never", false, "test"));
        live.add(new LiveChange("transparent_hugepage.defrag", THP_DEFRAG, LiveChange.Format.SYSFS_CHOICE, "madvise", "defer+madvise", false, "Go manages THP"));
        List<FileChange> files = List.of(
                new FileChange(OwnedFiles.SYSCTL_DROPIN, Optional.of(OLD_SYSCTL), Optional.of(sysctl.toString()), 0644, "root", "root", "sysctls at boot"),
                new FileChange(OwnedFiles.MANAGER_DROPIN, Optional.empty(), Optional.of(h + "[Manager]\nDefaultLimitNOFILE=1024:1048576\n"), 0644, "root", "root", "fd limits"),
                new FileChange(DROPIN, Optional.empty(), Optional.of(h + "[Service]\nLimitNOFILE=1048576\nEnvironment=GOMAXPROCS=2\n"), 0644, "root", "root", "the service"));
        List<PlanAction> actions = List.of(
                new PlanAction(PlanAction.Kind.DAEMON_RELOAD, Optional.empty(), "a unit drop-in changed"),
                new PlanAction(PlanAction.Kind.DAEMON_REEXEC, Optional.empty(), "manager defaults are read at exec"),
                new PlanAction(PlanAction.Kind.RESTART_SERVICE, Optional.of("app.service"), "Go reads somaxconn once per process"));
        return new Plan(id, "web", Optional.of("app.service"), files, live, actions, List.of(), List.of("none"));
    }

    public Plan fullPlan(String id) { return plan(id, SYSCTLS.length); }

    HostTarget target(FaultPoints faults) { return target(faults, null, false); }

    HostTarget target(FaultPoints faults, CommandRunner runner, boolean systemctl) {
        HostWriter w = new HostWriter(dir, new AccessLog(), faults);
        return new HostTarget(w, new LiveValues(w), runner, systemctl, Clock.systemUTC());
    }

    /**
     * Every file, directory and link of the tree with its type, mode, owner, group and SHA-256,
     * except golive's own state (the lock file and the snapshots): "the host" as a value.
     */
    public Map<String, String> fingerprint() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = "/" + dir.relativize(p);
                if (rel.equals("/run/golive.lock") || rel.startsWith("/var/lib/golive") || rel.startsWith("/var/log/golive")) continue;
                if (rel.equals("/run") || rel.equals("/var/lib") || rel.equals("/var/log") || rel.equals("/var")) continue; // created for golive's own state
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String kind = a.isSymbolicLink() ? "link " + Files.readSymbolicLink(p) : a.isDirectory() ? "dir" : "file " + Sha256.of(Files.readAllBytes(p));
                out.put(rel, kind + " " + Integer.toOctalString(Perms.toMode(a.permissions())) + " " + a.owner().getName() + ":" + a.group().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Fails with only the entries that differ (a whole-tree dump helps nobody). */
    public void assertUnchangedSince(Map<String, String> before) {
        Map<String, String> now = fingerprint();
        List<String> diff = new ArrayList<>();
        for (String k : before.keySet()) if (!before.get(k).equals(now.get(k))) diff.add(k + ": " + before.get(k) + " → " + now.getOrDefault(k, "(gone)"));
        for (String k : now.keySet()) if (!before.containsKey(k)) diff.add(k + ": new " + now.get(k));
        if (!diff.isEmpty()) throw new AssertionError("the tree changed:\n  " + String.join("\n  ", diff));
    }

    /** Each live value of the plan as it reads now (normalised). */
    public Map<String, String> liveValues(Plan plan) {
        LiveValues lv = target(FaultPoints.NONE).live();
        Map<String, String> out = new TreeMap<>();
        for (LiveChange l : plan.live()) out.put(l.key(), lv.read(l.path(), l.format()).orElse("(gone)"));
        return out;
    }

    public static Map<String, String> before(Plan plan) {
        Map<String, String> out = new TreeMap<>();
        for (LiveChange l : plan.live()) out.put(l.key(), LiveValues.normalise(l.format(), l.before()));
        return out;
    }

    public static Map<String, String> after(Plan plan) {
        Map<String, String> out = new TreeMap<>();
        for (LiveChange l : plan.live()) out.put(l.key(), l.after());
        return out;
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
