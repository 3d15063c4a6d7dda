package dev.golive;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses the log directory before SLF4J starts ({@link LogConfigurator} reads golive.logdir):
 * /var/log/golive as root, else $XDG_STATE_HOME/golive or ~/.local/state/golive. Falls back
 * to the temp directory when none is writable. Never logs to the terminal: the TUI owns it.
 */
final class Logging {
    private Logging() { }

    static void configure() {
        if (System.getProperty("golive.logdir") != null) return;
        System.setProperty("golive.logdir", chooseDir().toString());
    }

    static Path chooseDir() {
        String user = System.getProperty("user.name", "");
        String xdg = System.getenv("XDG_STATE_HOME");
        String home = System.getProperty("user.home", "/tmp");
        Path preferred = "root".equals(user) ? Path.of("/var/log/golive")
                : (xdg != null && !xdg.isBlank() ? Path.of(xdg, "golive") : Path.of(home, ".local", "state", "golive"));
        for (Path p : new Path[] {preferred, Path.of(System.getProperty("java.io.tmpdir"), "golive-" + user)}) {
            try {
                Files.createDirectories(p);
                if (Files.isWritable(p)) return p;
            } catch (Exception ignored) {
                // try the next candidate
            }
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
