package dev.golive.binfmt;

import dev.golive.model.ExitCode;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Build info in hand-made binaries, for the layouts the installed Go cannot produce; real
 * binaries are checked against `go version -m` in GoBuilderIT.
 */
class GoBuildInfoReaderTest {

    static final String MOD = "path\texample.com/hello\n"
            + "mod\texample.com/hello\t(devel)\t\n"
            + "dep\tgolang.org/x/sys\tv0.5.0\th1:abc=\n"
            + "=>\t../sys\t(devel)\t\n"
            + "build\t-compiler=gc\n"
            + "build\t-ldflags=\"-s -w -X main.version=1.2.3\"\n"
            + "build\t-trimpath=true\n"
            + "build\tCGO_ENABLED=0\n"
            + "build\tGOARCH=amd64\n"
            + "build\tGOOS=linux\n"
            + "build\tGOAMD64=v3\n"
            + "build\tDefaultGODEBUG=\"panicnil=1,containermaxprocs=0\"\n"
            + "build\tvcs.revision=0123abcd\n";

    /** cmd/go's sentinels: 16 bytes either side of the text. */
    static String withSentinels(String text) {
        // cmd/go/internal/modload: infoStart = 3077af0c9274080241e1c107e6d618e6, infoEnd = f932433186182072008242104116d8f2
        String s1 = "0w\u00af\f\u0092t\b\u0002A\u00e1\u00c1\u0007\u00e6\u00d6\u0018\u00e6";
        String s2 = "\u00f92C1\u0086\u0018 r\u0000\u0082B\u0010A\u0016\u00d8\u00f2";
        return s1 + text + s2;
    }

    @Test
    void readsTheGo118InlineFormatFromTheSection() {
        ElfBytes e = ElfBytes.amd64();
        int bi = e.blob(inline("go1.21.5", withSentinels(MOD)), 0x6a0000);
        e.section(".go.buildinfo", bi).segment(ElfFile.PT_LOAD, 6, bi);
        GoBuildInfo info = GoBuildInfoReader.read(e.build(), "hello");

        assertThat(info.goVersion()).isEqualTo("go1.21.5");
        assertThat(info.mainPath()).isEqualTo("example.com/hello");
        assertThat(info.mainModule()).isEqualTo("example.com/hello");
        assertThat(info.settings()).containsExactly(
                entry("-compiler", "gc"), entry("-ldflags", "-s -w -X main.version=1.2.3"), entry("-trimpath", "true"),
                entry("CGO_ENABLED", "0"), entry("GOARCH", "amd64"), entry("GOOS", "linux"), entry("GOAMD64", "v3"),
                entry("DefaultGODEBUG", "panicnil=1,containermaxprocs=0"), entry("vcs.revision", "0123abcd"));
        assertThat(info.defaultGodebug()).containsEntry("containermaxprocs", "0");
    }

    @Test
    void keepsDependenciesAndTheirReplacements() {
        ElfBytes e = ElfBytes.amd64();
        e.section(".go.buildinfo", e.blob(inline("go1.21.5", withSentinels(MOD)), 0x6a0000));
        ModInfo m = GoBuildInfoReader.readModInfo(ByteBuffer.wrap(e.build()), "hello");
        assertThat(m.main().map(ModInfo.Module::describe)).contains("example.com/hello@(devel)");
        assertThat(m.deps()).extracting(ModInfo.Module::describe).containsExactly("golang.org/x/sys@v0.5.0 => ../sys@(devel)");
        assertThat(m.deps().get(0).sum()).isEqualTo("h1:abc=");
    }

    @Test
    void findsTheHeaderByItsMagicWhenSectionHeadersAreStripped() {
        ElfBytes e = ElfBytes.amd64().withoutSectionHeaders();
        e.segment(ElfFile.PT_LOAD, 5, e.blob(new byte[100], 0x400000));
        e.segment(ElfFile.PT_LOAD, 6, e.blob(inline("go1.22.0", withSentinels(MOD)), 0x6a0000));
        assertThat(GoBuildInfoReader.read(e.build(), "stripped").goVersion()).isEqualTo("go1.22.0");
    }

    @Test
    void findsTheMagicInANonElfFile() {
        // Mach-O and PE binaries carry the same header; the scan does not need ELF.
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe});
        b.writeBytes(new byte[28]);
        b.writeBytes(inline("go1.20.1", withSentinels(MOD)));
        assertThat(GoBuildInfoReader.read(b.toByteArray(), "hello.macho").goVersion()).isEqualTo("go1.20.1");
    }

    @Test
    void followsPointersInThePre118FormatLittleEndian64() {
        byte[] bytes = pointerFormat(true, ByteOrder.LITTLE_ENDIAN, "go1.16.15", withSentinels(MOD));
        GoBuildInfo info = GoBuildInfoReader.read(bytes, "old");
        assertThat(info.goVersion()).isEqualTo("go1.16.15");
        assertThat(info.mainPath()).isEqualTo("example.com/hello");
        assertThat(info.setting("GOAMD64")).contains("v3");
    }

    @Test
    void followsPointersInThePre118FormatBigEndian32() {
        byte[] bytes = pointerFormat(false, ByteOrder.BIG_ENDIAN, "go1.17.13", withSentinels("path\tx/y\nmod\tx/y\t(devel)\t\n"));
        GoBuildInfo info = GoBuildInfoReader.read(bytes, "old-ppc");
        assertThat(info.goVersion()).isEqualTo("go1.17.13");
        assertThat(info.mainModule()).isEqualTo("x/y");
        assertThat(info.settings()).isEmpty();
    }

    @Test
    void modInfoWithoutSentinelsIsTreatedAsEmptyLikeGoDoes() {
        assertThat(GoBuildInfoReader.stripSentinels(latin1("path\tx\n"))).isEmpty();
        assertThat(GoBuildInfoReader.stripSentinels(latin1(withSentinels(MOD)))).isEqualTo(latin1(MOD));
    }

    @Test
    void aBinaryWithoutBuildInfoIsOneLine() {
        ElfBytes e = ElfBytes.amd64();
        e.section(".text", e.blob(new byte[64], 0x401000));
        assertThatThrownBy(() -> GoBuildInfoReader.read(e.build(), "/usr/bin/true"))
                .isInstanceOfSatisfying(GoliveException.class, g -> assertThat(g.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage("/usr/bin/true: no Go build info (not a Go binary, or built by Go before 1.13)");
    }

    @Test
    void aTruncatedInlineStringIsOneLine() {
        byte[] full = inline("go1.21.5", withSentinels(MOD));
        ElfBytes e = ElfBytes.amd64();
        e.section(".go.buildinfo", e.blob(Arrays.copyOf(full, 60), 0x6a0000));
        assertThatThrownBy(() -> GoBuildInfoReader.read(e.build(), "cut"))
                .isInstanceOf(GoliveException.class)
                .hasMessageStartingWith("cut: truncated build info (module info of ");
    }

    @Test
    void quotedKeysAndEscapesFollowGoRules() {
        ModInfo m = ModInfo.parse("go1.21.0",
                "build\t\"we ird\"=\"a\\tb\\x41\\u00e9\\\"q\\\"\"\nbuild\tplain=x=y\nbuild\traw=`r\\n`\n", "t");
        assertThat(m.settings()).containsExactly(entry("we ird", "a\tbAé\"q\""), entry("plain", "x=y"), entry("raw", "r\\n"));
        assertThatThrownBy(() -> ModInfo.parse("go1.21.0", "build\t=x\n", "t")).hasMessage("t: build info line 1: build line with missing key");
        assertThatThrownBy(() -> ModInfo.parse("go1.21.0", "build\tnoequals\n", "t")).hasMessage("t: build info line 1: build line missing '='");
    }

    // --- helpers writing the formats exactly as Go's linker does ---

    static byte[] inline(String version, String mod) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(header(8, 0x2));
        b.writeBytes(new byte[16]);
        writeString(b, version);
        writeString(b, mod);
        return b.toByteArray();
    }

    private static byte[] header(int ptrSize, int flags) {
        byte[] h = new byte[16];
        byte[] magic = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(magic, 0, h, 0, magic.length);
        h[14] = (byte) ptrSize;
        h[15] = (byte) flags;
        return h;
    }

    private static void writeString(ByteArrayOutputStream b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        long n = bytes.length;
        while (n >= 0x80) {
            b.write((int) (n & 0x7f) | 0x80);
            n >>>= 7;
        }
        b.write((int) n);
        b.writeBytes(bytes);
    }

    /** .go.buildinfo with two pointers to string headers in .data, which point into .rodata. */
    static byte[] pointerFormat(boolean is64, ByteOrder order, String version, String mod) {
        int ptr = is64 ? 8 : 4;
        long rodataAddr = 0x480000, dataAddr = 0x5a0000, biAddr = 0x5b0000;
        byte[] v = version.getBytes(StandardCharsets.ISO_8859_1), m = mod.getBytes(StandardCharsets.ISO_8859_1);
        byte[] rodata = new byte[v.length + m.length];
        System.arraycopy(v, 0, rodata, 0, v.length);
        System.arraycopy(m, 0, rodata, v.length, m.length);
        ByteBuffer data = ByteBuffer.allocate(4 * ptr).order(order);
        putPtr(data, 0, ptr, rodataAddr);
        putPtr(data, ptr, ptr, v.length);
        putPtr(data, 2 * ptr, ptr, rodataAddr + v.length);
        putPtr(data, 3 * ptr, ptr, m.length);
        ByteBuffer bi = ByteBuffer.allocate(32).order(order);
        bi.put(header(ptr, order == ByteOrder.BIG_ENDIAN ? 0x1 : 0x0));
        putPtr(bi, 16, ptr, dataAddr);
        putPtr(bi, 16 + ptr, ptr, dataAddr + 2L * ptr);

        ElfBytes e = new ElfBytes(is64, order, is64 ? ElfFile.EM_X86_64 : ElfFile.EM_PPC64);
        int r = e.blob(rodata, rodataAddr), d = e.blob(data.array(), dataAddr), b = e.blob(bi.array(), biAddr);
        return e.section(".rodata", r).section(".data", d).section(".go.buildinfo", b)
                .segment(ElfFile.PT_LOAD, 4, r).segment(ElfFile.PT_LOAD, 6, d).segment(ElfFile.PT_LOAD, 6, b)
                .build();
    }

    private static void putPtr(ByteBuffer b, int at, int size, long v) {
        if (size == 8) b.putLong(at, v);
        else b.putInt(at, (int) v);
    }

    private static byte[] latin1(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    private static java.util.Map.Entry<String, String> entry(String k, String v) { return java.util.Map.entry(k, v); }
}
