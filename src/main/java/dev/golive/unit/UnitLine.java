package dev.golive.unit;

/**
 * One directive golive wants in the unit or drop-in, and the spec field it comes from (so a
 * complaint from systemd-analyze about that line can name the field the admin set).
 */
public record UnitLine(String section, String key, String value, String field) { }
