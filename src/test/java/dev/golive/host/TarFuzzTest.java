package dev.golive.host;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A capture archive is someone else's bytes. Whatever the tar stream holds, unpacking it either
 * succeeds or fails with one line (exit 2), never another exception; and either way nothing is
 * written beside the target, every entry left is a file, a directory or a link, and every link
 * the kernel can follow ends inside the target. Seeds replay in `mvn test` (a capture, pax and
 * GNU long names, the hostile links of TarSafetyTest); JAZZER_FUZZ=1 fuzzes for real.
 */
class TarFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyTarUnpacksInsideOrIsRefusedWithOneLine(byte[] tar) throws IOException {
        Path box = Files.createTempDirectory("golive-tar-fuzz-");
        try {
            Path target = Files.createDirectory(box.resolve("target"));
            Path secret = Files.writeString(box.resolve("secret"), "outside\n");
            try {
                Tar.unpack("fuzz.tar", new ByteArrayInputStream(tar), target, 1 << 20);
            } catch (GoliveException e) {
                assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
                assertThat(e.getMessage()).startsWith("fuzz.tar: ").doesNotContain("\n").doesNotContain("\r");
            }
            try (Stream<Path> s = Files.list(box)) {
                assertThat(s.toList()).as("written beside the target").containsExactlyInAnyOrder(target, secret);
            }
            assertThat(secret).hasContent("outside");
            Path real = target.toRealPath();
            List<Path> all;
            try (Stream<Path> s = Files.walk(target)) {
                all = s.toList();
            }
            for (Path p : all) {
                boolean link = Files.isSymbolicLink(p);
                assertThat(link || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                        .as("special file " + p).isTrue();
                if (link && Files.exists(p)) assertThat(p.toRealPath()).as("where link " + p + " leads").startsWith(real);
            }
        } finally {
            RootSpec.deleteTree(box);
        }
    }
}
