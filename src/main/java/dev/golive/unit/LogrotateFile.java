package dev.golive.unit;

import dev.golive.model.Fact;
import dev.golive.model.LogrotateHost;
import dev.golive.model.LogrotateHost.LogDir;
import dev.golive.model.ServiceSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The logrotate(8) block golive writes, as {@code /etc/logrotate.d/golive-NAME}
 * ({@link dev.golive.model.OwnedFiles#logrotate}), for a service whose StandardOutput= or
 * StandardError= is {@code append:PATH}: pure, from the spec and what the target host's
 * logrotate will find there ({@link LogrotateHost}); empty when the service sends nothing to a
 * file (then golive's old file, if any, goes).
 */
public final class LogrotateFile {
    private LogrotateFile() { }

    /** How many rotated copies are kept, and the size past which a file rotates before its day is up. */
    static final int KEEP = 7;
    static final String MAX_SIZE = "100M";

    /** The file of an {@code append:PATH} output (systemd.exec(5)), if the value is one. */
    public static Optional<String> appended(String value) {
        return value.startsWith("append:") ? Optional.of(value.substring("append:".length())) : Optional.empty();
    }

    /** The files the service's output is appended to, stdout's first, each once. */
    public static List<String> files(ServiceSpec.Logging l) {
        List<String> out = new ArrayList<>();
        for (Optional<String> v : List.of(l.standardOutput(), l.standardError())) {
            v.flatMap(LogrotateFile::appended).filter(p -> !out.contains(p)).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The file's body (without golive's header); "" when the service appends to no file.
     * {@code host}: the log directories and logrotate's version as read from the target host,
     * which decide each block's {@code su} line ({@link #su}).
     */
    public static String body(ServiceSpec spec, LogrotateHost host) {
        List<String> files = files(spec.logging());
        if (files.isEmpty()) return "";
        StringBuilder b = new StringBuilder();
        b.append("# ").append(spec.unitName()).append(" appends its output to ").append(String.join(" and ", files)).append(" (StandardOutput=/StandardError=append:).\n");
        b.append("# systemd opens the file once, when the service starts, and the service keeps that descriptor: moving the\n");
        b.append("# file away would leave it writing into the rotated copy, and it cannot be told to reopen. copytruncate\n");
        b.append("# copies the file, then truncates it in place; append: writes with O_APPEND, so the next line lands at\n");
        b.append("# the new end. Lines written between the copy and the truncate are lost (logrotate(8), copytruncate).\n");
        // files whose directories need the same su line share one block
        Map<Optional<String>, List<String>> blocks = new LinkedHashMap<>();
        Map<Optional<String>, List<String>> notes = new LinkedHashMap<>();
        for (String f : files) {
            Su su = su(f, host);
            blocks.computeIfAbsent(su.line(), k -> new ArrayList<>()).add(f);
            List<String> n = notes.computeIfAbsent(su.line(), k -> new ArrayList<>());
            su.notes().stream().filter(x -> !n.contains(x)).forEach(n::add);
        }
        for (Map.Entry<Optional<String>, List<String>> block : blocks.entrySet()) {
            for (String n : notes.get(block.getKey())) b.append("# ").append(n).append('\n');
            b.append(String.join(" ", block.getValue().stream().map(LogrotateFile::quoted).toList())).append(" {\n");
            block.getKey().ifPresent(line -> b.append("    ").append(line).append('\n'));
            b.append("    daily\n");
            b.append("    maxsize ").append(MAX_SIZE).append('\n');
            b.append("    rotate ").append(KEEP).append('\n');
            b.append("    missingok\n");
            b.append("    notifempty\n");
            b.append("    compress\n");
            b.append("    copytruncate\n");
            b.append("}\n");
        }
        return b.toString();
    }

    /** A block's {@code su USER GROUP} line, if it needs one, and the comment lines that say why (or why not). */
    record Su(Optional<String> line, List<String> notes) {
        Su { notes = List.copyOf(notes); }
    }

    /**
     * Whether logrotate needs {@code su} for {@code file}: exactly when its directory fails
     * logrotate's check ({@link LogDir#refusedWithoutSu}) and the host's logrotate has the
     * directive; the line is {@link LogDir#suLine}.
     */
    static Su su(String file, LogrotateHost host) {
        Fact<LogDir> read = host.dirOf(file);
        if (read instanceof Fact.Unknown<LogDir> u) {
            return new Su(Optional.empty(), List.of("the directory of " + file + " could not be read (" + u.reason() + "): if it is writable by a",
                    "group other than root or by others, logrotate skips the file until this block says su USER GROUP."));
        }
        LogDir dir = read.opt().orElseThrow();
        if (!dir.exists()) {
            return new Su(Optional.empty(), List.of(dir.path() + " does not exist yet: created 0755, as systemd's LogsDirectory= and golive's finish step",
                    "make it, it needs no su (plan again if it is made writable by a group other than root or by others)."));
        }
        if (!dir.refusedWithoutSu()) return new Su(Optional.empty(), List.of());
        if (host.version().opt().map(v -> !LogrotateHost.checksDirectories(v)).orElse(false)) {
            return new Su(Optional.empty(), List.of(dir.describe() + ": logrotate " + host.version().opt().get()
                    + " predates su and the check that needs it (3.8.0)."));
        }
        String user = dir.fileOwner().orElse("root");
        List<String> notes = new ArrayList<>();
        notes.add(dir.describe() + ", writable by " + dir.writableBy()
                + ": logrotate (3.8.0 and later) skips a file there unless");
        notes.add("the block says su. It rotates as " + user + (dir.fileOwner().isPresent() ? ", the owner of " + file
                : " (systemd creates " + file + " as root)") + ", with the directory's group.");
        if (!host.version().known()) {
            notes.add("logrotate's version on this host is unknown (" + ((Fact.Unknown<String>) host.version()).reason() + "); su needs 3.8.0.");
        }
        return new Su(Optional.of(dir.suLine()), notes);
    }

    private static String quoted(String path) { return path.matches("[A-Za-z0-9_./+@:=,-]+") ? path : "\"" + path + "\""; }
}
