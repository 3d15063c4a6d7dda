package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.ProposedFix;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Source;
import dev.golive.model.SystemdDirectives;
import dev.golive.model.SystemdValues;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.golive.model.Severity.ERROR;
import static dev.golive.model.Severity.INFO;
import static dev.golive.model.Severity.WARN;

/**
 * What a service unit says that its systemd reads differently from how it looks: no command to
 * start, old spellings, deprecated switches, and directives or values the host's systemd does not know.
 */
final class UnitFileRules {

    private UnitFileRules() { }

    static final Rule NO_EXECSTART = Rule.service("UNIT-NO-EXECSTART", ERROR, Area.UNIT,
            "Service unit has no ExecStart=",
            "systemd.service(5), ExecStart=: \"Unless Type= is oneshot, exactly one command must be given.\" A service "
                    + "unit without ExecStart= (and without Type=oneshot) fails to load with \"Service has no ExecStart=, "
                    + "ExecStop=, or SuccessAction=. Refusing.\" (or, with only ExecStop=, starts nothing): the service "
                    + "never runs. A drop-in that resets ExecStart= with an empty line and sets no new one does the same.",
            "Give the service its command: ExecStart=/absolute/path/to/binary [args].",
            UnitRules.SERVICE_MAN + " (ExecStart=, Type=)",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                if (!s.unit().known() || !s.all("Service", "ExecStart").isEmpty()) return List.of();
                String type = s.last("Service", "Type").map(d -> d.value().trim()).orElse("");
                if (type.equals("oneshot")) return List.of();
                List<Source> src = new ArrayList<>();
                s.unit().opt().ifPresent(u -> src.add(Source.File.of(u.path())));
                return r.one(s.name() + " sets no ExecStart=" + (type.isEmpty() ? "" : " (Type=" + type + ")") + ": systemd refuses to start it",
                        src, ProposedFix.advice("add ExecStart= with the absolute path of the service's binary"));
            });

    static final Rule START_LIMIT_OLD = Rule.service("UNIT-START-LIMIT-OLD-SPELLING", INFO, Area.UNIT,
            "Start limit set with the old [Service] spelling",
            "Since systemd 229 the start rate limit lives in [Unit] (NEWS v229 moved StartLimitInterval= and "
                    + "StartLimitBurst= there), today spelled StartLimitIntervalSec= (systemd.unit(5); golive writes that "
                    + "spelling from systemd 230, its directive table's row); StartLimitInterval= and StartLimitBurst= in [Service] are the old "
                    + "spelling, still read, easy to miss when the [Unit] setting is added elsewhere. A value of 0 turns "
                    + "the start limit off (systemd.unit(5): \"set to 0 to disable any kind of rate limiting\"): with "
                    + "Restart=always a service that crashes at start is restarted forever instead of being marked failed.",
            "Move it to [Unit] as StartLimitIntervalSec= (and StartLimitBurst=), keeping a non-zero interval unless "
                    + "endless restarts are wanted.",
            UnitRules.UNIT_MAN + " (StartLimitIntervalSec=, StartLimitBurst=); systemd NEWS v229",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                ServiceFacts s = h.service().get();
                boolean unitSection = h.systemd().atLeast(SystemdDirectives.since("Unit", "StartLimitIntervalSec", ""));
                for (String key : List.of("StartLimitInterval", "StartLimitBurst")) {
                    Optional<UnitDirective> d = s.last("Service", key);
                    if (d.isEmpty() || d.get().value().isBlank()) continue;
                    String v = d.get().value().trim();
                    boolean off = key.equals("StartLimitInterval") && SystemdValues.timeSpanMillis(v).map(ms -> ms == 0).orElse(false);
                    // where [Unit] has no such directive (or the version is unknown: golive writes for the baseline)
                    // the [Service] spelling is the right one; only the 0 that turns the limit off is still worth saying
                    if (!unitSection && !off) continue;
                    String next = key.equals("StartLimitInterval") ? "StartLimitIntervalSec" : "StartLimitBurst";
                    ProposedFix fix = unitSection
                            ? ProposedFix.of("move it to [Unit] " + next + "=" + v,
                                    new FixChange.UnitDirectiveRemoval("Service", key, d.get().source()),
                                    new FixChange.UnitDirectiveChange("Unit", next, v))
                            : ProposedFix.advice("keep it in [Service]: " + SystemdDirectives.needs(next, v,
                                    SystemdDirectives.since("Unit", next, v), h.systemd().version()));
                    out.add(r.finding("[Service] " + key + "=" + v + " is the old spelling of [Unit] " + next + "="
                                    + (off ? "; 0 turns the start limit off, so a service that fails at start is restarted without end" : ""),
                            List.of(d.get().source()), fix));
                }
                return out;
            });

    static final Rule PERMISSIONS_START_ONLY = Rule.service("UNIT-PERMISSIONS-START-ONLY", WARN, Area.UNIT,
            "PermissionsStartOnly= runs the other commands as root",
            "PermissionsStartOnly=yes applies User=, Group= and the sandboxing only to ExecStart=: ExecStartPre=, "
                    + "ExecStartPost=, ExecReload=, ExecStop= and ExecStopPost= run as root, unsandboxed "
                    + "(systemd.service(5)). An ExecReload= that signals the service or reads a file it controls then does "
                    + "so with full privileges. systemd 240 deprecated the switch (NEWS v240) for the '+' prefix, which "
                    + "gives privileges to exactly the command that needs them.",
            "Remove PermissionsStartOnly= and prefix only the commands that need root with '+' (e.g. ExecStartPre=+/usr/bin/install …).",
            UnitRules.SERVICE_MAN + " (PermissionsStartOnly=, Command lines: the '+' prefix); systemd NEWS v240",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                Optional<UnitDirective> d = s.last("Service", "PermissionsStartOnly");
                if (d.isEmpty() || !ValueParsers.yes(d.get().value())) return List.of();
                List<String> asRoot = new ArrayList<>();
                for (String k : List.of("ExecStartPre", "ExecStartPost", "ExecReload", "ExecStop", "ExecStopPost")) {
                    if (!s.all("Service", k).isEmpty()) asRoot.add(k + "=");
                }
                boolean plus = h.systemd().version().opt().map(v -> v >= 231).orElse(false);
                return r.one("PermissionsStartOnly=" + d.get().value().trim() + ": "
                                + (asRoot.isEmpty() ? "every command but ExecStart= would run as root" : String.join(", ", asRoot) + " run as root")
                                + (h.systemd().atLeast(240) ? "; systemd " + h.systemd().version().orElse(0) + " calls the switch deprecated" : ""),
                        List.of(d.get().source()),
                        new ProposedFix("remove it" + (plus ? " and prefix the commands that need root with '+'" : ""),
                                List.of(new FixChange.UnitDirectiveRemoval("Service", "PermissionsStartOnly", d.get().source()))));
            });

    static final Rule NEWER_THAN_SYSTEMD = Rule.service("UNIT-DIRECTIVE-TOO-NEW", WARN, Area.UNIT,
            "Directive or value newer than the host's systemd",
            "systemd ignores what it does not know: an unknown key is logged as \"Unknown key name …, ignoring\", an "
                    + "unknown value as \"Failed to parse …, ignoring\", and the service starts without the setting "
                    + "(systemd.unit(5), unit file loading). A hardening switch copied from newer documentation "
                    + "(PrivateTmp=disconnected is systemd " + SystemdDirectives.since("Service", "PrivateTmp", "disconnected")
                    + ", ProtectClock= " + SystemdDirectives.since("Service", "ProtectClock", "yes")
                    + ", ProcSubset= " + SystemdDirectives.since("Service", "ProcSubset", "pid") + ") then protects "
                    + "nothing on this host, and a limit does not limit. The versions come from golive's directive "
                    + "table, each row with the systemd NEWS section it was checked against.",
            "Use what this systemd knows (the finding names the version each setting needs), or upgrade systemd.",
            UnitRules.UNIT_MAN + "; systemd NEWS (the version named in each finding)",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                Optional<Integer> host = h.systemd().version().opt();
                if (host.isEmpty()) return out;
                for (UnitDirective d : h.service().get().directives()) {
                    String v = d.value().trim();
                    if (v.isEmpty()) continue;
                    Optional<SystemdDirectives.Directive> row = SystemdDirectives.find(d.section(), d.key(), v);
                    if (row.isPresent() && row.get().since() <= host.get() && d.section().equals("Service")
                            && !SystemdDirectives.built(h.systemd().seccomp(), d.key())) {
                        out.add(r.titled(d.key() + "= needs a systemd built with seccomp",
                                d.key() + "=" + v + ": " + SystemdDirectives.needsSeccomp(d.key()),
                                Facts.plus(List.of(d.source()), h.systemd().seccomp().src()),
                                ProposedFix.advice("leave it out on this host: systemd " + host.get() + " here has no seccomp support")));
                        continue;
                    }
                    if (row.isEmpty() || row.get().since() <= host.get()) continue;
                    out.add(r.titled(d.key() + "=" + (row.get().value().isPresent() ? v : "") + " needs systemd " + row.get().since(),
                            d.key() + "=" + v + ": " + SystemdDirectives.needs(d.key(), v, row.get().since(), h.systemd().version())
                                    + ", so it ignores the setting (" + row.get().source() + ")",
                            List.of(d.source()), ProposedFix.advice("use a setting systemd " + host.get() + " knows, or upgrade systemd")));
                }
                return out;
            });

    /** The [Service] settings whose value golive parses as systemd does (model.SystemdValues), by kind. */
    static final List<String> SIZES = List.of("MemoryMax", "MemoryHigh", "MemoryLow", "MemoryMin", "MemorySwapMax", "MemoryLimit");
    static final List<String> SPANS = List.of("RestartSec", "TimeoutStartSec", "TimeoutStopSec", "TimeoutSec", "RuntimeMaxSec", "WatchdogSec");

    static final Rule VALUE_IGNORED = Rule.service("UNIT-VALUE-IGNORED", WARN, Area.UNIT,
            "Setting with a value systemd refuses",
            "systemd parses a size with parse_size (src/basic/parse-util.c): the base-1024 suffixes K, M, G, T, P, E "
                    + "(and B) in upper case only, so MemoryMax=1g or MemoryMax=2GB fails to parse; config_parse_memory_limit "
                    + "then logs \"Invalid memory limit '1g', ignoring\" and the service runs with no limit at all. The same "
                    + "holds for a TasksMax=, CPUQuota= or time span (systemd.time(7): \"m\" is a minute, \"M\" a month) "
                    + "systemd cannot read: the line is logged and skipped, the unit loads, and nothing says the setting "
                    + "is missing.",
            "Write the value as systemd reads it (MemoryMax=1G); golive proposes the upper-case spelling where that is "
                    + "what was meant.",
            "systemd source src/basic/parse-util.c (parse_size) and src/core/load-fragment.c (config_parse_memory_limit); "
                    + "man 5 systemd.resource-control; man 7 systemd.time",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                ServiceFacts svc = h.service().get();
                // the last line of a key is the one systemd uses: a later valid one makes an earlier slip harmless
                java.util.Set<String> keys = new java.util.LinkedHashSet<>();
                for (UnitDirective x : svc.directives()) if (x.section().equals("Service")) keys.add(x.key());
                for (String key : keys) {
                    UnitDirective d = svc.last("Service", key).orElseThrow();
                    String v = d.value().strip();
                    if (v.isEmpty()) continue;
                    String what;
                    if (SIZES.contains(d.key()) && SystemdValues.memory(v).isEmpty()) what = "a size systemd reads (K, M, G, T in upper case, a percentage or infinity)";
                    else if (d.key().equals("TasksMax") && !SystemdValues.tasksMax(v)) what = "a task count, a percentage or infinity";
                    else if (d.key().equals("CPUQuota") && SystemdValues.cpuQuota(v).isEmpty()) what = "a percentage such as 200%";
                    else if (SPANS.contains(d.key()) && !SystemdValues.timeSpan(v)) what = "a time span (systemd.time(7))";
                    else continue;
                    // "1g", "512m": the upper-case suffix is what was meant when that parses
                    String upper = v.toUpperCase(java.util.Locale.ROOT);
                    boolean fixable = SIZES.contains(d.key()) && !upper.equals(v) && SystemdValues.memory(upper).isPresent();
                    out.add(r.titled(d.key() + "=" + v + " is ignored",
                            d.source().describe() + ": " + d.key() + "=" + v + " is not " + what + ": systemd logs it and ignores the line, "
                                    + "so the service runs without it",
                            List.of(d.source()),
                            fixable ? ProposedFix.of("set " + d.key() + "=" + upper, new FixChange.UnitDirectiveChange("Service", d.key(), upper))
                                    : ProposedFix.advice("write " + d.key() + "= as " + what)));
                }
                return out;
            });

    static List<Rule> all() { return List.of(NO_EXECSTART, START_LIMIT_OLD, PERMISSIONS_START_ONLY, NEWER_THAN_SYSTEMD, VALUE_IGNORED); }
}
