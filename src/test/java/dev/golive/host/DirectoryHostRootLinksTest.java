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

    // ---------------------------------------------------------------- hostile link chains

    private static final String SENTINEL = "SENTINEL-outside-the-capture\n";

    /** A file and a directory of the reviewer's machine, outside the capture, that no read may reach. */
    private Path sentinel() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside/dir"));
        Files.writeString(outside.resolve("sentinel-entry"), SENTINEL);
        return Files.writeString(tmp.resolve("outside/secret"), SENTINEL);
    }

    /** /l0 -> /l1 -> ... -> /l{n-1} -> {@code last}: n links in all. */
    private static void chain(Path cap, String name, int n, Path last) throws IOException {
        for (int i = 0; i < n - 1; i++) Files.createSymbolicLink(cap.resolve(name + i), Path.of("/" + name + (i + 1)));
        Files.createSymbolicLink(cap.resolve(name + (n - 1)), last);
    }

    private void assertNeverReadsTheSentinel(DirectoryHostRoot root, String path) {
        Fact<String> text = root.read(path);
        assertThat(text.known()).as("read " + path).isFalse();
        assertThat(text.toString()).doesNotContain("SENTINEL");
        assertThat(root.readBinary(path, 1 << 20).known()).as("readBinary " + path).isFalse();
        assertThat(root.exists(path)).as("exists " + path).isFalse();
        assertThat(root.presence(path).opt().orElse(false)).as("presence " + path).isFalse();
        assertThat(root.isDirectory(path)).as("isDirectory " + path).isFalse();
        assertThat(root.list(path).orElse(List.of())).as("list " + path).doesNotContain("sentinel-entry");
    }

    @Test
    void aChainOf41LinksEndingOutsideIsTooManyLinksNeverTheFileItEndsAt() throws IOException {
        Path secret = sentinel();
        Path cap = Files.createDirectories(tmp.resolve("cap"));
        // 40 links are followed; the 41st points at this machine's file (absolute, as the kernel would read it)
        chain(cap, "l", 41, secret.toAbsolutePath());
        chain(cap, "d", 41, tmp.resolve("outside/dir").toAbsolutePath());

        DirectoryHostRoot root = capture(cap);

        assertNeverReadsTheSentinel(root, "/l0");
        assertNeverReadsTheSentinel(root, "/d0");
        assertNeverReadsTheSentinel(root, "/d0/sentinel-entry");
        assertThat(root.read("/l0").toString()).contains("/l0: too many levels of symbolic links");
        assertThat(root.presence("/l0").known()).isFalse();
        assertThat(root.linkTarget("/d0/sentinel-entry")).isEmpty();
        assertThat(HostLinks.canonical(root, "/d0/sentinel-entry")).doesNotContain("outside");
    }

    @Test
    void fortyLinksAreStillFollowed() throws IOException {
        Path cap = Files.createDirectories(tmp.resolve("cap"));
        Files.writeString(cap.resolve("motd"), "inside\n");
        chain(cap, "l", 40, Path.of("/motd"));

        assertThat(capture(cap).read("/l0").opt()).contains("inside\n");
    }

    @Test
    void aLinkLoopIsUnknownNotAnError() throws IOException {
        sentinel();
        Path cap = Files.createDirectories(tmp.resolve("cap/etc"));
        Files.createSymbolicLink(cap.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(cap.resolve("b"), Path.of("../etc/a"));
        DirectoryHostRoot root = capture(cap.getParent());

        assertNeverReadsTheSentinel(root, "/etc/a");
        assertThat(root.read("/etc/a/x").toString()).contains("/etc/a/x: too many levels of symbolic links");
        assertThat(root.list("/etc")).contains(List.of("a", "b"));
    }

    @Test
    void aLinkThroughALinkThenDotDotStaysInsideTheCapture() throws IOException {
        // "l" resolves to the capture root; "l/../outside/secret" must not climb from it
        sentinel();
        Path cap = Files.createDirectories(tmp.resolve("cap/etc/a/b"));
        Files.createSymbolicLink(cap.resolve("l"), Path.of("../../.."));
        Files.createSymbolicLink(cap.resolve("m"), Path.of("l/../outside/secret"));
        Files.createSymbolicLink(cap.resolve("n"), Path.of("l/../outside/dir"));
        DirectoryHostRoot root = capture(tmp.resolve("cap"));

        assertNeverReadsTheSentinel(root, "/etc/a/b/m");
        assertNeverReadsTheSentinel(root, "/etc/a/b/n");
        assertNeverReadsTheSentinel(root, "/etc/a/b/n/sentinel-entry");
    }

    @Test
    void theOwnerAndModeOfAFileAreReadInsideTheCaptureNeverThroughALinkOutOfIt() throws IOException {
        Path secret = sentinel();
        Path cap = Files.createDirectories(tmp.resolve("cap/etc"));
        Files.createSymbolicLink(cap.resolve("d"), secret.getParent().toAbsolutePath()); // /etc/d -> this machine's dir
        Files.writeString(cap.resolve("motd"), "inside\n");
        DirectoryHostRoot root = capture(cap.getParent());

        assertThat(FileMeta.of(root, "/etc/d/secret")).isEmpty();
        assertThat(FileMeta.of(root, "/etc/motd")).isPresent();
        assertThat(FileMeta.of(root, "/etc/d")).hasValueSatisfying(m -> assertThat(m.symlink()).isTrue());
    }
}
