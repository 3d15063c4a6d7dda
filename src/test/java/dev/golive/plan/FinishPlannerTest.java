package dev.golive.plan;

import dev.golive.config.UnitResolver;
import dev.golive.host.AccessLog;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.model.Fact;
import dev.golive.model.FinishPlan;
import dev.golive.model.FinishPlan.Kind;
import dev.golive.model.GoliveException;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What finishing a service takes, decided from its unit and the host's files (no host touched). */
class FinishPlannerTest {

    @TempDir Path tree;

    static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n";
    static final String GROUP = "root:x:0:\nwww-data:x:33:\n";

    FinishPlan plan(String unit, int systemd, boolean existed, Optional<Boolean> running, Optional<String> binary, String loginDefs) throws Exception {
        Path f = tree.resolve("etc/systemd/system/app.service");
        Files.createDirectories(f.getParent());
        Files.writeString(f, unit);
        var root = new DirectoryHostRoot(tree, false, "test", new AccessLog());
        return FinishPlanner.plan(new FinishPlanner.Input(UnitResolver.resolve(root, "app.service"), existed, running,
                Fact.of(systemd, new Source.Default("test")), PASSWD, GROUP, loginDefs, "/usr/sbin/nologin", binary,
                p -> Files.exists(tree.resolve(p.substring(1))), List.of(8080), Optional.empty()));
    }

    List<String> steps(FinishPlan p) { return p.steps().stream().map(s -> s.kind() + " " + s.target()).toList(); }

    @Test
    void aNewServiceOnCentos7GetsItsUserGroupStateDirectoryBinaryAndAStart() throws Exception {
        FinishPlan p = plan("[Service]\nExecStart=/opt/app/bin/app --serve\nUser=app\nStateDirectory=app\nReadWritePaths=/srv/app -/srv/maybe\n",
                219, false, Optional.of(false), Optional.of("/work/dist/app"), "SYS_UID_MIN 201\nSYS_UID_MAX 300\nSYS_GID_MIN 201\nSYS_GID_MAX 300\n");
        assertThat(steps(p)).containsExactly("CREATE_GROUP app", "CREATE_USER app", "CREATE_DIRECTORY /var/lib/app",
                "CREATE_DIRECTORY /srv/app", "CREATE_DIRECTORY /opt/app/bin", "INSTALL_BINARY /opt/app/bin/app", "START_UNIT app.service");
        // ids from login.defs' system range, highest free first (as useradd --system)
        assertThat(p.steps().get(0).line()).isEqualTo("app:x:300:");
        assertThat(p.steps().get(1).line()).isEqualTo("app:x:300:300::/nonexistent:/usr/sbin/nologin");
        assertThat(p.steps().get(2).why()).isEqualTo("StateDirectory= needs systemd 235; this host has 219, so golive creates /var/lib/app");
        assertThat(p.steps().get(2).owner()).isEqualTo("app");
        assertThat(p.steps().get(4).owner()).isEqualTo("root");
        assertThat(p.ports()).containsExactly(8080);
    }

    @Test
    void onSystemd252TheStateDirectoryIsSystemdsAndAnExistingUserIsLeftAlone() throws Exception {
        FinishPlan p = plan("[Service]\nExecStart=/usr/bin/app\nUser=www-data\nStateDirectory=app\nLogsDirectory=app\n",
                252, true, Optional.of(true), Optional.empty(), "");
        assertThat(steps(p)).containsExactly("RESTART_UNIT app.service");
        assertThat(p.notes()).contains("user www-data exists: left as it is",
                "StateDirectory=app: systemd 252 creates /var/lib/app itself at start",
                "LogsDirectory=app: systemd 252 creates /var/log/app itself at start",
                "ExecStart= runs /usr/bin/app, which does not exist: give --binary FILE (or build it first), or the start fails");
    }

    @Test
    void groupNamedInTheUnitIsCreatedAndTheUsersPrimaryGroup() throws Exception {
        FinishPlan p = plan("[Service]\nExecStart=/usr/bin/app\nUser=app\nGroup=svc\n", 252, true, Optional.of(false), Optional.empty(), "");
        assertThat(steps(p)).containsExactly("CREATE_GROUP svc", "CREATE_USER app", "START_UNIT app.service");
        assertThat(p.steps().get(1).line()).isEqualTo("app:x:999:999::/nonexistent:/usr/sbin/nologin");
    }

    @Test
    void dynamicUserNeedsNoAccount() throws Exception {
        FinishPlan p = plan("[Service]\nExecStart=/usr/bin/app\nDynamicUser=yes\nUser=app\n", 252, false, Optional.empty(), Optional.empty(), "");
        assertThat(steps(p)).containsExactly("START_UNIT app.service");
        assertThat(p.notes()).contains("DynamicUser=yes: systemd allocates the user at each start; golive creates no account");
    }

    @Test
    void aUserNameUseraddRefusesIsBadInput() {
        assertThatThrownBy(() -> plan("[Service]\nExecStart=/usr/bin/app\nUser=App.User\n", 252, false, Optional.empty(), Optional.empty(), ""))
                .isInstanceOf(GoliveException.class).hasMessageContaining("User=App.User: not a name useradd/groupadd take");
    }
}
