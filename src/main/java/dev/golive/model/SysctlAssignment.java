package dev.golive.model;

/**
 * One {@code key = value} line in a sysctl file. {@code ignoreFailure} is the leading '-'
 * that tells systemd-sysctl not to fail on this key.
 */
public record SysctlAssignment(String key, String value, boolean ignoreFailure, Source.File source) { }
