package dev.golive.unit;

import dev.golive.model.Printable;

import dev.golive.config.UnitNames;
import dev.golive.model.CgroupMode;
import dev.golive.model.Fact;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.NofileLimit;
import dev.golive.model.ServiceSpec;
import dev.golive.model.SystemdDirectives;
import dev.golive.model.SystemdValues;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Checks a {@link ServiceSpec} against the host before anything is rendered. Every error is
 * one line, {@code FIELD: problem}, thrown as a BAD_INPUT {@link GoliveException} (exit 2);
 * {@code label} turns a field path ({@code resources.memoryMax}) into what the admin typed
 * ({@code --memory-max}, or {@code spec.yaml:7:3}). Warnings come back as data.
 *
 * <p>Why each rule exists: a control character in a value would end the unit line early or
 * smuggle in a second directive; a relative ExecStart= is refused before systemd 239; sizes,
 * quotas and times systemd cannot parse are "ignoring"-ed silently at load time, so the
 * service would run without the limit the admin asked for; MemoryHigh= is ignored on
 * cgroup v1 and hybrid hosts (DOMAIN.md).
 */
public final class SpecValidator {

    private SpecValidator() { }

    /** systemd's valid_user_group_name() in its relaxed form, or a numeric UID. */
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,255}\\$?|\\d+");
    private static final Set<String> RESTART = Set.of("no", "on-success", "on-failure", "on-abnormal", "on-watchdog", "on-abort", "always");

    /**
     * The largest fs.nr_open a 64-bit kernel accepts (INT_MAX rounded down to a multiple of
     * 64): no RLIMIT_NOFILE above it can ever be set, whatever this host's nr_open says.
     */
    static final long NOFILE_MAX = 2_147_483_584L;
    public static final String NOFILE_RANGE = "0.." + NOFILE_MAX + " or infinity";

    /**
     * What is wrong with {@code url} as the health step's URL, or empty: an http:// or https://
     * URL whose host is this machine's loopback ({@code localhost}, {@code 127.0.0.0/8},
     * {@code [::1]}), since the health step judges the service on this host, not a neighbour.
     */
    public static Optional<String> healthUrlProblem(String url) {
        java.net.URI u;
        try {
            u = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("\"" + url + "\" is not a URL (" + e.getReason() + " at col " + (e.getIndex() + 1) + ")");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("\"" + url + "\": expected an http:// or https:// URL");
        }
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(java.util.Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.equals("[::1]")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
        if (!loopback) {
            return Optional.of("\"" + url + "\": the host must be this machine (127.0.0.1, localhost or [::1]), not "
                    + (host.isEmpty() ? "missing" : host));
        }
        return Optional.empty();
    }

    public static SpecCheck validate(ServiceSpec spec, HostFacts facts, BinaryPresence binary) {
        return validate(spec, facts, binary, UnaryOperator.identity());
    }

    public static SpecCheck validate(ServiceSpec spec, HostFacts facts, BinaryPresence binary, UnaryOperator<String> label) {
        SpecCheck check = collect(spec, facts, binary, label);
        if (!check.errors().isEmpty()) throw GoliveException.badInput(check.errors().get(0));
        return check;
    }

    /**
     * As {@link #validate}, but what stops an apply without stopping the rendering (the binary
     * missing on the live host) comes back in {@link SpecCheck#errors} instead of thrown: the
     * unit editor renders the unit and names that as its one problem.
     */
    public static SpecCheck collect(ServiceSpec spec, HostFacts facts, BinaryPresence binary, UnaryOperator<String> label) {
        Check c = new Check(label);
        name(spec, c);
        spec.description().ifPresent(d -> c.verbatim("description", d));
        if (spec.exec().isPresent()) {
            String exec = spec.exec().get();
            c.text("exec", exec);
            if (!exec.startsWith("/")) {
                throw c.fail("exec", "\"" + exec + "\" is not an absolute path (systemd before 239 refuses a relative ExecStart=, and PATH lookup hides which binary runs)");
            }
            if (exec.endsWith("/") || List.of(exec.split("/")).contains("..") || List.of(exec.split("/")).contains(".")) {
                throw c.fail("exec", "\"" + exec + "\" is not a normalized path to a file");
            }
            Fact<Boolean> exists = binary.exists();
            if (exists.opt().equals(Optional.of(false))) {
                if (binary.liveRoot()) c.error("exec", exec + " does not exist on this host (Type=exec would fail every start)");
                else c.warn("exec", exec + " is not in this tree; install it there before the service starts");
            } else if (exists instanceof Fact.Unknown<Boolean> u) {
                c.warn("exec", "cannot tell whether " + exec + " exists: " + u.reason());
            }
        }
        for (int i = 0; i < spec.arguments().size(); i++) c.text("args[" + i + "]", spec.arguments().get(i));

        if (spec.user().isPresent()) {
            String user = spec.user().get();
            c.text("user", user);
            if (spec.dynamicUser()) {
                throw c.fail("user", "user \"" + user + "\" and dynamicUser both set: choose one (with DynamicUser=yes an existing user of that name is used instead of a dynamic one)");
            }
            if (!USER.matcher(user).matches()) throw c.fail("user", "\"" + user + "\" is not a valid user name");
        }
        if (spec.group().isPresent()) {
            String group = spec.group().get();
            c.text("group", group);
            if (!USER.matcher(group).matches()) throw c.fail("group", "\"" + group + "\" is not a valid group name");
        }
        spec.healthUrl().ifPresent(u -> {
            c.text("healthUrl", u);
            healthUrlProblem(u).ifPresent(p -> { throw c.fail("healthUrl", p); });
        });
        spec.workingDirectory().ifPresent(w -> {
            c.verbatim("workingDirectory", w);
            if (!w.startsWith("/") && !w.equals("~")) throw c.fail("workingDirectory", "\"" + w + "\" is not an absolute path");
            if (!w.equals(w.strip())) throw c.fail("workingDirectory", "\"" + w + "\" has leading or trailing spaces, which systemd drops");
        });
        for (int i = 0; i < spec.stateDirectories().size(); i++) {
            String f = "stateDirectories[" + i + "]";
            String d = spec.stateDirectories().get(i);
            c.verbatim(f, d);
            if (d.chars().anyMatch(Character::isWhitespace)) throw c.fail(f, "\"" + d + "\" contains a space (StateDirectory= is a space-separated list)");
            if (d.isEmpty() || d.startsWith("/") || List.of(d.split("/")).contains("..") || List.of(d.split("/")).contains(".")) {
                throw c.fail(f, "\"" + d + "\" must be a relative path below /var/lib (StateDirectory=)");
            }
        }
        for (Map.Entry<String, String> e : spec.environment().entrySet()) {
            String f = "environment." + Printable.clip(e.getKey(), 80);
            c.text(f, e.getKey());
            c.text(f, e.getValue());
            if (!validEnvName(e.getKey())) {
                throw c.fail(f, "\"" + e.getKey() + "\" is not a valid variable name (letters, digits and '_', not starting with a digit)");
            }
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < spec.ports().size(); i++) {
            int p = spec.ports().get(i);
            if (p < 1 || p > 65535) throw c.fail("ports[" + i + "]", p + " is not a TCP port (1..65535)");
            if (!seen.add(p)) throw c.fail("ports[" + i + "]", p + " is listed twice");
        }
        resources(spec, facts, c);
        logging(spec.logging(), facts.systemd().version(), c);
        systemdVersion(spec, facts.systemd().version(), c);
        restart(spec.restart(), c);
        go(spec, facts, c);
        if (spec.hardening() != ServiceSpec.Hardening.NONE && spec.user().isEmpty() && !spec.dynamicUser()) {
            c.warn("user", "no user and no dynamicUser: the service runs as root; sandboxing limits it, but a dedicated user limits it more");
        }
        return new SpecCheck(c.warnings, c.errors);
    }

    /**
     * What the spec asks of the host's systemd (its version, or {@link SystemdDirectives#BASELINE}
     * when unknown) that has no safe old spelling: each is one line naming the directive and
     * the version it needs. What can be left out safely, the renderer leaves out with a note.
     */
    public static void systemdVersion(ServiceSpec spec, Fact<Integer> version, UnaryOperator<String> label) {
        systemdVersion(spec, version, new Check(label));
    }

    private static void systemdVersion(ServiceSpec spec, Fact<Integer> version, Check c) {
        int systemd = SystemdDirectives.target(version);
        if (spec.dynamicUser() && !SystemdDirectives.known(systemd, "Service", "DynamicUser", "yes")) {
            throw c.fail("dynamicUser", needs("DynamicUser", "yes", version)
                    + " (an older one ignores it and runs the service as root): name a user instead (User=)");
        }
        if (!spec.stateDirectories().isEmpty() && !SystemdDirectives.known(systemd, "Service", "StateDirectory", "")) {
            throw c.fail("stateDirectories[0]", needs("StateDirectory", "", version)
                    + ": create the directory yourself and set workingDirectory instead");
        }
        boolean lowPorts = spec.ports().stream().anyMatch(p -> p < 1024);
        boolean root = !spec.dynamicUser() && (spec.user().isEmpty() || spec.user().get().equals("root") || spec.user().get().equals("0"));
        if (lowPorts && !root && !SystemdDirectives.known(systemd, "Service", "AmbientCapabilities", "CAP_NET_BIND_SERVICE")) {
            throw c.fail("ports", needs("AmbientCapabilities", "CAP_NET_BIND_SERVICE", version)
                    + " to let user " + spec.user().orElse("") + " bind a port below 1024: use a port from 1024 or run as root");
        }
        spec.resources().memoryMax().filter(m -> m.endsWith("%")).ifPresent(m -> {
            if (systemd < SystemdDirectives.MEMORY_PERCENT) {
                throw c.fail("resources.memoryMax", "a percentage of RAM needs systemd " + SystemdDirectives.MEMORY_PERCENT + "; "
                        + SystemdDirectives.host(version) + ": give a size (e.g. 2G)");
            }
        });
        spec.resources().tasksMax().filter(t -> !SystemdDirectives.known(systemd, "Service", "TasksMax", t))
                .ifPresent(t -> c.warn("resources.tasksMax", needs("TasksMax", t, version) + ": left out"));
    }

    private static String needs(String key, String value, Fact<Integer> version) {
        return SystemdDirectives.needs(key, value, SystemdDirectives.since("Service", key, value), version);
    }

    /** Only the name: callers check it before building any path from it. */
    public static void checkName(ServiceSpec spec, UnaryOperator<String> label) { name(spec, new Check(label)); }

    private static void name(ServiceSpec spec, Check c) {
        c.text("name", spec.name());
        String unit = spec.unitName();
        int dot = spec.name().lastIndexOf('.');
        if (dot > 0 && UnitNames.TYPES.contains(spec.name().substring(dot + 1)) && !spec.name().endsWith(".service")) {
            throw c.fail("name", "\"" + spec.name() + "\" is a ." + spec.name().substring(dot + 1) + " unit; golive writes .service units");
        }
        try {
            UnitNames.validate(unit);
        } catch (GoliveException e) {
            throw c.fail("name", e.getMessage());
        }
        if (!UnitNames.type(unit).equals("service")) throw c.fail("name", "\"" + unit + "\" is not a .service unit");
        if (unit.substring(0, unit.length() - ".service".length()).endsWith("@")) {
            throw c.fail("name", "\"" + unit + "\" is a template; name an instance (\"" + unit.replace("@.", "@1.") + "\")");
        }

    }

    private static void resources(ServiceSpec spec, HostFacts facts, Check c) {
        ServiceSpec.Resources r = spec.resources();
        r.cpuQuota().ifPresent(q -> {
            c.text("resources.cpuQuota", q);
            if (SystemdValues.cpuQuota(q).isEmpty() && !q.equals(SystemdValues.INFINITY)) {
                if (SystemdValues.isPercent(q)) throw outOfRange(c, "resources.cpuQuota", q, SystemdValues.CPU_QUOTA_RANGE);
                throw c.fail("resources.cpuQuota", "\"" + q + "\" is not a CPU quota (a percentage above 0 with at most two decimals, e.g. 200% for two CPUs, or infinity: no quota)");
            }
        });
        Optional<SystemdValues.Size> max = r.memoryMax().map(m -> memory(c, "resources.memoryMax", m));
        Optional<SystemdValues.Size> high = r.memoryHigh().map(m -> memory(c, "resources.memoryHigh", m));
        Optional<CgroupMode> mode = facts.cgroups().mode().opt();
        if (high.isPresent()) {
            v2Only(c, "resources.memoryHigh", "MemoryHigh", mode, "only MemoryMax= limits memory there");
            if (max.isPresent() && high.get() instanceof SystemdValues.Bytes h && max.get() instanceof SystemdValues.Bytes m && h.bytes() >= m.bytes()) {
                c.warn("resources.memoryHigh", "MemoryHigh= is not below MemoryMax=, so it never throttles before the OOM killer");
            }
        }
        r.tasksMax().ifPresent(t -> {
            c.text("resources.tasksMax", t);
            if (!SystemdValues.tasksMax(t) && (SystemdValues.isPercent(t) || t.matches("\\d+"))) {
                throw outOfRange(c, "resources.tasksMax", t, SystemdValues.TASKS_RANGE);
            }
            if (!SystemdValues.tasksMax(t)) throw c.fail("resources.tasksMax", "\"" + t + "\" is not a task limit (a count ≥ 1, a percentage, or infinity)");
        });
        r.nofile().ifPresent(n -> {
            for (long v : new long[] {n.soft(), n.hard()}) {
                if (v != NofileLimit.INFINITY && v > NOFILE_MAX) throw c.fail("resources.nofile", v + " is out of range (" + NOFILE_RANGE + ")");
            }
            if (n.soft() > n.hard()) throw c.fail("resources.nofile", "soft limit " + n + " is above the hard limit (systemd ignores the setting)");
            Optional<Long> nrOpen = facts.fds().nrOpen().opt();
            if (nrOpen.isPresent() && n.hard() != NofileLimit.INFINITY && n.hard() > nrOpen.get()) {
                throw c.fail("resources.nofile", "hard limit " + n.hard() + " is above fs.nr_open (" + nrOpen.get() + "), the kernel's ceiling; the service would fail to start");
            }
        });
        r.ioWeight().ifPresent(w -> {
            if (w < 1 || w > 10000) throw c.fail("resources.ioWeight", w + " is out of range (1..10000, default 100)");
        });
        r.cpuWeight().ifPresent(w -> {
            if (w < 1 || w > 10000) throw c.fail("resources.cpuWeight", w + " is out of range (1..10000, default 100)");
        });
        // memory.low and memory.min protect memory from reclaim; cgroup v1 has neither (kernel cgroup-v2.rst)
        for (String[] f : new String[][] {{"resources.memoryLow", "MemoryLow"}, {"resources.memoryMin", "MemoryMin"}}) {
            Optional<String> v = f[1].equals("MemoryLow") ? r.memoryLow() : r.memoryMin();
            if (v.isEmpty()) continue;
            SystemdValues.Size size = memory(c, f[0], v.get());
            v2Only(c, f[0], f[1], mode, "memory.low and memory.min exist only on cgroup v2, nothing protects the service's memory there");
            if (max.isPresent() && size instanceof SystemdValues.Bytes b && max.get() instanceof SystemdValues.Bytes m && b.bytes() >= m.bytes()) {
                c.warn(f[0], f[1] + "= is not below MemoryMax=: the service is protected up to the limit it is killed at");
            }
        }
        for (String[] f : new String[][] {{"resources.ioReadBandwidthMax", "IOReadBandwidthMax"}, {"resources.ioWriteBandwidthMax", "IOWriteBandwidthMax"}}) {
            List<String> lines = f[1].startsWith("IORead") ? r.ioReadBandwidthMax() : r.ioWriteBandwidthMax();
            for (int i = 0; i < lines.size(); i++) {
                String field = f[0] + "[" + i + "]";
                c.verbatim(field, lines.get(i));
                if (SystemdValues.bandwidth(lines.get(i)).isEmpty()) {
                    throw c.fail(field, "\"" + lines.get(i) + "\" is not " + f[1] + "= (" + SystemdValues.BANDWIDTH_FORM + ")");
                }
            }
        }
        r.allowedCpus().ifPresent(v -> {
            cpuList(c, "resources.allowedCpus", "AllowedCPUs", v, facts);
            v2Only(c, "resources.allowedCpus", "AllowedCPUs", mode, "systemd drives the cpuset controller only on cgroup v2; use CPUAffinity= instead");
        });
        r.cpuAffinity().ifPresent(v -> cpuList(c, "resources.cpuAffinity", "CPUAffinity", v, facts));
    }

    /**
     * A setting systemd applies only on the unified hierarchy: refused where the host is known
     * to be v1 or hybrid (it would do nothing there), a warning where the layout is unknown.
     */
    private static void v2Only(Check c, String field, String key, Optional<CgroupMode> mode, String instead) {
        if (mode.isPresent() && mode.get() != CgroupMode.V2) {
            throw c.fail(field, key + "= is ignored on a cgroup " + (mode.get() == CgroupMode.V1 ? "v1" : "hybrid")
                    + " host (this host: " + mode.get().label() + "); " + instead);
        }
        if (mode.isEmpty()) c.warn(field, "the cgroup layout is unknown; " + key + "= only works on cgroup v2");
    }

    /** A CPU list: systemd's syntax, and a warning for CPUs this host does not have (the service then runs on the others). */
    private static void cpuList(Check c, String field, String key, String value, HostFacts facts) {
        c.text(field, value);
        java.util.BitSet cpus = SystemdValues.cpuList(value).orElseThrow(() -> c.fail(field, "\"" + value
                + "\" is not a CPU list for " + key + "= (indices and ranges separated by commas or blanks, e.g. 0-3,6; "
                + SystemdValues.CPU_LIST_RANGE + ")"));
        facts.cpu().onlineList().opt().ifPresent(online -> SystemdValues.cpuList(online).ifPresent(on -> {
            java.util.BitSet missing = (java.util.BitSet) cpus.clone();
            missing.andNot(on);
            if (!missing.isEmpty()) {
                c.warn(field, key + "=" + value + " names CPUs that are not online here (online: " + online.strip() + ")");
            }
        }));
    }

    /** StandardOutput=/StandardError= values golive writes (systemd.exec(5)); the file kinds are refused below. */
    static final List<String> OUTPUTS = List.of("journal", "journal+console", "kmsg", "kmsg+console", "null", "inherit", "tty", "socket");

    /**
     * Logging: a file output grows without bound unless something rotates it. {@code append:PATH}
     * is taken where the host's systemd knows it (240): golive writes its rotation in the same
     * snapshot ({@link LogrotateFile}). {@code file:} and {@code truncate:} are refused: the
     * service keeps systemd's descriptor, so only copytruncate can rotate it, and without
     * O_APPEND the next write lands at the old offset (a sparse file).
     */
    private static void logging(ServiceSpec.Logging l, Fact<Integer> systemd, Check c) {
        l.syslogIdentifier().ifPresent(v -> {
            c.verbatim("logs.syslogIdentifier", v);
            if (v.isBlank() || v.chars().anyMatch(Character::isWhitespace)) {
                throw c.fail("logs.syslogIdentifier", "\"" + v + "\" is not one word (the journal's tag, e.g. orders)");
            }
        });
        for (String[] f : new String[][] {{"logs.standardOutput", "StandardOutput"}, {"logs.standardError", "StandardError"}}) {
            Optional<String> v = f[1].equals("StandardOutput") ? l.standardOutput() : l.standardError();
            if (v.isEmpty()) continue;
            c.verbatim(f[0], v.get());
            Optional<String> file = LogrotateFile.appended(v.get());
            if (file.isPresent()) {
                String path = file.get();
                if (!path.startsWith("/") || path.chars().anyMatch(ch -> Character.isWhitespace(ch) || "%\"*?[".indexOf(ch) >= 0)
                        || List.of(path.split("/")).contains("..") || path.endsWith("/")) {
                    throw c.fail(f[0], "\"" + path + "\" is not an absolute file path without spaces, '%', glob characters or '..' (append:/var/log/NAME/NAME.log)");
                }
                if (!SystemdDirectives.known(SystemdDirectives.target(systemd), "Service", f[1], v.get())) {
                    throw c.fail(f[0], needs(f[1], v.get(), systemd) + ": keep journal (journald rotates it, journald.conf(5) SystemMaxUse=)");
                }
                continue;
            }
            if (v.get().matches("(file|truncate):.*")) {
                throw c.fail(f[0], f[1] + "=" + v.get() + " writes a file that only copytruncate can rotate (the service keeps "
                        + "systemd's descriptor), and without O_APPEND it then writes on at its old offset: use append:PATH, "
                        + "which golive rotates with /etc/logrotate.d, or journal");
            }
            if (!OUTPUTS.contains(v.get())) throw c.fail(f[0], "\"" + v.get() + "\" is not a " + f[1] + "= value (" + String.join(", ", OUTPUTS) + ")");
        }
        l.rateLimitIntervalSec().ifPresent(v -> {
            c.text("logs.rateLimitIntervalSec", v);
            timeSpanInRange(c, "logs.rateLimitIntervalSec", v);
            if (!SystemdValues.timeSpan(v)) throw c.fail("logs.rateLimitIntervalSec", "\"" + v + "\" is not a time span (e.g. 30s; 0 turns the limit off)");
        });
        l.rateLimitBurst().filter(b -> b < 0).ifPresent(b -> { throw c.fail("logs.rateLimitBurst", b + " is negative (0 turns the limit off)"); });
    }

    private static SystemdValues.Size memory(Check c, String field, String value) {
        c.text(field, value);
        Optional<SystemdValues.Size> size = SystemdValues.memory(value);
        if (size.isEmpty() && (SystemdValues.isPercent(value) || SystemdValues.isSize(value))) throw outOfRange(c, field, value, SystemdValues.MEMORY_RANGE);
        return size.orElseThrow(() -> c.fail(field, "\"" + value
                + "\" is not a memory size (bytes with K, M, G, T suffix in upper case, e.g. 2G or 512M; a percentage of RAM; or infinity)"));
    }

    private static void restart(ServiceSpec.Restart r, Check c) {
        c.text("restart.policy", r.policy());
        if (!RESTART.contains(r.policy())) throw c.fail("restart.policy", "\"" + r.policy() + "\" is not a Restart= value (" + String.join(", ", new java.util.TreeSet<>(RESTART)) + ")");
        c.text("restart.restartSec", r.restartSec());
        timeSpanInRange(c, "restart.restartSec", r.restartSec());
        if (!SystemdValues.timeSpan(r.restartSec())) throw c.fail("restart.restartSec", "\"" + r.restartSec() + "\" is not a time span (e.g. 2s, 500ms, 1min 30s)");
        c.text("restart.startLimitIntervalSec", r.startLimitIntervalSec());
        timeSpanInRange(c, "restart.startLimitIntervalSec", r.startLimitIntervalSec());
        if (!SystemdValues.timeSpan(r.startLimitIntervalSec())) {
            throw c.fail("restart.startLimitIntervalSec", "\"" + r.startLimitIntervalSec() + "\" is not a time span (e.g. 60s, 5min)");
        }
        if (r.startLimitBurst() < 0) throw c.fail("restart.startLimitBurst", r.startLimitBurst() + " is negative");
    }

    private static void go(ServiceSpec spec, HostFacts facts, Check c) {
        spec.go().gomaxprocs().ifPresent(p -> {
            if (p < 1) throw c.fail("go.gomaxprocs", p + " is below 1");
        });
        spec.go().gomemlimit().ifPresent(m -> {
            c.text("go.gomemlimit", m);
            if (!SystemdValues.goMemLimit(m) && SystemdValues.goMemLimitBytes(m).isPresent()) {
                throw outOfRange(c, "go.gomemlimit", m, SystemdValues.GOMEMLIMIT_RANGE);
            }
            if (!SystemdValues.goMemLimit(m)) throw c.fail("go.gomemlimit", "\"" + m + "\" is not a GOMEMLIMIT (bytes with B, KiB, MiB, GiB or TiB, e.g. 1800MiB; or off)");
        });
    }

    /** A well-formed span systemd cannot hold (parse_sec says ERANGE and the directive is ignored). */
    private static void timeSpanInRange(Check c, String field, String value) {
        if (!SystemdValues.timeSpan(value) && SystemdValues.timeSpanUsec(value).isPresent()) throw outOfRange(c, field, value, SystemdValues.TIME_RANGE);
    }

    private static GoliveException outOfRange(Check c, String field, String value, String range) {
        return c.fail(field, "\"" + value + "\" is out of range (" + range + ")");
    }

    static boolean validEnvName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) return false;
        for (int k = 0; k < name.length(); k++) {
            char ch = name.charAt(k);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
        }
        return true;
    }

    /** Collects warnings, builds one-line errors with the admin's name for the field. */
    private static final class Check {
        final UnaryOperator<String> label;
        final List<String> warnings = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        Check(UnaryOperator<String> label) { this.label = label; }

        void error(String field, String message) { errors.add(label.apply(field) + ": " + message); }

        GoliveException fail(String field, String message) {
            return GoliveException.badInput(label.apply(field) + ": " + message);
        }

        void warn(String field, String message) { warnings.add(label.apply(field) + ": " + message); }

        /** A value written into the unit as is (not quoted): a final '\' would join the next line to it. */
        void verbatim(String field, String value) {
            text(field, value);
            int n = 0;
            for (int i = value.strip().length() - 1; i >= 0 && value.strip().charAt(i) == '\\'; i--) n++;
            if (n % 2 == 1) throw fail(field, "ends with '\\', which systemd reads as a line continuation");
        }

        /** No control character anywhere: one would end the unit line or start another directive. */
        void text(String field, String value) {
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch < 0x20 || ch == 0x7f || ch == 0x85 || ch == '\u2028' || ch == '\u2029' || ch == '\uFEFF') {
                    String what = ch == '\n' ? "a newline" : ch == '\r' ? "a carriage return" : ch == '\t' ? "a tab"
                            : ch == '\uFEFF' ? "a byte order mark" : ch == '\u2028' || ch == '\u2029' || ch == 0x85 ? "a line separator" : "a control character";
                    throw fail(field, "contains " + what + String.format(" (U+%04X) at col %d", (int) ch, i + 1) + "; values must be one line of printable text");
                }
            }
        }
    }
}
