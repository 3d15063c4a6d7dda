package dev.golive.unit;

import dev.golive.model.ServiceSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The logrotate(8) block golive writes, as {@code /etc/logrotate.d/golive-NAME}
 * ({@link dev.golive.model.OwnedFiles#logrotate}), for a service whose StandardOutput= or
 * StandardError= is {@code append:PATH}: pure, from the spec alone; empty when the service
 * sends nothing to a file (then golive's old file, if any, goes).
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

    /** The file's body (without golive's header); "" when the service appends to no file. */
    public static String body(ServiceSpec spec) {
        List<String> files = files(spec.logging());
        if (files.isEmpty()) return "";
        StringBuilder b = new StringBuilder();
        b.append("# ").append(spec.unitName()).append(" appends its output to ").append(String.join(" and ", files)).append(" (StandardOutput=/StandardError=append:).\n");
        b.append("# systemd opens the file once, when the service starts, and the service keeps that descriptor: moving the\n");
        b.append("# file away would leave it writing into the rotated copy, and it cannot be told to reopen. copytruncate\n");
        b.append("# copies the file, then truncates it in place; append: writes with O_APPEND, so the next line lands at\n");
        b.append("# the new end. Lines written between the copy and the truncate are lost (logrotate(8), copytruncate).\n");
        b.append(String.join(" ", files.stream().map(LogrotateFile::quoted).toList())).append(" {\n");
        b.append("    daily\n");
        b.append("    maxsize ").append(MAX_SIZE).append('\n');
        b.append("    rotate ").append(KEEP).append('\n');
        b.append("    missingok\n");
        b.append("    notifempty\n");
        b.append("    compress\n");
        b.append("    copytruncate\n");
        b.append("}\n");
        return b.toString();
    }

    private static String quoted(String path) { return path.matches("[A-Za-z0-9_./+@:=,-]+") ? path : "\"" + path + "\""; }
}
