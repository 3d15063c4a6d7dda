package dev.golive.host;

import dev.golive.model.Fact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A capture directory is someone else's host: its links must resolve inside it. A capture
 * holding "/etc/motd -> /work/.../outside/passwd" (an absolute link to a file of the machine
 * reading the capture) must read as missing, never as that file.
 */
class DirectoryHostRootLinksTest {

    @TempDir Path tmp;

    private DirectoryHostRoot capture(Path dir) {
        return new DirectoryHostRoot(dir, false, dir.toString(), new AccessLog(), Set.of());
    }

    @Test
    void anAbsoluteLinkToAFileOutsideTheCaptureDoesNotReadThatFile() throws IOException {
        Path outside = Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Path cap = Files.createDirectories(tmp.resolve("cap"));
        Files.createDirectories(cap.resolve("etc"));
        Files.createSymbolicLink(cap.resolve("etc/motd"), outside.toAbsolutePath());

        DirectoryHostRoot root = capture(cap);

        assertThat(root.read("/etc/motd").known()).isFalse();
        assertThat(root.read("/etc/motd").opt()).isEmpty();
        assertThat(root.exists("/etc/motd")).isFalse();
        assertThat(root.readBinary("/etc/motd", 1 << 20).known()).isFalse();
        // the link itself is still visible as a link, with its target as written
        assertThat(root.linkTarget("/etc/motd")).contains(outside.toAbsolutePath().toString());
    }

    @Test
    void anAbsoluteLinkMeansThePathInsideTheCapture() throws IOException {
        Path cap = Files.createDirectories(tmp.resolve("cap"));
        Files.createDirectories(cap.resolve("etc"));
        Files.writeString(cap.resolve("etc/passwd"), "captured\n");
        Files.createSymbolicLink(cap.resolve("etc/motd"), Path.of("/etc/passwd"));

        Fact<String> motd = capture(cap).read("/etc/motd");

        assertThat(motd.opt()).contains("captured\n");
    }

    @Test
    void dotDotInALinkTargetStopsAtTheCaptureRoot() throws IOException {
        Path secret = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(secret.resolve("secret"), "not yours\n");
        Path cap = Files.createDirectories(tmp.resolve("cap"));
        Files.createDirectories(cap.resolve("etc"));
        Files.createSymbolicLink(cap.resolve("etc/x"), Path.of("../../../../../outside/secret"));

        DirectoryHostRoot root = capture(cap);

        assertThat(root.read("/etc/x").known()).isFalse();
        assertThat(root.read("/etc/x").toString()).doesNotContain("not yours");
    }

    @Test
    void aLinkedDirectoryOnTheWayIsFollowedInsideTheCapture() throws IOException {
        Path cap = Files.createDirectories(tmp.resolve("cap"));
        Files.createDirectories(cap.resolve("usr/lib/systemd/system"));
        Files.writeString(cap.resolve("usr/lib/systemd/system/ssh.service"), "[Service]\n");
        Files.createSymbolicLink(cap.resolve("lib"), Path.of("/usr/lib")); // absolute, as on a real host
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/systemd/system"));
        Files.createSymbolicLink(cap.resolve("usr/lib/systemd/system/evil.service"), elsewhere.resolve("x.service"));

        DirectoryHostRoot root = capture(cap);

        assertThat(root.read("/lib/systemd/system/ssh.service").opt()).contains("[Service]\n");
        assertThat(root.list("/lib/systemd/system")).contains(List.of("evil.service", "ssh.service"));
        assertThat(root.isDirectory("/lib/systemd")).isTrue();
        assertThat(root.linkTarget("/lib/systemd/system/evil.service")).isPresent();
        assertThat(root.exists("/lib/systemd/system/evil.service")).isFalse();
    }
}
