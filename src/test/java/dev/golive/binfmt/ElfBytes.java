package dev.golive.binfmt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small but well-formed ELF files for parser tests: 32 or 64 bit, either byte order,
 * with named sections and program headers that map them. Real binaries are tested too
 * (GoBuilderIT); these cover layouts Go 1.19 cannot produce (pre-1.18 build info, big endian).
 */
public final class ElfBytes {

    private record Blob(byte[] data, long vaddr) { }
    private record Sec(String name, int type, int blob) { }
    private record Prog(int type, int flags, int blob) { }

    private final boolean is64;
    private final ByteOrder order;
    private final int machine;
    private final List<Blob> blobs = new ArrayList<>();
    private final List<Sec> secs = new ArrayList<>();
    private final List<Prog> progs = new ArrayList<>();
    private boolean withSections = true;

    public ElfBytes(boolean is64, ByteOrder order, int machine) {
        this.is64 = is64;
        this.order = order;
        this.machine = machine;
    }

    public static ElfBytes amd64() { return new ElfBytes(true, ByteOrder.LITTLE_ENDIAN, ElfFile.EM_X86_64); }

    /** Adds data loaded at vaddr; returns its index for {@link #section} and {@link #segment}. */
    public int blob(byte[] data, long vaddr) {
        blobs.add(new Blob(data, vaddr));
        return blobs.size() - 1;
    }

    public ElfBytes section(String name, int blob) {
        secs.add(new Sec(name, 1, blob));
        return this;
    }

    public ElfBytes segment(int type, int flags, int blob) {
        progs.add(new Prog(type, flags, blob));
        return this;
    }

    /** Like `strip --strip-section-headers`: no section table at all. */
    public ElfBytes withoutSectionHeaders() {
        withSections = false;
        return this;
    }

    public byte[] build() {
        int ehsize = is64 ? 64 : 52, phent = is64 ? 56 : 32, shent = is64 ? 64 : 40;
        long phoff = ehsize;
        long pos = align(phoff + (long) phent * progs.size());
        long[] blobOff = new long[blobs.size()];
        for (int i = 0; i < blobs.size(); i++) {
            blobOff[i] = pos;
            pos = align(pos + blobs.get(i).data().length);
        }
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        names.write(0);
        int[] nameOff = new int[secs.size() + 1];
        for (int i = 0; i < secs.size(); i++) {
            nameOff[i] = names.size();
            names.writeBytes(secs.get(i).name().getBytes(StandardCharsets.ISO_8859_1));
            names.write(0);
        }
        nameOff[secs.size()] = names.size();
        names.writeBytes(".shstrtab\0".getBytes(StandardCharsets.ISO_8859_1));
        long strOff = pos;
        pos = align(pos + names.size());
        long shoff = pos;
        int shnum = withSections ? secs.size() + 2 : 0;
        long total = shoff + (long) shent * shnum;

        ByteBuffer b = ByteBuffer.allocate((int) total).order(order);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2), 1});
        b.putShort(16, (short) 2);
        b.putShort(18, (short) machine);
        b.putInt(20, 1);
        if (is64) {
            b.putLong(32, phoff);
            b.putLong(40, withSections ? shoff : 0);
            b.putShort(52, (short) ehsize);
            b.putShort(54, (short) phent);
            b.putShort(56, (short) progs.size());
            b.putShort(58, (short) shent);
            b.putShort(60, (short) shnum);
            b.putShort(62, (short) (withSections ? secs.size() + 1 : 0));
        } else {
            b.putInt(28, (int) phoff);
            b.putInt(32, withSections ? (int) shoff : 0);
            b.putShort(40, (short) ehsize);
            b.putShort(42, (short) phent);
            b.putShort(44, (short) progs.size());
            b.putShort(46, (short) shent);
            b.putShort(48, (short) shnum);
            b.putShort(50, (short) (withSections ? secs.size() + 1 : 0));
        }
        for (int i = 0; i < progs.size(); i++) {
            Prog p = progs.get(i);
            int o = (int) (phoff + (long) i * phent);
            Blob bl = blobs.get(p.blob());
            long off = blobOff[p.blob()], len = bl.data().length;
            if (is64) {
                b.putInt(o, p.type()).putInt(o + 4, p.flags()).putLong(o + 8, off).putLong(o + 16, bl.vaddr())
                        .putLong(o + 24, bl.vaddr()).putLong(o + 32, len).putLong(o + 40, len).putLong(o + 48, 16);
            } else {
                b.putInt(o, p.type()).putInt(o + 4, (int) off).putInt(o + 8, (int) bl.vaddr()).putInt(o + 12, (int) bl.vaddr())
                        .putInt(o + 16, (int) len).putInt(o + 20, (int) len).putInt(o + 24, p.flags()).putInt(o + 28, 16);
            }
        }
        for (int i = 0; i < blobs.size(); i++) b.put((int) blobOff[i], blobs.get(i).data());
        b.put((int) strOff, names.toByteArray());
        if (withSections) {
            for (int i = 0; i <= secs.size(); i++) {
                int o = (int) (shoff + (long) (i + 1) * shent);
                boolean strtab = i == secs.size();
                int type = strtab ? 3 : secs.get(i).type();
                long addr = strtab ? 0 : blobs.get(secs.get(i).blob()).vaddr();
                long off = strtab ? strOff : blobOff[secs.get(i).blob()];
                long size = strtab ? names.size() : blobs.get(secs.get(i).blob()).data().length;
                if (is64) {
                    b.putInt(o, nameOff[i]).putInt(o + 4, type).putLong(o + 8, strtab ? 0 : 3)
                            .putLong(o + 16, addr).putLong(o + 24, off).putLong(o + 32, size);
                } else {
                    b.putInt(o, nameOff[i]).putInt(o + 4, type).putInt(o + 8, strtab ? 0 : 3)
                            .putInt(o + 12, (int) addr).putInt(o + 16, (int) off).putInt(o + 20, (int) size);
                }
            }
        }
        return b.array();
    }

    private static long align(long v) { return (v + 15) & ~15L; }
}
