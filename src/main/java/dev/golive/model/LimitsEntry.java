package dev.golive.model;

/**
 * One line of {@code /etc/security/limits.conf} or {@code limits.d/*.conf}: these reach
 * PAM login sessions only, never a systemd service (unless the unit sets PAMName=).
 */
public record LimitsEntry(String domain, String type, String item, String value, Source.File source) { }
