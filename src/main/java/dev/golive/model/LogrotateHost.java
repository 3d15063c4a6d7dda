package dev.golive.model;

import java.util.Map;
import java.util.Optional;

/**
 * What logrotate(8) will find on the target host for the files golive rotates: its version
 * (the {@code su} directive and the directory check behind it came in 3.8.0) and, per log file,
 * the directory it lives in. Read from the host, never from the machine golive runs on.
 */
public record LogrotateHost(Fact<String> version, Map<String, Fact<LogDir>> dirs) {

    public LogrotateHost { dirs = Map.copyOf(dirs); }

    /** Nothing read (a caller with no host to look at): every directory is unknown. */
    public static LogrotateHost unread() {
        return new LogrotateHost(Fact.unknown("logrotate's version was not read"), Map.of());
    }

    /** The first logrotate release with {@code su} and the directory check behind it (its ChangeLog, 3.7.9 -> 3.8.0). */
    static final int[] SU_SINCE = {3, 8, 0};

    /** Whether logrotate {@code version} ("3.21.0") has {@code su} and skips a log in a directory that fails {@link LogDir#refusedWithoutSu}. */
    public static boolean checksDirectories(String version) {
        String[] p = version.split("\\.");
        for (int i = 0; i < 3; i++) {
            int n;
            try { n = i < p.length ? Integer.parseInt(p[i]) : 0; } catch (NumberFormatException e) { n = 0; }
            if (n != SU_SINCE[i]) return n > SU_SINCE[i];
        }
        return true;
    }

    /** The directory of {@code file}, as read; unknown when it was not read. */
    public Fact<LogDir> dirOf(String file) {
        return dirs.getOrDefault(file, Fact.unknown("the directory of " + file + " was not read"));
    }

    /**
     * A log file's directory: {@code exists} false when it is not there yet (systemd's
     * LogsDirectory= or golive's finish step creates it, 0755, owned by the service user).
     * {@code owner}/{@code group}: the host's names for {@code uid}/{@code gid} (the number
     * when the host's passwd or group file has none). {@code fileOwner}: the log file's owner,
     * when the file exists, read where the directory is refused ({@link #suLine} names it).
     */
    public record LogDir(String path, boolean exists, int uid, int gid, String owner, String group, int mode,
                         Optional<String> fileOwner) {

        public static LogDir missing(String path) { return new LogDir(path, false, 0, 0, "root", "root", 0755, Optional.empty()); }

        /**
         * logrotate's own test (logrotate.c, findNeedRotating, since 3.8.0): running as root
         * without {@code su}, it skips a log whose directory is writable by a group other than
         * root (gid 0) or by others; the sticky bit (1777) does not exempt it.
         */
        public boolean refusedWithoutSu() {
            return exists && ((gid != 0 && (mode & 0020) != 0) || (mode & 0002) != 0);
        }

        /**
         * The {@code su} line that lets logrotate rotate here: the user is the one who can
         * truncate the file (copytruncate opens it for writing as that user), its owner, or root
         * for a file not there yet (systemd creates an append: file as the manager, root, not as
         * User=, systemd.exec(5)); the group is the directory's, so that the rotated copies can be
         * made in it.
         */
        public String suLine() {
            return "su " + fileOwner.orElse("root") + " " + group;
        }

        /** Who, besides root, may write here: "others" or "group NAME" (what {@link #refusedWithoutSu} objects to). */
        public String writableBy() {
            return (mode & 0002) != 0 ? "others" : "group " + group;
        }

        public String describe() {
            return path + " is " + owner + ":" + group + " " + String.format("%04o", mode);
        }
    }
}
