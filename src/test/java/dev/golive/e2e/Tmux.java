package dev.golive.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real terminal for the real launcher: a detached tmux session of a given size running
 * one command; keys go in with send-keys, the screen comes back with capture-pane.
 */
final class Tmux implements AutoCloseable {

    private final String name;
    final Path exitFile;

    private Tmux(String name, Path exitFile) {
        this.name = name;
        this.exitFile = exitFile;
    }

    /** Starts {@code command} (a shell line) in a cols x rows terminal; its exit code lands in a file. */
    static Tmux start(int cols, int rows, String env, String command) throws Exception {
        String name = "golive-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path exit = Files.createTempFile("golive-tmux-exit", ".txt");
        Files.delete(exit);
        String line = "cd " + Run.root() + " && env " + env + " " + command + "; echo $? > " + exit + "; sleep 60";
        Run r = Run.run(List.of("tmux", "new-session", "-d", "-s", name, "-x", String.valueOf(cols), "-y", String.valueOf(rows), line));
        if (r.exit() != 0) throw new AssertionError("tmux: " + r.err());
        return new Tmux(name, exit);
    }

    void keys(String... keys) throws Exception {
        for (String k : keys) {
            List<String> argv = new ArrayList<>(List.of("tmux", "send-keys", "-t", name));
            argv.add(k);
            Run.run(argv);
            Thread.sleep(60);
        }
    }

    /** Types literal text (send-keys -l: no key-name lookup). */
    void type(String text) throws Exception {
        Run.run(List.of("tmux", "send-keys", "-t", name, "-l", text));
        Thread.sleep(100);
    }

    /** The admin resizes the terminal window: tmux sends SIGWINCH to the program in it. */
    void resize(int cols, int rows) throws Exception {
        Run r = Run.run(List.of("tmux", "resize-window", "-t", name, "-x", String.valueOf(cols), "-y", String.valueOf(rows)));
        if (r.exit() != 0) throw new AssertionError("tmux resize-window: " + r.err());
    }

    String screen() throws Exception { return Run.run(List.of("tmux", "capture-pane", "-p", "-t", name)).out(); }

    /** Everything the pane printed, including what scrolled off the top, long lines joined. */
    String scrollback() throws Exception { return Run.run(List.of("tmux", "capture-pane", "-p", "-J", "-S", "-", "-t", name)).out(); }

    /** The screen with its escape sequences (colours) kept. */
    String screenWithEscapes() throws Exception { return Run.run(List.of("tmux", "capture-pane", "-p", "-e", "-t", name)).out(); }

    /** Waits (up to 60 s: the first run may build golive) until the screen satisfies {@code p}. */
    String waitFor(Predicate<String> p, String what) throws Exception {
        long end = System.currentTimeMillis() + 60_000;
        String s = "";
        while (System.currentTimeMillis() < end) {
            s = screen();
            if (p.test(s)) return s;
            Thread.sleep(100);
        }
        throw new AssertionError("screen never showed " + what + ":\n" + s);
    }

    /** The program's exit code, once it has ended. */
    int exitCode() throws Exception {
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            if (Files.exists(exitFile) && !Files.readString(exitFile).isBlank()) return Integer.parseInt(Files.readString(exitFile).strip());
            Thread.sleep(100);
        }
        throw new AssertionError("golive did not exit; screen:\n" + screen());
    }

    @Override public void close() throws IOException {
        try {
            Run.run(List.of("tmux", "kill-session", "-t", name));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(exitFile);
    }
}
