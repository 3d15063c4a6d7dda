package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.LogRotation;
import dev.golive.model.ProposedFix;
import dev.golive.model.ServiceFacts;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.golive.model.Severity.WARN;

/** Where a service's output goes: a file that systemd opens for it and nothing rotates. */
final class UnitLogRules {

    private UnitLogRules() { }

    /** The StandardOutput=/StandardError= values that name a file, as systemd.exec(5) lists them. */
    static final List<String> FILE_OUTPUTS = List.of("append:", "file:", "truncate:");

    static final Rule FILE_UNROTATED = Rule.service("UNIT-LOG-FILE-UNROTATED", WARN, Area.UNIT,
            "Service output goes to a file nothing rotates",
            "systemd.exec(5), StandardOutput=: file:PATH, append:PATH and truncate:PATH connect the service's stdout "
                    + "(or stderr) to a file that systemd opens once, when the service starts; systemd neither rotates "
                    + "nor caps it (the journal's SystemMaxUse= does not apply), so it grows until the disk is full. "
                    + "The usual rotation is logrotate(8), run daily from cron or logrotate.timer over /etc/logrotate.conf "
                    + "and the files it includes; since the service never reopens the file, its block needs "
                    + "copytruncate (logrotate(8): \"for when some program cannot be told to close its logfile\"), "
                    + "which works with append: (O_APPEND writes land at the new end) but leaves a file: output "
                    + "writing at its old offset into a sparse file.",
            "Send the output to the journal (StandardOutput=journal, the default), or add a logrotate block for the "
                    + "file with copytruncate (and use append:).",
            "man 5 systemd.exec (StandardOutput=, StandardError=); man 8 logrotate (copytruncate)",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                if (!s.logRotation().known()) return List.of();
                LogRotation rot = s.logRotation().opt().get();
                List<Finding> out = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (String key : List.of("StandardOutput", "StandardError")) {
                    Optional<UnitDirective> d = s.last("Service", key);
                    if (d.isEmpty()) continue;
                    Optional<String> path = fileOf(d.get().value());
                    if (path.isEmpty() || !seen.add(path.get()) || rot.covering(path.get()).isPresent()) continue;
                    String where = rot.read().isEmpty() ? "there is no /etc/logrotate.conf"
                            : "no block of " + String.join(", ", rot.read()) + " names it";
                    out.add(r.titled(key + "= writes to " + path.get() + ", which nothing rotates",
                            key + "=" + d.get().value().strip() + ": " + path.get() + " grows without bound; " + where,
                            List.of(d.get().source()),
                            ProposedFix.advice("send the output to the journal, or add /etc/logrotate.d/" + s.name().replaceFirst("\\.service$", "")
                                    + " rotating " + path.get() + " with copytruncate")));
                }
                return out;
            });

    /** The file of a file:/append:/truncate: output, if the value is one. */
    static Optional<String> fileOf(String value) {
        String v = value.strip();
        for (String p : FILE_OUTPUTS) if (v.startsWith(p) && v.length() > p.length()) return Optional.of(v.substring(p.length()));
        return Optional.empty();
    }

    static List<Rule> all() { return List.of(FILE_UNROTATED); }
}
