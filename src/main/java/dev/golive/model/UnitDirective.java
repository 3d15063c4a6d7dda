package dev.golive.model;

/** One {@code Key=Value} of a unit after drop-ins are merged, with the file:line that set it. */
public record UnitDirective(String section, String key, String value, Source.File source) { }
