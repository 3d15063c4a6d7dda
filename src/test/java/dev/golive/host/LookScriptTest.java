package dev.golive.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The look script run for real by this machine's sh (and busybox's, when installed) over a tree
 * with awkward names, and the capture assembled from its answer compared with what golive
 * capture (CaptureWriter) writes of the same tree after the same reads and listings.
 */
class LookScriptTest {

    @TempDir Path tmp;

    static final List<String> FILES = List.of("/etc/hostname", "/etc/nothing", "/etc/sysctl.d/99-sysctl.conf", "/d/a b",
            "/d/masked", "/d/nl\nname", "/usr/lib/systemd/system/api.service", "/d/empty", "/d/linkdir");
    static final List<String> DIRS = List.of("/d", "/usr/lib/systemd/system", "/none", "/d/a b", "/");

    @Test
    void theAssembledTreeIsWhatGoliveCaptureWritesWithEveryShell() throws Exception {
        Path tree = LookRuns.awkwardTree(tmp.resolve("host"));
        Path golive = goliveCapture(tree, FILES, DIRS, "golive-capture");
        for (LookRuns.Shell shell : LookRuns.shells(tmp)) {
            CaptureWants wants = new CaptureWants(FILES, DIRS, List.of());
            GatheredRound round = GatheredRound.parse(shell.name(), LookRuns.round(shell, tree, wants,
                    LookRuns.JSON.createArrayNode()));
            Path assembled = tmp.resolve("assembled-" + shell.name());
            CaptureAssembly.State s = CaptureAssembly.merge(assembled, CaptureAssembly.start(assembled), round);
            assertThat(contents(assembled)).as(shell.name()).isEqualTo(contents(golive));
            CaptureManifest m = CaptureManifest.parse("m", Files.readString(golive.resolve(CaptureManifest.FILE_NAME)));
            assertThat(s.manifest().absent()).as(shell.name()).containsExactlyInAnyOrderElementsOf(m.absent());
            // what the answer said, beyond the tree: lstat of the paths, the listing with the link's target
            assertThat(round.stats().get("/etc/sysctl.d/99-sysctl.conf")).isEqualTo(new GatheredRound.Stat(true, false, java.util.Optional.of("../sysctl.conf")));
            assertThat(round.stats().get("/d/linkdir")).isEqualTo(new GatheredRound.Stat(true, false, java.util.Optional.of("sub")));
            assertThat(round.stats().get("/d/weird")).isEqualTo(new GatheredRound.Stat(true, false, java.util.Optional.of("we\nird ")));
            assertThat(round.listings().get("/d")).extracting(GatheredRound.Entry::path)
                    .contains("/d/a b", "/d/nl\nname", "/d/*", "/d/-dash", "/d/.hidden", "/d/..dots", "/d/back\\slash", "/d/é", "/d/fifo")
                    .doesNotContain("/d/bad\uFFFDbyte");
            assertThat(round.directories()).contains("/d/sub", "/d/linkdir");
        }
    }

    /**
     * A listed directory that is a link inside the tree (merged /usr's /lib -> usr/lib) stays a
     * link in both captures: as a plain directory, a reader that skips what it has seen through
     * the link would read the capture's copy as a directory of its own.
     */
    @Test
    void aListedDirectoryThatIsALinkStaysALinkInBothCaptures() throws Exception {
        Path tree = tmp.resolve("host");
        Files.createDirectories(tree.resolve("etc/sysctl.real"));
        Files.writeString(tree.resolve("etc/sysctl.real/10-net.conf"), "net.core.somaxconn = 4096\n");
        Files.createSymbolicLink(tree.resolve("etc/sysctl.d"), Path.of("sysctl.real"));
        Path assembled = sameAsGoliveCapture(tree, List.of(), List.of("/etc/sysctl.d"));
        assertThat(Files.readSymbolicLink(assembled.resolve("etc/sysctl.d"))).isEqualTo(Path.of("sysctl.real"));
        assertThat(assembled.resolve("etc/sysctl.real/10-net.conf")).hasContent("net.core.somaxconn = 4096");
        try (RootSpec capture = RootSpec.open(goliveCapture(tree, List.of(), List.of("/etc/sysctl.d"), "again").toString(), new AccessLog())) {
            assertThat(HostLinks.canonical(capture.root(), "/etc/sysctl.d")).isEqualTo("/etc/sysctl.real");
        }
    }

    @Test
    void aDanglingLinkReadIsAbsentAsInGoliveCapture() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("host/etc/default"));
        Files.createSymbolicLink(tree.resolve("grub"), Path.of("grub.removed"));
        tree = tmp.resolve("host");
        Path assembled = sameAsGoliveCapture(tree, List.of("/etc/default/grub"), List.of());
        assertThat(assembled.resolve("etc/default/grub")).doesNotExist();
        assertThat(Files.isSymbolicLink(assembled.resolve("etc/default/grub"))).isFalse();
    }

    /**
     * A directory asked only by a presence test (/run/systemd/system: is systemd running?) is in
     * both captures: the capture must answer the same test "there", not "not in capture"; a link
     * to one that stays inside is kept with the directory it points at.
     */
    @Test
    void aDirectoryAskedByAPresenceTestIsThereInBothCaptures() throws Exception {
        Path tree = tmp.resolve("host");
        Files.createDirectories(tree.resolve("run/systemd/system"));
        Files.createDirectories(tree.resolve("srv/releases/7"));
        Files.createSymbolicLink(tree.resolve("srv/current"), Path.of("releases/7"));
        List<String> files = List.of("/run/systemd/system", "/srv/current");
        Path assembled = sameAsGoliveCapture(tree, files, List.of());
        assertThat(assembled.resolve("run/systemd/system")).isDirectory();
        assertThat(assembled.resolve("srv/releases/7")).isDirectory();
        try (RootSpec capture = RootSpec.open(goliveCapture(tree, files, List.of(), "again").toString(), new AccessLog())) {
            for (String f : files) assertThat(capture.root().presence(f).opt()).as(f).contains(true);
        }
    }

    /**
     * systemd's version banner cut on the host with every shell is byte for byte what golive
     * capture keeps of the binary: the banner after a user-mode one among NULs and bytes above
     * 0x7f, an empty file where there is none, absent where the file is larger than the bound or
     * not there.
     */
    @Test
    void anExcerptCutOnTheHostIsWhatGoliveCaptureKeepsWithEveryShell() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("host/usr/lib/systemd")).getParent().getParent().getParent();
        Files.write(tree.resolve("usr/lib/systemd/systemd"), ManagerBannerCaptureTest.managerBinary());
        Files.write(tree.resolve("usr/lib/systemd/big"), ManagerBannerCaptureTest.managerBinary());
        Files.write(tree.resolve("usr/lib/systemd/plain"), new byte[] {0x7f, 'E', 'L', 'F', 0, (byte) 0xff, '\n', 0});
        java.util.regex.Pattern banner = java.util.regex.Pattern.compile("systemd ([0-9]{3,4})([.~+-][0-9A-Za-z.~+_-]{0,64})? running in %ssystem mode");
        List<CaptureWants.Excerpt> excerpts = List.of(new CaptureWants.Excerpt("/usr/lib/systemd/systemd", 32 << 20, banner.pattern()),
                new CaptureWants.Excerpt("/usr/lib/systemd/plain", 32 << 20, banner.pattern()),
                new CaptureWants.Excerpt("/usr/lib/systemd/big", 1000, banner.pattern()),
                new CaptureWants.Excerpt("/usr/lib/systemd/none", 32 << 20, banner.pattern()));
        AccessLog log = new AccessLog();
        DirectoryHostRoot root = new DirectoryHostRoot(tree, false, tree.toString(), log);
        for (CaptureWants.Excerpt x : excerpts) root.findInBinary(x.path(), x.max(), banner);
        Path golive = tmp.resolve("golive-capture");
        CaptureWriter.writeTo(root, log, Map.of(), List.of(), "2026-12-07T21:00:00Z", "el7", "x86_64", "3.10.0", golive);
        assertThat(golive.resolve("usr/lib/systemd/systemd")).hasContent("systemd 219 running in %ssystem mode");
        for (LookRuns.Shell shell : LookRuns.shells(tmp)) {
            GatheredRound round = GatheredRound.parse(shell.name(), LookRuns.round(shell, tree,
                    new CaptureWants(List.of(), List.of(), List.of(), excerpts), LookRuns.JSON.createArrayNode()));
            Path assembled = tmp.resolve("assembled-" + shell.name());
            CaptureAssembly.State s = CaptureAssembly.merge(assembled, CaptureAssembly.start(assembled), round);
            assertThat(contents(assembled)).as(shell.name()).isEqualTo(contents(golive));
            CaptureManifest m = CaptureManifest.parse("m", Files.readString(golive.resolve(CaptureManifest.FILE_NAME)));
            assertThat(s.manifest().absent()).as(shell.name())
                    .containsExactlyInAnyOrderElementsOf(m.absent()).containsExactlyInAnyOrder("/usr/lib/systemd/big", "/usr/lib/systemd/none");
        }
    }

    /** The assembly of one round (this machine's sh) is what golive capture writes: the same tree and the same absent paths. */
    private Path sameAsGoliveCapture(Path tree, List<String> files, List<String> dirs) throws Exception {
        Path golive = goliveCapture(tree, files, dirs, "golive-capture");
        GatheredRound round = GatheredRound.parse("sh", LookRuns.round(LookRuns.SH, tree, new CaptureWants(files, dirs, List.of()),
                LookRuns.JSON.createArrayNode()));
        Path assembled = tmp.resolve("assembled");
        CaptureAssembly.State s = CaptureAssembly.merge(assembled, CaptureAssembly.start(assembled), round);
        assertThat(contents(assembled)).isEqualTo(contents(golive));
        CaptureManifest m = CaptureManifest.parse("m", Files.readString(golive.resolve(CaptureManifest.FILE_NAME)));
        assertThat(s.manifest().absent()).containsExactlyInAnyOrderElementsOf(m.absent());
        return assembled;
    }

    /** golive capture of the tree: CaptureWriter after reading {@code files} and listing {@code dirs}, as an inspection would. */
    private Path goliveCapture(Path tree, List<String> files, List<String> dirs, String name) {
        AccessLog log = new AccessLog();
        DirectoryHostRoot root = new DirectoryHostRoot(tree, false, tree.toString(), log);
        // a directory (or a link to one) is asked by a presence test, a file by a read
        for (String f : files) {
            if (Files.isDirectory(tree.resolve(f.substring(1)))) root.presence(f);
            else root.read(f);
        }
        for (String d : dirs) root.list(d);
        Path out = tmp.resolve(name);
        CaptureWriter.writeTo(root, log, Map.of(), List.of(), "2026-12-07T21:00:00Z", "web1", "x86_64", "6.1.0", out);
        return out;
    }

    /** Every path under {@code capture} but the manifest: a link's target, a directory, or a file's bytes (as text for the diff). */
    private static Map<String, String> contents(Path capture) throws Exception {
        Map<String, String> all = new TreeMap<>();
        try (var walk = Files.walk(capture)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = capture.relativize(p).toString();
                if (rel.isEmpty() || rel.equals(CaptureManifest.FILE_NAME)) continue;
                if (Files.isSymbolicLink(p)) all.put(rel, "link -> " + Files.readSymbolicLink(p));
                else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) all.put(rel, "dir");
                else {
                    byte[] b = Files.readAllBytes(p);
                    all.put(rel, b.length > 100 ? "file of " + b.length + " bytes, hash " + java.util.Arrays.hashCode(b)
                            : "file " + new String(b, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return all;
    }
}
