package dev.golive.plan;

import dev.golive.config.ExecLine;
import dev.golive.config.SystemdWords;
import dev.golive.config.UnitResolver;
import dev.golive.model.Fact;
import dev.golive.model.FinishPlan;
import dev.golive.model.FinishPlan.Kind;
import dev.golive.model.FinishPlan.Step;
import dev.golive.model.GoliveException;
import dev.golive.model.SystemAccounts;
import dev.golive.model.SystemdDirectives;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides what finishing a service takes (model.FinishPlan): a pure function of the unit as
 * systemd will read it once the plan's files are written, the host's systemd version and
 * account files, what exists on the host, and whether the unit runs now.
 */
public final class FinishPlanner {

    /**
     * {@code unit}: the unit resolved with the plan's files in place. {@code unitExists}:
     * whether a unit file existed before this plan (a unit the plan creates is new).
     * {@code running}: whether it is active now (empty in a target tree, where nothing runs).
     * {@code passwd}/{@code group}/{@code loginDefs}: the root's files ("" when absent).
     * {@code nologin}: the shell a system user gets (the root's nologin). {@code binary}: the
     * file to install as ExecStart's program (built by golive or named by the admin).
     * {@code exists}: whether a path exists under the root.
     */
    public record Input(UnitResolver.Resolution unit, boolean unitExists, Optional<Boolean> running, Fact<Integer> systemd,
                        String passwd, String group, String loginDefs, String nologin, Optional<String> binary,
                        Predicate<String> exists, List<Integer> ports, Optional<String> healthUrl) {
        public Input {
            ports = List.copyOf(ports);
        }
    }

    /** The directories systemd ≥ 235 creates itself, with the base each is under (systemd.exec(5), "RuntimeDirectory="). */
    private static final List<String[]> MANAGED_DIRS = List.of(
            new String[] {"StateDirectory", "/var/lib/"},
            new String[] {"LogsDirectory", "/var/log/"},
            new String[] {"ConfigurationDirectory", "/etc/"});

    private FinishPlanner() { }

    public static FinishPlan plan(Input in) {
        UnitResolver.Resolution u = in.unit();
        if (!u.found()) throw GoliveException.badInput(u.name() + ": no unit file to finish; name the service's binary (--exec) so golive writes one");
        if (u.masked()) throw GoliveException.badInput(u.name() + " is masked (" + u.maskedBy().orElse("") + "); golive will not start a masked unit");
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean dynamic = value(u, "DynamicUser").map(FinishPlanner::yes).orElse(false)
                && SystemdDirectives.target(in.systemd()) >= SystemdDirectives.since("Service", "DynamicUser", "yes");
        Optional<String> userSet = value(u, "User").filter(s -> !s.isEmpty());
        Optional<String> groupSet = value(u, "Group").filter(s -> !s.isEmpty());
        int systemd = SystemdDirectives.target(in.systemd());
        String passwd = in.passwd(), groups = in.group();
        String owner = "root", ownerGroup = "root";
        if (dynamic) {
            notes.add("DynamicUser=yes: systemd allocates the user at each start; golive creates no account");
        }
        Optional<String> user = dynamic ? Optional.empty() : userSet;
        Optional<String> group = dynamic ? Optional.empty() : groupSet;
        String primary = group.or(() -> user).orElse(null);
        if (primary != null && !primary.matches("\\d+") && !SystemAccounts.has(groups, primary)) {
            checkName(primary, group.isPresent() ? "Group=" : "User=");
            int gid = free(groups, in.loginDefs(), "SYS_GID_MIN", "SYS_GID_MAX", "group");
            steps.add(new Step(Kind.CREATE_GROUP, primary, SystemAccounts.groupLine(primary, gid), "", "",
                    (group.isPresent() ? "Group=" : "User=") + primary + " names a group this host does not have (groupadd --system)"));
            groups = groups + SystemAccounts.groupLine(primary, gid) + "\n";
        } else if (primary != null && !primary.matches("\\d+")) {
            notes.add("group " + primary + " exists: left as it is");
        }
        if (user.isPresent() && !user.get().matches("\\d+") && !SystemAccounts.has(passwd, user.get())) {
            String name = user.get();
            checkName(name, "User=");
            int uid = free(passwd, in.loginDefs(), "SYS_UID_MIN", "SYS_UID_MAX", "user");
            int gid = SystemAccounts.id(groups, primary).orElseThrow();
            steps.add(new Step(Kind.CREATE_USER, name, SystemAccounts.passwdLine(name, uid, gid, in.nologin()), "", primary,
                    "User=" + name + " names a user this host does not have (useradd --system, no home, no login shell)"));
        } else if (user.isPresent()) {
            notes.add("user " + user.get() + " exists: left as it is");
        }
        if (user.isPresent()) owner = user.get();
        if (primary != null) ownerGroup = primary;

        Set<String> dirs = new LinkedHashSet<>();
        for (String[] managed : MANAGED_DIRS) {
            for (String name : words(u, managed[0])) {
                String path = managed[1] + name;
                if (systemd >= SystemdDirectives.since("Service", managed[0], name)) {
                    notes.add(managed[0] + "=" + name + ": systemd " + systemd + " creates " + path + " itself at start");
                } else if (!in.exists().test(path) && dirs.add(path)) {
                    steps.add(new Step(Kind.CREATE_DIRECTORY, path, "", owner, ownerGroup, managed[0] + "= needs systemd "
                            + SystemdDirectives.since("Service", managed[0], name) + "; " + SystemdDirectives.host(in.systemd())
                            + ", so golive creates " + path));
                }
            }
        }
        for (String w : words(u, "ReadWritePaths")) {
            if (w.startsWith("-")) continue; // "-": systemd ignores the path when it is missing
            String path = w.startsWith("+") ? w.substring(1) : w;
            if (path.startsWith("/") && !in.exists().test(path) && dirs.add(path)) {
                steps.add(new Step(Kind.CREATE_DIRECTORY, path, "", owner, ownerGroup,
                        "ReadWritePaths=" + path + " does not exist; systemd fails the start on a missing path"));
            }
        }
        value(u, "WorkingDirectory").filter(w -> w.startsWith("/")).ifPresent(path -> {
            if (!in.exists().test(path) && dirs.add(path)) {
                steps.add(new Step(Kind.CREATE_DIRECTORY, path, "", "root", "root",
                        "WorkingDirectory=" + path + " does not exist; systemd fails the start (CHDIR) without it"));
            }
        });

        Optional<UnitDirective> exec = u.last("Service", "ExecStart");
        ExecLine.Program program = exec.map(e -> ExecLine.program(e.value())).orElse(new ExecLine.Program(null, "the unit has no ExecStart="));
        if (in.binary().isPresent()) {
            if (!program.known()) throw GoliveException.badInput("cannot install " + in.binary().get() + ": " + program.problem());
            String parent = program.path().substring(0, Math.max(1, program.path().lastIndexOf('/')));
            if (!in.exists().test(parent) && dirs.add(parent)) {
                steps.add(new Step(Kind.CREATE_DIRECTORY, parent, "", "root", "root", "the binary's directory does not exist"));
            }
            steps.add(new Step(Kind.INSTALL_BINARY, program.path(), in.binary().get(), "root", "root",
                    "ExecStart= runs " + program.path() + (in.exists().test(program.path()) ? "; the binary there now is kept in the snapshot" : "")));
        } else if (program.known() && !in.exists().test(program.path())) {
            notes.add("ExecStart= runs " + program.path() + ", which does not exist: give --binary FILE (or build it first), or the start fails");
        }

        boolean running = in.running().orElse(false);
        if (in.unitExists() && running) {
            steps.add(new Step(Kind.RESTART_UNIT, u.name(), "", "", "", u.name() + " runs: a restart makes it run the new unit and binary"));
        } else {
            steps.add(new Step(Kind.START_UNIT, u.name(), "", "", "", (in.unitExists() ? u.name() + " is not running" : u.name() + " is new")
                    + ": enable it (start at boot) and start it now"));
        }
        steps.sort(java.util.Comparator.comparing(Step::kind));
        return new FinishPlan(u.name(), steps, in.ports(), in.healthUrl(), notes);
    }

    /** The steps as the preview shows them before the confirm: one line each, then the notes and what the health step checks. */
    public static List<String> describe(FinishPlan f) {
        List<String> out = new ArrayList<>();
        for (Step s : f.steps()) {
            String what = switch (s.kind()) {
                case CREATE_GROUP, CREATE_USER -> s.kind().text() + " " + s.target() + " (" + s.line() + ")";
                case CREATE_DIRECTORY -> s.kind().text() + " " + s.target() + " (0755 " + s.owner() + ":" + s.group() + ")";
                case INSTALL_BINARY -> s.kind().text() + " " + s.line() + " → " + s.target() + " (0755 root:root)";
                case START_UNIT, RESTART_UNIT -> s.kind().text() + " " + s.target();
            };
            out.add(what + ": " + s.why());
        }
        f.notes().forEach(n -> out.add("note: " + n));
        out.add("then health: " + f.unit() + " active"
                + (f.ports().isEmpty() ? "" : ", " + (f.ports().size() == 1 ? "port " : "ports ")
                        + f.ports().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" ")) + " listening")
                + f.healthUrl().map(u -> ", " + u + " answering 2xx/3xx").orElse("")
                + ", its restart counter still (on a live host)");
        return out;
    }

    private static void checkName(String name, String what) {
        if (!SystemAccounts.validName(name)) {
            throw GoliveException.badInput(what + name + ": not a name useradd/groupadd take (lower-case letters, digits, _ and -, at most 32)");
        }
    }

    private static int free(String file, String loginDefs, String minKey, String maxKey, String what) {
        int min = SystemAccounts.loginDefs(loginDefs, minKey, SystemAccounts.DEFAULT_SYS_MIN);
        int max = SystemAccounts.loginDefs(loginDefs, maxKey, SystemAccounts.DEFAULT_SYS_MAX);
        OptionalInt id = SystemAccounts.freeId(file, min, max);
        if (id.isEmpty()) throw GoliveException.environment("no free system " + what + " id between " + min + " and " + max + " (login.defs " + minKey + "/" + maxKey + ")");
        return id.getAsInt();
    }

    private static Optional<String> value(UnitResolver.Resolution u, String key) {
        return u.last("Service", key).map(d -> d.value().strip());
    }

    /** Every word of a list setting, all its assignments in order (an empty assignment resets the list). */
    private static List<String> words(UnitResolver.Resolution u, String key) {
        List<String> out = new ArrayList<>();
        for (UnitDirective d : u.get("Service", key)) {
            if (d.value().isBlank()) {
                out.clear();
                continue;
            }
            try {
                out.addAll(SystemdWords.wordsOf(d.value()));
            } catch (IllegalArgumentException e) {
                throw GoliveException.badInput(d.source().describe() + ": " + key + "=" + d.value() + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static boolean yes(String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "yes", "true", "on" -> true;
            default -> false;
        };
    }
}
