package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Fact;
import dev.golive.model.Finding;
import dev.golive.model.LogrotateBlocks;
import dev.golive.model.LogrotateHost;
import dev.golive.model.LogrotateHost.LogDir;
import dev.golive.model.ProposedFix;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.golive.model.Severity.WARN;

/** The logrotate blocks already on the host: the ones logrotate will skip. */
final class LogrotateRules {

    private LogrotateRules() { }

    static final Rule DIR_REFUSED = Rule.host("LOGROTATE-DIR-REFUSED", WARN, Area.UNIT,
            "logrotate skips a block's files (unsafe directory)",
            "logrotate.c, findNeedRotating (every release from 3.8.0 to 3.22.0): run as root, as the daily cron job and "
                    + "logrotate.timer run it, with no su in force for a block, logrotate checks the directory of each file "
                    + "the block names and skips the file when that directory is writable by a group other than root (gid 0) "
                    + "or by others: \"skipping ... because parent directory has insecure permissions (It's world writable or "
                    + "writable by group which is not \"root\") Set \"su\" directive in config file to tell logrotate which "
                    + "user/group should be used for rotation.\" The sticky bit does not exempt a directory: 1777 is refused too. "
                    + "The su in force is the block's own su USER GROUP line, else the last global one logrotate read before the "
                    + "block, in /etc/logrotate.conf or a file it includes (a global line reaches only what is read after it). "
                    + "A skipped file is never rotated and grows until the disk is full; for a service whose StandardOutput= is "
                    + "append:FILE nothing else caps it. golive reads each directory's owner, group and mode on the live host "
                    + "or a target tree (--root); a capture keeps no owners and modes, so there this rule says nothing. Nor "
                    + "does it where logrotate's version is unknown or older than 3.8.0, which has neither su nor the check.",
            "Add su USER GROUP to the block (the owner of its log files, the directory's group), or take the write bit "
                    + "from the directory's group or others (chmod g-w / o-w) if nothing needs it.",
            "logrotate.c findNeedRotating (logrotate 3.8.0 and later); man 8 logrotate (su)",
            (r, h) -> {
                if (!h.logrotate().known()) return List.of();
                LogrotateBlocks blocks = h.logrotate().opt().get();
                Fact<String> version = blocks.version();
                if (!version.opt().map(LogrotateHost::checksDirectories).orElse(false)) return List.of();
                // one finding per block and directory, naming the block's patterns there
                record Key(Source.File block, String dir) { }
                Map<Key, List<String>> globs = new LinkedHashMap<>();
                Map<Key, LogDir> dirs = new LinkedHashMap<>();
                for (LogrotateBlocks.Pattern p : blocks.patterns()) {
                    if (!p.refused()) continue;
                    for (Fact<LogDir> d : p.dirs()) {
                        if (!d.opt().map(LogDir::refusedWithoutSu).orElse(false)) continue;
                        LogDir dir = d.opt().get();
                        Key k = new Key(p.rotated().source(), dir.path());
                        dirs.putIfAbsent(k, dir);
                        List<String> g = globs.computeIfAbsent(k, x -> new ArrayList<>());
                        if (!g.contains(p.rotated().glob())) g.add(p.rotated().glob());
                    }
                }
                List<Finding> out = new ArrayList<>();
                for (Map.Entry<Key, LogDir> e : dirs.entrySet()) {
                    LogDir dir = e.getValue();
                    String block = e.getKey().block().path() + ":" + e.getKey().block().line();
                    String files = String.join(" ", globs.get(e.getKey()));
                    List<Source> sources = new ArrayList<>(List.of(e.getKey().block(), Source.File.of(dir.path())));
                    version.src().ifPresent(sources::add);
                    out.add(r.titled("logrotate skips " + files + ": " + dir.path() + " is writable by " + dir.writableBy(),
                            block + " rotates " + files + " with no su in force; " + dir.describe() + ", writable by " + dir.writableBy()
                                    + ": logrotate " + version.opt().get() + ", run as root, skips every file of the block there "
                                    + "(\"parent directory has insecure permissions\"), so they grow until the disk is full",
                            sources,
                            ProposedFix.advice("add \"" + dir.suLine() + "\" to the block at " + block + ", or chmod " + chmod(dir) + " " + dir.path())));
                }
                return out;
            });

    /** The chmod that makes logrotate accept the directory: no write bit for a non-root group, none for others. */
    static String chmod(LogDir dir) {
        List<String> bits = new ArrayList<>();
        if (dir.gid() != 0 && (dir.mode() & 0020) != 0) bits.add("g-w");
        if ((dir.mode() & 0002) != 0) bits.add("o-w");
        return String.join(",", bits);
    }

    static List<Rule> all() { return List.of(DIR_REFUSED); }
}
