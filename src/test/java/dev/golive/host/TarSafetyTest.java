package dev.golive.host;

import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A capture archive comes from another machine: extraction must refuse anything that could
 * write outside the target or create special files, with one line naming the archive and the
 * entry (exit 2), and leave nothing outside the target.
 */
class TarSafetyTest {

    @TempDir Path tmp;
    Path archive;
    Path target;

    @BeforeEach
    void layout() throws IOException {
        archive = tmp.resolve("host.tar.gz");
        target = Files.createDirectories(tmp.resolve("work/target"));
    }

    private static Object[] file(String name, String text) { return new Object[] {name, '0', "", text.getBytes(StandardCharsets.UTF_8)}; }
    private static Object[] dir(String name) { return new Object[] {name, '5', "", new byte[0]}; }
    private static Object[] link(String name, String to) { return new Object[] {name, '2', to, new byte[0]}; }
    private static Object[] special(String name, char type, String to) { return new Object[] {name, type, to, new byte[0]}; }

    static Stream<Arguments> hostileArchives() {
        return Stream.of(
                Arguments.of("absolute path", List.<Object[]>of(file("/etc/cron.d/x", "evil")),
                        ": /etc/cron.d/x: absolute path in archive"),
                Arguments.of("dot-dot", List.<Object[]>of(file("proc/../../escape", "evil")),
                        ": proc/../../escape: \"..\" in archive path"),
                Arguments.of("absolute symlink", List.<Object[]>of(link("etc/passwd", "/etc/passwd")),
                        ": etc/passwd: absolute link target \"/etc/passwd\" points outside the capture"),
                Arguments.of("relative symlink outside", List.<Object[]>of(dir("etc"), link("etc/up", "../../escape")),
                        ": etc/up: link target \"../../escape\" points outside the capture"),
                Arguments.of("write through an extracted symlink", List.<Object[]>of(dir("real"), link("etc", "real"), file("etc/x", "y")),
                        ": etc/x: path goes through a link"),
                Arguments.of("file over an extracted symlink", List.<Object[]>of(file("a", "1"), link("b", "a"), file("b", "2")),
                        ": b: would overwrite a link or directory"),
                Arguments.of("hard link", List.<Object[]>of(file("a", "1"), special("b", '1', "a")),
                        ": b: hard links are not allowed in a capture"),
                Arguments.of("char device", List.<Object[]>of(special("dev/mem", '3', "")),
                        ": dev/mem: device files are not allowed in a capture"),
                Arguments.of("block device", List.<Object[]>of(special("dev/sda", '4', "")),
                        ": dev/sda: device files are not allowed in a capture"),
                Arguments.of("FIFO", List.<Object[]>of(special("run/fifo", '6', "")),
                        ": run/fifo: FIFOs are not allowed in a capture"),
                // lexically etc/a/b/c/d/secret; on disk l is the capture root, and ".." from it is outside
                Arguments.of("dot-dot after a link to the root", List.<Object[]>of(dir("etc/a/b/c/d"),
                                link("etc/a/b/c/d/l", "../../../../.."), link("m", "etc/a/b/c/d/l/../secret")),
                        ": m: link target \"etc/a/b/c/d/l/../secret\" points outside the capture"),
                // etc/m is harmless when written (x does not exist yet); the later etc/x makes it climb out
                Arguments.of("a later link turns an earlier one outward", List.<Object[]>of(dir("etc"),
                                link("etc/m", "x/../../secret"), link("etc/x", "..")),
                        ": etc/m: link target \"x/../../secret\" points outside the capture"),
                Arguments.of("a link to a directory made by an earlier entry", List.<Object[]>of(dir("real"),
                                link("etc", "real"), link("etc2", "etc/../../secret")),
                        ": etc2: link target \"etc/../../secret\" points outside the capture"),
                Arguments.of("a chain of 41 links", chainOf(41),
                        ": l0: link target \"l1\" goes through more than 40 links"),
                Arguments.of("a link loop", List.<Object[]>of(link("a", "b"), link("b", "a")),
                        ": b: link target \"a\" goes through more than 40 links"),
                Arguments.of("a directory entry over a link", List.<Object[]>of(dir("real"), link("d", "real"), dir("d")),
                        ": d: would replace a link or file with a directory"),
                Arguments.of("a link over a directory", List.<Object[]>of(dir("etc"), link("etc", "real")),
                        ": etc: would replace an earlier entry with a link"),
                Arguments.of("a directory through a link", List.<Object[]>of(dir("real"), link("etc", "real"), dir("etc/sub")),
                        ": etc/sub: path goes through a link"),
                Arguments.of("a NUL in a link target", List.<Object[]>of(link("a", "b\0" + "c".repeat(120))),
                        ": a: link target contains NUL"));
    }

    /** l0 -> l1 -> ... -> l{n-1} -> f, a file: n links. */
    private static List<Object[]> chainOf(int n) {
        List<Object[]> rows = new java.util.ArrayList<>();
        rows.add(file("f", "inside"));
        for (int i = 0; i < n; i++) rows.add(link("l" + i, i == n - 1 ? "f" : "l" + (i + 1)));
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileArchives")
    void aHostileArchiveIsRefusedWithOneLine(String what, List<Object[]> rows, String message) throws IOException {
        Files.writeString(tmp.resolve("work/secret"), SENTINEL);
        Files.writeString(tmp.resolve("secret"), SENTINEL);
        Files.write(archive, Tar.build(rows));
        GoliveException e = catchThrowableOfType(() -> Tar.extract(archive, target), GoliveException.class);
        assertThat(e).as(what).isNotNull();
        assertThat(e.getMessage()).isEqualTo(archive + message).doesNotContain("\n");
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.exitCode().code()).isEqualTo(2);
        assertNothingOutsideTarget();
    }

    @Test
    void fortyLinksAreKept() throws IOException {
        Files.write(archive, Tar.build(chainOf(40)));
        Tar.extract(archive, target);
        assertThat(target.resolve("l0")).hasContent("inside");
        assertNothingOutsideTarget();
    }

    @Test
    void aLinkToAFileOfAnEarlierEntryIsKept() throws IOException {
        Files.write(archive, Tar.build(List.<Object[]>of(dir("etc/sysctl.d"), file("etc/sysctl.conf", "x = 1\n"),
                link("etc/sysctl.d/99-sysctl.conf", "../sysctl.conf"), link("lib", "usr/lib"), file("usr/lib/f", "y"),
                link("etc/dangling", "../run/nothing/../../etc/sysctl.conf"))));
        Tar.extract(archive, target);
        assertThat(target.resolve("etc/sysctl.d/99-sysctl.conf")).hasContent("x = 1");
        assertThat(target.resolve("lib/f")).hasContent("y");
        assertNothingOutsideTarget();
    }

    @Test
    void aLongNameWithCharactersOfSeveralBytesKeepsItsName() throws IOException {
        // the pax record's length counts bytes, not characters
        String name = "etc/systemd/system/" + "überlange-dienst-ä".repeat(6) + ".service";
        Files.write(archive, Tar.build(List.<Object[]>of(file(name, "[Service]\n"), link("etc/l", name.substring(4)))));
        Tar.extract(archive, target);
        assertThat(target.resolve(name)).hasContent("[Service]");
        assertThat(target.resolve("etc/l")).hasContent("[Service]");
    }

    @Test
    void theRootDirectoryEntryThatTarWritesFirstIsAccepted() throws IOException {
        // `tar czf cap.tar.gz -C cap .` starts with "./" and names everything "./etc/..."
        Files.write(archive, Tar.build(List.<Object[]>of(dir("./"), dir("./etc/"), file("./etc/motd", "hi\n"))));
        Tar.extract(archive, target);
        assertThat(target.resolve("etc/motd")).hasContent("hi");
    }

    @Test
    void aNameWithANewlineIsRefusedOnOneLine() throws IOException {
        Files.write(archive, Tar.build(List.<Object[]>of(special("etc/a\nb", '3', ""))));
        GoliveException e = catchThrowableOfType(() -> Tar.extract(archive, target), GoliveException.class);
        assertThat(e.getMessage()).isEqualTo(archive + ": etc/a\\nb: device files are not allowed in a capture");
    }

    @Test
    void anArchiveOverTheSizeBoundIsRefused() throws IOException {
        Files.write(archive, Tar.build(List.<Object[]>of(file("a", "x".repeat(600)), file("b", "y".repeat(600)))));
        GoliveException e = catchThrowableOfType(() -> Tar.extract(archive, target, 1000), GoliveException.class);
        assertThat(e.getMessage()).isEqualTo(archive + ": larger than 1000 bytes unpacked, refusing");
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(target.resolve("b")).doesNotExist();
        assertNothingOutsideTarget();
    }

    @Test
    void aTruncatedArchiveIsRefused() throws IOException {
        byte[] whole = Tar.build(List.<Object[]>of(file("proc/cpuinfo", "processor : 0\n".repeat(200))));
        Files.write(archive, Arrays.copyOf(whole, whole.length / 2));
        GoliveException e = catchThrowableOfType(() -> Tar.extract(archive, target), GoliveException.class);
        assertThat(e.getMessage()).isEqualTo(archive + ": archive is truncated");
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertNothingOutsideTarget();
    }

    @Test
    void aTarCutShortInsideAValidGzipStreamIsRefused() throws IOException {
        // valid gzip, but the tar ends in the middle of an entry's data (no end-of-archive blocks)
        byte[] tar = gunzip(Tar.build(List.<Object[]>of(file("proc/meminfo", "MemTotal: 1 kB\n".repeat(100)))));
        Files.write(archive, gzip(Arrays.copyOf(tar, 512 + 700)));
        GoliveException e = catchThrowableOfType(() -> Tar.extract(archive, target), GoliveException.class);
        assertThat(e.getMessage()).isEqualTo(archive + ": archive is truncated");
        assertNothingOutsideTarget();
    }

    @Test
    void aFileThatIsNotGzipIsRefused() throws IOException {
        Files.writeString(archive, "{\"format\": 1}\n");
        GoliveException e = catchThrowableOfType(() -> Tar.extract(archive, target), GoliveException.class);
        assertThat(e.getMessage()).isEqualTo(archive + ": not a gzip-compressed tar archive (Not in GZIP format)");
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void createThenExtractKeepsBytesDirectoriesAndLinks() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.createDirectories(src.resolve("usr/lib/sysctl.d"));
        Files.write(src.resolve("usr/lib/sysctl.d/50-pid-max.conf"), "kernel.pid_max = 4194304\n".getBytes(StandardCharsets.UTF_8));
        byte[] binary = new byte[70_000];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 31);
        Files.write(src.resolve("blob"), binary);
        Files.createDirectories(src.resolve("empty/dir"));
        Files.createSymbolicLink(src.resolve("lib"), Path.of("usr/lib"));
        Files.createDirectories(src.resolve("etc/sysctl.d"));
        Files.writeString(src.resolve("etc/sysctl.conf"), "# nothing\n");
        Files.createSymbolicLink(src.resolve("etc/sysctl.d/99-sysctl.conf"), Path.of("../sysctl.conf"));
        String longDir = "sys/fs/cgroup/" + "system.slice/".repeat(6) + "a-service-with-a-long-name.service";
        Files.createDirectories(src.resolve(longDir));
        Files.writeString(src.resolve(longDir + "/cpu.max"), "200000 100000\n");
        Files.writeString(src.resolve("empty-file"), "");

        Tar.create(src, archive);
        Tar.extract(archive, target);

        assertThat(Files.readAllBytes(target.resolve("blob"))).isEqualTo(binary);
        assertThat(target.resolve("usr/lib/sysctl.d/50-pid-max.conf")).hasContent("kernel.pid_max = 4194304");
        assertThat(target.resolve(longDir + "/cpu.max")).hasContent("200000 100000");
        assertThat(target.resolve("empty/dir")).isDirectory();
        assertThat(target.resolve("empty-file")).isEmptyFile();
        assertThat(Files.readSymbolicLink(target.resolve("lib"))).isEqualTo(Path.of("usr/lib"));
        assertThat(Files.readSymbolicLink(target.resolve("etc/sysctl.d/99-sysctl.conf"))).isEqualTo(Path.of("../sysctl.conf"));
        assertThat(target.resolve("lib/sysctl.d/50-pid-max.conf")).hasContent("kernel.pid_max = 4194304");
        try (Stream<Path> a = Files.walk(src); Stream<Path> b = Files.walk(target)) {
            assertThat(b.map(p -> target.relativize(p).toString()).sorted().toList())
                    .isEqualTo(a.map(p -> src.relativize(p).toString()).sorted().toList());
        }
    }

    private static final String SENTINEL = "SENTINEL outside the capture\n";

    /**
     * Only the archive, the target tree, the sentinels and the round-trip source may exist under
     * tmp, and every link in the target resolves (as the kernel resolves it) inside the target.
     */
    private void assertNothingOutsideTarget() throws IOException {
        assertExtractedInside(tmp, target, List.of(archive, tmp.resolve("work"), tmp.resolve("work/secret"), tmp.resolve("secret"), tmp.resolve("src")));
    }

    static void assertExtractedInside(Path tmp, Path target, List<Path> allowed) throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            assertThat(s.filter(p -> !p.equals(tmp) && allowed.stream().noneMatch(p::startsWith) && !p.startsWith(target)).toList())
                    .as("files written outside the extraction target").isEmpty();
        }
        Path real = target.toRealPath();
        try (Stream<Path> s = Files.walk(target)) {
            for (Path p : s.toList()) {
                if (Files.isSymbolicLink(p) && Files.exists(p)) {
                    assertThat(p.toRealPath()).as("link " + p).startsWith(real);
                }
                assertThat(Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        || Files.isSymbolicLink(p)).as("special file " + p).isTrue();
            }
        }
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(raw);
        }
        return out.toByteArray();
    }
}
