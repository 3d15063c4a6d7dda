package dev.golive.model;

import java.util.Objects;

/**
 * One live kernel value golive sets now (the owned file makes it persist at boot).
 * {@code path} is absolute in the host's terms: {@code /proc/sys/net/core/somaxconn} for a
 * sysctl, {@code /sys/kernel/mm/transparent_hugepage/enabled} for a sysfs choice. With
 * {@code --root DIR} it is written under DIR. {@code before} is the value as read at
 * planning time in its normalised form (whitespace between fields collapsed to one space;
 * for a {@link Format#SYSFS_CHOICE} file the bracketed choice); apply re-reads and refuses
 * a stale plan. {@code perNamespace}: a sysctl that belongs to the network namespace (DOMAIN.md).
 */
public record LiveChange(
        String key,
        String path,
        Format format,
        String before,
        String after,
        boolean perNamespace,
        String why) {

    public LiveChange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!path.startsWith("/proc/sys/") && !path.startsWith("/sys/"))
            throw new IllegalArgumentException("not a live value path: " + path);
    }

    /** How the file's content is read back and compared. */
    public enum Format {
        /** A /proc/sys value: fields separated by whitespace, compared field by field. */
        SYSCTL,
        /** A sysfs choice list such as {@code always [madvise] never}: the bracketed word is the value. */
        SYSFS_CHOICE,
        /** A sysfs file holding one whole number ({@code khugepaged/max_ptes_none}): read and written as a sysctl is. */
        SYSFS_NUMBER;

        /** A file under /sys (set at boot by tmpfiles.d), not a sysctl (set at boot by systemd-sysctl). */
        public boolean sysfs() { return this != SYSCTL; }
    }
}
