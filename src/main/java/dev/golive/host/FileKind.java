package dev.golive.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path is, following links, found without opening it: opening a FIFO blocks until a
 * writer comes, and a device may do anything, so a reader checks this before it opens a file
 * it only found by listing a directory.
 */
public enum FileKind {
    REGULAR("a regular file"), DIRECTORY("a directory"), FIFO("a FIFO"), SOCKET("a socket"),
    CHARACTER_DEVICE("a character device"), BLOCK_DEVICE("a block device"), MISSING("missing or a dangling link"), OTHER("not a regular file");

    private final String label;

    FileKind(String label) { this.label = label; }

    public String label() { return label; }

    /** The kind of {@code path} under {@code root}; a link to a regular file is REGULAR. */
    public static FileKind of(HostRoot root, String path) {
        try {
            var p = root.resolve(path);
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (a.isRegularFile()) return REGULAR;
            if (a.isDirectory()) return DIRECTORY;
            Object mode = Files.getAttribute(p, "unix:mode");
            if (!(mode instanceof Integer m)) return OTHER;
            return switch (m & 0170000) { // S_IFMT
                case 0010000 -> FIFO;
                case 0140000 -> SOCKET;
                case 0020000 -> CHARACTER_DEVICE;
                case 0060000 -> BLOCK_DEVICE;
                default -> OTHER;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return MISSING;
        }
    }
}
