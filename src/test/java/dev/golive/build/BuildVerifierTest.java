package dev.golive.build;

import dev.golive.binfmt.ElfFile;
import dev.golive.binfmt.ElfBytes;
import dev.golive.model.GoBuildInfo;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What verification says when a binary is not what was asked for. */
class BuildVerifierTest {

    static final BuildTarget V3 = BuildTarget.parse("linux/amd64/v3");
    static final BuildVerifier.Expectation WANT = new BuildVerifier.Expectation(V3, false, true, "go1.19.8", "example.com/hello");

    static GoBuildInfo info(String... kv) {
        Map<String, String> s = new LinkedHashMap<>(Map.of("-trimpath", "true", "CGO_ENABLED", "0", "GOOS", "linux",
                "GOARCH", "amd64", "GOAMD64", "v3"));
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) s.remove(kv[i]);
            else s.put(kv[i], kv[i + 1]);
        }
        return new GoBuildInfo("go1.19.8", "example.com/hello", "example.com/hello", s);
    }

    static ElfFile elf(int machine, boolean dynamic) {
        ElfBytes e = new ElfBytes(true, ByteOrder.LITTLE_ENDIAN, machine);
        e.section(".text", e.blob(new byte[8], 0x401000));
        if (dynamic) {
            int i = e.blob("/lib64/ld-linux-x86-64.so.2\0".getBytes(StandardCharsets.US_ASCII), 0x400200);
            e.segment(ElfFile.PT_INTERP, 4, i);
        }
        return ElfFile.parse(ByteBuffer.wrap(e.build()), "b");
    }

    @Test
    void aBinaryThatMatchesPasses() {
        var v = BuildVerifier.verify(WANT, Optional.of(elf(62, false)), info());
        assertThat(v.problems()).isEmpty();
        assertThat(v.elfCheck()).isEqualTo("x86-64, static");
        assertThat(v.buildInfoCheck()).isEqualTo("go1.19.8 linux/amd64 GOAMD64=v3 cgo=0");
    }

    @Test
    void everyMismatchIsNamed() {
        var v = BuildVerifier.verify(WANT, Optional.of(elf(183, true)),
                new GoBuildInfo("go1.21.0", "example.com/other", "example.com/other",
                        info("GOAMD64", "v1", "CGO_ENABLED", "1", "-trimpath", null).settings()));
        assertThat(v.problems()).containsExactly(
                "ELF machine is aarch64 (183), expected x86-64 (62) for GOARCH=amd64",
                "dynamically linked (interpreter /lib64/ld-linux-x86-64.so.2) although CGO_ENABLED=0",
                "built by go1.21.0, but the toolchain is go1.19.8",
                "build info says CGO_ENABLED=1, expected 0",
                "build info says GOAMD64=v1, expected v3",
                "build info lacks -trimpath (expected -trimpath=true)",
                "build info names module \"example.com/other\", expected \"example.com/hello\"");
        assertThat(v.elfCheck()).isEqualTo("aarch64, dynamic");
    }

    @Test
    void aThirtyTwoBitFileForA64BitArchitectureIsCaught() {
        ElfBytes e = new ElfBytes(false, ByteOrder.LITTLE_ENDIAN, ElfFile.EM_X86_64);
        e.section(".text", e.blob(new byte[8], 0x401000));
        var v = BuildVerifier.verify(WANT, Optional.of(ElfFile.parse(ByteBuffer.wrap(e.build()), "b")), info());
        assertThat(v.problems()).containsExactly("ELF is 32-bit, expected 64-bit for GOARCH=amd64");
    }

    @Test
    void withCgoADynamicBinaryIsFineAndNonElfSystemsSkipTheElfCheck() {
        var cgo = new BuildVerifier.Expectation(BuildTarget.parse("linux/amd64"), true, true, "go1.19.8", "example.com/hello");
        assertThat(BuildVerifier.verify(cgo, Optional.of(elf(62, true)), info("CGO_ENABLED", "1", "GOAMD64", "v1")).problems()).isEmpty();
        var win = new BuildVerifier.Expectation(BuildTarget.parse("windows/amd64"), false, true, "go1.19.8", "example.com/hello");
        assertThat(BuildVerifier.producesElf(win.target())).isFalse();
        var v = BuildVerifier.verify(win, Optional.empty(), info("GOOS", "windows", "GOAMD64", "v1"));
        assertThat(v.problems()).isEmpty();
        assertThat(v.elfCheck()).isEqualTo("n/a (not ELF)");
    }
}
