package dev.golive.e2e;

import dev.golive.app.Session;
import dev.golive.apply.PlanCodec;
import dev.golive.export.Playbook;
import dev.golive.export.ShellScript;
import dev.golive.model.FileChange;
import dev.golive.model.LiveChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 9's export check with the real tools: the same plan applied three ways to three copies
 * of one host tree — (1) golive apply --root (the CLI, with the plan as JSON), (2) the exported shell script with GOLIVE_ROOT,
 * (3) the exported playbook with ansible-playbook -e golive_root — leaves three trees that are
 * byte for byte the same (content, mode, owner; golive's own snapshot and lock aside), and a
 * second run of each changes nothing.
 */
class ExportIT {

    private static final Path FIXTURES = Path.of("src/test/resources/hosts");
    private static final String CAPTURE = "golive-capture.json";

    @ParameterizedTest(name = "{1} on {0} (applied before: {2})")
    @CsvSource({
            "debian12-vm, high-connections, ''",
            // a host golive already tuned: the new plan replaces its owned files
            "ubuntu2004-hybrid, web-api, high-connections",
    })
    void golivePlaybookAndScriptLeaveTheSameTree(String host, String profile, String appliedBefore, @TempDir Path tmp) throws Exception {
        requireTools();
        Path base = tmp.resolve("base");
        ExportTrees.copy(FIXTURES.resolve(host), base, Set.of());
        if (!appliedBefore.isEmpty()) applyAsTree(base, plan(base, appliedBefore, "earlier-1"));
        Plan plan = plan(base, profile, "export-1");
        assertThat(plan.files()).as("a plan with files").isNotEmpty();
        if (appliedBefore.isEmpty()) {
            assertThat(plan.live()).as("a plan with live values").isNotEmpty();
        } else {
            assertThat(plan.files()).extracting(FileChange::kind).contains(FileChange.Kind.MODIFY);
        }

        // the user's path: golive export through the CLI, with the same plan id
        Path script = tmp.resolve("golive.sh");
        Path playbook = tmp.resolve("golive.yml");
        for (String[] f : List.of(new String[] {"shell", script.toString()}, new String[] {"ansible", playbook.toString()})) {
            Run r = Run.golive("export", "--format", f[0], "--profile", profile, "--root", base.toString(), "--id", "export-1", "-o", f[1]);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("wrote " + f[1]);
        }
        assertThat(Files.readString(script)).isEqualTo(ShellScript.render(plan, hostname(base)));
        assertThat(Files.readString(playbook)).isEqualTo(Playbook.render(plan, hostname(base)));

        threeWays(tmp, base, plan, script, playbook);

        // golive's own second run: planning the applied tree again (read as a capture of it) finds nothing to do
        Path again = tmp.resolve("c1-again");
        ExportTrees.copy(tmp.resolve("c1"), again, Set.of());
        Files.copy(base.resolve(CAPTURE), again.resolve(CAPTURE));
        Plan second = plan(again, profile, "export-again");
        assertThat(second.files()).as("files left to change after golive apply").isEmpty();
        assertThat(second.live()).as("live values left to set after golive apply").isEmpty();
    }

    /**
     * A synthetic plan with content meant to break quoting: a line that is the here-document
     * delimiter, Jinja braces, quotes, $ and backticks, a leading-space line, trailing blanks, a
     * tab, no final newline, a unit name with a backslash; a modify, a create in a new
     * directory, a removal, a vector sysctl and a sysfs choice.
     */
    @Test
    void contentThatBreaksNaiveQuotingArrivesByteForByte(@TempDir Path tmp) throws Exception {
        requireTools();
        Path base = tmp.resolve("base");
        String id = "tricky-1";
        String old = OwnedFiles.header("old-1");
        write(base, "/proc/sys/net/core/somaxconn", "4096\n");
        write(base, "/proc/sys/net/ipv4/ip_local_port_range", "32768\t60999\n");
        write(base, "/sys/kernel/mm/transparent_hugepage/enabled", "always [madvise] never\n");
        write(base, "/etc/sysctl.d/60-golive.conf", old + "net.core.somaxconn = 1024\n");
        write(base, OwnedFiles.MANAGER_DROPIN, old + "[Manager]\nDefaultLimitNOFILE=1024:524288\n");
        String unit = "/etc/systemd/system/my\\x2dapp.service";
        String h = OwnedFiles.header(id);
        String sysctl = h + "net.core.somaxconn = 8192\nnet.ipv4.ip_local_port_range = 10240 65535\n";
        // every line is one systemd reads (apply --plan-file holds a unit to Key=Value): the heredoc
        // marker, leading spaces and a blank line ride on continuation lines
        String weird = h + "[Service]\nExecStartPre=/bin/echo \\\nGOLIVE_EOF\nEnvironment=\"A={{ not_jinja }}\" 'B=it''s' C=$HOME D=`id`\n"
                + "ExecStartPre=/bin/echo \\\n   leading spaces\nEnvironment=F=trailing\\x20blanks  \t\n"
                + "Environment=\"G=tab\there\"\n\nExecStart=/usr/bin/app --flag \"%h\" \\\n  --more\nEnvironment=\"H=no final newline\"";
        String tmpfiles = h + "w /sys/kernel/mm/transparent_hugepage/enabled - - - - never\n";
        Plan plan = new Plan(id, "tricky", Optional.of("my\\x2dapp.service"),
                List.of(new FileChange(OwnedFiles.SYSCTL_DROPIN, Optional.of(old + "net.core.somaxconn = 1024\n"), Optional.of(sysctl), 0644, "root", "root", "sysctls"),
                        new FileChange(OwnedFiles.MANAGER_DROPIN, Optional.of(old + "[Manager]\nDefaultLimitNOFILE=1024:524288\n"), Optional.empty(), 0644, "root", "root", "no longer needed"),
                        new FileChange(unit, Optional.empty(), Optional.of(weird), 0640, "root", "root", "the service"),
                        new FileChange(OwnedFiles.TMPFILES_DROPIN, Optional.empty(), Optional.of(tmpfiles), 0644, "root", "root", "THP at boot")),
                List.of(new LiveChange("net.core.somaxconn", "/proc/sys/net/core/somaxconn", LiveChange.Format.SYSCTL, "4096", "8192", true, "backlog"),
                        new LiveChange("net.ipv4.ip_local_port_range", "/proc/sys/net/ipv4/ip_local_port_range", LiveChange.Format.SYSCTL, "32768 60999", "10240 65535", true, "ports"),
                        new LiveChange("transparent_hugepage.enabled", "/sys/kernel/mm/transparent_hugepage/enabled", LiveChange.Format.SYSFS_CHOICE, "madvise", "never", false, "thp")),
                List.of(new PlanAction(PlanAction.Kind.DAEMON_RELOAD, Optional.empty(), "unit changed"),
                        new PlanAction(PlanAction.Kind.DAEMON_REEXEC, Optional.empty(), "manager defaults"),
                        new PlanAction(PlanAction.Kind.RESTART_SERVICE, Optional.of("my\\x2dapp.service"), "it's new")),
                List.of(), List.of("nothing by hand"));
        Path script = tmp.resolve("golive.sh");
        Path playbook = tmp.resolve("golive.yml");
        Files.writeString(script, ShellScript.render(plan, "tricky-host"));
        Files.writeString(playbook, Playbook.render(plan, "tricky-host"));

        Map<String, String> trees = threeWays(tmp, base, plan, script, playbook);
        assertThat(Files.readString(tmp.resolve("c2").resolve(unit.substring(1)))).isEqualTo(weird);
        assertThat(trees.get(unit)).endsWith(" 0640 root:root");
        assertThat(trees).doesNotContainKey(OwnedFiles.MANAGER_DROPIN);
        assertThat(Files.readString(tmp.resolve("c3/sys/kernel/mm/transparent_hugepage/enabled"))).isEqualTo("always madvise [never]\n");
        assertThat(Files.readString(tmp.resolve("c3/proc/sys/net/ipv4/ip_local_port_range"))).isEqualTo("10240\t65535\n");
    }

    @Test
    void bothFormsRefuseAFileGoliveDidNotWriteAndChangeNothing(@TempDir Path tmp) throws Exception {
        requireTools();
        Path base = tmp.resolve("base");
        ExportTrees.copy(FIXTURES.resolve("debian12-vm"), base, Set.of());
        Plan plan = plan(base, "web-api", "export-2");
        Path tree = tmp.resolve("tree");
        ExportTrees.copy(base, tree, Set.of(CAPTURE));
        write(tree, OwnedFiles.SYSCTL_DROPIN, "# the admin's own file\nvm.swappiness = 1\n");
        Map<String, String> before = ExportTrees.fingerprint(tree, true);
        Path script = tmp.resolve("golive.sh");
        Files.writeString(script, ShellScript.render(plan, "api-1"));
        Proc r = sh(script, tree);
        assertThat(r.exit).as(r.out).isEqualTo(1);
        assertThat(r.err.strip()).isEqualTo("golive export: " + OwnedFiles.SYSCTL_DROPIN + ": exists and was not written by golive (no \""
                + OwnedFiles.HEADER_MARK + "\" header); refusing to overwrite it");
        assertThat(ExportTrees.fingerprint(tree, true)).isEqualTo(before);

        Path playbook = tmp.resolve("golive.yml");
        Files.writeString(playbook, Playbook.render(plan, "api-1"));
        Proc p = ansible(tmp, playbook, tree);
        assertThat(p.exit).as(p.out).isNotZero();
        assertThat(p.out).contains(OwnedFiles.SYSCTL_DROPIN + ": exists and was not written by golive (no " + OwnedFiles.HEADER_MARK
                + " header); refusing to overwrite it");
        assertThat(recap(p.out, "changed")).isZero();
        assertThat(ExportTrees.fingerprint(tree, true)).isEqualTo(before);
    }

    @Test
    void exportedFormsPassTheirCheckers(@TempDir Path tmp) throws Exception {
        requireTools();
        for (String[] c : List.of(new String[] {"debian12-vm", "web-api"}, new String[] {"centos7-v1", "batch"}, new String[] {"arm64-server", "low-latency"})) {
            Path sh = tmp.resolve(c[0] + ".sh");
            Path yml = tmp.resolve(c[0] + ".yml");
            Run a = Run.golive("export", "--format", "shell", "--profile", c[1], "--root", FIXTURES.resolve(c[0]).toString(), "-o", sh.toString());
            Run b = Run.golive("export", "--format", "ansible", "--profile", c[1], "--root", FIXTURES.resolve(c[0]).toString(), "-o", yml.toString());
            assertThat(a.exit()).as(a.err()).isZero();
            assertThat(b.exit()).as(b.err()).isZero();
            Proc check = run(List.of("shellcheck", "-s", "sh", sh.toString()), Map.of());
            assertThat(check.exit).as(check.out).isZero();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sh))).isEqualTo("rwxr-xr-x");
            Proc syntax = run(List.of("ansible-playbook", "--syntax-check", "-i", "localhost,", yml.toString()), ansibleEnv(tmp));
            assertThat(syntax.exit).as(syntax.out + syntax.err).isZero();
            assertThat(Files.readString(yml)).doesNotContain("/etc/sysctl.conf\n").doesNotContain("sysctl_file: /etc/sysctl.conf");
        }
        // the edges: nothing to do, and live values only (the drop-in already right, the kernel not: after a reboot without it)
        Plan empty = new Plan("empty-1", "web-api", Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of());
        Plan liveOnly = new Plan("live-2", "web-api", Optional.empty(), List.of(),
                List.of(new LiveChange("net.core.somaxconn", "/proc/sys/net/core/somaxconn", LiveChange.Format.SYSCTL, "4096", "8192", true, "x")),
                List.of(), List.of(), List.of());
        for (Plan p : List.of(empty, liveOnly)) {
            Path sh = tmp.resolve(p.id() + ".sh");
            Path yml = tmp.resolve(p.id() + ".yml");
            Files.writeString(sh, ShellScript.render(p, "h"));
            Files.writeString(yml, Playbook.render(p, "h"));
            Proc check = run(List.of("shellcheck", "-s", "sh", sh.toString()), Map.of());
            assertThat(check.exit).as(p.id() + check.out).isZero();
            Proc syntax = run(List.of("ansible-playbook", "--syntax-check", "-i", "localhost,", yml.toString()), ansibleEnv(tmp));
            assertThat(syntax.exit).as(p.id() + syntax.out + syntax.err).isZero();
        }
    }

    /**
     * The live-host form (no root) for real, where it cannot touch this machine: in a private
     * network and mount namespace (unshare -mn) with a tmpfs over /etc/sysctl.d, the playbook's
     * ansible.posix.sysctl tasks and the script's writes set the namespace's own sysctls. Proves
     * the copy of golive's drop-in and the sysctl module agree (the second run reports
     * changed=0) and both forms end with the same drop-in and the same kernel values.
     */
    @Test
    void liveFormsSetRealSysctlsInAPrivateNamespaceAndSettle(@TempDir Path tmp) throws Exception {
        requireTools();
        assumeTrue(run(List.of("unshare", "-mn", "true"), Map.of()).exit == 0, "unshare -mn is not permitted here");
        boolean hostHadDropIn = Files.exists(Path.of(OwnedFiles.SYSCTL_DROPIN));
        String hostSomaxconn = Files.readString(Path.of("/proc/sys/net/core/somaxconn"));
        String id = "live-1";
        String dropIn = OwnedFiles.header(id) + "net.core.somaxconn = 8192\nnet.ipv4.ip_local_port_range = 10240 65535\nnet.ipv4.tcp_slow_start_after_idle = 0\n";
        Plan plan = new Plan(id, "netns", Optional.empty(),
                List.of(new FileChange(OwnedFiles.SYSCTL_DROPIN, Optional.empty(), Optional.of(dropIn), 0644, "root", "root", "sysctls at boot")),
                List.of(new LiveChange("net.core.somaxconn", "/proc/sys/net/core/somaxconn", LiveChange.Format.SYSCTL, "4096", "8192", true, "backlog"),
                        new LiveChange("net.ipv4.ip_local_port_range", "/proc/sys/net/ipv4/ip_local_port_range", LiveChange.Format.SYSCTL, "32768 60999", "10240 65535", true, "ports"),
                        new LiveChange("net.ipv4.tcp_slow_start_after_idle", "/proc/sys/net/ipv4/tcp_slow_start_after_idle", LiveChange.Format.SYSCTL, "1", "0", true, "idle")),
                List.of(), List.of(), List.of());
        Files.writeString(tmp.resolve("golive.sh"), ShellScript.render(plan, "netns"));
        Files.writeString(tmp.resolve("golive.yml"), Playbook.render(plan, "netns"));
        String collect = "cp /etc/sysctl.d/60-golive.conf \"$out.conf\"; stat -c '%a %U %G' /etc/sysctl.d/60-golive.conf > \"$out.meta\"; "
                + "for k in net/core/somaxconn net/ipv4/ip_local_port_range net/ipv4/tcp_slow_start_after_idle; do tr -s ' \\t' '  ' < /proc/sys/$k; done > \"$out.live\"";
        String ansible = "ansible-playbook -i localhost, -c local -e ansible_become=false -e ansible_python_interpreter=/usr/bin/python3 \"$dir/golive.yml\"";
        for (String[] form : List.of(new String[] {"sh", "sh \"$dir/golive.sh\""}, new String[] {"ansible", ansible})) {
            String body = "set -e; mount -t tmpfs golive-test /etc/sysctl.d; out=\"$dir/" + form[0] + "\"; "
                    + form[1] + " > \"$out.run1\"; " + form[1] + " > \"$out.run2\"; " + collect;
            Map<String, String> env = new java.util.HashMap<>(ansibleEnv(tmp));
            env.put("dir", tmp.toString());
            Proc r = run(List.of("unshare", "-mn", "sh", "-c", body), env);
            assertThat(r.exit).as(form[0] + ": " + r.out + r.err + read(tmp.resolve(form[0] + ".run1")) + read(tmp.resolve(form[0] + ".run2"))).isZero();
            assertThat(Files.readString(tmp.resolve(form[0] + ".conf"))).as(form[0]).isEqualTo(dropIn);
            assertThat(Files.readString(tmp.resolve(form[0] + ".meta"))).as(form[0]).isEqualTo("644 root root\n");
            assertThat(Files.readString(tmp.resolve(form[0] + ".live"))).as(form[0]).isEqualTo("8192\n10240 65535\n0\n");
        }
        assertThat(recap(Files.readString(tmp.resolve("ansible.run1")), "changed")).isEqualTo(4);
        assertThat(recap(Files.readString(tmp.resolve("ansible.run2")), "changed")).as(Files.readString(tmp.resolve("ansible.run2"))).isZero();
        assertThat(Files.readString(tmp.resolve("sh.run1"))).endsWith("done: 4 change(s)\n");
        assertThat(Files.readString(tmp.resolve("sh.run2"))).isEqualTo("done: 0 change(s)\n");
        // this machine's own drop-in and values were not touched
        assertThat(Files.exists(Path.of(OwnedFiles.SYSCTL_DROPIN))).isEqualTo(hostHadDropIn);
        assertThat(Files.readString(Path.of("/proc/sys/net/core/somaxconn"))).isEqualTo(hostSomaxconn);
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? "\n" + Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    // ---- the three ways ---------------------------------------------------------------------

    /** Applies {@code plan} to copies c1 (golive), c2 (script), c3 (playbook) of base; asserts sameness and idempotence. */
    private static Map<String, String> threeWays(Path tmp, Path base, Plan plan, Path script, Path playbook) throws Exception {
        Path c1 = tmp.resolve("c1"), c2 = tmp.resolve("c2"), c3 = tmp.resolve("c3");
        for (Path c : List.of(c1, c2, c3)) ExportTrees.copy(base, c, Set.of(CAPTURE));
        Map<String, String> untouched = ExportTrees.fingerprint(c1, false);

        // (1) as a user would: the plan as `golive plan --json` writes it, then golive apply --root
        Path planFile = tmp.resolve("plan.json");
        Files.writeString(planFile, PlanCodec.toJson(plan));
        Run applied = Run.golive("apply", "--root", c1.toString(), "--plan-file", planFile.toString(), "--yes");
        assertThat(applied.exit()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("applied plan " + plan.id());

        Proc s1 = sh(script, c2);
        assertThat(s1.exit).as(s1.err).isZero();
        assertThat(s1.out).contains("done: ").doesNotContain("done: 0 change(s)");

        Proc p1 = ansible(tmp, playbook, c3);
        assertThat(p1.exit).as(p1.out + p1.err).isZero();
        assertThat(recap(p1.out, "changed")).as(p1.out).isPositive();

        Map<String, String> f1 = ExportTrees.fingerprint(c1, false), f2 = ExportTrees.fingerprint(c2, false), f3 = ExportTrees.fingerprint(c3, false);
        assertThat(f1).as("golive apply changed the tree").isNotEqualTo(untouched);
        assertThat(ExportTrees.differences(c1, f1, c2, f2)).as("golive apply --root vs the shell script").isEmpty();
        assertThat(ExportTrees.differences(c1, f1, c3, f3)).as("golive apply --root vs the playbook").isEmpty();

        // second runs: nothing left to do, nothing rewritten
        Map<String, String> t2 = ExportTrees.fingerprint(c2, true), t3 = ExportTrees.fingerprint(c3, true);
        Proc s2 = sh(script, c2);
        assertThat(s2.exit).as(s2.err).isZero();
        assertThat(s2.out).endsWith("done: 0 change(s)\n");
        assertThat(ExportTrees.fingerprint(c2, true)).isEqualTo(t2);
        Proc p2 = ansible(tmp, playbook, c3);
        assertThat(p2.exit).as(p2.out + p2.err).isZero();
        assertThat(recap(p2.out, "changed")).as(p2.out).isZero();
        assertThat(ExportTrees.fingerprint(c3, true)).isEqualTo(t3);
        return f1;
    }

    private static void requireTools() {
        assumeTrue(Run.hasCommand("ansible-playbook"), "ansible-playbook is not installed (scripts/test installs the ansible package)");
        assumeTrue(Run.hasCommand("shellcheck"), "shellcheck is not installed (scripts/test installs it)");
        assumeTrue("root".equals(System.getProperty("user.name")), "the exports chown to root:root as golive apply does: run as root");
    }

    /** Plans on {@code dir} read as a capture (its golive-capture.json answers the commands). */
    private static Plan plan(Path dir, String profile, String id) {
        try (Session s = Session.open(dir.toString())) {
            return s.plan(profile, Optional.empty(), List.of(), id);
        }
    }

    private static String hostname(Path dir) {
        try (Session s = Session.open(dir.toString())) {
            var o = s.inspect().origin();
            return o.hostname() == null ? o.root() : o.hostname();
        }
    }

    /** golive apply --root on a tree; a tree holding the capture manifest is moved aside for it (golive never writes a capture). */
    private static void applyAsTree(Path dir, Plan plan) throws IOException {
        Path manifest = dir.resolve(CAPTURE), aside = dir.resolveSibling(dir.getFileName() + "-" + CAPTURE);
        boolean had = Files.exists(manifest);
        if (had) Files.move(manifest, aside);
        try (Session s = Session.open(dir.toString())) {
            s.apply(plan, false);
        } finally {
            if (had) Files.move(aside, manifest);
        }
    }

    private static void write(Path root, String path, String content) throws IOException {
        Path p = root.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    }

    // ---- processes ---------------------------------------------------------------------------

    record Proc(int exit, String out, String err) { }

    private static Proc sh(Path script, Path root) throws Exception {
        return run(List.of("sh", script.toString()), Map.of("GOLIVE_ROOT", root.toString()));
    }

    private static Proc ansible(Path tmp, Path playbook, Path root) throws Exception {
        return run(List.of("ansible-playbook", "-i", "localhost,", "-c", "local", "-e", "golive_root=" + root,
                "-e", "ansible_python_interpreter=/usr/bin/python3", playbook.toString()), ansibleEnv(tmp));
    }

    private static Map<String, String> ansibleEnv(Path tmp) {
        return Map.of("ANSIBLE_NOCOLOR", "1", "ANSIBLE_RETRY_FILES_ENABLED", "0", "ANSIBLE_LOCAL_TEMP", tmp.resolve("ansible-local").toString(),
                "ANSIBLE_REMOTE_TEMP", tmp.resolve("ansible-remote").toString());
    }

    /** A count from the PLAY RECAP line ("changed=0"). */
    private static int recap(String out, String what) {
        Matcher m = Pattern.compile("\\b" + what + "=(\\d+)").matcher(out.substring(Math.max(0, out.indexOf("PLAY RECAP"))));
        if (!m.find()) throw new AssertionError("no PLAY RECAP in:\n" + out);
        return Integer.parseInt(m.group(1));
    }

    private static Proc run(List<String> argv, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(argv)).directory(Run.root().toFile());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = Files.createTempFile("export-out", ".txt"), err = Files.createTempFile("export-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + argv);
        }
        Proc r = new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }
}
