package dev.golive.binfmt;

import dev.golive.model.Printable;

import dev.golive.model.GoliveException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of an ELF file golive checks after a build: class, byte order, machine, program
 * headers (PT_INTERP / PT_DYNAMIC tell static from dynamic) and named sections. Reads from a
 * buffer by offset and never copies section contents, so a 200 MB binary costs only the
 * pages touched. Anything that is not a well-formed ELF is a one-line BAD_INPUT naming the
 * file, never an exception with a stack trace.
 */
public final class ElfFile {

    public static final int PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3;
    public static final int SHT_NOBITS = 8;
    public static final int PF_W = 2;
    private static final int SHN_XINDEX = 0xffff, PN_XNUM = 0xffff;

    /** e_machine values golive names (DOMAIN.md "Go build targets"). */
    public static final int EM_386 = 3, EM_MIPS = 8, EM_PPC64 = 21, EM_S390 = 22, EM_ARM = 40,
            EM_X86_64 = 62, EM_AARCH64 = 183, EM_RISCV = 243, EM_LOONGARCH = 258;

    public record ProgramHeader(int type, int flags, long offset, long vaddr, long filesz, long memsz) { }

    public record Section(String name, int type, long flags, long addr, long offset, long size) {
        public boolean hasFileData() { return type != SHT_NOBITS; }
    }

    private final String name;
    private final ByteBuffer data;
    private final boolean is64;
    private final ByteOrder order;
    private final int type;
    private final int machine;
    private final List<ProgramHeader> programs;
    private final List<Section> sections;

    private ElfFile(String name, ByteBuffer data, boolean is64, ByteOrder order, int type, int machine,
                    List<ProgramHeader> programs, List<Section> sections) {
        this.name = name;
        this.data = data;
        this.is64 = is64;
        this.order = order;
        this.type = type;
        this.machine = machine;
        this.programs = List.copyOf(programs);
        this.sections = List.copyOf(sections);
    }

    /** True when the buffer starts with the ELF magic (cheap test before {@link #parse}). */
    public static boolean looksLikeElf(ByteBuffer b) {
        return b.limit() >= 4 && b.get(0) == 0x7f && b.get(1) == 'E' && b.get(2) == 'L' && b.get(3) == 'F';
    }

    public static ElfFile parse(ByteBuffer input, String displayName) {
        return new Reader(input, displayName).parse();
    }

    public String displayName() { return name; }
    public boolean is64Bit() { return is64; }
    public ByteOrder byteOrder() { return order; }
    /** e_type: 2 executable, 3 shared object (also PIE). */
    public int type() { return type; }
    public int machine() { return machine; }
    public List<ProgramHeader> programHeaders() { return programs; }
    public List<Section> sections() { return sections; }

    public Optional<Section> section(String sectionName) {
        return sections.stream().filter(s -> s.name().equals(sectionName)).findFirst();
    }

    /** Needs a dynamic loader: a PT_INTERP header or an .interp section. */
    public boolean hasInterpreter() {
        return programs.stream().anyMatch(p -> p.type() == PT_INTERP) || section(".interp").isPresent();
    }

    public boolean hasDynamicSegment() { return programs.stream().anyMatch(p -> p.type() == PT_DYNAMIC); }

    /** Statically linked: no loader and nothing for one to do. */
    public boolean isStatic() { return !hasInterpreter() && !hasDynamicSegment(); }

    /** The loader path from PT_INTERP (e.g. /lib64/ld-linux-x86-64.so.2), if any. */
    public Optional<String> interpreter() {
        for (ProgramHeader p : programs) {
            if (p.type() == PT_INTERP) {
                return fileSlice(p.offset(), p.filesz()).map(b -> {
                    byte[] s = new byte[b.remaining()];
                    b.get(s);
                    int n = 0;
                    while (n < s.length && s[n] != 0) n++;
                    return new String(s, 0, n, StandardCharsets.ISO_8859_1);
                });
            }
        }
        return Optional.empty();
    }

    /** A section's bytes as a view of the file (no copy), or empty when it has none in the file. */
    public Optional<ByteBuffer> sectionData(Section s) {
        return s.hasFileData() ? fileSlice(s.offset(), s.size()) : Optional.empty();
    }

    /**
     * Up to {@code len} bytes at a virtual address, from the PT_LOAD segment (or, when
     * program headers are missing, the allocated section) that maps it; the way Go's own
     * debug/buildinfo follows pointers in the pre-1.18 build info format.
     */
    public Optional<ByteBuffer> readVirtual(long addr, long len) {
        for (ProgramHeader p : programs) {
            if (p.type() == PT_LOAD && Long.compareUnsigned(addr, p.vaddr()) >= 0
                    && addr - p.vaddr() < p.filesz()) {
                long off = addr - p.vaddr();
                return fileSlice(p.offset() + off, Math.min(len, p.filesz() - off));
            }
        }
        for (Section s : sections) {
            if (s.hasFileData() && s.addr() != 0 && Long.compareUnsigned(addr, s.addr()) >= 0
                    && addr - s.addr() < s.size()) {
                long off = addr - s.addr();
                return fileSlice(s.offset() + off, Math.min(len, s.size() - off));
            }
        }
        return Optional.empty();
    }

    /** The first writable loaded segment: where Go's linker puts data when sections are gone. */
    public Optional<ProgramHeader> firstWritableLoad() {
        return programs.stream().filter(p -> p.type() == PT_LOAD && (p.flags() & PF_W) != 0).findFirst();
    }

    public Optional<ByteBuffer> fileSlice(long offset, long len) {
        if (offset < 0 || len < 0 || offset > data.limit() || len > data.limit() - offset) return Optional.empty();
        return Optional.of(data.slice((int) offset, (int) len).order(order));
    }

    /** Human name of a machine number, e.g. 62 → "x86-64 (62)". */
    public static String machineName(int m) {
        String n = switch (m) {
            case EM_386 -> "i386";
            case EM_MIPS -> "mips";
            case EM_PPC64 -> "ppc64";
            case EM_S390 -> "s390";
            case EM_ARM -> "arm";
            case EM_X86_64 -> "x86-64";
            case EM_AARCH64 -> "aarch64";
            case EM_RISCV -> "riscv";
            case EM_LOONGARCH -> "loongarch";
            default -> "machine";
        };
        return n + " (" + m + ")";
    }


    /** The parsing, kept apart so every bounds failure becomes one message naming the file. */
    private static final class Reader {
        private final ByteBuffer b;
        private final String name;
        private boolean is64;

        Reader(ByteBuffer input, String name) {
            this.b = input.duplicate();
            this.b.position(0);
            this.name = name;
        }

        private GoliveException bad(String what) {
            return GoliveException.badInput(name + ": " + what);
        }

        ElfFile parse() {
            if (!looksLikeElf(b)) throw bad("not an ELF file (no \\x7fELF magic)");
            if (b.limit() < 16) throw bad("truncated ELF header (" + b.limit() + " bytes)");
            int cls = b.get(4), dat = b.get(5);
            if (cls != 1 && cls != 2) throw bad("bad ELF class " + cls + " (expected 1 for 32-bit or 2 for 64-bit)");
            if (dat != 1 && dat != 2) throw bad("bad ELF data encoding " + dat + " (expected 1 little or 2 big endian)");
            is64 = cls == 2;
            ByteOrder order = dat == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            b.order(order);
            int ehsize = is64 ? 64 : 52;
            if (b.limit() < ehsize) throw bad("truncated ELF header (" + b.limit() + " of " + ehsize + " bytes)");
            int type = u16(16), machine = u16(18);
            long phoff = is64 ? b.getLong(32) : u32(28);
            long shoff = is64 ? b.getLong(40) : u32(32);
            int phentsize = u16(is64 ? 54 : 42), phnum = u16(is64 ? 56 : 44);
            int shentsize = u16(is64 ? 58 : 46), shnum = u16(is64 ? 60 : 48), shstrndx = u16(is64 ? 62 : 50);

            // Very large counts live in section 0 (ELF extended numbering).
            long realShnum = shnum, realShstrndx = shstrndx, realPhnum = phnum;
            if (shoff != 0 && (shnum == 0 || shstrndx == SHN_XINDEX || phnum == PN_XNUM)) {
                int minSh = is64 ? 64 : 40;
                if (shentsize < minSh) throw bad("section header entry size " + shentsize + " is too small");
                checkRange(shoff, shentsize, "section header 0");
                if (shnum == 0) realShnum = is64 ? b.getLong((int) shoff + 32) : u32((int) shoff + 20);
                if (shstrndx == SHN_XINDEX) realShstrndx = u32((int) shoff + 24 + (is64 ? 16 : 0));
                if (phnum == PN_XNUM) realPhnum = u32((int) shoff + 28 + (is64 ? 16 : 0));
            }

            List<ProgramHeader> progs = new ArrayList<>();
            if (realPhnum > 0) {
                int min = is64 ? 56 : 32;
                if (phentsize < min) throw bad("program header entry size " + phentsize + " is too small (need " + min + ")");
                checkTable(phoff, realPhnum, phentsize, "program header table");
                for (long i = 0; i < realPhnum; i++) {
                    int o = (int) (phoff + i * phentsize);
                    progs.add(is64
                            ? new ProgramHeader(b.getInt(o), b.getInt(o + 4), b.getLong(o + 8), b.getLong(o + 16), b.getLong(o + 32), b.getLong(o + 40))
                            : new ProgramHeader(b.getInt(o), b.getInt(o + 24), u32(o + 4), u32(o + 8), u32(o + 16), u32(o + 20)));
                }
            }

            List<Section> secs = new ArrayList<>();
            if (shoff != 0 && realShnum > 0) {
                int min = is64 ? 64 : 40;
                if (shentsize < min) throw bad("section header entry size " + shentsize + " is too small (need " + min + ")");
                checkTable(shoff, realShnum, shentsize, "section header table");
                long[] nameOff = new long[(int) realShnum];
                List<long[]> raw = new ArrayList<>();
                for (int i = 0; i < realShnum; i++) {
                    int o = (int) (shoff + (long) i * shentsize);
                    nameOff[i] = u32(o);
                    raw.add(is64
                            ? new long[] {u32(o + 4), b.getLong(o + 8), b.getLong(o + 16), b.getLong(o + 24), b.getLong(o + 32)}
                            : new long[] {u32(o + 4), u32(o + 8), u32(o + 12), u32(o + 16), u32(o + 20)});
                }
                long strOff = -1, strSize = 0;
                if (realShstrndx > 0 && realShstrndx < realShnum) {
                    long[] s = raw.get((int) realShstrndx);
                    if (s[0] != SHT_NOBITS) {
                        strOff = s[3];
                        strSize = s[4];
                        checkRange(strOff, strSize, "section name table");
                    }
                }
                for (int i = 0; i < realShnum; i++) {
                    long[] s = raw.get(i);
                    String sn = strOff < 0 ? "" : cString(strOff, strSize, nameOff[i]);
                    if (s[0] != SHT_NOBITS && i > 0) checkRange(s[3], s[4], "section " + (sn.isEmpty() ? "#" + i : Printable.clip(sn, 40)));
                    secs.add(new Section(sn, (int) s[0], s[1], s[2], s[3], s[4]));
                }
            }
            for (ProgramHeader p : progs) {
                if (p.type() == PT_LOAD || p.type() == PT_INTERP) checkRange(p.offset(), p.filesz(), "segment at offset 0x" + Long.toHexString(p.offset()));
            }
            return new ElfFile(name, b, is64, order, type, machine, progs, secs);
        }

        private int u16(int off) { return Short.toUnsignedInt(b.getShort(off)); }

        private long u32(int off) { return Integer.toUnsignedLong(b.getInt(off)); }

        private void checkTable(long off, long count, int entsize, String what) {
            if (count > (1 << 20)) throw bad(what + ": " + count + " entries is not plausible");
            checkRange(off, count * entsize, what);
        }

        private void checkRange(long off, long len, String what) {
            long size = b.limit();
            if (off < 0 || len < 0 || off > size || len > size - off) {
                throw bad("truncated ELF: " + what + " (0x" + Long.toHexString(off) + "+" + len
                        + " bytes) lies beyond the end of the file (" + size + " bytes)");
            }
        }

        private String cString(long tableOff, long tableSize, long at) {
            if (at >= tableSize) return "";
            int start = (int) (tableOff + at), end = start;
            int max = (int) (tableOff + tableSize);
            while (end < max && b.get(end) != 0) end++;
            byte[] s = new byte[end - start];
            b.get(start, s);
            return new String(s, StandardCharsets.ISO_8859_1);
        }
    }
}
