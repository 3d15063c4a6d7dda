package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.host.Tar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.golive.ui.cli.ReportAndDiffCommandTest.golive;
import static dev.golive.ui.cli.ReportAndDiffCommandTest.host;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer runs `golive report` on a capture someone handed them. Whatever links the capture
 * holds, the report never contains a file of the reviewer's machine: each capture here points
 * at a sentinel file outside it, and the sentinel's text must appear nowhere.
 */
class HostileCaptureTest {

    private static final String SENTINEL = "SENTINEL";

    @TempDir Path tmp;
    Path outside;
    Path cap;

    @BeforeEach
    void aCaptureAndASecretBesideIt() throws IOException {
        outside = Files.createDirectories(tmp.resolve("outside"));
        // readable as os-release, as a sysctl file and as a manifest: whichever way it is read, it shows
        Files.writeString(outside.resolve("secret"), "PRETTY_NAME=\"SENTINEL OS\"\nNAME=SENTINEL\nkernel.pid_max = 31337 # SENTINEL\n");
        Files.writeString(outside.resolve("golive-capture.json"), "{\"format\": 1, \"hostname\": \"SENTINEL-host\"}\n");
        cap = copy(Path.of(host("debian12-vm")), tmp.resolve("cap"));
    }

    private Path secret() { return outside.resolve("secret").toAbsolutePath(); }

    @Test
    void aChainOf41LinksToTheReviewersFileIsNotReadIntoTheReport() throws IOException {
        Files.delete(cap.resolve("etc/os-release"));
        for (int i = 0; i < 40; i++) Files.createSymbolicLink(cap.resolve(i == 0 ? "etc/os-release" : "etc/l" + i), Path.of("/etc/l" + (i + 1)));
        Files.createSymbolicLink(cap.resolve("etc/l40"), secret());

        assertReportHasNoSentinel(cap.toString());
        try (Session s = Session.open(cap.toString())) {
            var facts = s.inspect();
            assertThat(facts.os().prettyName().known()).isFalse();
            assertThat(facts.toString().contains(SENTINEL)).as("the sentinel in the host's facts").isFalse();
        }
    }

    @Test
    void climbingAbsoluteAndLoopingLinksAreNotReadIntoTheReport() throws IOException {
        Files.createSymbolicLink(cap.resolve("etc/sysctl.d/90-up.conf"), Path.of("../../../../../../../../outside/secret"));
        Files.createSymbolicLink(cap.resolve("etc/sysctl.d/91-abs.conf"), secret());
        Files.createSymbolicLink(cap.resolve("etc/sysctl.d/92-loop.conf"), Path.of("93-loop.conf"));
        Files.createSymbolicLink(cap.resolve("etc/sysctl.d/93-loop.conf"), Path.of("92-loop.conf"));
        // a directory of the capture replaced by a link to the reviewer's directory
        Files.createSymbolicLink(cap.resolve("etc/sysctl.d/94-root"), Path.of("../../.."));
        Files.createSymbolicLink(cap.resolve("etc/sysctl.d/95-via-root.conf"), Path.of("94-root/../outside/secret"));

        assertReportHasNoSentinel(cap.toString());
    }

    @Test
    void aManifestThatIsALinkIsRefusedWithOneLine() throws IOException {
        Files.delete(cap.resolve("golive-capture.json"));
        Files.createSymbolicLink(cap.resolve("golive-capture.json"), outside.resolve("golive-capture.json").toAbsolutePath());

        ReportAndDiffCommandTest.Run r = golive("report", "--root", cap.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: " + cap + ": golive-capture.json is a symbolic link; a capture's manifest must be a regular file\n");
        assertThat(r.out()).doesNotContain(SENTINEL);
    }

    @Test
    void aManifestLinkThatLeadsNowhereIsStillACaptureAndRefused() throws IOException {
        // not a target tree golive could write into: the name is there, as a link
        Files.delete(cap.resolve("golive-capture.json"));
        Files.createSymbolicLink(cap.resolve("golive-capture.json"), outside.resolve("nothing.json").toAbsolutePath());

        ReportAndDiffCommandTest.Run r = golive("report", "--root", cap.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: " + cap + ": golive-capture.json is a symbolic link; a capture's manifest must be a regular file\n");
    }

    @Test
    void anArchiveWhoseManifestIsALinkIsRefusedWithOneLine() throws IOException {
        Path archive = tmp.resolve("cap.tar.gz");
        Files.delete(cap.resolve("golive-capture.json"));
        Files.createSymbolicLink(cap.resolve("golive-capture.json"), Path.of("etc/os-release"));
        Tar.create(cap, archive);

        ReportAndDiffCommandTest.Run r = golive("report", "--root", archive.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: " + archive + ": golive-capture.json is a symbolic link; a capture's manifest must be a regular file\n");
    }

    @Test
    void anArchiveWhoseLinkClimbsOutOnDiskIsRefusedWithOneLine() throws IOException {
        Path archive = tmp.resolve("cap.tar.gz");
        Files.createDirectories(cap.resolve("etc/a/b/c/d"));
        Files.createSymbolicLink(cap.resolve("etc/a/b/c/d/l"), Path.of("../../../../.."));
        Files.createSymbolicLink(cap.resolve("etc/sysctl.d/zz.conf"), Path.of("../a/b/c/d/l/../outside/secret"));
        Tar.create(cap, archive);

        ReportAndDiffCommandTest.Run r = golive("report", "--root", archive.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: " + archive + ": etc/sysctl.d/zz.conf: link target \"../a/b/c/d/l/../outside/secret\" points outside the capture\n");
        assertThat(r.out()).doesNotContain(SENTINEL);
    }

    @Test
    void anArchiveWithA41LinkChainIsRefusedWithOneLine() throws IOException {
        Path archive = tmp.resolve("cap.tar.gz");
        Files.createDirectories(cap.resolve("etc/chain"));
        for (int i = 0; i < 41; i++) Files.createSymbolicLink(cap.resolve("etc/chain/l" + i), Path.of(i == 40 ? "../os-release" : "l" + (i + 1)));
        Tar.create(cap, archive);

        ReportAndDiffCommandTest.Run r = golive("report", "--root", archive.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: " + archive + ": etc/chain/l0: link target \"l1\" goes through more than 40 links\n");
    }

    private void assertReportHasNoSentinel(String root) {
        for (String format : List.of("md", "json", "html")) {
            ReportAndDiffCommandTest.Run r = golive("report", "--root", root, "--format", format);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).as(format).doesNotContain(SENTINEL).doesNotContain("31337");
            assertThat(r.err()).doesNotContain(SENTINEL);
        }
    }

    /** A copy of a fixture capture, its links kept as links. */
    private static Path copy(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(all::add);
        }
        for (Path p : all) {
            Path dest = to.resolve(from.relativize(p).toString());
            if (Files.isSymbolicLink(p)) Files.createSymbolicLink(dest, Files.readSymbolicLink(p));
            else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(dest);
            else Files.write(dest, Files.readAllBytes(p));
        }
        return to;
    }
}
