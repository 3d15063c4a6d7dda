package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.apply.TestTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static dev.golive.ui.cli.ApplyCommandsTest.golive;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin finishes a new service in an image tree: `golive apply --finish` creates its system
 * user and group, installs the binary, creates the directories systemd does not, and a rollback
 * takes all of it away again.
 */
class FinishServiceTest {

    @TempDir Path work;
    Path host;
    Path binary;
    TestTree tree;
    Map<String, String> pristine;

    @BeforeEach void setUp() throws Exception {
        host = FinishTree.newServiceHost(work.resolve("host"));
        binary = FinishTree.binary(work.resolve("hello"));
        tree = TestTree.of(host);
        pristine = tree.fingerprint();
    }

    @Test
    void finishCreatesUserAndInstallsBinaryThenRollbackRemovesThem() throws Exception {
        var a = golive("apply", "--profile", "web-api", "--service", "hello", "--exec", "/usr/local/bin/hello", "--user", "hello",
                "--state-directory", "hello", "--finish", "--binary", binary.toString(), "--yes", "--root", host.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).contains("  create group hello: done\n", "  create user hello: done\n", "  install binary /usr/local/bin/hello: done\n",
                "  enable and start hello.service: skipped: target tree, no systemd runs for it\n");
        // the highest free system ids, as useradd --system picks them (998 is taken by systemd-network)
        assertThat(Files.readString(host.resolve("etc/group"))).endsWith("systemd-network:x:998:\nhello:x:999:\n");
        assertThat(Files.readString(host.resolve("etc/passwd"))).endsWith("hello:x:999:999::/nonexistent:/usr/sbin/nologin\n");
        assertThat(Files.readString(host.resolve("etc/shadow"))).endsWith("hello:!:::::::\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(host.resolve("etc/shadow")))).isEqualTo("rw-r-----");
        Path installed = host.resolve("usr/local/bin/hello");
        assertThat(Files.readAllBytes(installed)).isEqualTo(Files.readAllBytes(binary));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(installed))).isEqualTo("rwxr-xr-x");
        assertThat(Files.readString(host.resolve("etc/systemd/system/hello.service"))).contains("User=hello\n", "StateDirectory=hello\n");
        // systemd 252 creates StateDirectory= itself: golive does not
        assertThat(host.resolve("var/lib/hello")).doesNotExist();

        String id = a.out().replaceAll("(?s).*applied plan (\\S+) in.*", "$1");
        JsonNode m = new ObjectMapper().readTree(host.resolve("var/lib/golive/snapshots/" + id + "/manifest.json").toFile());
        assertThat(m.get("finish")).hasSize(4);
        assertThat(m.get("finish").get(2).get("kind").asText()).isEqualTo("INSTALL_BINARY");

        var back = golive("rollback", "--last", "--yes", "--root", host.toString());
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(back.out()).contains("removed user hello (/etc/passwd)", "removed group hello (/etc/group)",
                "removed /usr/local/bin/hello (there was no binary before)");
        tree.assertUnchangedSince(pristine);
        // the finish is in the audit trail like any apply
        assertThat(Files.readString(host.resolve("var/log/golive/audit.log")))
                .contains("action=apply snapshot=" + id + " result=ok exit=0 ", ", service finished\"\n", "action=rollback snapshot=" + id + " result=ok");
    }

    @Test
    void rollbackRestoresThePreviousBinaryAndRefusesOneReplacedSince() throws Exception {
        Path installed = host.resolve("usr/local/bin/hello");
        Files.writeString(installed, "old binary");
        Files.setPosixFilePermissions(installed, PosixFilePermissions.fromString("rwxr-x---"));
        pristine = tree.fingerprint();
        var a = golive("apply", "--profile", "web-api", "--service", "hello", "--exec", "/usr/local/bin/hello", "--user", "root",
                "--finish", "--binary", binary.toString(), "--yes", "--root", host.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).doesNotContain("create user");
        assertThat(Files.readAllBytes(installed)).isEqualTo(Files.readAllBytes(binary));

        Files.writeString(installed, "someone else's build");
        var refused = golive("rollback", "--last", "--yes", "--root", host.toString());
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.err()).contains("changed since golive wrote it: /usr/local/bin/hello");
        assertThat(Files.readString(installed)).isEqualTo("someone else's build");

        var forced = golive("rollback", "--last", "--force", "--yes", "--root", host.toString());
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("restored the previous /usr/local/bin/hello");
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void aFailureAfterTheBinaryIsInstalledRollsBackTheBinaryTheUserAndTheFiles() throws Exception {
        for (String point : java.util.List.of("finish:1", "finish:2", "finish:3", "finish:4")) {
            var a = golive(null, r -> dev.golive.app.Session.open(r).withFaults(dev.golive.host.FaultPoints.throwAt(point)),
                    "apply", "--profile", "web-api", "--service", "hello", "--exec", "/usr/local/bin/hello", "--user", "hello",
                    "--finish", "--binary", binary.toString(), "--yes", "--root", host.toString());
            assertThat(a.exit()).as(point + ": " + a.out() + a.err()).isEqualTo(4);
            assertThat(a.err()).as(point).contains("rolled back, the host is as before");
            tree.assertUnchangedSince(pristine);
        }
    }

    @Test
    void aMissingWorkingDirectoryIsCreatedWithItsParentsAndRemovedWithThem() throws Exception {
        var a = golive("apply", "--profile", "web-api", "--service", "hello", "--exec", "/usr/local/bin/hello", "--user", "hello",
                "--working-directory", "/srv/hello/data", "--finish", "--binary", binary.toString(), "--yes", "--root", host.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).contains("  create directory /srv/hello/data: done\n");
        assertThat(host.resolve("srv/hello/data")).isDirectory();
        var back = golive("rollback", "--last", "--yes", "--root", host.toString());
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(back.out()).contains("removed directory /srv/hello/data", "removed directory /srv/hello", "removed directory /srv\n");
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void thePreviewListsTheFinishStepsAndANoChangesNothing() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        var a = golive(q -> { asked.add(q); return false; }, null, "apply", "--profile", "web-api", "--service", "hello",
                "--exec", "/usr/local/bin/hello", "--user", "hello", "--finish", "--binary", binary.toString(), "--root", host.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).contains("Finish hello.service:\n",
                "  create group hello (hello:x:999:): User=hello names a group this host does not have (groupadd --system)\n",
                "  create user hello (hello:x:999:999::/nonexistent:/usr/sbin/nologin): User=hello names a user this host does not have",
                "  install binary " + binary + " → /usr/local/bin/hello (0755 root:root)",
                "  enable and start hello.service: hello.service is new: enable it (start at boot) and start it now\n",
                "not applied; nothing was changed");
        assertThat(asked).singleElement().asString().contains("4 steps to finish hello.service");
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void binaryAndHealthUrlNeedFinish() {
        var a = golive("apply", "--profile", "web-api", "--service", "hello", "--exec", "/usr/local/bin/hello",
                "--binary", binary.toString(), "--yes", "--root", host.toString());
        assertThat(a.exit()).isEqualTo(2);
        assertThat(a.err()).isEqualTo("golive: --binary and --health-url go with --finish\n");
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void aSpecFileNamesTheGroupAndTheHealthUrl() throws Exception {
        Path spec = work.resolve("hello.yaml");
        Files.writeString(spec, "name: hello\nexec: /usr/local/bin/hello\nuser: hello\ngroup: web\nports: [8080]\n"
                + "healthUrl: http://127.0.0.1:8080/healthz\n");
        var a = golive("apply", "--profile", "web-api", "--spec", spec.toString(), "--finish", "--binary", binary.toString(),
                "--yes", "--root", host.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).contains("  create group web: done\n", "  create user hello: done\n");
        assertThat(Files.readString(host.resolve("etc/systemd/system/hello.service"))).contains("User=hello\nGroup=web\n");
        // the user's primary group is the one Group= names
        assertThat(Files.readString(host.resolve("etc/group"))).endsWith("web:x:999:\n");
        assertThat(Files.readString(host.resolve("etc/passwd"))).endsWith("hello:x:999:999::/nonexistent:/usr/sbin/nologin\n");
    }

    @Test
    void thePreviewSaysWhatTheHealthStepChecksFromTheSpec() throws Exception {
        Path spec = work.resolve("hello.yaml");
        Files.writeString(spec, "name: hello\nexec: /usr/local/bin/hello\nuser: hello\nports: [8080]\n"
                + "healthUrl: http://localhost:8080/healthz\n");
        var a = golive(q -> false, null, "apply", "--profile", "web-api", "--spec", spec.toString(), "--finish",
                "--root", host.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).contains("  then health: hello.service active, port 8080 listening, http://localhost:8080/healthz answering 2xx/3xx,"
                + " its restart counter still (on a live host)\n");
    }

    @Test
    void aHealthUrlOffThisHostOrNotHttpIsOneLineAndChangesNothing() throws Exception {
        Path spec = work.resolve("hello.yaml");
        Files.writeString(spec, "name: hello\nexec: /usr/local/bin/hello\nuser: hello\nhealthUrl: http://10.0.0.5:8080/healthz\n");
        var a = golive("apply", "--profile", "web-api", "--spec", spec.toString(), "--finish", "--yes", "--root", host.toString());
        assertThat(a.exit()).isEqualTo(2);
        // apply's planning names the spec file's line and column, as golive unit --spec does
        assertThat(a.err()).isEqualTo("golive: " + spec + ":4:12: healthUrl: \"http://10.0.0.5:8080/healthz\": the host must be this machine"
                + " (127.0.0.1, localhost or [::1]), not 10.0.0.5\n");

        var f = golive("apply", "--profile", "web-api", "--service", "hello", "--exec", "/usr/local/bin/hello", "--user", "hello",
                "--finish", "--health-url", "ftp://127.0.0.1/x", "--yes", "--root", host.toString());
        assertThat(f.exit()).isEqualTo(2);
        assertThat(f.err()).isEqualTo("golive: --health-url \"ftp://127.0.0.1/x\": expected an http:// or https:// URL\n");
        tree.assertUnchangedSince(pristine);
    }
}
