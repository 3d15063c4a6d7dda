package dev.golive.ui.tui;

import dev.golive.app.Session;
import dev.golive.report.FactFilter;
import dev.golive.report.Fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The host picker of `golive --root DIR` when DIR holds one capture per host (a fleet): one row
 * per entry, worst first as `golive report --fleet DIR` orders them (the same review, read through
 * {@link Session#fleet}), the headline values with each host's outliers marked, partial captures
 * with what they lack, and every entry that is not a readable capture with why. enter opens the
 * selected host on a worker: every screen on it, as `golive --root DIR/HOST` shows it.
 */
final class FleetView extends View {

    /** The fleet to pick from: its directory, the service compared too (a unit, or null), and how a picked capture opens. */
    record Source(String dir, String service, Function<Member, HostModel> opener) { }

    /** A capture picked: the fleet's directory, the host's name in it and the path to open. */
    record Member(String dir, String name, String spec) { }

    /** One row: a capture read, or an entry that is not one (exactly one of the two). */
    private record Row(Fleet.Host host, Fleet.Unreadable unreadable) {
        String name() { return host != null ? host.name() : unreadable.name(); }

        String spec() { return host != null ? host.spec() : unreadable.spec(); }
    }

    /** What a worker hands back after opening a host: its model and first inspection. */
    private record Opened(HostModel model, HostModel.Loaded loaded) { }

    /** Headline values shown as columns, by their label in the fleet review. */
    private static final String KERNEL = "kernel";
    private static final String SYSTEMD = "systemd";
    private static final String GO = "Go toolchain";
    /** Longest value the detail quotes (a kernel command line or CPU flags would fill the screen); golive diff has them whole. */
    private static final int VALUE = 32;

    private final Source source;
    private final ListPane<Row> list = new ListPane<>(this::searchText);
    private Fleet fleet;
    private String problem;
    /** The host whose screens are open now, or null. */
    private String open;
    /** A host a worker opened that the GUI thread has not taken yet: closed if golive quits first. */
    private final java.util.concurrent.atomic.AtomicReference<HostModel> opening = new java.util.concurrent.atomic.AtomicReference<>();

    FleetView(TuiApp app, Source source) {
        super(app);
        this.source = source;
    }

    @Override String title() { return "Hosts"; }

    /** The fleet's directory, as given with --root. */
    String dir() { return source.dir(); }

    @Override String about() {
        return "The captures in " + source.dir() + ", one per host, worst first as golive report --fleet orders them; "
                + "a value marked ! differs from most hosts', and \"differs\" counts the values on which a host does. enter opens the selected host with every screen, read-only "
                + "(a capture is never changed); H comes back here.";
    }

    @Override ListPane<?> list() { return list; }

    /** Reads every capture in the directory on a worker, as `golive report --fleet DIR` does. */
    void load() {
        app.worker().run("reading the captures in " + source.dir(), () -> Session.fleet(source.dir(), source.service(), FactFilter.DEFAULT), f -> {
            problem = null;
            fleet = f;
            List<Row> rows = new ArrayList<>();
            for (Fleet.Host h : f.hosts()) rows.add(new Row(h, null));
            for (Fleet.Unreadable u : f.unreadable()) rows.add(new Row(null, u));
            list.items(rows);
        }, e -> problem = "golive: " + TuiApp.firstLine(e.getMessage()));
    }

    @Override protected List<Binding> buildBindings() {
        List<Binding> b = new ArrayList<>(list.moves());
        b.add(Binding.hint("enter", "open host", "Open the selected host: every screen on its capture, read-only", this::openSelected)
                .unless(this::whyNoOpen));
        b.add(Binding.hint("r", "read again", "Read every capture in the directory again (after Ansible added or finished one)", this::load)
                .unless(() -> app.worker().running().isEmpty() ? null : "busy: " + String.join(", ", app.worker().running())));
        return b;
    }

    private String whyNoOpen() {
        Optional<Row> r = list.selected();
        if (r.isEmpty()) return fleet == null ? "still reading the captures" : "no host selected";
        if (r.get().unreadable() != null) return "not a readable capture: " + r.get().unreadable().reason();
        if (!app.worker().running().isEmpty()) return "busy: " + String.join(", ", app.worker().running());
        return null;
    }

    private void openSelected() {
        Row r = list.selected().orElseThrow();
        if (r.name().equals(open) && app.model() != null) {
            app.leaveHosts(); // the host open now: back to its screens as they were
            return;
        }
        Member m = new Member(source.dir(), r.name(), r.spec());
        app.worker().run("opening " + r.name(), () -> {
            HostModel model = source.opener().apply(m);
            opening.set(model);
            try {
                return new Opened(model, model.inspectAndCheck());
            } catch (RuntimeException e) {
                opening.set(null);
                model.session().close();
                throw e;
            }
        }, o -> {
            opening.set(null);
            open = r.name();
            app.openHost(r.name(), o.model(), o.loaded());
        }, app::error);
    }

    /** golive quits: a host opened on a worker but never shown is closed too (a .tar.gz's unpacked copy removed). */
    void closeOpening() {
        HostModel m = opening.getAndSet(null);
        if (m != null) m.session().close();
    }

    private String searchText(Row r) {
        if (r.unreadable() != null) return r.name() + " unreadable " + r.unreadable().reason();
        Fleet.Host h = r.host();
        return r.name() + " " + h.hostname().orElse("") + " " + value(KERNEL, h.name()) + " " + value(SYSTEMD, h.name()) + " "
                + value(GO, h.name()) + (h.missing().isPresent() ? " partial" : "") + (outlying(h).isEmpty() ? "" : " outlier");
    }

    private Optional<Fleet.Spread> headline(String label) {
        return fleet.headline().stream().filter(s -> s.label().equals(label)).findFirst();
    }

    /** The host's value of a headline fact, as the fleet review prints it ("" when it is not read). */
    private String value(String label, String host) {
        return headline(label).flatMap(s -> Fleet.groupOf(s, host)).map(Fleet.Group::value).orElse("");
    }

    private boolean outlier(String label, String host) {
        return headline(label).map(s -> s.outliers().contains(host)).orElse(false);
    }

    private List<Fleet.Spread> outlying(Fleet.Host h) { return fleet.outlying(h.name()); }

    // ---- drawing -------------------------------------------------------------------------

    /** Column widths for this canvas: the kernel column takes what the others leave. */
    private record Columns(int name, int kernel, int systemd, int go) {
        static final int FINDINGS = 10;
        static final int ODD = 8;

        static Columns of(int width, List<Row> rows) {
            int name = Math.max(6, Math.min(24, rows.stream().mapToInt(r -> r.name().length()).max().orElse(4) + 1));
            int systemd = 8;
            int go = 10;
            int kernel = Math.max(10, Math.min(30, width - 2 - name - systemd - go - FINDINGS - ODD - 8));
            return new Columns(name, kernel, systemd, go);
        }
    }

    @Override void draw(Canvas c) {
        if (problem != null) {
            List<String> lines = Canvas.wrap(problem, c.width() - 2);
            for (int i = 0; i < lines.size(); i++) c.text(1, 1 + i, lines.get(i), Role.ERROR);
            c.text(1, lines.size() + 2, "r reads the directory again; q quits.", Role.DIM);
            return;
        }
        if (fleet == null) {
            c.text(1, 1, "Reading the captures in " + source.dir() + "…", Role.DIM);
            return;
        }
        c.text(1, 0, summary(), Role.TITLE);
        Columns w = Columns.of(c.width(), list.shown());
        int kAt = 2 + w.name(), sAt = kAt + w.kernel(), gAt = sAt + w.systemd(), fAt = gAt + w.go(), oAt = fAt + Columns.FINDINGS,
                pAt = oAt + Columns.ODD;
        c.text(2, 1, "host", Role.DIM);
        c.text(kAt, 1, "kernel", Role.DIM);
        c.text(sAt, 1, "systemd", Role.DIM);
        c.text(gAt, 1, "Go", Role.DIM);
        c.text(fAt, 1, " E  W  i", Role.DIM);
        c.text(oAt, 1, "differs", Role.DIM);
        int detail = Math.min(8, Math.max(5, c.height() / 3));
        int lh = Math.max(1, Math.min(list.shown().size(), c.height() - 3 - detail));
        list.draw(c.sub(0, 2, c.width(), lh), (cc, r, row, sel) -> {
            if (sel) cc.fillRow(r, Role.SELECTED);
            Role base = sel ? Role.SELECTED : Role.BASE;
            cc.text(0, r, row.name().equals(open) ? "›" : " ", base);
            cc.text(2, r, row.name(), base, w.name() - 1);
            if (row.unreadable() != null) {
                cc.text(kAt, r, "unreadable: " + row.unreadable().reason(), sel ? Role.SELECTED : Role.ERROR);
                return;
            }
            Fleet.Host h = row.host();
            cell(cc, r, kAt, w.kernel(), KERNEL, h, sel);
            cell(cc, r, sAt, w.systemd(), SYSTEMD, h, sel);
            cell(cc, r, gAt, w.go(), GO, h, sel);
            cc.text(fAt, r, String.format("%2d %2d %2d", h.errors(), h.warnings(), h.infos()),
                    sel ? Role.SELECTED : h.errors() > 0 ? Role.ERROR : h.warnings() > 0 ? Role.WARN : Role.OK);
            int odd = outlying(h).size();
            cc.text(oAt, r, odd == 0 ? "·" : String.valueOf(odd), sel ? Role.SELECTED : odd == 0 ? Role.DIM : Role.WARN);
            if (h.missing().isPresent()) cc.text(pAt, r, "partial", sel ? Role.SELECTED : Role.WARN);
        }, "No captures in " + source.dir() + ".");
        list.selected().ifPresent(r -> detail(c.sub(0, 3 + lh, c.width(), c.height() - 3 - lh), r));
    }

    /** A headline value; an outlier's is marked ! and drawn as a warning. */
    private void cell(Canvas c, int row, int at, int width, String label, Fleet.Host h, boolean sel) {
        boolean odd = outlier(label, h.name());
        String v = value(label, h.name());
        // "unknown: go: not found" is for the detail below; the column says unknown
        if (v.startsWith("unknown:")) v = "unknown";
        c.text(at, row, (odd ? "!" : "") + (v.isEmpty() ? "-" : v), sel ? Role.SELECTED : odd ? Role.WARN : Role.BASE, width - 1);
    }

    /** "4 hosts read · 1 partial · 2 unreadable · 148 values and 13 rules differ" (the header names the directory). */
    private String summary() {
        int n = fleet.hosts().size();
        List<String> parts = new ArrayList<>();
        parts.add(n + (n == 1 ? " host" : " hosts") + " read");
        long partial = fleet.hosts().stream().filter(h -> h.missing().isPresent()).count();
        if (partial > 0) parts.add(partial + " partial");
        if (!fleet.unreadable().isEmpty()) parts.add(fleet.unreadable().size() + " unreadable");
        int differ = fleet.differing().size();
        int uneven = fleet.unevenFindings().size();
        parts.add(differ == 0 && uneven == 0 ? "no value or rule differs"
                : count(differ, "value") + " and " + count(uneven, "rule") + " differ");
        return String.join(" · ", parts);
    }

    private void detail(Canvas c, Row r) {
        List<String[]> lines = new ArrayList<>();
        if (r.unreadable() != null) {
            lines.add(new String[] {"TITLE", r.name() + "  " + r.spec()});
            for (String l : Canvas.wrap(r.unreadable().reason(), c.width() - 2)) lines.add(new String[] {"ERROR", l});
            lines.add(new String[] {"DIM", "Not a capture golive can read: nothing to open."});
        } else {
            Fleet.Host h = r.host();
            lines.add(new String[] {"TITLE", r.name() + h.hostname().filter(x -> !x.equals(r.name())).map(x -> " · " + x).orElse("")
                    + h.capturedAt().map(t -> " · captured " + t).orElse("") + "  " + r.spec()});
            lines.add(new String[] {h.errors() > 0 ? "ERROR" : h.warnings() > 0 ? "WARN" : "OK", "findings: " + count(h.errors(), "error")
                    + ", " + count(h.warnings(), "warning") + ", " + h.infos() + " info"});
            h.missing().ifPresent(m -> {
                for (String l : Canvas.wrap("partial: missing " + m + " (Ansible's rounds did not finish; listed under \"missing\" in its "
                        + dev.golive.host.CaptureManifest.FILE_NAME + "): values it lacks read as unknown", c.width() - 2)) {
                    lines.add(new String[] {"WARN", l});
                }
            });
            List<Fleet.Spread> odd = outlying(h);
            if (odd.isEmpty()) {
                lines.add(new String[] {"DIM", "like most hosts on every value compared"});
            } else {
                List<String> each = new ArrayList<>();
                for (Fleet.Spread s : odd) {
                    Fleet.Group most = s.groups().get(0);
                    each.add(s.label() + " " + Canvas.fit(Fleet.groupOf(s, h.name()).map(Fleet.Group::value).orElse("?"), VALUE)
                            + " (" + Canvas.fit(most.value(), VALUE) + " on " + most.hosts().size() + ")");
                }
                String text = "differs from most hosts on " + count(odd.size(), "value") + ": " + String.join("; ", each);
                for (String l : Canvas.wrap(text, c.width() - 2)) lines.add(new String[] {"WARN", l});
            }
        }
        int room = c.height() - 1;
        for (int i = 0; i < lines.size() && i < room; i++) {
            boolean cut = i == room - 1 && lines.size() > room;
            c.text(1, i, cut ? lines.get(i)[1] + " …" : lines.get(i)[1], Role.valueOf(lines.get(i)[0]));
        }
        if (r.host() != null) c.text(1, c.height() - 1, r.name().equals(open) ? "enter: back to this host's screens" :
                "enter: open it, every screen read-only (H comes back here)", Role.DIM);
    }

    private static String count(int n, String what) { return n + " " + what + (n == 1 ? "" : "s"); }
}
