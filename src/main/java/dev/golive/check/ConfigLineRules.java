package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.MalformedLine;
import dev.golive.model.Source;

import java.util.List;

import static dev.golive.model.Severity.WARN;

/** Lines of the host's configuration files that their reader skips: one finding per line, with file:line. */
final class ConfigLineRules {

    private ConfigLineRules() { }

    static final Rule SYSCTL_MALFORMED = Rule.host("SYSCTL-MALFORMED-LINE", WARN, Area.SYSCTL_CONFIG,
            "sysctl file line that is not an assignment",
            "sysctl.d(5) files hold `key = value` lines (a leading '-' ignores a failure), comments after '#' or ';', "
                    + "and blank lines. systemd-sysctl logs any other line as \"Line is not an assignment, ignoring\" and "
                    + "goes on (src/sysctl/sysctl.c in systemd), and `sysctl --system` of procps skips it too: whatever "
                    + "the line meant to set is not set at boot, though the file reads as if it were.",
            "Fix the line to `key = value`, or remove it.",
            "man 5 sysctl.d; man 8 systemd-sysctl; man 8 sysctl",
            (r, h) -> lines(r, h.sysctls().malformedLines(), "systemd-sysctl skips it at every boot"));

    static final Rule LIMITS_MALFORMED = Rule.host("FD-LIMITS-MALFORMED-LINE", WARN, Area.FDS,
            "limits.conf line pam_limits cannot read",
            "limits.conf(5) lines have four fields, `<domain> <type> <item> <value>`, with type soft, hard or -, one of "
                    + "the items the manual lists, and a number, unlimited or -1 as the value. pam_limits logs any other "
                    + "line (\"invalid line\", \"unknown limit item\") and skips it, so the limit it meant to set is not "
                    + "set for login sessions. (Services started by systemd never read these files unless their unit "
                    + "sets PAMName=: their limits come from LimitNOFILE= and DefaultLimitNOFILE=.)",
            "Fix the line (four fields, a known item and value), or remove it.",
            "man 5 limits.conf; man 8 pam_limits; man 5 systemd.exec (LimitNOFILE=, PAMName=)",
            (r, h) -> lines(r, h.fds().limitsMalformed(), "pam_limits skips it"));

    private static List<Finding> lines(Rule r, List<MalformedLine> malformed, String effect) {
        return malformed.stream()
                .map(m -> r.titled(r.title() + " (" + m.at().describe() + ")", m.message() + "; " + effect, List.<Source>of(m.at()), null))
                .toList();
    }

    static List<Rule> all() { return List.of(SYSCTL_MALFORMED, LIMITS_MALFORMED); }
}
