package dev.golive.apply;

import dev.golive.model.LiveChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real kernel writes, never to this machine's own network namespace: inside
 * {@code unshare -n -m} (a private network namespace and a private mount namespace), the
 * kernel's /proc/sys is bind-mounted onto TREE/proc/sys, so `golive apply --root TREE` writes
 * files into the temp tree and live values into the real kernel — of that namespace only —
 * and reads them back from it. The plan holds only per-namespace net.* keys. The mount and
 * the namespace vanish with the child; the host's own values are checked to be untouched.
 */
class NetnsKernelTest {

    @TempDir Path work;

    /** key, value to set (differs from the kernel default). */
    static final String[][] KEYS = {
            {"net.core.somaxconn", "1234"},
            {"net.ipv4.tcp_fin_timeout", "37"},
            {"net.ipv4.ip_local_port_range", "20000 50000"},
            {"net.ipv4.tcp_keepalive_time", "1800"},
            {"net.ipv4.tcp_max_syn_backlog", "4321"},
            {"net.ipv4.tcp_rmem", "4096 131072 7340032"},
    };

    @Test
    void appliesAndRollsBackNetSysctlsInAPrivateNetworkNamespace() throws Exception {
        requireUnshare();
        Map<String, String> hostBefore = hostValues();
        Path tree = Files.createDirectories(work.resolve("tree"));
        Files.createDirectories(tree.resolve("proc/sys"));
        Files.createDirectories(tree.resolve("etc/sysctl.d"));

        // the plan: "before" is filled in inside the namespace (its own defaults), by the script below
        List<LiveChange> live = new ArrayList<>();
        StringBuilder file = new StringBuilder(OwnedFiles.header("ns1"));
        for (String[] k : KEYS) {
            live.add(new LiveChange(k[0], TestTree.procPath(k[0]), LiveChange.Format.SYSCTL, "@@" + k[0] + "@@", k[1], true, "netns test"));
            file.append(k[0]).append(" = ").append(k[1]).append('\n');
        }
        Plan template = new Plan("ns1", "netns", Optional.empty(),
                List.of(new dev.golive.model.FileChange(OwnedFiles.SYSCTL_DROPIN, Optional.empty(), Optional.of(file.toString()), 0644, "root", "root", "persist")),
                live, List.of(), List.of(), List.of());
        assertThat(template.live()).allMatch(LiveChange::perNamespace);
        Files.writeString(work.resolve("plan.template.json"), PlanCodec.toJson(template));
        Path golive = work.resolve("golive.sh");
        Files.writeString(golive, "#!/bin/sh\nexec " + String.join(" ", ChildGolive.javaArgv().stream().map(a -> "'" + a + "'").toList()) + " \"$@\"\n");
        golive.toFile().setExecutable(true);

        StringBuilder keys = new StringBuilder();
        for (String[] k : KEYS) keys.append(k[0]).append(' ');
        String script = String.join("\n",
                "set -eu",
                "[ \"$(readlink /proc/self/ns/net)\" != \"$HOST_NETNS\" ] || { echo 'not in a private network namespace' >&2; exit 99; }",
                "mount --bind /proc/sys \"$TREE/proc/sys\"",
                "read_all() { for k in $KEYS; do printf '%s=%s\\n' \"$k\" \"$(tr -s ' \\t' '  ' < /proc/sys/$(echo $k | tr . /))\"; done; }",
                "read_all > \"$WORK/before.txt\"",
                "cp \"$WORK/plan.template.json\" \"$WORK/plan.json\"",
                "while IFS='=' read -r k v; do sed -i \"s|@@$k@@|$v|\" \"$WORK/plan.json\"; done < \"$WORK/before.txt\"",
                "\"$WORK/golive.sh\" apply --plan-file \"$WORK/plan.json\" --yes --root \"$TREE\" > \"$WORK/apply.out\"",
                "read_all > \"$WORK/after.txt\"",
                "\"$WORK/golive.sh\" rollback --last --yes --root \"$TREE\" > \"$WORK/rollback.out\"",
                "read_all > \"$WORK/rolled-back.txt\"");
        ChildGolive r = ChildGolive.exec(List.of("unshare", "--net", "--mount", "--propagation", "private", "bash", "-c", script),
                Map.of("TREE", tree.toString(), "WORK", work.toString(), "KEYS", keys.toString().strip(),
                        "HOST_NETNS", Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString()));
        assertThat(r.exit()).as(r.toString()).isZero();

        Map<String, String> before = values(work.resolve("before.txt")), after = values(work.resolve("after.txt")),
                rolled = values(work.resolve("rolled-back.txt"));
        for (String[] k : KEYS) {
            assertThat(after.get(k[0])).as(k[0] + " read back from the kernel after apply").isEqualTo(k[1]);
            assertThat(before.get(k[0])).as(k[0] + " default differs from the value set").isNotEqualTo(k[1]);
        }
        assertThat(rolled).isEqualTo(before);
        assertThat(Files.readString(work.resolve("apply.out"))).contains("set net.core.somaxconn " + before.get("net.core.somaxconn") + " → 1234");
        assertThat(Files.readString(work.resolve("rollback.out"))).contains("net.core.somaxconn 1234 → " + before.get("net.core.somaxconn"));
        assertThat(tree.resolve("etc/sysctl.d/60-golive.conf")).doesNotExist();
        assertThat(hostValues()).as("this machine's own namespace is untouched").isEqualTo(hostBefore);
        try (var s = Files.list(tree.resolve("proc/sys"))) {
            assertThat(s).as("the bind mount went away with the namespace").isEmpty();
        }
    }

    static void requireUnshare() throws Exception {
        Assumptions.assumeTrue(ProcessHandle.current().info().user().orElse("").equals("root"), "needs root for unshare --net --mount");
        ChildGolive probe;
        try {
            probe = ChildGolive.exec(List.of("unshare", "--net", "--mount", "true"), Map.of());
        } catch (java.io.IOException e) {
            Assumptions.abort("unshare is not installed (util-linux): " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(probe.exit() == 0, "unshare --net --mount is not permitted here: " + probe.err().strip());
    }

    static Map<String, String> hostValues() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] k : KEYS) out.put(k[0], Files.readString(Path.of(TestTree.procPath(k[0]))).strip().replaceAll("\\s+", " "));
        return out;
    }

    static Map<String, String> values(Path f) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(f)) {
            int i = line.indexOf('=');
            out.put(line.substring(0, i), line.substring(i + 1).strip());
        }
        return out;
    }
}
