package dev.golive.verify;

import dev.golive.model.Fact;
import dev.golive.model.ServiceHealth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The health verdict, a pure function of what {@code inspect.HealthProbe} read: the unit is
 * {@code active} (systemd.unit(5), ActiveState), each port the service should listen on has a
 * LISTEN socket, the health URL answers 2xx or 3xx, and {@code NRestarts} (systemd counts each
 * automatic restart, systemd.service(5) "Restart=") has not moved since {@code restartsBefore}.
 */
public final class HealthJudge {
    private HealthJudge() { }

    public static ServiceHealth judge(ServiceHealth.Facts f, List<Integer> ports, OptionalInt restartsBefore) {
        List<ServiceHealth.Check> checks = new ArrayList<>();
        String state = "unknown";
        if (f.show() instanceof Fact.Known<Map<String, String>> k) {
            Map<String, String> p = k.value();
            String active = p.getOrDefault("ActiveState", "?");
            state = active + " (" + p.getOrDefault("SubState", "?") + ")" + ("success".equals(p.getOrDefault("Result", "success")) ? "" : ", result " + p.get("Result"))
                    + (p.containsKey("MainPID") && !"0".equals(p.get("MainPID")) ? ", main pid " + p.get("MainPID") : "");
            checks.add(new ServiceHealth.Check(f.unit() + " is active", active.equals("active"), state));
            if (restartsBefore.isPresent()) {
                int now = restarts(p);
                checks.add(new ServiceHealth.Check("no automatic restart since the start", now == restartsBefore.getAsInt(),
                        "NRestarts " + restartsBefore.getAsInt() + " → " + (now < 0 ? "?" : now)));
            }
        } else {
            String why = ((Fact.Unknown<Map<String, String>>) f.show()).reason();
            checks.add(new ServiceHealth.Check(f.unit() + " is active", false, "cannot tell: " + why));
        }
        for (int port : ports) {
            if (f.listening() instanceof Fact.Known<List<Integer>> l) {
                boolean on = l.value().contains(port);
                checks.add(new ServiceHealth.Check("port " + port + " listens", on, on ? "LISTEN on tcp " + port : "no LISTEN socket on tcp " + port));
            } else {
                checks.add(new ServiceHealth.Check("port " + port + " listens", false, "cannot tell: " + ((Fact.Unknown<List<Integer>>) f.listening()).reason()));
            }
        }
        f.url().ifPresent(u -> checks.add(new ServiceHealth.Check(u.url() + " answers", u.ok(),
                u.status() < 0 ? "no answer: " + u.problem() : "HTTP " + u.status())));
        List<String> journal = f.journal() instanceof Fact.Known<List<String>> j ? j.value()
                : List.of("(no journal: " + ((Fact.Unknown<List<String>>) f.journal()).reason() + ")");
        return new ServiceHealth(f.unit(), checks, journal, state);
    }

    /** NRestarts from systemctl show; -1 when absent (systemd before 235 has no such property) or not a number. */
    public static int restarts(Map<String, String> show) {
        try {
            return Integer.parseInt(show.getOrDefault("NRestarts", "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The verdict as lines: one per check, then the journal. */
    public static List<String> lines(ServiceHealth h) {
        List<String> out = new ArrayList<>();
        for (ServiceHealth.Check c : h.checks()) out.add((c.ok() ? "ok    " : "FAIL  ") + c.what() + ": " + c.detail());
        if (!h.journal().isEmpty()) {
            out.add("last journal lines of " + h.unit() + ":");
            h.journal().forEach(l -> out.add("  " + l));
        }
        return out;
    }
}
