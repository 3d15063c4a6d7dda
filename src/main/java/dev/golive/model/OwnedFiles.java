package dev.golive.model;

/**
 * The files golive owns on a host (DESIGN.md) and the header that marks them. Every other
 * file is read-only to golive: apply refuses to write a path this class does not accept.
 */
public final class OwnedFiles {

    public static final String SYSCTL_DROPIN = "/etc/sysctl.d/60-golive.conf";
    public static final String MANAGER_DROPIN = "/etc/systemd/system.conf.d/60-golive.conf";
    /**
     * Boot-time persistence for sysfs values that are not sysctls (THP enabled/defrag):
     * systemd-tmpfiles writes them at boot ({@code w} lines). An addition to DESIGN.md's
     * list, because sysctl.d cannot set /sys/kernel/mm values.
     */
    public static final String TMPFILES_DROPIN = "/etc/tmpfiles.d/60-golive.conf";
    /** The first line of every owned file starts with this. */
    public static final String HEADER_MARK = "# Managed by golive";

    private OwnedFiles() { }

    /** A new unit golive writes for a service that has none. */
    public static String unit(String unitName) { return "/etc/systemd/system/" + unitName; }

    /** golive's drop-in on an existing (vendor or admin) unit. */
    public static String unitDropIn(String unitName) { return "/etc/systemd/system/" + unitName + ".d/60-golive.conf"; }

    /** Where logrotate(8) reads golive's rotation of a service's {@code append:} log file. */
    public static final String LOGROTATE_DIR = "/etc/logrotate.d";

    /** golive's logrotate file for a service's {@code append:} output: {@code /etc/logrotate.d/golive-NAME}. */
    public static String logrotate(String unitName) {
        return LOGROTATE_DIR + "/golive-" + (unitName.endsWith(".service") ? unitName.substring(0, unitName.length() - ".service".length()) : unitName);
    }

    /**
     * The header lines (each starting with '#', ending with a newline) for a file written
     * by the apply of snapshot {@code snapshotId}.
     */
    public static String header(String snapshotId) {
        return HEADER_MARK + " (snapshot " + snapshotId + "). Edit with golive, or roll back with:\n"
                + "#   golive rollback " + snapshotId + "\n";
    }

    /** Whether {@code content} starts with golive's header (a file golive wrote). */
    public static boolean isOwned(String content) { return content != null && content.startsWith(HEADER_MARK); }

    /** Whether golive may write {@code path} at all (absolute, host terms). */
    public static boolean isOwnedPath(String path) {
        if (path.equals(SYSCTL_DROPIN) || path.equals(MANAGER_DROPIN) || path.equals(TMPFILES_DROPIN)) return true;
        if (path.startsWith(LOGROTATE_DIR + "/golive-")) {
            String name = path.substring((LOGROTATE_DIR + "/golive-").length());
            return !name.isEmpty() && !name.contains("/") && !name.startsWith(".") && !name.contains("..");
        }
        if (!path.startsWith("/etc/systemd/system/")) return false;
        String rest = path.substring("/etc/systemd/system/".length());
        if (rest.endsWith(".service") && !rest.contains("/")) return true;
        int slash = rest.indexOf('/');
        return slash > 0 && rest.substring(0, slash).endsWith(".service.d") && rest.substring(slash + 1).equals("60-golive.conf");
    }
}
