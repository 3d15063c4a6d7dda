package dev.golive.ui.cli;

import dev.golive.apply.TestTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.golive.ui.cli.ApplyCommandsTest.golive;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin sets up a new service in an image tree with `golive guide --answers`: after the
 * apply question the guide finishes the service as `golive apply --finish` does (system user
 * and group, the binary, enable and start), in the same snapshot, and a rollback takes it away.
 */
class GuideFinishTest {

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

    private Path answers(String finish) throws Exception {
        Path a = work.resolve("setup.yaml");
        Files.writeString(a, "fix: none\nprofile: web-api\nservice: yes\nservice.name: hello\nservice.exec: /usr/local/bin/hello\n"
                + "service.user: hello\nservice.ports: 8080\napply: yes\n" + finish);
        return a;
    }

    @Test
    void theGuideFinishesTheServiceInTheTreeAndRollbackRemovesIt() throws Exception {
        var g = golive("guide", "--answers", answers("finish: yes\nfinish.binary: " + binary + "\nfinish.confirm: yes\n").toString(),
                "--root", host.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(g.out()).contains("Finish hello.service:", "  create user hello (hello:x:999:999::/nonexistent:/usr/sbin/nologin)",
                "  create group hello: done", "  create user hello: done", "  install binary /usr/local/bin/hello: done",
                "  enable and start hello.service: skipped: target tree, no systemd runs for it",
                "health: skipped: " + host + " is a target tree, nothing runs in it");
        assertThat(Files.readString(host.resolve("etc/passwd"))).endsWith("hello:x:999:999::/nonexistent:/usr/sbin/nologin\n");
        assertThat(Files.readAllBytes(host.resolve("usr/local/bin/hello"))).isEqualTo(Files.readAllBytes(binary));
        assertThat(Files.readString(host.resolve("etc/systemd/system/hello.service"))).contains("User=hello\n");

        var back = golive("rollback", "--last", "--yes", "--root", host.toString());
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(back.out()).contains("removed user hello (/etc/passwd)", "removed /usr/local/bin/hello (there was no binary before)");
        tree.assertUnchangedSince(pristine);
    }

    @Test
    void inATreeABinaryNotInstalledYetIsAWarningNotAStop() throws Exception {
        var g = golive("guide", "--answers", answers("finish: no\n").toString(), "--root", host.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(g.out()).contains("Binary, an absolute path (e.g. /usr/local/bin/api; Tab completes): /usr/local/bin/hello\n",
                "  warning: Binary: /usr/local/bin/hello is not in this tree; install it there before the service starts\n", "Applied.");
    }

    @Test
    void aBinaryThatIsNotThereFailsAtItsLineAndChangesNothing() throws Exception {
        var g = golive("guide", "--answers", answers("finish: yes\nfinish.binary: " + work.resolve("missing") + "\nfinish.confirm: yes\n").toString(),
                "--root", host.toString());
        assertThat(g.exit()).isEqualTo(2);
        assertThat(g.err()).contains("setup.yaml:10:16: finish.binary: " + work.resolve("missing") + ": no such file");
        tree.assertUnchangedSince(pristine);
    }
}
