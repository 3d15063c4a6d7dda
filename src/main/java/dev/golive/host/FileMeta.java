package dev.golive.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Optional;

/**
 * Mode and owner of a file under a HostRoot, not following a final link (an owned file that
 * is a link is reported as such, never written through). Empty when the file does not exist.
 */
public record FileMeta(int mode, String owner, String group, boolean symlink) {

    public static Optional<FileMeta> of(HostRoot root, String path) {
        try {
            // under a capture or target tree the directories on the way resolve inside it, as for every read
            java.nio.file.Path p = root instanceof DirectoryHostRoot d ? d.unfollowed(path) : root.resolve(path);
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new FileMeta(Perms.toMode(a.permissions()), a.owner().getName(), a.group().getName(), a.isSymbolicLink()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | DirectoryHostRoot.Unresolvable e) {
            return Optional.empty();
        }
    }
}
