package dev.golive.ui.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.BasicTextImage;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import dev.golive.app.Session;
import dev.golive.check.CheckReport;
import dev.golive.host.RootSpec;
import dev.golive.host.UserFiles;
import dev.golive.model.GoliveException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * `golive` with no arguments: the full-screen UI on a real terminal. One GUI thread owns the
 * screen; an input thread and the workers post events to it; nothing is ever logged to the
 * terminal (logback writes to the log file).
 */
public final class Tui {

    /**
     * The logger, made on first use: the first call starts logback (~50 ms cold), which must
     * not happen before the first frame.
     */
    private static Logger log() { return LoggerFactory.getLogger(Tui.class); }

    /**
     * {@code root}: null for the live host; {@code theme}: null to choose (NO_COLOR, config
     * file); {@code service}: null for the host alone, else the service the screens are about.
     */
    /** {@code manifest}: a Dockerfile, Kubernetes YAML or a directory of them whose findings join the host's (or null). */
    public record Options(String root, boolean readOnly, String theme, String service, String goMod, String manifest) { }

    /** A key (with the time the input thread read it) or a task from a worker. */
    private record Event(KeyStroke key, Runnable task, long at) {
        Event(KeyStroke key, Runnable task) { this(key, task, System.nanoTime()); }
    }

    private Tui() { }

    public static int run(Options o) {
        TuiStats stats = new TuiStats();
        stats.phase("tui entered");
        lanternaColours();
        String unsuitable = unsuitable(System.getenv("TERM"));
        // a frame leaves in one write (FrameOutput), not one per character
        FrameOutput frames = new FrameOutput(System.out);
        TuiStats.Counting out = new TuiStats.Counting(frames);
        // The terminal gets ready while the theme is read and the host opened, except where a
        // step before the screen can take long (unpacking an archive, reading manifests): until
        // the screen opens, ctrl-c must still stop golive, and raw mode has no interrupt key.
        boolean early = unsuitable == null && o.manifest() == null && !RootSpec.isArchive(o.root());
        TerminalStart pending = early ? TerminalStart.begin(out) : null;
        boolean opened = false;
        try {
            // a mistyped --theme is bad input (exit 2) whatever the terminal
            Theme theme = ThemeChoice.choose(o.theme(), System.getenv(), UserFiles::read);
            stats.phase("theme");
            if (o.service() != null) Session.serviceUnit(o.service()); // a bad name is bad input, before the screen opens
            // files that do not parse are bad input too (file:line:col, exit 2): read them before the screen opens
            CheckReport manifests = o.manifest() == null ? null : Session.checkManifests(o.manifest(),
                    Optional.ofNullable(o.goMod()).map(java.nio.file.Path::of).map(dev.golive.unit.SpecInputs::goModGo));
            stats.phase("manifests");
            if (unsuitable != null) throw new TerminalUnsuitable(unsuitable);
            if (o.root() != null && Session.isFleet(o.root())) {
                // a directory of captures: the host picker first, each host opened from it read-only
                stats.phase("session open");
                TerminalStart terminal = pending != null ? pending : TerminalStart.begin(out);
                opened = true;
                return runOn((pool, toUi, logFile) -> TuiApp.fleet(o.root(), o.service(), m -> new HostModel(Session.open(m.spec()), m.spec(), o.readOnly())
                        .forService(o.service(), o.goMod()).manifests(manifests).inFleet(m.dir(), m.name()), theme, pool, toUi, logFile),
                        theme, stats, terminal.await(), frames, out);
            }
            try (Session session = Session.open(o.root())) {
                stats.phase("session open");
                TerminalStart terminal = pending != null ? pending : TerminalStart.begin(out);
                opened = true;
                return runOn((pool, toUi, logFile) -> new TuiApp(new HostModel(session, o.root(), o.readOnly()).forService(o.service(), o.goMod())
                        .manifests(manifests), theme, pool, toUi, logFile), theme, stats, terminal.await(), frames, out);
            }
        } catch (IOException e) {
            throw GoliveException.environment("terminal: " + e.getMessage());
        } finally {
            if (pending != null && !opened) pending.abandon();
        }
    }

    /** Why this terminal cannot run the full-screen UI, or null when it can. */
    private static String unsuitable(String term) {
        if (System.console() == null) return "the full-screen UI needs a terminal (stdin or stdout is not a tty)";
        if (term == null || term.isBlank() || term.equals("dumb")) return "TERM=" + (term == null ? "" : term) + " cannot run the full-screen UI";
        return null;
    }

    /**
     * Lanterna's sixteen colour constants make their escape codes with String.format in the
     * default locale; under any locale but Locale.US the first format loads that locale's
     * digits (~10 ms before the first frame), and the codes must be ASCII digits anyway. So
     * they are made under Locale.US, before any other thread runs.
     */
    static void lanternaColours() {
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        try {
            TextColor.ANSI.values();
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
    }

    /** Makes the frame's state once the workers and the event queue exist. */
    private interface AppFactory {
        TuiApp make(java.util.concurrent.Executor pool, java.util.function.Consumer<Runnable> toUi, String logFile);
    }

    private static int runOn(AppFactory apps, Theme theme, TuiStats stats,
                             TerminalStart.Ready ready, FrameOutput frames, TuiStats.Counting out) throws IOException {
        Terminal terminal = ready.terminal();
        TerminalSize size = ready.size();
        stats.phase("terminal");
        if (size.getColumns() < TuiApp.MIN_COLUMNS || size.getRows() < TuiApp.MIN_ROWS) {
            terminal.close();
            throw new TerminalUnsuitable("the terminal is " + size.getColumns() + "x" + size.getRows()
                    + "; the full-screen UI needs at least " + TuiApp.MIN_COLUMNS + "x" + TuiApp.MIN_ROWS);
        }
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "golive-worker");
            t.setDaemon(true);
            return t;
        });
        TerminalScreen screen = new DeltaScreen(terminal);
        String logFile = System.getProperty("golive.logdir", System.getProperty("java.io.tmpdir")) + "/golive.log";
        TuiApp app = apps.make(pool, r -> events.add(new Event(null, r)), logFile);
        QuietStreams quiet = new QuietStreams();
        try {
            screen.startScreen();
            screen.setCursorPosition(null);
            stats.phase("screen");
            terminal.addResizeListener((t, s) -> events.add(new Event(null, () -> { })));
            Thread input = new Thread(() -> readKeys(screen, events), "golive-input");
            input.setDaemon(true);
            input.start();
            // draw first, then start inspecting: the worker's class loading would compete with the first frame
            render(app, screen, theme, frames);
            stats.phase("first frame");
            stats.firstFrame();
            // logging starts here, once, before any worker runs: SLF4J warns (on stderr) when
            // two threads use it while it starts
            log();
            app.start();
            render(app, screen, theme, frames);
            boolean preparing = true;
            while (!app.quitRequested()) {
                Event e;
                try {
                    e = events.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (e == null) {
                    if (app.tick()) render(app, screen, theme, frames);
                    else if (preparing || app.preparableAgain()) preparing = app.idle(new Canvas(new BasicTextImage(screen.getTerminalSize()).newTextGraphics(), theme));
                    continue;
                }
                // from the moment the key was read, so time spent queued behind other work counts too
                long t0 = e.at();
                long b0 = out.bytes();
                if (e.key() != null) {
                    if (e.key().getKeyType() == KeyType.EOF) break;
                    app.handle(e.key());
                } else {
                    e.task().run();
                }
                render(app, screen, theme, frames);
                if (e.key() != null) stats.key(Keys.name(e.key()), System.nanoTime() - t0, out.bytes() - b0);
            }
        } finally {
            pool.shutdownNow();
            app.closeHost();
            screen.stopScreen();
            quiet.close();
            if (!quiet.held().isBlank()) log().warn("printed while the full-screen UI ran: {}", quiet.held().strip());
            stats.log();
        }
        // the screen is gone: what this session changed stays readable in the shell (after ctrl-c during an apply too)
        for (String l : app.changes()) System.out.println("golive: " + l);
        return 0;
    }

    /**
     * Walks every screen on a virtual terminal against {@code root} (null: the live host), so
     * the launcher's AppCDS training run loads the classes a real session needs: the first
     * frame then comes from the archive instead of a cold class path.
     */
    public static void rehearse(String root) {
        // the start-up path before the first frame, without a tty or the admin's config file
        new TuiStats().phase("rehearsal");
        lanternaColours();
        ThemeChoice.choose(null, java.util.Map.of("TERM", "xterm-256color"), p -> java.util.Optional.empty());
        new TuiStats.Counting(java.io.OutputStream.nullOutputStream());
        new Options(root, false, null, null, null, null).root();
        new QuietStreams().close();
        System.console();
        try (Session session = Session.open(root)) {
            var terminal = new com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal(new TerminalSize(80, 24));
            TerminalScreen screen = new DeltaScreen(terminal);
            screen.startScreen();
            Theme theme = ThemeLoader.shipped("default");
            TuiApp app = new TuiApp(new HostModel(session, root, false), theme, Runnable::run, Runnable::run, "");
            app.start();
            render(app, screen, theme);
            // every tab and the help: a screen first visited outside the archive loads its classes
            // cold and interpreted (~30 ms for the unit editor). Nothing here writes: apply,
            // roll back, verify and build all need a key this walk never presses.
            String[] keys = {"j", "enter", "1", "2", "j", "J", "enter", "s", "a", "/", "x", "backspace", "esc", "?", "pgdn", "q",
                "3", "f", "j", "tab", "shift-tab", "esc", "4", "j", "pgdn", "5", "j", "6", "j", "down", "enter", "x", "backspace",
                "esc", "7", "j", "space", "space", "8", "j", "f", "f", "f", "?", "q", "1"};
            for (String k : keys) {
                app.handle(Keys.stroke(k));
                render(app, screen, theme);
            }
            screen.stopScreen();
            // the real terminal's classes, without needing a tty here, a capture's (the training
            // may run on the live host) and those of Tui.run's own steps (the fleet check, the JDK
            // internals behind the console and the first frame's output): each one loaded from
            // the jar before the first frame instead is parsed and verified there
            for (String c : new String[] {"dev.golive.ui.tui.RawTerminal", "dev.golive.ui.tui.RawTerminal$Winch", "dev.golive.ui.tui.TerminalStart",
                "dev.golive.ui.tui.TerminalStart$Ready", "java.util.concurrent.FutureTask", "com.googlecode.lanterna.terminal.ansi.UnixTerminal",
                "com.googlecode.lanterna.terminal.ansi.UnixLikeTTYTerminal", "com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal$CtrlCBehaviour",
                "com.googlecode.lanterna.terminal.ansi.ANSITerminal$1", "com.googlecode.lanterna.terminal.MouseCaptureMode",
                "com.googlecode.lanterna.input.MouseActionType", "com.googlecode.lanterna.input.InputDecoder",
                "com.googlecode.lanterna.input.DefaultKeyDecodingProfile", "com.googlecode.lanterna.input.CharacterPattern$Matching",
                "com.googlecode.lanterna.input.EscapeSequenceCharacterPattern$State", "com.googlecode.lanterna.input.EscapeSequenceCharacterPattern$1",
                "com.googlecode.lanterna.input.ScreenInfoCharacterPattern$1", "sun.misc.Signal", "sun.misc.SignalHandler", "sun.misc.Signal$InternalMiscHandler",
                "java.io.Console$LineReader", "dev.golive.host.CaptureManifest", "dev.golive.host.CaptureCommandRunner",
                "com.fasterxml.jackson.core.io.NumberInput", "dev.golive.host.FleetDirectory", "dev.golive.ui.tui.Tui$AppFactory",
                "java.io.Console$3", "java.nio.StringCharBuffer", "sun.nio.cs.ThreadLocalCoders", "sun.nio.cs.ThreadLocalCoders$1",
                "sun.nio.cs.ThreadLocalCoders$2"}) {
                try {
                    Class.forName(c);
                } catch (ClassNotFoundException e) {
                    // a JDK build whose internals are named otherwise: it does not load this one before the first frame either
                }
            }
        } catch (IOException e) {
            log().warn("rehearsal: {}", e.toString());
        }
    }

    private static void readKeys(Screen screen, BlockingQueue<Event> events) {
        try {
            while (true) {
                KeyStroke k = screen.readInput();
                events.add(new Event(k, null));
                if (k.getKeyType() == KeyType.EOF) return;
            }
        } catch (IOException | RuntimeException e) {
            log().warn("terminal input ended: {}", e.toString());
            events.add(new Event(new KeyStroke(KeyType.EOF), null));
        }
    }

    /** {@link #render}, with the frame's bytes sent to the terminal in one write. */
    private static void render(TuiApp app, Screen screen, Theme theme, FrameOutput frames) throws IOException {
        frames.hold();
        try {
            render(app, screen, theme);
        } finally {
            frames.send();
        }
    }

    /** Draws a frame and sends only the cells that changed (a full redraw after a resize). */
    static void render(TuiApp app, Screen screen, Theme theme) throws IOException {
        TerminalSize resized = screen.doResizeIfNecessary();
        app.draw(new Canvas(screen.newTextGraphics(), theme));
        screen.refresh(resized != null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }
}
