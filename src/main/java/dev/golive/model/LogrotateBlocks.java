package dev.golive.model;

import dev.golive.model.LogrotateHost.LogDir;

import java.util.List;

/**
 * The logrotate blocks already on the host (every file pattern of /etc/logrotate.conf and what
 * it includes, with the {@code su} in force for it) and, per pattern, the directories logrotate
 * will check before it rotates there: those of the files its glob(3) finds, or of the pattern
 * itself when it finds none (logrotate globs with GLOB_NOCHECK). {@code version}: logrotate's,
 * read only when some directory would be refused; unknown otherwise.
 */
public record LogrotateBlocks(List<Pattern> patterns, Fact<String> version) {

    public LogrotateBlocks { patterns = List.copyOf(patterns); }

    /** One pattern and its directories, each as stat(2) gave it (unknown where it could not be read). */
    public record Pattern(LogRotation.Rotated rotated, List<Fact<LogDir>> dirs) {
        public Pattern { dirs = List.copyOf(dirs); }

        /** Whether logrotate, as root, skips some file of this pattern (no su in force and a directory it refuses). */
        public boolean refused() {
            return rotated.su().isEmpty() && dirs.stream().anyMatch(d -> d.opt().map(LogDir::refusedWithoutSu).orElse(false));
        }
    }

    public LogrotateBlocks withVersion(Fact<String> v) { return new LogrotateBlocks(patterns, v); }
}
