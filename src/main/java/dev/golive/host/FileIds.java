package dev.golive.host;

import dev.golive.model.Fact;
import dev.golive.model.Source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * A path's numeric owner, group and permission bits (setuid, setgid and sticky included), as
 * stat(2) gives them: links followed, inside the root. Numbers, not names: the names belong to
 * the host's own /etc/passwd and /etc/group, which under a target tree are not this machine's.
 * Known-empty when the path does not exist; Unknown under a capture, whose unpacked files
 * carry the owner of whoever unpacked them, not the host's.
 */
public record FileIds(int uid, int gid, int mode) {

    public static Fact<Optional<FileIds>> of(HostRoot root, String path) {
        if (root instanceof DirectoryHostRoot d && d.isCapture()) {
            return Fact.unknown("a capture does not record owners and modes (" + path + ")");
        }
        try {
            java.nio.file.Path p = root instanceof DirectoryHostRoot d ? d.inside(path) : root.resolve(path);
            java.util.Map<String, Object> a = Files.readAttributes(p, "unix:uid,gid,mode"); // one stat(2)
            int uid = (Integer) a.get("uid");
            int gid = (Integer) a.get("gid");
            int mode = (Integer) a.get("mode");
            return Fact.of(Optional.of(new FileIds(uid, gid, mode & 07777)), Source.File.of(path));
        } catch (NoSuchFileException e) {
            return Fact.of(Optional.empty(), Source.File.of(path));
        } catch (IOException | UnsupportedOperationException | ClassCastException | DirectoryHostRoot.Unresolvable e) {
            return Fact.unknown(path + ": cannot read its owner and mode: " + e.getMessage());
        }
    }
}
