package dev.golive.host;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Octal mode ↔ PosixFilePermission sets. */
public final class Perms {
    private Perms() { }

    private static final PosixFilePermission[] ORDER = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};

    public static Set<PosixFilePermission> of(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < 9; i++) if ((mode & (1 << i)) != 0) s.add(ORDER[i]);
        return s;
    }

    public static int toMode(Set<PosixFilePermission> perms) {
        int m = 0;
        for (int i = 0; i < 9; i++) if (perms.contains(ORDER[i])) m |= 1 << i;
        return m;
    }
}
