package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.app.Session;
import dev.golive.apply.PlanCodec;
import dev.golive.apply.TestTree;
import dev.golive.model.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin's session with `golive apply`, `snapshots`, `rollback` and `recover` on a target tree. */
class ApplyCommandsTest {

    @TempDir Path work;
    TestTree tree;
    Map<String, String> pristine;
    Path planFile;
    Plan plan;
    String root;

    record Run(int exit, String out, String err) { }

    @BeforeEach void setUp() throws Exception {
        tree = TestTree.create(Files.createDirectory(work.resolve("host")));
        pristine = tree.fingerprint();
        plan = tree.plan("s1", 5);
        planFile = work.resolve("plan.json");
        Files.writeString(planFile, PlanCodec.toJson(plan));
        root = tree.dir.toString();
    }

    /** Runs golive in-process; {@code confirm} answers the prompt (null: the real terminal, which tests lack). */
    static Run golive(Confirm confirm, java.util.function.Function<String, Session> sessions, String... args) {
        CommandLine cl = Cli.commandLine();
        ApplyCommand apply = (ApplyCommand) cl.getSubcommands().get("apply").getCommand();
        RollbackCommand rollback = (RollbackCommand) cl.getSubcommands().get("rollback").getCommand();
        if (confirm != null) {
            apply.confirm = confirm;
            rollback.confirm = confirm;
        }
        if (sessions != null) {
            apply.sessions = sessions;
            rollback.sessions = sessions;
            ((RecoverCommand) cl.getSubcommands().get("recover").getCommand()).sessions = sessions;
        }
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run golive(String... args) { return golive(null, null, args); }

    @Test
    void applyWritesGolivesDropInDespiteTheOverrideConfAndSaysItStillWins() throws Exception {
        Path host = work.resolve("debian12");
        dev.golive.host.Fixtures.targetTree("debian12-vm", host);
        Run a = golive("apply", "--profile", "web-api", "--service", "api", "--yes", "--root", host.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(Files.readString(host.resolve("etc/systemd/system/api.service.d/60-golive.conf"))).contains("LimitNOFILE=65536:1048576\n");
        assertThat(a.out()).contains("  conflict, still there: [Service] LimitNOFILE: /etc/systemd/system/api.service.d/override.conf:3 sets 65536 "
                + "and wins when systemd loads the unit over golive's 65536:1048576\n");
    }

    @Test
    void applyListShowRollbackPrune() throws Exception {
        Run a = golive("apply", "--plan-file", planFile.toString(), "--yes", "--root", root);
        assertThat(a.err()).isEmpty();
        assertThat(a.exit()).isZero();
        assertThat(a.out()).contains("  wrote /etc/sysctl.d/60-golive.conf (0644 root:root)\n",
                        "  created /etc/systemd/system/app.service.d/60-golive.conf (0644 root:root)\n",
                        "  set net.ipv4.ip_local_port_range 32768 60999 → 10240 65535\n",
                        "  systemctl daemon-reload: skipped: target tree, no systemd runs for it\n")
                .containsPattern("applied plan s1 in \\d+ ms; verified\\. Undo with: golive rollback s1 --root " + root + "\n$");

        Run list = golive("snapshots", "--root", root);
        assertThat(list.out()).containsPattern("(?m)^ID +STATE +CREATED +FILES +LIVE +PROFILE\ns1 +applied +\\S+ +3 +7 +web \\(app.service\\)$");
        JsonNode j = new ObjectMapper().readTree(golive("snapshots", "--json", "--root", root).out());
        assertThat(j.get(0).get("id").asText()).isEqualTo("s1");
        assertThat(j.get(0).get("state").asText()).isEqualTo("applied");
        assertThat(j.get(0).get("live").asInt()).isEqualTo(7);

        Run show = golive("snapshots", "show", "s1", "--root", root);
        assertThat(show.out()).contains("--- a/etc/sysctl.d/60-golive.conf", "+++ b/etc/sysctl.d/60-golive.conf", "-net.core.somaxconn = 1024",
                "+net.core.somaxconn = 65535", "--- /dev/null\n+++ b/etc/systemd/system/app.service.d/60-golive.conf",
                "  transparent_hugepage.defrag: madvise → defer+madvise\n");

        Run back = golive("rollback", "--last", "--yes", "--root", root);
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(back.out()).contains("  restored /etc/sysctl.d/60-golive.conf\n", "rolled back snapshot s1 in ");
        tree.assertUnchangedSince(pristine);

        Run again = golive("rollback", "s1", "--yes", "--root", root);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("golive: snapshot s1 was rolled back already\n");

        Run prune = golive("snapshots", "prune", "--keep", "0", "--root", root);
        assertThat(prune.out()).isEqualTo("deleted 1 snapshot(s): s1\n");
        assertThat(golive("snapshots", "--root", root).out()).isEqualTo("no snapshots\n");
    }

    @Test
    void thePlanThatPlanJsonPrintsIsTheOneApplyApplies() throws Exception {
        Run p = golive("plan", "--profile", "base", "--id", "p1", "--json", "--root", root);
        assertThat(p.exit()).as(p.err()).isZero();
        Plan printed = PlanCodec.fromJson("plan --json", p.out());
        assertThat(printed.id()).isEqualTo("p1");
        assertThat(printed.files()).isNotEmpty();
        Files.writeString(planFile, p.out());

        Run a = golive("apply", "--plan-file", planFile.toString(), "--yes", "--root", root);
        assertThat(a.exit()).as(a.err()).isZero();
        for (var f : printed.files()) assertThat(tree.read(f.path())).isEqualTo(f.after().orElseThrow());
        assertThat(golive("rollback", "p1", "--yes", "--root", root).exit()).isZero();
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void applyWithAProfilePlansAndAppliesInOneStep() {
        Run a = golive("apply", "--profile", "base", "--yes", "--root", root);
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).contains("applied plan ").contains("/etc/sysctl.d/60-golive.conf");
        assertThat(tree.read("/etc/sysctl.d/60-golive.conf")).contains("# Profile base");
        Run back = golive("rollback", "--last", "--yes", "--root", root);
        assertThat(back.exit()).as(back.err()).isZero();
        tree.assertUnchangedSince(pristine);

        Run both = golive("apply", "--profile", "base", "--plan-file", planFile.toString(), "--yes", "--root", root);
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("golive: give --plan-file PLAN.json or --profile NAME (one of them)\n");
    }

    @Test
    void withoutATerminalAndWithoutYesNothingIsWrittenAndItExits2() {
        Run r = golive("apply", "--plan-file", planFile.toString(), "--root", root);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: no terminal to confirm on; pass --yes to go ahead without asking\n");
        assertThat(r.out()).contains("+++ b/etc/systemd/system.conf.d/60-golive.conf", "net.core.somaxconn", "4096", "65535");
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void theConfirmStepShowsThePlanAndANoChangesNothing() {
        List<String> asked = new ArrayList<>();
        Run r = golive(q -> {
            asked.add(q);
            return false;
        }, null, "apply", "--plan-file", planFile.toString(), "--root", root);
        assertThat(r.exit()).isZero();
        assertThat(asked).containsExactly("Apply plan s1 (3 files, 7 live values) to " + root + "?");
        assertThat(r.out()).contains("app.service", "Go reads somaxconn once per process").endsWith("not applied; nothing was changed\n");
        tree.assertUnchangedSince(pristine);

        Run yes = golive(q -> true, null, "apply", "--plan-file", planFile.toString(), "--root", root);
        assertThat(yes.exit()).isZero();
        assertThat(tree.liveValues(plan)).isEqualTo(TestTree.after(plan));
    }

    @Test
    void notRootOnTheLiveHostExits3BeforeReadingOrWritingAnything() {
        // the plan file does not even exist: the root check comes first
        for (String[] args : List.of(new String[] {"apply", "--plan-file", work.resolve("absent.json").toString(), "--yes"},
                new String[] {"rollback", "--last", "--yes"}, new String[] {"recover"})) {
            Run r = golive(null, x -> Session.open(x).withUid(() -> 1000), args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(3);
            assertThat(r.err()).isEqualTo("golive: changing the live host needs root (running as uid 1000); use sudo, or --root DIR for a target tree\n");
            assertThat(r.out()).isEmpty();
        }
        SnapshotsCommand.sessions = x -> Session.open(x).withUid(() -> 1000);
        try {
            Run list = golive("snapshots");
            assertThat(list.exit()).isEqualTo(3);
            assertThat(list.err()).isEqualTo("golive: reading /var/lib/golive/snapshots needs root (it is 0700); use sudo\n");
        } finally {
            SnapshotsCommand.sessions = Session::open;
        }
    }

    @Test
    void aCaptureIsNeverWrittenInto() throws Exception {
        Files.writeString(tree.dir.resolve("golive-capture.json"), "{\"format\":1,\"capturedAt\":\"2026-01-01T00:00:00Z\",\"hostname\":\"h\",\"uname\":{\"machine\":\"x86_64\",\"release\":\"6.1.0\"},\"commands\":{}}");
        Run r = golive("apply", "--plan-file", planFile.toString(), "--yes", "--root", root);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: " + root + " is a capture; golive never writes into a capture (use a target tree directory)\n");
    }

    @Test
    void aRollbackOverALaterEditPrintsTheDiffAndExits3UnlessForced() {
        assertThat(golive("apply", "--plan-file", planFile.toString(), "--yes", "--root", root).exit()).isZero();
        tree.file("/etc/systemd/system.conf.d/60-golive.conf", tree.read("/etc/systemd/system.conf.d/60-golive.conf") + "DefaultTasksMax=4096\n", 0644);
        Run r = golive("rollback", "s1", "--yes", "--root", root);
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).contains("--- golive-wrote/etc/systemd/system.conf.d/60-golive.conf", "+DefaultTasksMax=4096");
        assertThat(r.err()).isEqualTo("golive: snapshot s1: changed since golive wrote it: /etc/systemd/system.conf.d/60-golive.conf; "
                + "rolling back would lose that (see the diff); use --force to roll back anyway\n");
        assertThat(golive("rollback", "s1", "--yes", "--force", "--root", root).exit()).isZero();
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void aBadPlanFileIsOneLineAndExit2() throws Exception {
        Files.writeString(planFile, "{\"id\": \"s1\", \"profile\": 3}");
        Run r = golive("apply", "--plan-file", planFile.toString(), "--yes", "--root", root);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: " + planFile + ": profile: expected a string\n");
        Run none = golive("rollback", "--yes", "--root", root);
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("golive: give a snapshot ID or --last (not both)\n");
        assertThat(golive("recover", "--root", root).out()).isEqualTo("nothing to recover: every apply finished\n");
    }
}
