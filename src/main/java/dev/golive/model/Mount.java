package dev.golive.model;

/** A line of /proc/self/mountinfo relevant to cgroups. */
public record Mount(String mountPoint, String fsType, String options) { }
