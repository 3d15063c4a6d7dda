package dev.golive.apply;

import dev.golive.config.LogrotateConf;
import dev.golive.config.SysctlFile;
import dev.golive.config.SystemdIni;
import dev.golive.model.LiveChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Suggest;
import dev.golive.profile.LiveKeys;
import dev.golive.profile.ManagerKeys;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The content a plan file may ask golive to write into one of its files, held to that file's
 * schema: what the planner writes there and what the reading program accepts. A hand-edited
 * line the program would skip or misread (a misspelt sysctl key, a profile key's value out of
 * its range, a [Manager] key no profile sets, a unit line systemd ignores, a logrotate script)
 * is refused before anything is written.
 * Pure: one problem (the content's line and what is wrong), or empty.
 */
final class OwnedFileSchema {
    private OwnedFileSchema() { }

    /** A problem at {@code line} (1-based) of the content. */
    record Problem(int line, String message) { }

    /** The directives of golive's logrotate block (unit.LogrotateFile). */
    static final Set<String> LOGROTATE_DIRECTIVES = Set.of("su", "daily", "maxsize", "rotate", "missingok", "notifempty", "compress", "copytruncate");

    /** The sections of a unit file or drop-in golive writes. */
    static final Set<String> UNIT_SECTIONS = Set.of("Unit", "Service", "Install");

    /** {@code sysctlExists}: whether the target host's kernel has a key (its /proc/sys file); false where it cannot tell. */
    static Optional<Problem> check(String path, String content, Predicate<String> sysctlExists) {
        if (path.equals(OwnedFiles.SYSCTL_DROPIN)) return sysctl(path, content, sysctlExists);
        if (path.equals(OwnedFiles.TMPFILES_DROPIN)) return tmpfiles(content);
        if (path.equals(OwnedFiles.MANAGER_DROPIN)) return ini(path, content, Set.of("Manager"), Optional.of(ManagerKeys.names()));
        if (path.startsWith(OwnedFiles.LOGROTATE_DIR + "/")) return logrotate(path, content);
        if (path.startsWith("/etc/systemd/system/")) return ini(path, content, UNIT_SECTIONS, Optional.empty());
        return Optional.empty();
    }

    private static Optional<Problem> sysctl(String path, String content, Predicate<String> sysctlExists) {
        for (SysctlFile.Line l : SysctlFile.parse(path, content).lines()) {
            if (l.isBlank() || l.isComment()) continue;
            if (l.isInvalid()) return problem(l.number(), "\"" + l.raw().strip() + "\" is not a KEY = VALUE line (sysctl.d(5))");
            if (l.isExclusion() || l.ignoreFailure()) return problem(l.number(), "golive writes plain KEY = VALUE lines, not \"-\" or excluded keys");
            if (SysctlFile.isGlob(l.key()) || !l.key().matches("[A-Za-z0-9_.:/-]+")) {
                return problem(l.number(), "\"" + l.key() + "\" is not one sysctl key");
            }
            Optional<LiveKeys.LiveKey> k = LiveKeys.of(l.key()).filter(x -> x.format() == LiveChange.Format.SYSCTL);
            if (k.isPresent()) {
                Optional<String> bad = LiveKeys.valueProblem(l.key(), SysctlFile.normalizeValue(l.value()));
                if (bad.isPresent()) return problem(l.number(), bad.get());
                continue;
            }
            // a picked fix may keep any key the host sets (the planner writes those too); one a letter or
            // two away from a profile key that the host's kernel does not have is a misspelling, which
            // systemd-sysctl skips at boot (net.ipv4.tcp_mem is a key of its own, next to tcp_rmem)
            Optional<String> near = sysctlKeys().stream().filter(x -> Suggest.distance(x, l.key()) <= 2).findFirst()
                    .filter(x -> !sysctlExists.test(l.key()));
            if (near.isPresent()) {
                return problem(l.number(), "\"" + l.key() + "\" is not a sysctl key (did you mean \"" + near.get() + "\"?)");
            }
        }
        return Optional.empty();
    }

    /** golive's tmpfiles.d lines: {@code w PATH - - - - VALUE} for a sysfs key of the schema. */
    private static Optional<Problem> tmpfiles(String content) {
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] f = t.split("\\s+", 7);
            if (f.length != 7 || !f[0].equals("w") || !f[2].equals("-") || !f[3].equals("-") || !f[4].equals("-") || !f[5].equals("-")) {
                return problem(i + 1, "\"" + t + "\" is not a line golive writes (w PATH - - - - VALUE, tmpfiles.d(5))");
            }
            Optional<String> key = LiveKeys.keys().stream().filter(k -> LiveKeys.of(k).map(x -> x.format() != LiveChange.Format.SYSCTL && x.path().equals(f[1])).orElse(false)).findFirst();
            if (key.isEmpty()) return problem(i + 1, "\"" + f[1] + "\" is not a sysfs file golive sets");
            Optional<String> bad = LiveKeys.valueProblem(key.get(), f[6]);
            if (bad.isPresent()) return problem(i + 1, bad.get());
        }
        return Optional.empty();
    }

    /** A systemd INI file: no line systemd would skip, only {@code sections}, and only {@code keys} when given. */
    private static Optional<Problem> ini(String path, String content, Set<String> sections, Optional<Set<String>> keys) {
        SystemdIni ini = SystemdIni.parse(path, content);
        if (!ini.problems().isEmpty()) {
            SystemdIni.Problem p = ini.problems().get(0);
            return problem(p.line(), p.message());
        }
        for (SystemdIni.Entry e : ini.entries()) {
            if (!sections.contains(e.section())) {
                return problem(e.line(), "[" + e.section() + "] is not a section golive writes here (" + String.join(", ", sections.stream().sorted().map(s -> "[" + s + "]").toList()) + ")");
            }
            if (keys.isPresent() && !keys.get().contains(e.key())) {
                return problem(e.line(), e.key() + "= is not a [" + e.section() + "] setting a profile may set (" + String.join(", ", keys.get().stream().sorted().toList()) + ")"
                        + Suggest.didYouMean(e.key(), keys.get()));
            }
        }
        return Optional.empty();
    }

    /** One block of golive's directives: no script (it would run as root at every rotation), nothing logrotate refuses. */
    private static Optional<Problem> logrotate(String path, String content) {
        LogrotateConf conf = LogrotateConf.parse(path, content);
        if (!conf.malformed().isEmpty()) {
            dev.golive.model.MalformedLine m = conf.malformed().get(0);
            String located = m.message(); // "PATH:LINE:COL: what"
            return problem(m.at().line(), located.substring(located.indexOf(": ", path.length()) + 2));
        }
        if (!conf.includes().isEmpty()) return problem(lineOf(content, "include"), "golive's logrotate file includes nothing");
        String[] lines = content.split("\n", -1);
        boolean inBlock = false;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            if (t.endsWith("{")) { inBlock = true; continue; }
            if (t.equals("}")) { inBlock = false; continue; }
            String word = t.split("\\s+", 2)[0];
            if (!inBlock) return problem(i + 1, "\"" + t + "\" is outside golive's block");
            if (!LOGROTATE_DIRECTIVES.contains(word)) {
                return problem(i + 1, word + " is not a directive golive writes (" + String.join(", ", LOGROTATE_DIRECTIVES.stream().sorted().toList()) + ")");
            }
        }
        return Optional.empty();
    }

    private static int lineOf(String content, String start) {
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].strip().startsWith(start)) return i + 1;
        return 1;
    }

    private static List<String> sysctlKeys() {
        return LiveKeys.keys().stream().filter(k -> LiveKeys.of(k).map(x -> x.format() == LiveChange.Format.SYSCTL).orElse(false)).toList();
    }

    private static Optional<Problem> problem(int line, String message) { return Optional.of(new Problem(line, message)); }
}
