package dev.golive.ui.cli;

import dev.golive.host.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The image tree a new service is finished in (`apply --finish`, the guide's finish): Debian 12's files, accounts, systemd 252. */
final class FinishTree {

    private FinishTree() { }

    /** debian12-vm as a target tree with the account files useradd reads and the tree's systemd (252, as Debian 12). */
    static Path newServiceHost(Path host) throws IOException {
        Fixtures.targetTree("debian12-vm", host);
        Files.writeString(host.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\n"
                + "systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin\n");
        Files.writeString(host.resolve("etc/group"), "root:x:0:\nsystemd-network:x:998:\n");
        Files.writeString(host.resolve("etc/shadow"), "root:*:19000:0:99999:7:::\n");
        Files.setPosixFilePermissions(host.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-r-----"));
        Files.createDirectories(host.resolve("usr/local/bin"));
        Files.createDirectories(host.resolve("usr/lib/systemd"));
        Files.writeString(host.resolve("usr/lib/systemd/libsystemd-shared-252.so"), "");
        return host;
    }

    /** A file that starts like an ELF binary: what the finish installs, not something it runs. */
    static Path binary(Path at) throws IOException {
        Files.write(at, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 42});
        return at;
    }
}
