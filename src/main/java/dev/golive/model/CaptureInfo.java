package dev.golive.model;

/**
 * Where the facts came from: the live host ("/") or a capture, and when.
 * {@code live} is true only when golive read the running host it is on.
 */
public record CaptureInfo(String root, boolean live, String capturedAt, String hostname) { }
