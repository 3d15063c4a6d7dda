package dev.golive.binfmt;

import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElfFileTest {

    @Test
    void aStaticLittleEndian64BitFileShowsItsMachineAndSections() {
        ElfBytes e = ElfBytes.amd64();
        int text = e.blob(new byte[] {1, 2, 3, 4}, 0x401000);
        e.section(".text", text).segment(ElfFile.PT_LOAD, 5, text);
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(e.build()), "hello");

        assertThat(elf.is64Bit()).isTrue();
        assertThat(elf.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(elf.machine()).isEqualTo(62);
        assertThat(elf.sections()).extracting(ElfFile.Section::name).containsExactly("", ".text", ".shstrtab");
        assertThat(elf.isStatic()).isTrue();
        assertThat(elf.readVirtual(0x401002, 2).map(b -> b.get(0))).contains((byte) 3);
    }

    @Test
    void aFileWithALoaderIsDynamicAndNamesIt() {
        ElfBytes e = new ElfBytes(false, ByteOrder.BIG_ENDIAN, ElfFile.EM_PPC64);
        int interp = e.blob("/lib/ld.so.1\0".getBytes(StandardCharsets.US_ASCII), 0x10000154);
        e.section(".interp", interp).segment(ElfFile.PT_INTERP, 4, interp);
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(e.build()), "svc");

        assertThat(elf.is64Bit()).isFalse();
        assertThat(elf.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(elf.machine()).isEqualTo(21);
        assertThat(elf.isStatic()).isFalse();
        assertThat(elf.interpreter()).contains("/lib/ld.so.1");
    }

    @Test
    void aDynamicSegmentAloneMakesItDynamic() {
        ElfBytes e = ElfBytes.amd64();
        int dyn = e.blob(new byte[16], 0x500000);
        e.segment(ElfFile.PT_DYNAMIC, 6, dyn);
        assertThat(ElfFile.parse(ByteBuffer.wrap(e.build()), "x").isStatic()).isFalse();
    }

    @Test
    void withoutSectionHeadersOnlySegmentsRemain() {
        ElfBytes e = ElfBytes.amd64().withoutSectionHeaders();
        e.segment(ElfFile.PT_LOAD, 6, e.blob(new byte[32], 0x600000));
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(e.build()), "stripped");
        assertThat(elf.sections()).isEmpty();
        assertThat(elf.firstWritableLoad()).isPresent();
    }

    static Stream<Arguments> badInput() {
        byte[] good = goodElf();
        return Stream.of(
                Arguments.of("empty file", new byte[0], "x: not an ELF file (no \\x7fELF magic)"),
                Arguments.of("a shell script", "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII), "x: not an ELF file (no \\x7fELF magic)"),
                Arguments.of("magic only", new byte[] {0x7f, 'E', 'L', 'F'}, "x: truncated ELF header (4 bytes)"),
                Arguments.of("bad class", patch(good, 4, 3), "x: bad ELF class 3 (expected 1 for 32-bit or 2 for 64-bit)"),
                Arguments.of("bad data encoding", patch(good, 5, 0), "x: bad ELF data encoding 0 (expected 1 little or 2 big endian)"),
                Arguments.of("header cut short", Arrays.copyOf(good, 40), "x: truncated ELF header (40 of 64 bytes)"),
                Arguments.of("section table cut off", Arrays.copyOf(good, good.length - 10),
                        "x: truncated ELF: section header table (0x" + Long.toHexString(good.length - 4 * 64) + "+256 bytes) lies beyond the end of the file (" + (good.length - 10) + " bytes)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsOneLineNamingTheFile(String what, byte[] bytes, String message) {
        assertThatThrownBy(() -> ElfFile.parse(ByteBuffer.wrap(bytes), "x"))
                .isInstanceOfSatisfying(GoliveException.class, g -> assertThat(g.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage(message);
    }

    @Test
    void everyTruncationOfARealLayoutFailsCleanly() {
        byte[] good = goodElf();
        for (int n = 0; n < good.length; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            try {
                ElfFile.parse(ByteBuffer.wrap(cut), "cut");
            } catch (GoliveException expected) {
                assertThat(expected.getMessage()).startsWith("cut: ").doesNotContain("\n");
            }
        }
    }

    private static byte[] goodElf() {
        ElfBytes e = ElfBytes.amd64();
        int a = e.blob(new byte[] {9, 9, 9, 9}, 0x401000);
        int b = e.blob(new byte[24], 0x500000);
        return e.section(".text", a).section(".data", b).segment(ElfFile.PT_LOAD, 5, a).build();
    }

    private static byte[] patch(byte[] b, int at, int value) {
        byte[] c = b.clone();
        c[at] = (byte) value;
        return c;
    }
}
