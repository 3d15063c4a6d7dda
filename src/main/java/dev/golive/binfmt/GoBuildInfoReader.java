package dev.golive.binfmt;

import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoliveException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a Go binary's build info without running Go, as {@code debug/buildinfo} does.
 *
 * <p>The linker writes a 32-byte header, 16-byte aligned, at the start of
 * {@code .go.buildinfo}: the magic {@code "\xff Go buildinf:"} (14 bytes), the pointer size
 * (1 byte), flags (bit 0x1 big endian, bit 0x2 strings inline). Since Go 1.18 the strings
 * follow inline, each a uvarint length and bytes: the Go version, then the module info.
 * Before 1.18 the header holds two pointers to Go string headers ({@code ptr, len}) that we
 * follow through the ELF program segments. The module info is wrapped in two 16-byte
 * sentinels that are not part of the text.
 *
 * <p>When the section table is stripped, the header is found by scanning for the magic.
 */
public final class GoBuildInfoReader {

    private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final int HEADER = 32, ALIGN = 16;
    private static final int FLAG_BIG_ENDIAN = 0x1, FLAG_INLINE = 0x2;
    /** No real version or module text comes near this; a larger length means a corrupt file. */
    private static final long MAX_STRING = 16L * 1024 * 1024;

    private GoBuildInfoReader() { }

    /** The build info as golive's model holds it. */
    public static GoBuildInfo read(ByteBuffer binary, String displayName) {
        return readModInfo(binary, displayName).toGoBuildInfo();
    }

    public static GoBuildInfo read(byte[] binary, String displayName) {
        return read(ByteBuffer.wrap(binary), displayName);
    }

    /** Everything the binary carries, dependencies included. */
    public static ModInfo readModInfo(ByteBuffer binary, String displayName) {
        ByteBuffer all = binary.duplicate();
        all.position(0);
        ElfFile elf = ElfFile.looksLikeElf(all) ? ElfFile.parse(all, displayName) : null;

        Optional<ByteBuffer> header = Optional.empty();
        if (elf != null) {
            // Where Go looks: the section, else the start of the first writable segment.
            header = elf.section(".go.buildinfo").flatMap(elf::sectionData).flatMap(GoBuildInfoReader::findAligned);
            if (header.isEmpty()) {
                header = elf.firstWritableLoad()
                        .flatMap(p -> elf.fileSlice(p.offset(), Math.min(p.filesz(), 64 * 1024)))
                        .flatMap(GoBuildInfoReader::findAligned);
            }
        }
        if (header.isEmpty()) header = findAligned(all);
        if (header.isEmpty()) {
            throw GoliveException.badInput(displayName + ": no Go build info (not a Go binary, or built by Go before 1.13)");
        }
        ByteBuffer h = header.get();
        int ptrSize = Byte.toUnsignedInt(h.get(14));
        int flags = Byte.toUnsignedInt(h.get(15));
        byte[] version, mod;
        if ((flags & FLAG_INLINE) != 0) {
            int[] pos = {HEADER};
            version = inlineString(h, pos, displayName, "Go version");
            mod = inlineString(h, pos, displayName, "module info");
        } else {
            if (ptrSize != 4 && ptrSize != 8) throw bad(displayName, "build info pointer size " + ptrSize + " (expected 4 or 8)");
            if (elf == null) throw bad(displayName, "pre-Go 1.18 build info needs the ELF program headers to follow pointers");
            h.order((flags & FLAG_BIG_ENDIAN) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            long vAddr = pointer(h, 16, ptrSize);
            long mAddr = pointer(h, 16 + ptrSize, ptrSize);
            version = stringAt(elf, vAddr, ptrSize, h.order(), displayName, "Go version");
            mod = stringAt(elf, mAddr, ptrSize, h.order(), displayName, "module info");
        }
        if (version.length == 0) throw bad(displayName, "build info has no Go version");
        return ModInfo.parse(utf8(version), utf8(stripSentinels(mod)), displayName);
    }

    /**
     * cmd/go wraps module info in 16 bytes on each side and the text ends with a newline;
     * like debug/buildinfo, anything else counts as no module info. Bytes, not chars: the
     * sentinels are not UTF-8.
     */
    static byte[] stripSentinels(byte[] mod) {
        if (mod.length >= 33 && mod[mod.length - 17] == '\n') return Arrays.copyOfRange(mod, 16, mod.length - 16);
        return new byte[0];
    }

    private static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }

    /** The 32-byte header (with what follows) at a 16-byte aligned offset of {@code data}. */
    private static Optional<ByteBuffer> findAligned(ByteBuffer data) {
        int n = data.limit();
        outer:
        for (int i = 0; i + HEADER <= n; i += ALIGN) {
            for (int k = 0; k < MAGIC.length; k++) {
                if (data.get(i + k) != MAGIC[k]) continue outer;
            }
            return Optional.of(data.slice(i, n - i));
        }
        return Optional.empty();
    }

    private static byte[] inlineString(ByteBuffer h, int[] pos, String name, String what) {
        long len = 0;
        int shift = 0;
        while (true) {
            if (pos[0] >= h.limit()) throw bad(name, "truncated build info (" + what + " length)");
            int b = Byte.toUnsignedInt(h.get(pos[0]++));
            if (shift >= 63) throw bad(name, "bad varint length of " + what);
            len |= (long) (b & 0x7f) << shift;
            if (b < 0x80) break;
            shift += 7;
        }
        if (len > MAX_STRING || len > h.limit() - pos[0]) throw bad(name, "truncated build info (" + what + " of " + len + " bytes)");
        byte[] s = new byte[(int) len];
        h.get(pos[0], s);
        pos[0] += (int) len;
        return s;
    }

    private static long pointer(ByteBuffer b, int off, int size) {
        if (off + size > b.limit()) return -1;
        return size == 8 ? b.getLong(off) : Integer.toUnsignedLong(b.getInt(off));
    }

    private static byte[] stringAt(ElfFile elf, long addr, int ptrSize, ByteOrder order, String name, String what) {
        ByteBuffer hdr = elf.readVirtual(addr, 2L * ptrSize)
                .filter(x -> x.remaining() >= 2 * ptrSize)
                .orElseThrow(() -> bad(name, what + " string header at 0x" + Long.toHexString(addr) + " is not in any segment"));
        hdr.order(order);
        long data = pointer(hdr, 0, ptrSize), len = pointer(hdr, ptrSize, ptrSize);
        if (len < 0 || len > MAX_STRING) throw bad(name, what + " length " + len + " is not plausible");
        if (len == 0) return new byte[0];
        ByteBuffer s = elf.readVirtual(data, len)
                .filter(x -> x.remaining() == len)
                .orElseThrow(() -> bad(name, what + " bytes at 0x" + Long.toHexString(data) + " are not in the file"));
        byte[] bytes = new byte[(int) len];
        s.get(0, bytes);
        return bytes;
    }

    private static GoliveException bad(String name, String what) {
        return GoliveException.badInput(name + ": " + what);
    }
}
