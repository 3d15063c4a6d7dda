package dev.golive.inspect;

import dev.golive.host.CommandResult;
import dev.golive.host.CommandRunner;
import dev.golive.host.FileIds;
import dev.golive.host.HostPaths;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.LogrotateHost;
import dev.golive.model.LogrotateHost.LogDir;
import dev.golive.model.Source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What logrotate(8) will find on the target host for the log files golive rotates: each file's
 * directory (owner, group and mode as stat(2) gives them, named from the host's own
 * /etc/passwd and /etc/group), the file's owner, and logrotate's version.
 */
public final class LogrotateHostProbe {
    private LogrotateHostProbe() { }

    /** "logrotate 3.21.0" (stdout since 3.9; 3.8's --version wrote it to stderr). */
    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^logrotate (\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final Pattern UPSTREAM = Pattern.compile("^(?:\\d+:)?(\\d+\\.\\d+(?:\\.\\d+)?)");

    /** {@code files}: the log files; logrotate's version is asked for only when a directory needs {@code su}. */
    public static LogrotateHost read(HostRoot root, CommandRunner runner, List<String> files) {
        Map<String, Fact<LogDir>> dirs = new LinkedHashMap<>();
        String passwd = root.read("/etc/passwd").orElse("");
        String group = root.read("/etc/group").orElse("");
        for (String file : files) dirs.put(file, dir(root, file, passwd, group));
        boolean needed = dirs.values().stream().anyMatch(d -> d.opt().map(LogDir::refusedWithoutSu).orElse(false));
        Fact<String> version = needed ? version(root, runner) : Fact.unknown("not needed: no log directory needs su");
        return new LogrotateHost(version, dirs);
    }

    static Fact<LogDir> dir(HostRoot root, String file, String passwd, String group) {
        String dir = HostPaths.parent(file);
        Fact<Optional<FileIds>> ids = FileIds.of(root, dir);
        if (!ids.known()) return Fact.unknown(((Fact.Unknown<Optional<FileIds>>) ids).reason());
        if (ids.opt().get().isEmpty()) return Fact.of(LogDir.missing(dir), Source.File.of(dir));
        FileIds d = ids.opt().get().get();
        LogDir read = new LogDir(dir, true, d.uid(), d.gid(), name(passwd, d.uid()), name(group, d.gid()), d.mode(), Optional.empty());
        if (!read.refusedWithoutSu()) return Fact.of(read, Source.File.of(dir));
        // only the su line names the file's owner: stat it only where one is needed
        Optional<String> fileOwner = FileIds.of(root, file).opt().flatMap(o -> o).map(f -> name(passwd, f.uid()));
        return Fact.of(new LogDir(dir, true, d.uid(), d.gid(), read.owner(), read.group(), d.mode(), fileOwner), Source.File.of(dir));
    }

    /** The name of numeric id {@code id} in a passwd or group text; the number itself when no line has it. */
    static String name(String accounts, int id) {
        for (String line : accounts.lines().toList()) {
            String[] f = line.split(":", -1);
            if (f.length > 2 && f[2].equals(Integer.toString(id))) return f[0];
        }
        return Integer.toString(id);
    }

    /** The installed package's version (dpkg), else what {@code logrotate --version} says on a host that runs commands. */
    static Fact<String> version(HostRoot root, CommandRunner runner) {
        Optional<Fact<String>> dpkg = DpkgStatus.installedVersion(root, "logrotate");
        if (dpkg.isPresent()) {
            Matcher m = UPSTREAM.matcher(dpkg.get().orElse(""));
            if (m.find()) return Fact.of(m.group(1), dpkg.get().src().orElseThrow());
        }
        CommandResult r = runner.run("logrotate", "--version");
        if (r.ran()) {
            Matcher m = VERSION_LINE.matcher(r.stdout() + "\n" + r.stderr());
            if (m.find()) return Fact.of(m.group(1), new Source.Command("logrotate --version"));
        }
        return Fact.unknown("no logrotate package in " + DpkgStatus.PATH + " and `logrotate --version` "
                + (r.ran() ? "printed no version" : "did not run (" + r.failure().orElse("") + ")"));
    }
}
