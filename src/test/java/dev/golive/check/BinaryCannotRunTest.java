package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.binfmt.ElfBytes;
import dev.golive.binfmt.ElfFile;
import dev.golive.host.Fixtures;
import dev.golive.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wrong build copied to the Debian 12 host (x86_64, a CPU with x86-64-v3): an arm64
 * binary, one built with GOAMD64=v4, and a musl build on this glibc host. `check --service api`
 * says each cannot run, and why.
 */
class BinaryCannotRunTest {

    @TempDir Path tmp;

    static final String API = "opt/api/bin/api";

    Path debian() throws IOException {
        Path t = tmp.resolve("debian12-vm");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        return t;
    }

    static List<Finding> cannotRun(Path tree) {
        try (Session s = Session.open(tree.toString())) {
            return Checker.run(s.inspectService("api", null)).findings().stream().filter(f -> f.ruleId().equals("GO-BINARY-CANNOT-RUN")).toList();
        }
    }

    @Test
    void theFixturesOwnBinaryRuns() throws IOException {
        assertThat(cannotRun(debian())).isEmpty();
    }

    @Test
    void anArm64BuildOnX86_64IsAnExecFormatError() throws IOException {
        Path t = debian();
        Files.copy(Fixtures.dir("arm64-server").resolve("opt/ingest/ingest"), t.resolve(API), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(cannotRun(t)).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("Service binary is built for aarch64, this host is x86_64");
            assertThat(f.message()).isEqualTo("/opt/api/bin/api is an ELF binary for aarch64 (e_machine 183); this host is x86_64: "
                    + "the kernel refuses it with \"Exec format error\"");
            assertThat(f.fix().orElseThrow().text()).isEqualTo("build it with GOARCH=amd64");
        });
    }

    @Test
    void aGoamd64V4BuildOnAV3CpuExitsAtStart() throws IOException {
        Path t = debian();
        byte[] b = Files.readAllBytes(t.resolve(API));
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("GOAMD64=v1");
        assertThat(at).isPositive();
        b[at + "GOAMD64=v".length()] = '4';
        Files.write(t.resolve(API), b);
        assertThat(cannotRun(t)).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("Service binary needs x86-64-v4, this CPU has v3");
            assertThat(f.fix().orElseThrow().text()).isEqualTo("build it with GOAMD64=v3 (or v1)");
        });
    }

    @Test
    void aMuslBuildOnAGlibcHostLacksItsLoader() throws IOException {
        Path t = debian();
        ElfBytes elf = ElfBytes.amd64();
        int interp = elf.blob("/lib/ld-musl-x86_64.so.1\0".getBytes(StandardCharsets.ISO_8859_1), 0x400200);
        elf.section(".interp", interp).segment(ElfFile.PT_INTERP, 4, interp);
        Files.write(t.resolve(API), elf.build());
        // a capture records the loader it looked for and did not find
        Path manifest = t.resolve("golive-capture.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"absent\": [", "\"absent\": [\n    \"/lib/ld-musl-x86_64.so.1\","));
        assertThat(cannotRun(t)).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("/opt/api/bin/api is dynamically linked against musl and asks for the loader /lib/ld-musl-x86_64.so.1; "
                        + "this host has no such file, so exec fails with \"No such file or directory\""));
        // the same binary where the loader is there: nothing to say
        Files.writeString(manifest, Files.readString(manifest).replace("\n    \"/lib/ld-musl-x86_64.so.1\",", ""));
        Files.createDirectories(t.resolve("lib"));
        Files.writeString(t.resolve("lib/ld-musl-x86_64.so.1"), "");
        assertThat(cannotRun(t)).isEmpty();
    }
}
