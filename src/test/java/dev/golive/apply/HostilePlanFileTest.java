package dev.golive.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.model.FileChange;
import dev.golive.model.LiveChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.ui.cli.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone hands the admin a plan file, or edits one after the review: `golive apply
 * --plan-file plan.json --yes --root TREE` runs for real against a target tree. A plan that
 * asks for anything the planner would not write is refused with one line naming the file,
 * exit 2, before the lock or the snapshot: the tree is byte for byte as before, and no
 * snapshot directory or lock file appears.
 */
class HostilePlanFileTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path work;
    TestTree tree;
    Path planFile;

    record Run(int exit, String out, String err) { }

    @BeforeEach void setUp() throws Exception {
        tree = TestTree.create(Files.createDirectory(work.resolve("host")));
        // files a hostile plan aims at: they must stay exactly as they are
        tree.file("/proc/sys/fs/protected_symlinks", "1\n", 0644);
        tree.file("/proc/sys/kernel/core_pattern", "core\n", 0644);
        tree.file("/proc/sys/net/ipv4/ip_forward", "0\n", 0644);
        tree.file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n", 0644);
        planFile = work.resolve("plan.json");
    }

    /** The plan as `golive plan --json` would print it for this tree: 2 files, 5 sysctls, both THP values. */
    ObjectNode goodPlan() throws Exception {
        return (ObjectNode) JSON.readTree(PlanCodec.toJson(tree.plan("h1", 5)));
    }

    Run apply(String planText, String... more) throws Exception {
        Files.writeString(planFile, planText);
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] args = Stream.concat(Stream.of("apply", "--plan-file", planFile.toString(), "--root", tree.dir.toString()), Stream.of(more))
                .toArray(String[]::new);
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void theUneditedPlanFileApplies() throws Exception {
        // the control: the same harness writes when the plan is what golive planned
        Plan plan = PlanCodec.readPlanFile("plan.json", goodPlan().toString());
        Run r = apply(goodPlan().toString(), "--yes");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(tree.liveValues(plan)).isEqualTo(TestTree.after(plan));
        assertThat(tree.dir.resolve("var/lib/golive/snapshots/h1")).isDirectory();
    }

    static Stream<Arguments> hostilePlans() {
        return Stream.of(
                hostile("a harmless key pointing at another file",
                        p -> live(p, "net.ipv4.tcp_slow_start_after_idle", "/proc/sys/fs/protected_symlinks", "1", "0", true),
                        "live[7].path: \"/proc/sys/fs/protected_symlinks\" is not the file of net.ipv4.tcp_slow_start_after_idle (/proc/sys/net/ipv4/tcp_slow_start_after_idle)"),
                hostile("core_pattern piped to a program",
                        p -> live(p, "kernel.core_pattern", "/proc/sys/kernel/core_pattern", "core", "|/tmp/x", false),
                        "live[7].key: \"kernel.core_pattern\" is not a value golive sets live"),
                hostile("a sysctl outside the schema at its own path",
                        p -> live(p, "net.ipv4.ip_forward", "/proc/sys/net/ipv4/ip_forward", "0", "1", true),
                        "live[7].key: \"net.ipv4.ip_forward\" is not a value golive sets live"),
                hostile("a value with a second line",
                        p -> set(p, "live", 0, "after", "65535\n1"),
                        "live[0].after: net.core.somaxconn: \"65535\\n1\" is not a whole number"),
                hostile("a value with a trailing newline",
                        p -> set(p, "live", 4, "after", "10240 65535\n"),
                        "live[4].after: net.ipv4.ip_local_port_range: \"10240 65535\\n\" is not written as golive writes it (\"10240 65535\")"),
                hostile("a value the kernel would read as octal",
                        p -> set(p, "live", 0, "after", "010"),
                        "live[0].after: net.core.somaxconn: \"010\" is not written as golive writes it (\"10\")"),
                hostile("a value out of the key's range",
                        p -> set(p, "live", 4, "after", "0 70000"),
                        "live[4].after: net.ipv4.ip_local_port_range: 0 is out of range 1..65535"),
                hostile("a THP choice the file does not have",
                        p -> set(p, "live", 5, "after", "always\n"),
                        "live[5].after: transparent_hugepage.enabled: \"always\\n\" is not one of always, madvise, never"),
                hostile("a path climbing out of /proc/sys",
                        p -> set(p, "live", 0, "path", "/proc/sys/../../etc/passwd"),
                        "live[0].path: \"/proc/sys/../../etc/passwd\" is not the file of net.core.somaxconn (/proc/sys/net/core/somaxconn)"),
                hostile("a unit file that is not a valid unit name",
                        p -> set(p, "files", 1, "path", "/etc/systemd/system/..service"),
                        "files[1].path: invalid unit name \"..service\": contains \"..\""),
                hostile("another service's drop-in",
                        p -> set(p, "files", 1, "path", OwnedFiles.unitDropIn("sshd.service")),
                        "files[1].path: /etc/systemd/system/sshd.service.d/60-golive.conf is not a unit file of the plan's service (app.service)"),
                hostile("a world-writable file",
                        p -> set(p, "files", 0, "mode", "0666"),
                        "files[0].mode: 0666: golive writes its files 0644 at most"),
                hostile("an executable set-uid file",
                        p -> set(p, "files", 0, "mode", "4755"),
                        "files[0].mode: 4755: golive writes its files 0644 at most"),
                hostile("a file owned by another user",
                        p -> set(p, "files", 0, "owner", "nobody"),
                        "files[0].owner: \"nobody\": golive's files belong to root"),
                hostile("a misspelt sysctl key in golive's drop-in (systemd-sysctl skips it at boot)",
                        p -> edit(p, 0, "net.ipv4.tcp_fin_timeout = ", "net.ipv4.tcp_fin_timout = "),
                        "files[0].after: line 6 of /etc/sysctl.d/60-golive.conf: \"net.ipv4.tcp_fin_timout\" is not a sysctl key (did you mean \"net.ipv4.tcp_fin_timeout\"?)"),
                hostile("a profile key's value out of its range in the drop-in",
                        p -> edit(p, 0, "net.ipv4.tcp_fin_timeout = 30", "net.ipv4.tcp_fin_timeout = 0"),
                        "files[0].after: line 6 of /etc/sysctl.d/60-golive.conf: net.ipv4.tcp_fin_timeout: 0 is out of range 1..2147483647"),
                hostile("a [Manager] key no profile sets",
                        p -> edit(p, 1, "DefaultLimitNOFILE=", "DefaultLimitNPROC="),
                        "files[1].after: line 4 of /etc/systemd/system.conf.d/60-golive.conf: DefaultLimitNPROC= is not a [Manager] setting a profile may set"),
                hostile("a unit line systemd skips",
                        p -> edit(p, 2, "LimitNOFILE=1048576\n", "LimitNOFILE=1048576\nExecStartPre /bin/true\n"),
                        "files[2].after: line 5 of /etc/systemd/system/app.service.d/60-golive.conf: "),
                hostile("a key given twice (the reviewer reads the first, Jackson keeps the last)",
                        p -> p.toString().replace("\"after\":\"65535\"", "\"after\":\"65535\",\"after\":\"128\""),
                        ": Duplicate field 'after'"),
                hostile("a second document after the plan",
                        p -> p.toPrettyString() + "\n{\"live\": []}\n",
                        ": Trailing token (of type START_OBJECT) found after value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePlans")
    void isRefusedBeforeAnythingIsWritten(String what, Function<ObjectNode, String> edit, String message) throws Exception {
        ObjectNode p = goodPlan();
        Map<String, String> before = tree.fingerprint();

        Run r = apply(edit.apply(p), "--yes");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("golive: " + planFile + ":").contains(message).endsWith("\n");
        assertThat(r.err().strip()).doesNotContain("\n");
        assertThat(r.out()).doesNotContain("applied");
        tree.assertUnchangedSince(before);
        assertThat(tree.dir.resolve("var/lib/golive")).doesNotExist();
        assertThat(tree.dir.resolve("run/golive.lock")).doesNotExist();
    }

    @Test
    void thePreviewNamesEveryFileAndLiveValuePathItWillWrite() throws Exception {
        Plan plan = tree.plan("h1", 5);
        // no --yes and no terminal: the preview is printed, then golive refuses to guess an answer
        Run r = apply(PlanCodec.toJson(plan));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: no terminal to confirm on; pass --yes to go ahead without asking\n");
        for (FileChange f : plan.files()) assertThat(r.out()).contains(f.path());
        for (LiveChange l : plan.live()) assertThat(r.out()).containsPattern("(?m)^ +" + java.util.regex.Pattern.quote(l.path()) + ": ");
    }

    // ---- editing the plan as a hand (or an attacker) would -----------------------------------------

    static Arguments hostile(String what, Function<ObjectNode, String> edit, String message) {
        return Arguments.of(what, edit, message);
    }

    /** Appends a live entry; returns the document. */
    static String live(ObjectNode p, String key, String path, String before, String after, boolean perNamespace) {
        ObjectNode l = ((ArrayNode) p.get("live")).addObject();
        l.put("key", key).put("path", path).put("format", "SYSCTL").put("before", before).put("after", after)
                .put("perNamespace", perNamespace).put("why", "looks harmless");
        return p.toString();
    }

    /** Replaces {@code from} with {@code to} in the content of file {@code i}; returns the document. */
    static String edit(ObjectNode p, int i, String from, String to) {
        ObjectNode f = (ObjectNode) p.get("files").get(i);
        String after = f.get("after").asText();
        assertThat(after).contains(from);
        f.put("after", after.replace(from, to));
        return p.toString();
    }

    @Test
    void aHandEditedContentLineIsNamedAtItsLineAndColumnInThePlanFile() throws Exception {
        ObjectNode p = goodPlan();
        edit(p, 0, "net.ipv4.tcp_fin_timeout = ", "net.ipv4.tcp_fin_timout = ");
        String text = p.toPrettyString();
        Map<String, String> before = tree.fingerprint();

        Run r = apply(text, "--yes");

        // where a reader of the file finds it: the line of files[0]'s "after", at its opening quote
        int value = text.indexOf("\"after\" : \"# Managed by golive") + "\"after\" : ".length();
        int line = (int) text.substring(0, value).chars().filter(c -> c == '\n').count() + 1;
        int col = value - text.lastIndexOf('\n', value - 1);
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: " + planFile + ":" + line + ":" + col + ": files[0].after: line 6 of /etc/sysctl.d/60-golive.conf: "
                + "\"net.ipv4.tcp_fin_timout\" is not a sysctl key (did you mean \"net.ipv4.tcp_fin_timeout\"?)\n");
        tree.assertUnchangedSince(before);
        assertThat(tree.dir.resolve("var/lib/golive")).doesNotExist();
    }

    static String set(ObjectNode p, String list, int i, String field, String value) {
        ((ObjectNode) p.get(list).get(i)).put(field, value);
        return p.toString();
    }
}
