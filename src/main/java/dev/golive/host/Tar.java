package dev.golive.host;

import dev.golive.model.GoliveException;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The small subset of tar golive needs for captures: regular files, directories and
 * symbolic links, ustar headers with pax "path"/"linkpath" records for long names.
 * Extraction refuses anything that could escape or harm the target directory: absolute
 * paths, "..", paths through links, links that resolve outside (on disk, through the links
 * already there: {@link TarTree}), hard links, device files, FIFOs, and archives past a size
 * bound. Each refusal is one line naming the archive and the entry (exit 2).
 */
public final class Tar {

    public static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;
    public static final int MAX_ENTRIES = 200_000;
    private static final int BLOCK = 512;

    private Tar() { }

    // ---------------------------------------------------------------- reading

    public static void extract(Path archive, Path target) {
        extract(archive, target, MAX_TOTAL_BYTES);
    }

    /** With a size bound of {@code maxTotalBytes} unpacked (tests use a small one). */
    static void extract(Path archive, Path target, long maxTotalBytes) {
        String name = archive.toString();
        try (InputStream raw = Files.newInputStream(archive);
             InputStream in = new GZIPInputStream(raw, 64 * 1024)) {
            unpack(name, in, target, maxTotalBytes);
        } catch (IOException e) {
            throw refusal(name, e);
        }
    }

    /**
     * Unpacks a tar stream (already uncompressed) into {@code target} under {@link TarTree}'s
     * rules. Whatever the bytes, this returns or throws a one-line GoliveException (exit 2):
     * the fuzz target holds it to that.
     */
    static void unpack(String name, InputStream tar, Path target, long maxTotalBytes) {
        try {
            read(name, tar, target, maxTotalBytes);
        } catch (IOException e) {
            throw refusal(name, e);
        } catch (GoliveException e) {
            String line = oneLine(e.getMessage());
            throw line.equals(e.getMessage()) ? e : GoliveException.badInput(line);
        }
    }

    private static GoliveException refusal(String name, IOException e) {
        if (e instanceof java.util.zip.ZipException) {
            return GoliveException.badInput(oneLine(name + ": not a gzip-compressed tar archive (" + e.getMessage() + ")"));
        }
        if (e instanceof EOFException) return GoliveException.badInput(oneLine(name + ": archive is truncated"));
        return GoliveException.badInput(oneLine(name + ": cannot read archive: " + e.getMessage()));
    }

    /** An entry name can hold any byte but NUL: control characters are shown escaped, so a refusal stays one line. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '\n') b.append("\\n");
            else if (c == '\t') b.append("\\t");
            else if (c == '\r') b.append("\\r");
            else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    private static void read(String name, InputStream in, Path target, long maxTotalBytes) throws IOException {
        TarTree tree = new TarTree(name, target);
        long total = 0;
        int entries = 0;
        String paxPath = null, paxLink = null, gnuLong = null, gnuLink = null;
        byte[] header = new byte[BLOCK];
        while (true) {
            if (!readBlock(in, header)) throw new EOFException();
            if (isZero(header)) break;
            if (++entries > MAX_ENTRIES) throw GoliveException.badInput(name + ": more than " + MAX_ENTRIES + " entries, refusing");
            if (!checksumOk(header)) throw GoliveException.badInput(name + ": corrupt tar header (bad checksum) at entry " + entries);
            char type = (char) header[156];
            long size = octal(header, 124, 12, name);
            if (size < 0) throw GoliveException.badInput(name + ": negative entry size");
            total += size;
            if (total > maxTotalBytes) throw GoliveException.badInput(name + ": larger than " + bytes(maxTotalBytes) + " unpacked, refusing");
            String entryName = gnuLong != null ? gnuLong : paxPath != null ? paxPath : ustarName(header);
            String link = gnuLink != null ? gnuLink : paxLink != null ? paxLink : str(header, 157, 100);
            if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
                byte[] data = readData(in, size);
                String text = new String(data, StandardCharsets.UTF_8);
                if (type == 'L') gnuLong = trimNul(text);
                else if (type == 'K') gnuLink = trimNul(text);
                else if (type == 'x') {
                    paxPath = paxValue(data, "path", paxPath);
                    paxLink = paxValue(data, "linkpath", paxLink);
                }
                continue;
            }
            paxPath = paxLink = gnuLong = gnuLink = null;
            if (entryName.isEmpty()) throw GoliveException.badInput(name + ": entry with an empty name");
            int mode = (int) octal(header, 100, 8, name) & 0777;
            switch (type) {
                case '0', '\0', '7' -> {
                    tree.file(entryName, in, size, mode);
                    skipPadding(in, size);
                }
                case '5' -> {
                    tree.directory(entryName);
                    skipData(in, size);
                }
                case '2' -> {
                    tree.link(entryName, link);
                    skipData(in, size);
                }
                case '1' -> throw GoliveException.badInput(name + ": " + entryName + ": hard links are not allowed in a capture");
                case '3', '4' -> throw GoliveException.badInput(name + ": " + entryName + ": device files are not allowed in a capture");
                case '6' -> throw GoliveException.badInput(name + ": " + entryName + ": FIFOs are not allowed in a capture");
                default -> throw GoliveException.badInput(name + ": " + entryName + ": unsupported tar entry type '" + type + "'");
            }
        }
        tree.finish();
    }

    private static String bytes(long n) {
        return n >= (1 << 20) && n % (1 << 20) == 0 ? (n >> 20) + " MiB" : n + " bytes";
    }

    private static String ustarName(byte[] h) {
        String name = str(h, 0, 100);
        String magic = str(h, 257, 6);
        if (magic.startsWith("ustar")) {
            String prefix = str(h, 345, 155);
            if (!prefix.isEmpty()) name = prefix + "/" + name;
        }
        // "./" itself stays "." (the root, which `tar -C DIR .` lists first); TarTree takes it as the target
        while (name.startsWith("./") && name.length() > 2) name = name.substring(2);
        if (name.endsWith("/")) name = name.substring(0, name.length() - 1);
        return name;
    }

    /** The value of {@code key} in pax records "<len> <key>=<value>\n", where len counts bytes. */
    private static String paxValue(byte[] records, String key, String current) {
        int i = 0;
        String found = current;
        while (i < records.length) {
            int sp = i;
            while (sp < records.length && sp - i < 10 && records[sp] != ' ') sp++;
            if (sp >= records.length || records[sp] != ' ') break;
            int len;
            try {
                len = Integer.parseInt(new String(records, i, sp - i, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                break;
            }
            int end = i + len; // the record's last byte is its '\n'
            if (len <= 0 || end > records.length || sp + 1 > end - 1) break;
            String rec = new String(records, sp + 1, end - 1 - (sp + 1), StandardCharsets.UTF_8);
            int eq = rec.indexOf('=');
            if (eq > 0 && rec.substring(0, eq).equals(key)) found = rec.substring(eq + 1);
            i = end;
        }
        return found;
    }

    private static boolean readBlock(InputStream in, byte[] b) throws IOException {
        int n = in.readNBytes(b, 0, BLOCK);
        if (n == 0) return false;
        if (n < BLOCK) throw new EOFException();
        return true;
    }

    private static byte[] readData(InputStream in, long size) throws IOException {
        if (size > 1024 * 1024) throw new IOException("extended header too large");
        byte[] d = in.readNBytes((int) size);
        if (d.length < size) throw new EOFException();
        skipPadding(in, size);
        return d;
    }

    private static void skipData(InputStream in, long size) throws IOException {
        long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
        in.skipNBytes(padded);
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long pad = (BLOCK - size % BLOCK) % BLOCK;
        in.skipNBytes(pad);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static boolean checksumOk(byte[] h) {
        long stored;
        try {
            String s = str(h, 148, 8).trim();
            stored = s.isEmpty() ? -1 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            return false;
        }
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        return sum == stored;
    }

    private static long octal(byte[] h, int off, int len, String archive) {
        if ((h[off] & 0x80) != 0) { // base-256 (GNU) for big values
            long v = 0;
            for (int i = off + 1; i < off + len; i++) v = (v << 8) | (h[i] & 0xff);
            return v;
        }
        String s = str(h, off, len).trim();
        if (s.isEmpty()) return 0;
        try {
            return Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw GoliveException.badInput(archive + ": corrupt tar header (bad number \"" + s + "\")");
        }
    }

    private static String str(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) end++;
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static String trimNul(String s) {
        int i = s.indexOf('\0');
        return i >= 0 ? s.substring(0, i) : s;
    }

    // ---------------------------------------------------------------- writing

    /** Writes a gzip'ed tar of every file, directory and link under {@code dir}, names relative to it, sorted. */
    public static void create(Path dir, Path archive) throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        java.util.List<Path> all;
        try (var s = Files.walk(base)) {
            all = s.filter(p -> !p.equals(base)).sorted().toList();
        }
        try (OutputStream raw = Files.newOutputStream(archive);
             GZIPOutputStream out = new GZIPOutputStream(raw, 64 * 1024)) {
            for (Path p : all) {
                String rel = base.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    writeEntry(out, rel, '2', Files.readSymbolicLink(p).toString(), 0777, new byte[0]);
                } else if (Files.isDirectory(p)) {
                    writeEntry(out, rel + "/", '5', "", 0755, new byte[0]);
                } else if (Files.isRegularFile(p)) {
                    writeEntry(out, rel, '0', "", 0644, Files.readAllBytes(p));
                }
            }
            out.write(new byte[BLOCK * 2]);
        }
    }

    private static void writeEntry(OutputStream out, String name, char type, String link, int mode, byte[] data) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100 || linkBytes.length > 100) {
            StringBuilder pax = new StringBuilder();
            if (nameBytes.length > 100) pax.append(paxRecord("path", name));
            if (linkBytes.length > 100) pax.append(paxRecord("linkpath", link));
            byte[] p = pax.toString().getBytes(StandardCharsets.UTF_8);
            out.write(header("PaxHeader", 'x', "", 0644, p.length));
            out.write(p);
            out.write(new byte[(int) ((BLOCK - p.length % BLOCK) % BLOCK)]);
        }
        out.write(header(truncate(name, 100), type, truncate(link, 100), mode, data.length));
        out.write(data);
        out.write(new byte[(BLOCK - data.length % BLOCK) % BLOCK]);
    }

    private static String paxRecord(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int len = body.getBytes(StandardCharsets.UTF_8).length;
        int total = len + String.valueOf(len).length();
        if (String.valueOf(total).length() != String.valueOf(len).length()) total++;
        return total + body;
    }

    private static String truncate(String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return b.length <= max ? s : new String(b, 0, max, StandardCharsets.UTF_8);
    }

    private static byte[] header(String name, char type, String link, int mode, long size) {
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, name);
        put(h, 100, 8, String.format("%07o", mode));
        put(h, 108, 8, String.format("%07o", 0));
        put(h, 116, 8, String.format("%07o", 0));
        put(h, 124, 12, String.format("%011o", size));
        put(h, 136, 12, String.format("%011o", 0));
        h[156] = (byte) type;
        put(h, 157, 100, link);
        put(h, 257, 6, "ustar");
        put(h, 263, 2, "00");
        for (int i = 148; i < 156; i++) h[i] = ' ';
        long sum = 0;
        for (byte b : h) sum += b & 0xff;
        put(h, 148, 8, String.format("%06o", sum));
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int off, int len, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, Math.min(b.length, len));
    }

    /** For tests: an in-memory archive from (name, type, link, data) rows, to build hostile inputs. */
    public static byte[] build(java.util.List<Object[]> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            for (Object[] r : rows) writeEntry(out, (String) r[0], (Character) r[1], (String) r[2], 0644, (byte[]) r[3]);
            out.write(new byte[BLOCK * 2]);
        }
        return bytes.toByteArray();
    }
}
