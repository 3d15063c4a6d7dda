package dev.golive.ui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import dev.golive.model.GoliveException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The frame around the screens: tabs and a stack (help and detail screens open on top),
 * header, status line, footer, dialogs, the / filter, and key dispatch through the binding
 * tables. Everything here runs on the GUI thread; {@link Worker} brings results back to it.
 */
final class TuiApp {

    static final int MIN_COLUMNS = 80;
    static final int MIN_ROWS = 24;

    /** The host the screens show; null while a fleet's host picker waits for the first pick. */
    private HostModel model;
    /** The host picker when --root names a directory of captures, else null. */
    private final FleetView hosts;
    private final Theme theme;
    private final Worker worker;
    private final String logFile;
    private final List<View> tabs = new ArrayList<>();
    private final Deque<View> stack = new ArrayDeque<>();
    private final List<Binding> globals;
    private int tab;
    private Dialog dialog;
    private String status = "";
    private boolean editingFilter;
    private boolean quit;
    /** Screens {@link #idle} prepared, or that were visited before it came to them. */
    private final java.util.Set<View> prepared = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** A host from the fleet replaced the screens: {@link #idle} has new screens to prepare. */
    private boolean prepareAgain;
    /** The change to the host running now (apply, rollback, recover), or null: quitting waits for it. */
    private String changing;
    /** q or ctrl-c came while a change ran: golive quits as soon as it ends. */
    private boolean quitWhenChanged;
    private int spin;
    /** Runs a task on the GUI thread (workers report through it). */
    private final Consumer<Runnable> toUi;

    TuiApp(HostModel model, Theme theme, Executor executor, Consumer<Runnable> toUi, String logFile) {
        this(model, null, theme, executor, toUi, logFile);
    }

    /**
     * {@code golive --root DIR} where DIR holds captures: the host picker first; enter opens a
     * host ({@code opener} opens its capture, on a worker) with every screen, read-only as a
     * capture is, and H comes back to the picker.
     */
    static TuiApp fleet(String dir, String service, Function<FleetView.Member, HostModel> opener, Theme theme, Executor executor,
                        Consumer<Runnable> toUi, String logFile) {
        return new TuiApp(null, new FleetView.Source(dir, service, opener), theme, executor, toUi, logFile);
    }

    private TuiApp(HostModel model, FleetView.Source fleet, Theme theme, Executor executor, Consumer<Runnable> toUi, String logFile) {
        this.toUi = toUi;
        this.model = model;
        this.theme = theme;
        this.worker = new Worker(executor, toUi);
        this.logFile = logFile;
        this.hosts = fleet == null ? null : new FleetView(this, fleet);
        addTabs();
        globals = buildGlobals();
    }

    /** The screens of one host, fresh: a host opened from the picker starts as `golive --root` on it would. */
    private void addTabs() {
        tabs.clear();
        tabs.add(new OverviewView(this));
        tabs.add(new FindingsView(this));
        tabs.add(new ProfilesView(this));
        tabs.add(new ReviewView(this));
        tabs.add(new SnapshotsView(this));
        tabs.add(new UnitView(this));
        tabs.add(new BuildView(this));
        tabs.add(new CommandLogView(this));
    }

    HostModel model() { return model; }

    /** The fleet's host picker, or empty when --root names one host. */
    Optional<FleetView> hosts() { return Optional.ofNullable(hosts); }

    /** What this session changed on the host (a host opened from a fleet is a capture: nothing). */
    List<String> changes() { return model == null ? List.of() : model.changes(); }

    /**
     * A host from the picker was opened and inspected (GUI thread): its screens replace the
     * previous host's, which is closed (a .tar.gz capture's unpacked copy is removed).
     */
    void openHost(String name, HostModel opened, HostModel.Loaded loaded) {
        HostModel before = model;
        model = opened;
        addTabs();
        prepared.clear();
        prepareAgain = true;
        stack.clear();
        editingFilter = false;
        tab = 0;
        model.loaded(loaded);
        if (before != null) before.session().close();
        status("opened " + name + ", read-only (H: back to the hosts)");
        current().shown();
    }

    /** Closes the host open now, if the picker opened it (the screen has closed). */
    void closeHost() {
        if (hosts == null) return;
        hosts.closeOpening();
        if (model != null) model.session().close();
    }

    Worker worker() { return worker; }

    String logFile() { return logFile; }

    List<View> tabs() { return List.copyOf(tabs); }

    /** The tab screen of this class (the Build screen exports the Unit screen's service). */
    <T extends View> T tab(Class<T> type) { return tabs.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow(); }

    List<Binding> globals() { return globals; }

    boolean quitRequested() { return quit; }

    /** Loads the host on a worker: the first frame appears at once, with a spinner. */
    void start() {
        if (model == null) {
            hosts.load();
            return;
        }
        worker.run("inspecting the host", model::inspectAndCheck, l -> {
            model.loaded(l);
            current().shown();
        }, this::error);
    }

    // ---- navigation -------------------------------------------------------------------

    View current() { return stack.isEmpty() ? base() : stack.peek(); }

    /** The screen under the stack: the current tab, or the host picker before a host is open. */
    View base() { return model == null ? hosts : tabs.get(tab); }

    /** H: the fleet's host picker over the open host (q or esc returns to it, enter opens another). */
    void showHosts() {
        if (current() != hosts) open(hosts);
    }

    /** Closes the host picker opened over a host: that host's screens as they were. */
    void leaveHosts() {
        if (!stack.isEmpty() && stack.peek() == hosts) {
            stack.pop();
            editingFilter = false;
            current().shown();
        }
    }

    void open(View v) {
        stack.push(v);
        editingFilter = false;
        v.shown();
    }

    void goTab(int i) {
        if (model == null) return; // the picker: no host yet
        stack.clear();
        editingFilter = false;
        tab = Math.floorMod(i, tabs.size());
        status = "";
        prepared.add(current());
        current().shown();
    }

    /** Jumps to a tab by type (Findings from Overview's enter). */
    void goTab(Class<? extends View> type) {
        for (int i = 0; i < tabs.size(); i++) if (type.isInstance(tabs.get(i))) goTab(i);
    }

    /** esc: the screen's filters go first (one press clears them all); with none set, the screen on top closes. */
    void back() {
        if (current().clearFilters()) return;
        if (!stack.isEmpty()) {
            stack.pop();
            current().shown();
        }
    }

    void status(String s) { status = s == null ? "" : s; }

    // ---- the work that spans screens ---------------------------------------------------------

    /** Plans the chosen profile with the picked fixes on a worker, then shows Review. */
    void planAndReview() {
        worker.run("planning", model::buildPlan, p -> {
            model.plan(p);
            goTab(ReviewView.class);
        }, this::error);
    }

    /** Applies the reviewed plan after a confirm; the Apply screen follows it. */
    void applyPlan() {
        var plan = model.plan().orElseThrow();
        String where = model.session().describeRoot();
        confirm("Apply", "Apply plan " + plan.id() + " (profile " + plan.profile() + ": " + plan.files().size() + " files, "
                + plan.live().size() + " live values) to " + where + "? A snapshot is written first; Snapshots can roll it back.",
                () -> runApply(plan, where, progress -> model.session().apply(plan, false, progress), (v, r) -> { }));
    }

    /**
     * Applies the reviewed plan and finishes its service, as {@code golive apply --finish} does
     * and through the same calls: asks for the binary (the Build screen's last one offered),
     * plans the finish steps on a worker, lists them in the confirm as the CLI's preview does,
     * applies plan and steps in one snapshot, then shows the health step in the Status pane
     * (a target tree has nothing running: the status line says the health step is skipped).
     */
    void applyAndFinish() {
        var plan = model.plan().orElseThrow();
        String where = model.session().describeRoot();
        var svc = model.service();
        List<Integer> ports = svc.map(dev.golive.model.ServiceSpec::ports).orElse(List.of());
        Optional<String> url = svc.flatMap(dev.golive.model.ServiceSpec::healthUrl);
        String exec = svc.flatMap(dev.golive.model.ServiceSpec::exec).orElse("the unit's ExecStart program");
        ask("Finish", "The binary to install as " + exec + " (empty: none, the one there stays):",
                model.built().map(java.nio.file.Path::toString).orElse(""), path -> {
                    Optional<String> binary = path.isBlank() ? Optional.empty() : Optional.of(path.strip());
                    worker.run("planning the finish", () -> model.session().finishPlan(plan, binary, ports, url), fin -> {
                        StringBuilder q = new StringBuilder("Apply plan " + plan.id() + " (profile " + plan.profile() + ": " + plan.files().size()
                                + " files, " + plan.live().size() + " live values, " + fin.steps().size() + " steps to finish " + fin.unit()
                                + ") to " + where + "? One snapshot holds it all; Snapshots can roll it back.\nFinish " + fin.unit() + ":");
                        dev.golive.plan.FinishPlanner.describe(fin).forEach(l -> q.append("\n  ").append(l));
                        confirm("Apply and finish", q.toString(), () -> runApply(plan, where,
                                progress -> model.session().applyAndFinish(plan, fin, progress), (v, r) -> {
                                    if (model.session().live()) open(new StatusView(this, fin.unit(), fin.ports(), fin.healthUrl(), true));
                                    else v.note("health: skipped: " + where + " is a target tree, nothing runs in it");
                                }));
                    }, this::error);
                });
    }

    /** Runs an apply on a worker with the Apply screen following it; {@code then} after the host is read again. */
    private void runApply(dev.golive.model.Plan plan, String where,
                          java.util.function.Function<Consumer<String>, dev.golive.apply.ApplyResult> apply,
                          java.util.function.BiConsumer<ApplyView, dev.golive.apply.ApplyResult> then) {
        ApplyView view = new ApplyView(this, plan, where);
        open(view);
        // each step reaches the screen as it is done, on the GUI thread
        changing = "applying " + plan.id();
        worker.run(changing, () -> apply.apply(line -> toUi.accept(() -> view.progress(line))), r -> {
            view.done(r);
            model.changed(HostModel.appliedLine(plan, r));
            model.appliedPicked();
            model.plan(null);
            model.refreshSnapshots();
            reinspect("applied " + plan.id());
            changeEnded();
            then.accept(view, r);
        }, e -> {
            view.failed(e);
            // rolled back by itself, or nothing was done yet: the host is as before unless the rollback failed too
            if (e.exitCode() == dev.golive.model.ExitCode.INTERNAL) {
                model.changed("apply " + plan.id() + " failed and its rollback too: what the host holds is not known (golive recover)");
            }
            model.refreshSnapshots();
            reinspect("apply failed");
            changeEnded();
        });
    }

    /** Rolls back applies a crash left in "applying" (the Overview's banner offers it). */
    void recover() {
        confirm("Recover", "Roll back the snapshot whose apply or rollback did not finish (" + String.join(", ", model.loaded().orElseThrow().unfinished())
                + ")? Files and live values return to how they were before it.", () ->
                changing("recovering", () -> model.session().recover(false), rs -> {
                    for (var r : rs) model.changed("recovered snapshot " + r.snapshotId() + " (rolled back)");
                    model.rolledBack();
                    model.refreshSnapshots();
                    reinspect("recovered: " + rs.size() + " snapshot(s) rolled back");
                }));
    }

    /** Restarts the service with restart debt after a confirm; the host is read and verified again. */
    void restartService() {
        var v = RestartDebt.of(model).orElseThrow();
        String unit = RestartDebt.unit(v).orElseThrow();
        confirm("Restart", "Restart " + unit + " (systemctl restart " + unit + ")? Its new process takes what the unit and the kernel say now; "
                + "golive verifies again.", () ->
                changing("restarting " + unit, () -> {
                    model.session().restartService(unit);
                    return unit;
                }, u -> {
                    model.changed("restarted " + u);
                    reinspect("restarted " + u);
                }));
    }

    /**
     * Runs a change to the host (rollback, recover) on a worker: quitting is held back until it
     * ends, and a failure is the one-line dialog.
     */
    <T> void changing(String label, java.util.concurrent.Callable<T> work, Consumer<T> done) {
        changing(label, work, done, e -> {
            error(e);
            reinspect(label + " failed");
        });
    }

    /**
     * As above; {@code failed} takes the failure instead of the error dialog and the new
     * inspection (a refused rollback, which changed nothing, opens its drift).
     */
    <T> void changing(String label, java.util.concurrent.Callable<T> work, Consumer<T> done, Consumer<GoliveException> failed) {
        changing = label;
        worker.run(label, work, r -> {
            done.accept(r);
            changeEnded();
        }, e -> {
            failed.accept(e);
            changeEnded();
        });
    }

    /** The change to the host ended: quitting is allowed again, and happens now when q or ctrl-c asked for it meanwhile. */
    private void changeEnded() {
        changing = null;
        if (quitWhenChanged) quit = true;
    }

    /**
     * Reads the host again on a worker, so every screen shows the host as it is now; the
     * status line says why ({@code why} first, e.g. "applied 2026…").
     */
    void reinspect(String why) {
        status(why + "; inspecting the host again…");
        worker.run("inspecting the host again", model::reinspectAndCheck, l -> {
            model.reloaded(l);
            current().shown();
            status(why + " · host inspected again");
        }, this::error);
    }

    /** Quitting: never half-way through a change; with picked fixes or a plan not applied, ask first. */
    private void quit(boolean atOnce) {
        if (changing != null) {
            quitWhenChanged = true;
            status("not now: " + changing + " is running; golive quits when it ends");
            return;
        }
        if (model == null) {
            quit = true;
            return;
        }
        int picked = model.picked().size();
        if (atOnce || (picked == 0 && model.plan().isEmpty()) || model.readOnlyReason() != null) {
            quit = true;
            return;
        }
        String what = picked > 0 ? picked + (picked == 1 ? " picked fix" : " picked fixes") : "a reviewed plan";
        confirm("Quit", "Quit with " + what + " not applied? " + model.changesSentence(), () -> quit = true);
    }

    void error(GoliveException e) {
        String line = firstLine(e.getMessage());
        // the CLI says "run with --debug"; here the stack trace is already in the log file
        if (e.exitCode() == dev.golive.model.ExitCode.INTERNAL) line += " (details in " + logFile + ")";
        dialog = Dialog.error(line);
    }

    void confirm(String title, String question, Runnable then) { dialog = Dialog.confirm(title, question, then); }

    Optional<Dialog> dialog() { return Optional.ofNullable(dialog); }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    // ---- keys -----------------------------------------------------------------------------

    private List<Binding> buildGlobals() {
        List<Binding> g = new ArrayList<>();
        if (hosts != null) {
            // before tab and / in the table: the footer drops those first when 80 columns run short
            g.add(Binding.hint("H", "hosts", "Back to the fleet's hosts, to open another one (q or esc returns to this one)", this::showHosts)
                    .unless(() -> current() == hosts ? "this is the host list" : null));
        }
        g.add(Binding.hint("tab", "next", "Go to the next screen (tab)", () -> goTab(tab + 1)).unless(this::whyNoHost));
        g.add(Binding.quiet("shift-tab", "previous screen", "Go to the previous screen", () -> goTab(tab - 1)).unless(this::whyNoHost));
        for (int i = 0; i < tabs.size() && i < 9; i++) {
            int n = i;
            g.add(Binding.quiet(String.valueOf(i + 1), tabs.get(i).title(), "Go to " + tabs.get(i).title(), () -> goTab(n)).unless(this::whyNoHost));
        }
        g.add(Binding.hint("/", "filter", "Type to filter the list; enter keeps the filter, esc clears it (on a diff: search it, then n/N)", () -> {
            if (current().searches()) current().search(); else editingFilter = true;
        }).unless(() -> current().list() == null && !current().searches() ? "no list on this screen" : null));
        g.add(Binding.hint("?", "help", "All keys, this screen's first", () -> open(new HelpView(this, current()))));
        g.add(Binding.hint("q", "back/quit", "Close the screen on top; on a main screen, quit golive (asks first when fixes are picked but not applied)", () -> {
            if (stack.isEmpty()) quit(false); else back();
        }));
        g.add(Binding.quiet("esc", "back", "Clear the screen's filters (the / text; on Findings also severity and area); with none set, close the screen on top", this::back));
        g.add(Binding.quiet("ctrl-r", "refresh", "Inspect the host again (after changing it outside golive)", () -> reinspect("refreshed"))
                .unless(() -> whyNoHost() != null ? whyNoHost() : worker.running().isEmpty() ? null : "busy: " + String.join(", ", worker.running())));
        g.add(Binding.quiet("ctrl-c", "quit", "Quit golive at once; while an apply or rollback runs, as soon as it ends", () -> quit(true)));
        return List.copyOf(g);
    }

    /** Null when a host is open; before the first pick from a fleet, why the host's keys do nothing yet. */
    private String whyNoHost() { return model == null ? "pick a host first (enter opens it)" : null; }

    /** The binding a key triggers on the current screen (the screen's table, then the global one). */
    Optional<Binding> resolve(String key) {
        for (Binding b : current().bindings()) if (b.keys().contains(key)) return Optional.of(b);
        for (Binding b : globals) if (b.keys().contains(key)) return Optional.of(b);
        return Optional.empty();
    }

    void handle(KeyStroke k) {
        String key = Keys.name(k);
        if (dialog != null && dialog.isInput()) {
            typedIntoDialog(k, key);
            return;
        }
        if (dialog != null) {
            Dialog d = dialog;
            if (key.equals("enter") || key.equals("y") || key.equals("esc") || key.equals("n") || key.equals("q")) {
                dialog = null;
                if (d.isConfirm() && (key.equals("enter") || key.equals("y"))) d.onConfirm().run();
            }
            if (key.equals("ctrl-c")) quit(true);
            return;
        }
        if (editingFilter) {
            editFilter(k, key);
            return;
        }
        if (current().capturesKeys()) {
            if (key.equals("ctrl-c")) quit(true); else current().typed(k);
            return;
        }
        status = "";
        Optional<Binding> b = resolve(key);
        if (b.isEmpty()) return;
        String blocked = b.get().blockedReason();
        if (blocked != null) {
            status = b.get().label() + ": " + blocked;
            return;
        }
        b.get().action().run();
    }

    private void typedIntoDialog(KeyStroke k, String key) {
        Dialog d = dialog;
        switch (key) {
            case "enter" -> {
                dialog = null;
                d.onInput().accept(d.value());
            }
            case "esc" -> dialog = null;
            case "ctrl-c" -> quit(true);
            case "ctrl-u" -> dialog = d.withValue("");
            case "backspace" -> dialog = d.value().isEmpty() ? d : d.withValue(d.value().substring(0, d.value().length() - 1));
            default -> {
                if (k.getKeyType() == com.googlecode.lanterna.input.KeyType.Character && !k.isCtrlDown()) dialog = d.withValue(d.value() + k.getCharacter());
            }
        }
    }

    /** Asks for one line of text (a path, a number) in a dialog; enter hands it to {@code then}. */
    void ask(String title, String question, String initial, Consumer<String> then) { dialog = Dialog.input(title, question, initial, then); }

    private void editFilter(KeyStroke k, String key) {
        ListPane<?> list = current().list();
        if (list == null) { editingFilter = false; return; }
        switch (key) {
            case "enter", "down", "up" -> editingFilter = false;
            case "esc" -> { list.filter(""); editingFilter = false; }
            case "ctrl-c" -> quit(true);
            case "backspace" -> {
                String f = list.filter();
                if (!f.isEmpty()) list.filter(f.substring(0, f.length() - 1));
            }
            default -> {
                if (k.getKeyType() == com.googlecode.lanterna.input.KeyType.Character && !k.isCtrlDown()) {
                    list.filter(list.filter() + k.getCharacter());
                }
            }
        }
    }

    /**
     * Nothing happened for a while: prepare one screen the admin has not opened yet (only
     * {@link View#preparable} ones), drawn where nobody sees it. Its first visit then runs warm
     * code: the Build screen's took 14-21 ms cold against a 16 ms budget. False once there is
     * nothing left to prepare.
     */
    boolean idle(Canvas offscreen) {
        if (model == null || model.loaded().isEmpty() || !worker.running().isEmpty()) return true; // later
        for (View v : tabs) {
            if (v == current() || prepared.contains(v) || !v.preparable()) continue;
            prepared.add(v);
            v.shown();
            v.draw(offscreen);
            return true;
        }
        return false;
    }

    /** True once after a host from the fleet replaced the screens: the frame calls {@link #idle} again. */
    boolean preparableAgain() {
        boolean again = prepareAgain;
        prepareAgain = false;
        return again;
    }

    /** Advances the spinner; true when something is running (the frame must be redrawn). */
    boolean tick() {
        if (worker.running().isEmpty()) return false;
        spin++;
        return true;
    }

    // ---- drawing -----------------------------------------------------------------------

    void draw(Canvas c) { Chrome.draw(this, c); }

    /** What the chrome needs to know about the frame's state. */
    int tabIndex() { return tab; }

    boolean stacked() { return !stack.isEmpty(); }

    View top() { return stack.peek(); }

    boolean editingFilter() { return editingFilter; }

    String statusText() { return status; }

    int spinFrame() { return spin; }
}
