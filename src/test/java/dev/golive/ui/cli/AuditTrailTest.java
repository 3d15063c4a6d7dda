package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.apply.AuditLog;
import dev.golive.apply.PlanCodec;
import dev.golive.apply.TestTree;
import dev.golive.host.FaultPoints;
import dev.golive.model.AuditEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Function;

import static dev.golive.ui.cli.ApplyCommandsTest.golive;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin (alice, through sudo) applies, fails an apply, rolls back and recovers on a target
 * tree; every one of them is one line of {@code <root>/var/log/golive/audit.log}, which
 * {@code golive snapshots log} prints.
 */
class AuditTrailTest {

    @TempDir Path work;
    TestTree tree;
    String root;
    Path audit;

    @BeforeEach void setUp() {
        tree = TestTree.create(work.resolve("host"));
        root = tree.dir.toString();
        audit = tree.dir.resolve("var/log/golive/audit.log");
    }

    private Path planFile(String id) throws Exception {
        Path f = work.resolve(id + ".json");
        Files.writeString(f, PlanCodec.toJson(tree.plan(id, 3)));
        return f;
    }

    private static Function<String, Session> asAlice(FaultPoints faults) {
        return r -> Session.open(r).withSudoUser("alice").withFaults(faults);
    }

    private List<AuditEntry> entries() throws Exception {
        return Files.readAllLines(audit).stream().map(l -> AuditLog.parse(l).orElseThrow(() -> new AssertionError("not an audit line: " + l))).toList();
    }

    @Test
    void everyApplyRollbackAndRecoverIsOneLineAlsoWhenItFails() throws Exception {
        Path s1 = planFile("s1");
        assertThat(golive(null, asAlice(FaultPoints.NONE), "apply", "--plan-file", s1.toString(), "--yes", "--root", root).exit()).isZero();
        // the same plan again: refused before any change
        assertThat(golive(null, asAlice(FaultPoints.NONE), "apply", "--plan-file", s1.toString(), "--yes", "--root", root).exit()).isEqualTo(2);
        assertThat(golive(null, asAlice(FaultPoints.NONE), "rollback", "s1", "--yes", "--root", root).exit()).isZero();
        // an apply that fails half-way and is rolled back automatically
        Path s2 = planFile("s2");
        assertThat(golive(null, asAlice(FaultPoints.throwAt("live-write:2")), "apply", "--plan-file", s2.toString(), "--yes", "--root", root).exit())
                .isEqualTo(4);
        assertThat(golive(null, asAlice(FaultPoints.NONE), "recover", "--root", root).exit()).isZero();

        List<AuditEntry> e = entries();
        assertThat(e).extracting(x -> x.action().word() + " " + String.join(",", x.snapshots()) + " exit " + x.exit())
                .containsExactly("apply s1 exit 0", "apply s1 exit 2", "rollback s1 exit 0", "apply s2 exit 4", "recover  exit 0");
        assertThat(e).allSatisfy(x -> {
            assertThat(x.who().sudoUser()).contains("alice");
            assertThat(x.who().user()).isEqualTo(System.getProperty("user.name"));
        });
        assertThat(e.get(0).detail()).matches("profile web, service app.service: 3 files, \\d+ live values, verified");
        assertThat(e.get(1).detail()).isEqualTo("snapshot s1 exists already: this plan was applied before; make a new plan");
        assertThat(e.get(2).detail()).matches("\\d+ restored, \\d+ already as before");
        assertThat(e.get(3).detail()).startsWith("apply failed: ").contains("injected fault at live-write:2", "rolled back");
        assertThat(e.get(4).detail()).isEqualTo("nothing to recover");
        assertThat(Files.readString(audit)).startsWith("time=").contains(" action=apply snapshot=s1 result=ok exit=0 uid=")
                .contains(" sudo_user=alice detail=\"profile web");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(audit))).isEqualTo("rw-r-----");

        ApplyCommandsTest.Run log = golive("snapshots", "log", "--root", root);
        assertThat(log.exit()).isZero();
        assertThat(log.out()).isEqualTo(Files.readString(audit));
    }

    @Test
    void aForcedRollbackSaysSoInTheTrail() throws Exception {
        assertThat(golive(null, asAlice(FaultPoints.NONE), "apply", "--plan-file", planFile("s1").toString(), "--yes", "--root", root).exit()).isZero();
        tree.file("/etc/sysctl.d/60-golive.conf", tree.read("/etc/sysctl.d/60-golive.conf") + "vm.swappiness = 1\n", 0644);
        assertThat(golive(null, asAlice(FaultPoints.NONE), "rollback", "s1", "--yes", "--root", root).exit()).isEqualTo(3);
        assertThat(golive(null, asAlice(FaultPoints.NONE), "rollback", "s1", "--yes", "--force", "--root", root).exit()).isZero();
        List<AuditEntry> e = entries();
        assertThat(e.get(1).detail()).startsWith("snapshot s1: changed since golive wrote it: /etc/sysctl.d/60-golive.conf");
        assertThat(e.get(2).detail()).endsWith("(forced)");
    }

    @Test
    void anAuditLogThatCannotBeWrittenDoesNotUndoTheApplyButIsAWarning() throws Exception {
        Files.createDirectories(audit); // a directory where the log should be: every append fails
        ApplyCommandsTest.Run a = golive(null, asAlice(FaultPoints.NONE), "apply", "--plan-file", planFile("s1").toString(), "--yes", "--root", root);
        assertThat(a.exit()).isZero();
        assertThat(a.err()).startsWith("golive: warning: apply not in the audit trail: /var/log/golive/audit.log: cannot append: ");
    }

    @Test
    void noTrailYetSaysSo() {
        ApplyCommandsTest.Run log = golive("snapshots", "log", "--root", root);
        assertThat(log.out()).isEqualTo("no audit entries yet: golive has not applied, rolled back or recovered anything here\n");
    }
}
