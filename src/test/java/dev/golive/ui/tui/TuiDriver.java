package dev.golive.ui.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.golive.app.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the TUI on Lanterna's virtual terminal like a user at the keyboard: open golive on
 * a fixture host, press keys, look at the screen. Work runs synchronously, so a screen is
 * the same on every run. {@code -Dgolive.updateGoldens=true} rewrites the golden files.
 */
final class TuiDriver implements AutoCloseable {

    static final String LOG_FILE = "/var/log/golive/golive.log";
    static final Path SCREENS = Path.of("src/test/resources/screens");

    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final TuiApp app;
    final Theme theme;
    private final Session session;

    private TuiDriver(String root, boolean readOnly, int cols, int rows, Theme theme) { this(root, readOnly, cols, rows, theme, null); }

    private TuiDriver(String root, boolean readOnly, int cols, int rows, Theme theme, String service) {
        this(root, readOnly, cols, rows, theme, service, Runnable::run);
    }

    /** Work handed to the worker waits here until {@link #finishWork} when the driver holds it ({@link #holdingWork}). */
    private final java.util.ArrayDeque<Runnable> held = new java.util.ArrayDeque<>();

    private TuiDriver(String root, boolean readOnly, int cols, int rows, Theme theme, String service, java.util.concurrent.Executor executor) {
        this(root, readOnly, cols, rows, theme, service, executor, null);
    }

    private TuiDriver(String root, boolean readOnly, int cols, int rows, Theme theme, String service, java.util.concurrent.Executor executor,
                      dev.golive.check.CheckReport manifests) {
        try {
            this.theme = theme;
            // the profiles shipped in the jar only: the test machine's /etc/golive/profiles must not change a screen
            session = Session.open(root).profileDirs(java.util.List.of());
            terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
            screen = new DeltaScreen(terminal); // what golive runs on (DeltaScreenTest holds it to Lanterna's own)
            screen.startScreen();
            app = new TuiApp(new HostModel(session, root, readOnly).forService(service, null).manifests(manifests).planIds(() -> "20260101-000000-test"), theme,
                    executor == null ? held::add : executor, Runnable::run, LOG_FILE);
            app.start();
            render();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** golive --root DIR where DIR holds captures (a fleet): the host picker first; work runs synchronously. */
    private TuiDriver(String fleetDir, int cols, int rows, Theme theme, java.util.concurrent.Executor executor) {
        try {
            this.theme = theme;
            session = null; // each host opened from the picker has its own
            terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
            screen = new DeltaScreen(terminal);
            screen.startScreen();
            // as Tui.run opens a picked host, with the shipped profiles only and fixed plan ids
            app = TuiApp.fleet(fleetDir, null, m -> new HostModel(Session.open(m.spec()).profileDirs(java.util.List.of()), m.spec(), false)
                    .inFleet(m.dir(), m.name()).planIds(() -> "20260101-000000-test"), theme, executor == null ? held::add : executor, Runnable::run, LOG_FILE);
            app.start();
            render();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** golive --root DIR, DIR a directory of captures, in a terminal of cols x rows. */
    static TuiDriver onFleet(String dir, int cols, int rows) {
        return new TuiDriver(dir, cols, rows, ThemeLoader.shipped("default"), Runnable::run);
    }

    /** As {@link #onFleet}, with work held until {@link #finishWork}; the captures are read before this returns. */
    static TuiDriver onFleetHoldingWork(String dir, int cols, int rows) {
        return new TuiDriver(dir, cols, rows, ThemeLoader.shipped("default"), null).finishWork();
    }

    /** golive --root src/test/resources/hosts/NAME, in a terminal of cols x rows. */
    static TuiDriver onFixture(String name, int cols, int rows) {
        return new TuiDriver("src/test/resources/hosts/" + name, false, cols, rows, ThemeLoader.shipped("default"));
    }

    /**
     * golive --root src/test/resources/hosts/NAME --manifest MANIFEST: the container findings are
     * read as Tui.run reads them before the screen opens, through the same app-layer call.
     */
    static TuiDriver onFixtureWithManifests(String name, String manifest, int cols, int rows) {
        return new TuiDriver("src/test/resources/hosts/" + name, false, cols, rows, ThemeLoader.shipped("default"), null, Runnable::run,
                Session.checkManifests(manifest, java.util.Optional.empty()));
    }

    /** golive --root src/test/resources/hosts/NAME --service SERVICE, in a terminal of cols x rows. */
    static TuiDriver onFixture(String name, String service, int cols, int rows) {
        return new TuiDriver("src/test/resources/hosts/" + name, false, cols, rows, ThemeLoader.shipped("default"), service);
    }

    /**
     * A writable copy of a fixture: its files without golive-capture.json, so golive treats it
     * as a target tree it may write into. At a fixed relative path, so screens show the same root.
     */
    static String targetTree(String fixture) {
        Path src = Path.of("src/test/resources/hosts", fixture);
        Path dst = Path.of("target/tui-trees", fixture);
        try {
            if (Files.exists(dst)) dev.golive.host.RootSpec.deleteTree(dst);
            try (var s = Files.walk(src)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Path t = dst.resolve(src.relativize(p).toString());
                    if (p.getFileName().toString().equals("golive-capture.json")) continue;
                    if (Files.isSymbolicLink(p)) Files.createSymbolicLink(t, Files.readSymbolicLink(p));
                    else if (Files.isDirectory(p)) Files.createDirectories(t);
                    else Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dst.toString();
    }

    /**
     * golive --root ROOT where slow work (inspect, plan, apply) waits until {@link #finishWork}:
     * keys pressed meanwhile reach the screen while the work is still running. The first
     * inspection is finished before this returns.
     */
    static TuiDriver holdingWork(String root, int cols, int rows) {
        TuiDriver d = new TuiDriver(root, false, cols, rows, ThemeLoader.shipped("default"), null, null);
        return d.finishWork();
    }

    /** Runs the work held so far, and what it starts in turn, to the end (only with {@link #holdingWork}). */
    TuiDriver finishWork() {
        while (!held.isEmpty()) held.poll().run();
        render();
        return this;
    }

    static TuiDriver on(String root, boolean readOnly, int cols, int rows) {
        return new TuiDriver(root, readOnly, cols, rows, ThemeLoader.shipped("default"));
    }

    /** golive --root ROOT --service SERVICE. */
    static TuiDriver on(String root, String service, int cols, int rows) {
        return new TuiDriver(root, false, cols, rows, ThemeLoader.shipped("default"), service);
    }

    Session session() { return session; }

    boolean quitRequested() { return app.quitRequested(); }

    /** Presses keys by the names the binding tables use ("j", "enter", "shift-tab"). */
    TuiDriver press(String... keys) {
        for (String k : keys) {
            app.handle(Keys.stroke(k));
            render();
        }
        return this;
    }

    /** Types text character by character (into the / filter, a form field). */
    TuiDriver type(String text) {
        for (char ch : text.toCharArray()) press(String.valueOf(ch));
        return this;
    }

    TuiDriver resize(int cols, int rows) {
        terminal.setTerminalSize(new TerminalSize(cols, rows));
        render();
        return this;
    }

    void render() {
        try {
            Tui.render(app, screen, theme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The screen as text, one line per row, trailing blanks cut. */
    String text() { return TuiDriverText.of(terminal); }

    static String textOf(DefaultVirtualTerminal terminal) {
        StringBuilder b = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) {
                var ch = terminal.getCharacter(c, r);
                line.append(ch == null ? " " : ch.getCharacterString());
                if (ch != null && ch.isDoubleWidth()) c++;
            }
            b.append(line.toString().replaceAll("\\s+$", "")).append('\n');
        }
        return b.toString();
    }

    /** One screen row as text. */
    String row(int r) { return text().split("\n", -1)[r]; }

    /** Compares the screen with src/test/resources/screens/NAME.txt. */
    void matchesGolden(String name) { matchesGolden(name, false); }

    /** {@code maskTimes}: clock times and durations read as {@code <time>} and {@code <n> ms}, so the golden stays the same. */
    void matchesGolden(String name, boolean maskTimes) {
        Path file = SCREENS.resolve(name + ".txt");
        String actual = maskTimes ? text().replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:.]*Z?", "<time>").replaceAll(" in \\d+ ms", " in <n> ms") : text();
        try {
            if (Boolean.getBoolean("golive.updateGoldens")) {
                Files.createDirectories(SCREENS);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden screen %s (run with -Dgolive.updateGoldens=true to create it)", file).exists();
            assertThat(actual).as("screen %s", name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void close() {
        try {
            screen.stopScreen();
        } catch (IOException ignored) {
            // virtual terminal: nothing to restore
        }
        if (session != null) session.close();
        app.closeHost();
    }
}
