package dev.golive.ui.cli;

import dev.golive.host.CommandResult;
import dev.golive.host.Fixtures;
import dev.golive.host.ProcessCommandRunner;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static dev.golive.ui.cli.ApplyCommandsTest.golive;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin appends the service's output to a file in a directory of the target tree; golive
 * reads that directory's owner, group and mode from the tree (named by the tree's own
 * /etc/passwd and /etc/group) and writes logrotate's {@code su} line exactly when logrotate would
 * otherwise skip the file. The real logrotate then reads the written block.
 */
class LogrotateSuTreeTest {

    @TempDir Path work;

    /** Ids that this machine names too (Debian's nobody:nogroup), so that the real logrotate can switch to them. */
    static final int SVC = 65534;

    Path tree() throws IOException {
        Assumptions.assumeTrue((Integer) Files.getAttribute(work, "unix:uid") == 0, "chown needs root");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x")); // the su user walks to the files
        Path host = work.resolve("host");
        Fixtures.targetTree("debian12-vm", host);
        Path lib = host.resolve("usr/lib/systemd/libsystemd-shared-252.so");
        Files.createDirectories(lib.getParent());
        Files.writeString(lib, "");
        Files.writeString(host.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\nnobody:x:" + SVC + ":" + SVC + ":nobody:/nonexistent:/usr/sbin/nologin\n");
        Files.writeString(host.resolve("etc/group"), "root:x:0:\nnogroup:x:" + SVC + ":\n");
        return host;
    }

    Path logDir(Path host, int uid, int gid, String perms, Integer fileOwner) throws IOException {
        Path dir = host.resolve("var/log/api");
        Files.createDirectories(dir);
        Files.setAttribute(dir, "unix:uid", uid);
        Files.setAttribute(dir, "unix:gid", gid);
        Files.setAttribute(dir, "unix:mode", Integer.parseInt(perms, 8));
        if (fileOwner != null) {
            Path log = dir.resolve("api.log");
            Files.writeString(log, "a line the service wrote\n");
            Files.setAttribute(log, "unix:uid", fileOwner);
            Files.setAttribute(log, "unix:gid", fileOwner);
        }
        return dir;
    }

    String applied(Path host) throws IOException {
        ApplyCommandsTest.Run a = golive("apply", "--profile", "base", "--service", "api", "--standard-output", "append:/var/log/api/api.log",
                "--yes", "--root", host.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        return Files.readString(host.resolve("etc/logrotate.d/golive-api"));
    }

    @Test
    void aRootOwnedDirectoryGetsNoSuAndTheRealLogrotateAcceptsIt() throws IOException {
        Path host = tree();
        Path dir = logDir(host, 0, 0, "755", 0);
        String rotation = applied(host);
        assertThat(rotation).doesNotContain("    su ");
        assertThat(logrotate(rotation, dir, "-d")).doesNotContain("error:").contains("considering log " + dir.resolve("api.log"));
    }

    @Test
    void aDirectoryTheServiceGroupWritesGetsSuAndTheRealLogrotateRotatesWithIt() throws IOException {
        Path host = tree();
        Path dir = logDir(host, SVC, SVC, "775", SVC);
        String rotation = applied(host);
        assertThat(rotation).contains("\n/var/log/api/api.log {\n    su nobody nogroup\n");
        assertThat(logrotate(rotation, dir, "-d")).doesNotContain("error:");
        // the same block without golive's su line is the one logrotate refuses
        assertThat(logrotate(rotation.replace("    su nobody nogroup\n", ""), dir, "-d")).contains("parent directory has insecure permissions");
        // and the rotation it does as that user works: copytruncate opens the file for writing as its owner
        assertThat(logrotate(rotation, dir, "-f")).doesNotContain("error:");
        assertThat(dir.resolve("api.log")).isEmptyFile();
        assertThat(dir.resolve("api.log.1.gz")).exists();
    }

    @Test
    void aRootOwnedFileInTheServicesDirectoryIsRotatedAsRoot() throws IOException {
        Path host = tree();
        Path dir = logDir(host, SVC, SVC, "775", 0); // systemd created the file, as root
        String rotation = applied(host);
        assertThat(rotation).contains("    su root nogroup\n");
        assertThat(logrotate(rotation, dir, "-f")).doesNotContain("error:");
        assertThat(dir.resolve("api.log")).isEmptyFile();
        // nobody could not have truncated root's file: the line golive did not write fails
        Files.writeString(dir.resolve("api.log"), "again\n");
        assertThat(logrotate(rotation.replace("su root nogroup", "su nobody nogroup"), dir, "-f")).contains("Permission denied");
    }

    @Test
    void aWorldWritableStickyDirectoryGetsSu() throws IOException {
        Path host = tree();
        Path dir = logDir(host, 0, 0, "1777", 0);
        String rotation = applied(host);
        assertThat(rotation).contains("    su root root\n");
        assertThat(logrotate(rotation, dir, "-d")).doesNotContain("error:");
    }

    /** The real logrotate on the block, its paths moved into {@code dir}, with its own state file; what it printed. */
    static String logrotate(String block, Path dir, String mode) throws IOException {
        ProcessCommandRunner runner = dev.golive.host.RealTool.require("logrotate", "logrotate", "logrotate", "--version");
        Path conf = Files.createTempFile(dir.getParent().getParent().getParent(), "golive-api", ".conf");
        Files.writeString(conf, block.replace("/var/log/api/", dir + "/"));
        Path state = conf.resolveSibling(conf.getFileName() + ".state");
        Files.deleteIfExists(state);
        CommandResult r = runner.run(List.of("logrotate", mode, "-s", state.toString(), conf.toString()), Duration.ofSeconds(30));
        return r.stdout() + r.stderr();
    }
}
