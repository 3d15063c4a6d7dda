package dev.golive.apply;

import dev.golive.host.FakeCommandRunner;
import dev.golive.host.FaultPoints;
import dev.golive.model.FinishPlan;
import dev.golive.model.FinishPlan.Kind;
import dev.golive.model.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the live host finishing runs the account tools and systemctl (here a scripted runner over
 * a tree, so nothing real is touched): groupadd before useradd, the user's group by name, enable
 * then start; the rollback stops and disables the unit and deletes the accounts golive made.
 */
class FinishLiveCommandsTest {

    @TempDir Path dir;

    @Test
    void finishRunsTheToolsInOrderAndRollbackUndoesWhatItStarted() throws Exception {
        TestTree tree = TestTree.create(dir);
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(dir.resolve("etc/group"), "root:x:0:\n");
        FakeCommandRunner runner = new FakeCommandRunner()
                .expectExit(1, "disabled\n", "", "systemctl", "is-enabled", "app.service")
                .expect("", "groupadd", "--system", "svc")
                .expect("", "useradd", "--system", "--gid", "svc", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", "app")
                .expect("", "systemctl", "enable", "app.service")
                .expect("", "systemctl", "start", "app.service");
        HostTarget live = tree.target(FaultPoints.NONE, runner, true);
        FinishPlan finish = new FinishPlan("app.service", List.of(
                new FinishPlan.Step(Kind.CREATE_GROUP, "svc", "svc:x:999:", "", "", "Group=svc is missing"),
                // the plan guessed gid 999; groupadd may pick another, so useradd gets the group's name
                new FinishPlan.Step(Kind.CREATE_USER, "app", "app:x:999:999::/nonexistent:/usr/sbin/nologin", "", "svc", "User=app is missing"),
                new FinishPlan.Step(Kind.START_UNIT, "app.service", "", "", "", "new")), List.of(), Optional.empty(), List.of());
        Plan plan = new Plan("f1", "none", Optional.of("app.service"), List.of(), List.of(), List.of(), List.of(), List.of());
        ApplyResult r = new Applier(live).apply(plan, new Applier.Options(false, Optional.of(finish)));
        assertThat(r.lines()).containsExactly("create group svc: done", "create user app: done", "enable and start app.service: done");
        assertThat(runner.ran()).extracting(a -> a.get(0) + " " + a.get(1)).containsExactly("systemctl is-enabled", "groupadd --system",
                "useradd --system", "systemctl enable", "systemctl start");
        runner.assertAllUsed();

        // what the tools wrote (the host's ids, not the plan's guess)
        Files.writeString(dir.resolve("etc/group"), "root:x:0:\nsvc:x:996:\n");
        Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\napp:x:996:996::/nonexistent:/usr/sbin/nologin\n");
        FakeCommandRunner back = new FakeCommandRunner()
                .expect("", "systemctl", "stop", "app.service")
                .expect("", "systemctl", "disable", "app.service")
                .expect("", "userdel", "app")
                .expect("", "groupdel", "svc");
        RollbackResult rb = new Rollback(tree.target(FaultPoints.NONE, back, true)).rollback("f1", new Rollback.Options(false));
        assertThat(back.ran()).extracting(a -> String.join(" ", a)).containsExactly("systemctl stop app.service", "systemctl disable app.service",
                "userdel app", "groupdel svc");
        assertThat(rb.restored()).contains("userdel app", "groupdel svc");
    }
}
