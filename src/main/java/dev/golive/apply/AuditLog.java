package dev.golive.apply;

import dev.golive.host.HostWriter;
import dev.golive.model.AuditEntry;
import dev.golive.model.GoliveException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * golive's audit trail, {@code /var/log/golive/audit.log} (under DIR with {@code --root DIR}):
 * one line per apply, rollback and recover, whether it worked or not, appended in one write
 * (see {@link HostWriter#append}). A line is {@code key=value} pairs, a value quoted when it
 * holds a blank, a quote or a backslash, so {@code grep} and {@code awk} read it as well as golive:
 * <pre>time=2026-12-07T14:50:03Z action=apply snapshot=20261207-145001-ab12 result=ok exit=0 uid=0 user=root sudo_user=alice detail="3 files, 5 live values"</pre>
 */
public final class AuditLog {

    public static final String PATH = "/var/log/golive/audit.log";
    /** Readable by root and the adm group, like the rest of /var/log on Debian; it names users. */
    static final int MODE = 0640;

    private final HostWriter w;

    public AuditLog(HostWriter w) { this.w = w; }

    /** Appends one entry (creating /var/log/golive if needed). */
    public void append(AuditEntry e) {
        String dir = PATH.substring(0, PATH.lastIndexOf('/'));
        w.createDirs(w.missingDirs(dir), 0755);
        w.append(PATH, HostWriter.utf8(line(e) + "\n"), MODE);
    }

    /** Every line of the trail, oldest first: an entry, or the line as found when it is not one of golive's. */
    public List<Line> read() {
        Optional<byte[]> b = w.readBytes(PATH);
        if (b.isEmpty()) return List.of();
        List<Line> out = new ArrayList<>();
        for (String l : new String(b.get(), StandardCharsets.UTF_8).split("\n")) {
            if (!l.isBlank()) out.add(new Line(l, parse(l)));
        }
        return out;
    }

    /** One line of the file: {@code entry} empty when the line is not golive's format. */
    public record Line(String text, Optional<AuditEntry> entry) { }

    public static String line(AuditEntry e) {
        StringBuilder b = new StringBuilder();
        pair(b, "time", e.at().truncatedTo(ChronoUnit.SECONDS).toString());
        pair(b, "action", e.action().word());
        pair(b, "snapshot", e.snapshots().isEmpty() ? "-" : String.join(",", e.snapshots()));
        pair(b, "result", e.ok() ? "ok" : "failed");
        pair(b, "exit", Integer.toString(e.exit()));
        pair(b, "uid", Integer.toString(e.who().uid()));
        pair(b, "user", e.who().user());
        e.who().sudoUser().ifPresent(s -> pair(b, "sudo_user", s));
        pair(b, "detail", e.detail());
        return b.toString();
    }

    private static void pair(StringBuilder b, String key, String value) {
        if (b.length() > 0) b.append(' ');
        b.append(key).append('=');
        boolean quote = value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\\' || c == '=' || c == 0x7f);
        if (!quote) {
            b.append(value);
            return;
        }
        b.append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c < ' ' || c == 0x7f ? ' ' : c); // one line, whatever a message held
            }
        }
        b.append('"');
    }

    /** The entry a line holds; empty when it is not a line golive wrote. */
    public static Optional<AuditEntry> parse(String line) {
        Map<String, String> kv = pairs(line);
        if (kv == null) return Optional.empty();
        try {
            Instant at = Instant.parse(kv.get("time"));
            AuditEntry.Action action = AuditEntry.Action.valueOf(kv.get("action").toUpperCase(java.util.Locale.ROOT));
            String snap = kv.get("snapshot");
            List<String> snaps = snap == null || snap.equals("-") ? List.of() : Arrays.asList(snap.split(","));
            int exit = Integer.parseInt(kv.get("exit"));
            if (!kv.get("result").equals(exit == 0 ? "ok" : "failed")) return Optional.empty();
            AuditEntry.Who who = new AuditEntry.Who(Integer.parseInt(kv.get("uid")), kv.get("user"), Optional.ofNullable(kv.get("sudo_user")));
            return Optional.of(new AuditEntry(at, action, snaps, exit, who, kv.getOrDefault("detail", "")));
        } catch (NullPointerException | IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** key=value pairs; null when the line is not of that form. */
    private static Map<String, String> pairs(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0, n = line.length();
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') i++;
            if (i == n) break;
            int eq = line.indexOf('=', i);
            if (eq < 0) return null;
            String key = line.substring(i, eq);
            if (key.isEmpty() || key.contains(" ")) return null;
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') { closed = true; break; }
                    if (c == '\\' && i < n) {
                        char e = line.charAt(i++);
                        v.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                    } else {
                        v.append(c);
                    }
                }
                if (!closed) return null;
            } else {
                while (i < n && line.charAt(i) != ' ') v.append(line.charAt(i++));
            }
            if (out.put(key, v.toString()) != null) return null;
        }
        return out;
    }

    /**
     * Runs {@code work} (an apply, rollback or recover) and appends its line whatever happens:
     * the result's {@code detail} when it works, the failure's first line and exit code when it
     * throws (then the failure is rethrown as it was). A line that cannot be appended after the
     * work succeeded does not undo the work: {@code unrecorded} is told why, and the result returned.
     */
    public <T> T record(AuditEntry.Action action, List<String> snapshots, AuditEntry.Who who, java.time.Clock clock,
                        java.util.function.Supplier<T> work, java.util.function.Function<T, String> detail,
                        java.util.function.Function<T, List<String>> snapshotsDone, java.util.function.Consumer<String> unrecorded) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            int exit = e instanceof GoliveException g ? g.exitCode().code() : dev.golive.model.ExitCode.INTERNAL.code();
            try {
                append(new AuditEntry(clock.instant(), action, snapshots, exit, who, firstLine(e)));
            } catch (GoliveException notRecorded) {
                e.addSuppressed(notRecorded);
                unrecorded.accept(firstLine(notRecorded));
            }
            throw e;
        }
        try {
            append(new AuditEntry(clock.instant(), action, snapshotsDone.apply(result), 0, who, detail.apply(result)));
        } catch (GoliveException notRecorded) {
            unrecorded.accept(firstLine(notRecorded));
        }
        return result;
    }

    private static String firstLine(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
