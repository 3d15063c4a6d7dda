package dev.golive.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who golive runs as: writing the live host needs uid 0. */
public final class Privileges {
    private Privileges() { }

    /** The effective uid, from /proc/self/status ("Uid: real effective saved fs"); -1 when unreadable. */
    public static int effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** This JVM's process id (recorded in the lock file). */
    public static long pid() { return ProcessHandle.current().pid(); }
}
