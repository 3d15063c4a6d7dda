package dev.golive.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Is a service healthy once golive finished it? {@link Facts} is what was read (systemctl
 * show, the LISTEN sockets, the health URL's answer, the last journal lines);
 * {@link #checks} is the verdict, one line each: the unit is active, each port it should
 * listen on listens, the health URL answers 2xx/3xx, the restart counter did not move.
 */
public record ServiceHealth(String unit, List<Check> checks, List<String> journal, String state) {

    public ServiceHealth {
        Objects.requireNonNull(unit, "unit");
        checks = List.copyOf(checks);
        journal = List.copyOf(journal);
        Objects.requireNonNull(state, "state");
    }

    public record Check(String what, boolean ok, String detail) { }

    public boolean ok() { return checks.stream().allMatch(Check::ok); }

    /** What an HTTP GET of the health URL gave: a status code, or why there was none. */
    public record UrlAnswer(String url, int status, String problem) {
        public boolean ok() { return status >= 200 && status < 400; }
    }

    /**
     * {@code show}: systemctl show's ActiveState, SubState, NRestarts, Result, MainPID.
     * {@code listening}: TCP ports in LISTEN state. {@code journal}: journalctl -u lines.
     */
    public record Facts(String unit, Fact<Map<String, String>> show, Fact<List<Integer>> listening, Optional<UrlAnswer> url,
                        Fact<List<String>> journal) { }
}
