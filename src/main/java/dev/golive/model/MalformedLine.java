package dev.golive.model;

/**
 * A line of a configuration file its reader skips: {@code at} is the file and line,
 * {@code message} the one-line complaint with file:line:col, as golive prints it.
 */
public record MalformedLine(Source.File at, String message) { }
