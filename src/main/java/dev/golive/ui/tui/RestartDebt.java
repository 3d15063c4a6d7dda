package dev.golive.ui.tui;

import dev.golive.model.Verification;
import dev.golive.model.Verification.Item;
import dev.golive.model.Verification.Status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Restart debt": what golive verify (the same app call as the CLI's) says did not reach what
 * runs, as the Overview and the Apply screen show it, and the key that restarts the service
 * after a confirm and verifies again. A value that could not be read (a target tree runs no
 * systemd) is no debt: only what a restart, a reload or a reexec settles, or what went wrong.
 */
final class RestartDebt {

    static final String KEY = "T";
    private static final Set<Status> DEBT = Set.of(Status.NEEDS_RESTART, Status.NEEDS_DAEMON_RELOAD, Status.NEEDS_DAEMON_REEXEC,
            Status.AT_NEXT_BOOT, Status.DRIFTED, Status.NOT_REACHED);

    private RestartDebt() { }

    /** The verification when it shows debt. */
    static Optional<Verification> of(HostModel model) {
        return model.loaded().flatMap(HostModel.Loaded::verification)
                .filter(v -> v.items().stream().anyMatch(i -> DEBT.contains(i.status())));
    }

    /** The service a restart settles (some change waits for its process to start again). */
    static Optional<String> unit(Verification v) {
        return v.service().filter(s -> v.items().stream().anyMatch(i -> i.status() == Status.NEEDS_RESTART));
    }

    /** One paragraph: how many changes, which, by status, and the key. */
    static String text(Verification v) {
        Map<Status, List<String>> by = new LinkedHashMap<>();
        for (Item i : v.items()) if (DEBT.contains(i.status())) by.computeIfAbsent(i.status(), k -> new ArrayList<>()).add(i.subject());
        List<String> parts = new ArrayList<>();
        by.forEach((status, subjects) -> parts.add(status.text() + ": " + String.join(", ", subjects)));
        long n = by.values().stream().mapToLong(List::size).sum();
        return "Restart debt of snapshot " + v.planId() + ": " + n + " of " + v.items().size() + " changes not in effect ("
                + String.join("; ", parts) + ")." + unit(v).map(u -> " Press " + KEY + " to restart " + u + " and verify again.").orElse("");
    }

    /**
     * The key for a screen's table: restart after a confirm, blocked with the reason when it
     * cannot. Quiet (in the help, not the footer): the banner that shows the debt names the key,
     * and a screen without debt keeps its footer.
     */
    static Binding binding(TuiApp app) {
        return Binding.quiet(KEY, "restart+verify", "Restart the service that has restart debt (systemctl restart, after a confirm) and verify again",
                app::restartService).unless(() -> {
                    Optional<Verification> v = of(app.model());
                    if (v.isEmpty() || unit(v.get()).isEmpty()) return "no restart debt";
                    return app.model().readOnlyReason();
                });
    }
}
