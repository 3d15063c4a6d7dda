package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.ContainerRuntimes;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.ProposedFix;
import dev.golive.model.ServiceFacts;
import dev.golive.model.SystemdDirectives;
import dev.golive.model.SystemdValues;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.golive.model.Severity.INFO;
import static dev.golive.model.Severity.WARN;

/** The service unit itself: how it starts, restarts and is stopped, and directive names. */
final class UnitRules {

    private UnitRules() { }

    static final String SERVICE_MAN = "man 5 systemd.service";
    static final String UNIT_MAN = "man 5 systemd.unit";

    /** Deprecated name → successor (systemd 252 deprecates them, 258 ignores them). */
    static final Map<String, String> DEPRECATED = Map.of(
            "MemoryLimit", "MemoryMax", "CPUShares", "CPUWeight", "StartupCPUShares", "StartupCPUWeight",
            "BlockIOWeight", "IOWeight", "StartupBlockIOWeight", "StartupIOWeight", "BlockIODeviceWeight", "IODeviceWeight",
            "BlockIOReadBandwidth", "IOReadBandwidthMax", "BlockIOWriteBandwidth", "IOWriteBandwidthMax",
            "BlockIOAccounting", "IOAccounting");

    /** Directives systemd 258 ignores without a successor: remove them (systemd NEWS v258; man 5 systemd.resource-control). */
    static final Map<String, String> IGNORED_FROM_258 = Map.of(
            "CPUAccounting", "CPU accounting is always on since systemd 258",
            "NetClass", "systemd 258 ignores it (net_cls is a cgroup-v1 controller, gone with v1 support)");

    /** The value for the successor: shares (default 1024) and blkio weights (default 500) scale to weights (default 100). */
    static String convert(String key, String value) {
        Optional<Long> n = ValueParsers.parseLong(value);
        if (n.isPresent() && (key.equals("CPUShares") || key.equals("StartupCPUShares"))) {
            return Long.toString(Math.max(1, Math.min(10000, n.get() * 100 / 1024)));
        }
        if (n.isPresent() && (key.equals("BlockIOWeight") || key.equals("StartupBlockIOWeight"))) {
            return Long.toString(Math.max(1, Math.min(10000, n.get() * 100 / 500)));
        }
        return value;
    }

    static final Rule DEPRECATED_DIRECTIVE = Rule.service("UNIT-DEPRECATED-DIRECTIVE", WARN, Area.UNIT,
            "Deprecated resource directive",
            "Advice to use MemoryLimit=, CPUShares= or BlockIOWeight= is out of date: these are the cgroup v1 names, "
                    + "deprecated since systemd 252 and ignored from 258. Their successors are MemoryMax=, CPUWeight= "
                    + "(1..10000, default 100, where CPUShares defaulted to 1024) and IOWeight= (default 100, where "
                    + "BlockIOWeight defaulted to 500). A unit that relies on the old names loses its limits on upgrade. "
                    + "CPUAccounting= and NetClass= have no successor: systemd 258 ignores them (CPU accounting is always "
                    + "on), so on 258 and later they are dead lines to remove.",
            "Replace each with its successor, converting weights to the new scale.",
            "man 5 systemd.resource-control (Deprecated options); systemd NEWS v252, v258 (CPUAccounting=, NetClass= ignored)",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                boolean ignored = h.systemd().atLeast(258);
                for (UnitDirective d : h.service().get().directives()) {
                    String gone = IGNORED_FROM_258.get(d.key());
                    if (gone != null && ignored) {
                        out.add(r.finding(d.key() + "=" + d.value() + " is ignored by this systemd: " + gone, List.of(d.source()),
                                ProposedFix.of("remove " + d.key() + "=", new FixChange.UnitDirectiveRemoval(d.section(), d.key(), d.source()))));
                        continue;
                    }
                    String next = DEPRECATED.get(d.key());
                    if (next == null) continue;
                    String v = convert(d.key(), d.value());
                    int since = SystemdDirectives.since(d.section(), next, v);
                    // on a systemd older than the new name the old one is all there is: nothing to say
                    if (h.systemd().version().opt().filter(x -> x < since).isPresent()) continue;
                    ProposedFix fix = h.systemd().atLeast(since)
                            ? ProposedFix.of("replace with " + next + "=" + v,
                                    new FixChange.UnitDirectiveRemoval(d.section(), d.key(), d.source()),
                                    new FixChange.UnitDirectiveChange(d.section(), next, v))
                            : ProposedFix.advice("replace it once the host's systemd is known to be " + since + " or newer ("
                                    + SystemdDirectives.needs(next, v, since, h.systemd().version()) + ")");
                    out.add(r.finding(d.key() + "=" + d.value() + (ignored ? " is ignored by this systemd" : " is deprecated")
                                    + "; use " + next + "=" + v,
                            List.of(d.source()), fix));
                }
                return out;
            });

    /** The program of an Exec line, without systemd's prefixes (@ - : + !). */
    static String program(String execValue) {
        String v = execValue.trim();
        int i = 0;
        while (i < v.length() && "@-:+!|".indexOf(v.charAt(i)) >= 0) i++;
        v = v.substring(i).trim();
        int sp = v.indexOf(' ');
        return sp < 0 ? v : v.substring(0, sp);
    }

    static final Rule EXEC_RELATIVE = Rule.service("UNIT-EXECSTART-RELATIVE", WARN, Area.UNIT,
            "ExecStart is not an absolute path",
            "systemd before 239 rejects a relative ExecStart= outright, and later versions look the name up in a fixed "
                    + "search path, not the PATH you see in a shell. Either way what runs depends on the systemd version "
                    + "and the directories present. An absolute path says exactly which binary is the service.",
            "Write the absolute path of the binary in ExecStart=.",
            SERVICE_MAN + " (Command lines)",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                for (UnitDirective d : h.service().get().all("Service", "ExecStart")) {
                    String p = program(d.value());
                    if (p.isEmpty() || p.startsWith("/")) continue;
                    out.add(r.finding("ExecStart=" + d.value() + " starts \"" + p + "\" without a path"
                                    + (h.systemd().version().opt().map(v -> v < 239 ? "; systemd " + v + " refuses it" : "").orElse("")),
                            List.of(d.source()), ProposedFix.advice("use the absolute path, e.g. /usr/local/bin/" + p)));
                }
                return out;
            });

    static final Rule NO_RESTART = Rule.service("UNIT-NO-RESTART", WARN, Area.UNIT,
            "Service is not restarted when it dies",
            "Restart= defaults to no: a Go service that panics or is OOM-killed stays down until someone notices. "
                    + "Restart=on-failure (or always) brings it back; pair it with a RestartSec= and start limit that do "
                    + "not give up within seconds.",
            "Set Restart=on-failure and RestartSec=5s.",
            SERVICE_MAN + " (Restart=)",
            (r, h) -> {
                if (!h.service().get().unit().known()) return List.of(); // absence means nothing without the unit
                Optional<UnitDirective> d = h.service().get().last("Service", "Restart");
                if (d.isPresent() && !d.get().value().trim().equals("no")) return List.of();
                return r.one(d.map(x -> "Restart=no (" + x.source().describe() + ")").orElse("no Restart= (default: no)"),
                        d.map(x -> List.<dev.golive.model.Source>of(x.source()))
                                .orElse(h.service().get().unit().opt().map(u -> List.<dev.golive.model.Source>of(dev.golive.model.Source.File.of(u.path()))).orElse(List.of())),
                        ProposedFix.of("restart on failure after 5 s",
                                new FixChange.UnitDirectiveChange("Service", "Restart", "on-failure"),
                                new FixChange.UnitDirectiveChange("Service", "RestartSec", "5s")));
            });

    static final Rule GIVES_UP = Rule.service("UNIT-RESTART-GIVES-UP", WARN, Area.UNIT,
            "Restart gives up within seconds",
            "With the defaults RestartSec=100ms, StartLimitBurst=5 and StartLimitIntervalSec=10s (in [Unit] since "
                    + "systemd 229), a service that crashes at start is restarted five times in about half a second and "
                    + "then left failed for good. A short outage of a dependency (database, DNS) becomes a dead service. "
                    + "RestartSec and the start limit must be chosen together: RestartSec × StartLimitBurst should exceed "
                    + "StartLimitIntervalSec.",
            "Raise RestartSec= so that RestartSec × StartLimitBurst exceeds StartLimitIntervalSec (or set StartLimitIntervalSec=0); "
                    + "on systemd 254 and later RestartSteps= with RestartMaxDelaySec= back off exponentially instead (NEWS v254).",
            SERVICE_MAN + " (RestartSec=, RestartSteps=, RestartMaxDelaySec=); " + UNIT_MAN + " (StartLimitIntervalSec=, StartLimitBurst=); systemd NEWS v254",
            UnitRules::givesUp);

    private static List<Finding> givesUp(Rule r, HostFacts h) {
        ServiceFacts s = h.service().get();
        Optional<UnitDirective> restart = s.last("Service", "Restart");
        if (restart.isEmpty() || restart.get().value().trim().equals("no")) return List.of();
        Optional<UnitDirective> sec = s.last("Service", "RestartSec");
        Optional<UnitDirective> interval = s.last("Unit", "StartLimitIntervalSec").or(() -> s.last("Service", "StartLimitInterval"));
        Optional<UnitDirective> burst = s.last("Unit", "StartLimitBurst").or(() -> s.last("Service", "StartLimitBurst"));
        double secMs = sec.flatMap(d -> SystemdValues.timeSpanMillis(d.value().strip())).orElse(100.0);
        Optional<String> intervalText = interval.map(UnitDirective::value)
                .or(() -> h.systemd().managerDefaults().getOrDefault("DefaultStartLimitIntervalSec", dev.golive.model.Fact.unknown("")).opt());
        double intervalMs = intervalText.map(t -> SystemdValues.timeSpanMillis(t.strip()).orElse(Double.MAX_VALUE)).orElse(10_000.0);
        Optional<String> burstText = burst.map(UnitDirective::value)
                .or(() -> h.systemd().managerDefaults().getOrDefault("DefaultStartLimitBurst", dev.golive.model.Fact.unknown("")).opt());
        long n = burstText.flatMap(ValueParsers::parseLong).orElse(5L);
        if (intervalMs == 0 || n <= 0 || secMs * n >= intervalMs) return List.of();
        long newSec = (long) Math.ceil(intervalMs / n / 1000.0) + 1;
        List<dev.golive.model.Source> src = new ArrayList<>(List.of(restart.get().source()));
        sec.ifPresent(d -> src.add(d.source()));
        interval.ifPresent(d -> src.add(d.source()));
        burst.ifPresent(d -> src.add(d.source()));
        return r.one(String.format(java.util.Locale.ROOT, "RestartSec=%s, StartLimitBurst=%d, StartLimitIntervalSec=%s: gives up after %d starts in about %.1f s",
                        sec.map(UnitDirective::value).orElse("100ms (default)"), n, intervalText.orElse("10s (default)"), n, secMs * n / 1000.0),
                src, ProposedFix.of("set RestartSec=" + newSec + "s" + (h.systemd().atLeast(SystemdDirectives.since("Service", "RestartSteps", ""))
                                ? " (or, on this systemd, back off exponentially with RestartSteps= and RestartMaxDelaySec=)" : ""),
                        new FixChange.UnitDirectiveChange("Service", "RestartSec", newSec + "s")));
    }

    static final Rule TYPE_SIMPLE = Rule.service("UNIT-TYPE-SIMPLE", INFO, Area.UNIT,
            "Type=simple where Type=exec is available",
            "With Type=simple systemd reports the service started as soon as it has forked, even if the binary is missing "
                    + "or cannot be executed; the failure shows up only later as a dead service. Type=exec (systemd 240 and "
                    + "later) waits until execve() succeeded, so a wrong path or permission fails the start job itself. "
                    + "golive suggests exec only where this systemd has it.",
            "Set Type=exec.",
            SERVICE_MAN + " (Type=)",
            (r, h) -> {
                if (!h.systemd().atLeast(240) || !h.service().get().unit().known()) return List.of();
                Optional<UnitDirective> t = h.service().get().last("Service", "Type");
                if (t.isPresent() && !t.get().value().trim().equals("simple")) return List.of();
                return r.one(t.map(d -> "Type=simple").orElse("no Type= (default: simple)") + " on systemd "
                                + h.systemd().version().opt().get(),
                        t.map(d -> List.<dev.golive.model.Source>of(d.source())).orElse(Facts.sources(h.systemd().version())),
                        ProposedFix.of("set Type=exec", new FixChange.UnitDirectiveChange("Service", "Type", "exec")));
            });

    static final Rule TYPE_NOTIFY = Rule.service("UNIT-TYPE-NOTIFY-GO", INFO, Area.UNIT,
            "Type=notify for a Go binary that may not send READY=1",
            "Type=notify waits for the service to send READY=1 over the socket in $NOTIFY_SOCKET (sd_notify); units that "
                    + "are ordered after it start only then. Go's standard library has no sd_notify, but many Go daemons send "
                    + "it through a library (coreos/go-systemd's daemon.SdNotify, as docker, containerd, etcd and caddy do), "
                    + "so Type=notify on a Go binary is often right, and replacing it with simple or exec would let dependent "
                    + "units start before the daemon is ready. golive looks in the binary for the strings a sender carries "
                    + "(\"READY=1\" and \"NOTIFY_SOCKET\"; Debian's Go builds carry no module list, so build info alone "
                    + "cannot show go-systemd). With both there, nothing to say; with neither, the start job will time out "
                    + "after TimeoutStartSec= and systemd kills the service; with one, golive cannot tell.",
            "If the program never sends READY=1 (neither string is in its binary), use Type=exec; otherwise keep Type=notify.",
            SERVICE_MAN + " (Type=notify); man 3 sd_notify",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                Optional<UnitDirective> t = s.last("Service", "Type").filter(d -> d.value().trim().startsWith("notify"));
                if (t.isEmpty() || !s.binary().known()) return List.of();
                String go = s.binary().opt().get().goVersion();
                List<String> found = s.notifyStrings().opt().orElse(null);
                if (found != null && found.containsAll(dev.golive.model.ServiceFacts.NOTIFY_MARKERS)) return List.of(); // it sends READY=1
                List<dev.golive.model.Source> src = Facts.plus(List.of(t.get().source()), s.binary().src());
                if (found == null || !found.isEmpty()) {
                    return r.one("Type=" + t.get().value() + " and a " + go + " binary: golive cannot tell whether it sends READY=1 ("
                                    + (found == null ? "the binary was not searched: " + (s.notifyStrings() instanceof dev.golive.model.Fact.Unknown<?> u ? u.reason() : "") : "only " + String.join(", ", found) + " is in it") + ")",
                            src, ProposedFix.advice("keep Type=notify if the program sends READY=1 (a start that hangs until TimeoutStartSec= says it does not)"));
                }
                Optional<ProposedFix> fix = h.systemd().atLeast(240)
                        ? Optional.of(ProposedFix.of("set Type=exec", new FixChange.UnitDirectiveChange("Service", "Type", "exec")))
                        : h.systemd().version().known()
                        ? Optional.of(ProposedFix.of("set Type=simple (systemd " + h.systemd().version().opt().get() + " has no exec)",
                                new FixChange.UnitDirectiveChange("Service", "Type", "simple")))
                        : Optional.empty();
                return r.one("Type=" + t.get().value() + " but the " + go + " binary holds neither READY=1 nor NOTIFY_SOCKET: it cannot "
                                + "send READY=1, so the start job times out", src,
                        fix.orElse(ProposedFix.advice("use Type=exec (systemd 240+) or Type=simple")));
            });

    static final Rule KILL_MODE = Rule.service("UNIT-KILLMODE", INFO, Area.UNIT,
            "KillMode= leaves processes behind",
            "KillMode=control-group (the default) stops every process of the service, which is right for a Go service. "
                    + "KillMode=process or none stop only the main process (or nothing), so children survive a stop or "
                    + "restart and keep ports and files open; none is deprecated.",
            "Remove KillMode= (or set control-group; mixed is also fine). Container runtimes (dockerd, containerd, podman, "
                    + "kubelet, any unit with Delegate=) use KillMode=process on purpose so their containers outlive a "
                    + "daemon restart: golive does not flag them.",
            "man 5 systemd.kill (KillMode=)",
            (r, h) -> ContainerRuntimes.why(h.service().get().name(), h.service().get().directives()).isPresent() ? List.<Finding>of()
                    : h.service().get().last("Service", "KillMode").filter(d -> d.value().trim().equals("process") || d.value().trim().equals("none"))
                    .map(d -> r.one("KillMode=" + d.value(), List.<dev.golive.model.Source>of(d.source()),
                            ProposedFix.of("set KillMode=control-group", new FixChange.UnitDirectiveChange("Service", "KillMode", "control-group"))))
                    .orElse(List.of()));

    static List<Rule> all() {
        return List.of(DEPRECATED_DIRECTIVE, EXEC_RELATIVE, NO_RESTART, GIVES_UP, TYPE_SIMPLE, TYPE_NOTIFY, KILL_MODE);
    }
}
