package dev.golive.ui.tui;

import dev.golive.model.GoliveException;
import dev.golive.verify.HealthJudge;
import dev.golive.verify.VerifyText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The service's status, opened from the Unit screen: the health step of {@code apply --finish}
 * and {@code golive health} (unit state, its ports, the restart counter, its last journal
 * lines, through {@code Session.health}), then what {@code golive verify} says of the last
 * apply ({@code Session.verify}). Read on a worker; {@code r} reads again.
 */
final class StatusView extends View {

    private final String service;
    private final List<Integer> ports;
    private final Optional<String> healthUrl;
    /** Right after a finish: the first read waits for the unit to come up as apply --finish does; r reads at once. */
    private boolean waitFirst;
    private final ListPane<String> list = new ListPane<>(s -> s);
    private boolean reading;

    StatusView(TuiApp app, String service, List<Integer> ports) {
        this(app, service, ports, Optional.empty(), false);
    }

    /** After a finish: the health step with its URL, waiting as {@code apply --finish} does on the first read. */
    StatusView(TuiApp app, String service, List<Integer> ports, Optional<String> healthUrl, boolean waitFirst) {
        super(app);
        this.service = service;
        this.ports = List.copyOf(ports);
        this.healthUrl = healthUrl;
        this.waitFirst = waitFirst;
    }

    @Override String title() { return "Status"; }

    @Override String about() {
        return "The service now: is it active, do its ports listen, did systemd restart it, its last journal lines; "
                + "then golive verify of the last apply.";
    }

    @Override ListPane<?> list() { return list; }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>(list.moves());
        b.add(Binding.hint("r", "read again", "Read the service's state, journal and verify again", this::read)
                .unless(() -> reading ? "reading" : null));
        return b;
    }

    @Override void shown() { read(); }

    private void read() {
        reading = true;
        var session = app.model().session();
        boolean wait = waitFirst;
        waitFirst = false;
        app.worker().run((wait ? "waiting for " : "reading ") + service, () -> lines(session, wait), l -> {
            reading = false;
            list.items(l);
        }, e -> {
            reading = false;
            list.items(List.of(e.getMessage()));
        });
    }

    /** Runs on the worker: the same calls as golive health and golive verify. */
    private List<String> lines(dev.golive.app.Session session, boolean wait) {
        List<String> out = new ArrayList<>();
        try {
            var h = wait ? session.health(service, ports, healthUrl, dev.golive.app.Session.HEALTH_WITHIN, dev.golive.app.Session.HEALTH_SETTLE)
                    : session.health(service, ports, healthUrl, Duration.ZERO, Duration.ZERO);
            out.add(h.unit() + ": " + (h.ok() ? "healthy" : "NOT healthy"));
            out.addAll(HealthJudge.lines(h));
        } catch (GoliveException e) {
            out.add(e.getMessage());
        }
        out.add("");
        try {
            out.addAll(VerifyText.brief(session.verify(Optional.of(service), Optional.empty())));
        } catch (GoliveException e) {
            out.add("golive verify: " + e.getMessage());
        }
        return out;
    }

    @Override void draw(Canvas c) {
        c.line(0, " " + service + (reading ? "  (reading…)" : ""), Role.TITLE);
        list.draw(c.sub(0, 1, c.width(), c.height() - 1), (cc, r, s, sel) -> {
            if (sel) cc.fillRow(r, Role.SELECTED);
            Role role = sel ? Role.SELECTED : s.startsWith("FAIL") ? Role.ERROR : s.startsWith("ok ") ? Role.OK : Role.BASE;
            cc.text(1, r, s, role);
        }, reading ? "Reading…" : "Nothing read yet.");
    }
}
