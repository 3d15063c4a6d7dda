package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.ContainerRuntimes;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.ProposedFix;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.golive.model.Severity.INFO;
import static dev.golive.model.Severity.WARN;

/** Who the service runs as, how exposed it is, and what systemd-analyze says about the unit. */
final class UnitSecurityRules {

    private UnitSecurityRules() { }

    static final String EXEC_MAN = "man 5 systemd.exec (Security, Sandboxing)";
    /** systemd-analyze's EXPOSED label starts here (badness_table in src/analyze/analyze-security.c: UNSAFE ≥ 9.0, EXPOSED ≥ 7.5). */
    static final double EXPOSED = 7.5;

    static boolean runsAsRoot(ServiceFacts s) {
        if (s.last("Service", "DynamicUser").map(d -> ValueParsers.yes(d.value())).orElse(false)) return false;
        Optional<UnitDirective> u = s.last("Service", "User");
        return u.isEmpty() || u.get().value().trim().isEmpty() || u.get().value().trim().equals("root") || u.get().value().trim().equals("0");
    }

    /** Directives whose presence means someone hardened the unit. */
    static boolean hardened(ServiceFacts s) {
        return s.last("Service", "NoNewPrivileges").map(d -> ValueParsers.yes(d.value())).orElse(false)
                || s.last("Service", "ProtectSystem").map(d -> !d.value().trim().equals("no") && !d.value().isBlank()).orElse(false)
                || s.last("Service", "CapabilityBoundingSet").isPresent()
                || s.last("Service", "SystemCallFilter").isPresent()
                || s.last("Service", "PrivateDevices").map(d -> ValueParsers.yes(d.value())).orElse(false);
    }

    static final Rule ROOT_NO_HARDENING = Rule.service("UNIT-ROOT-NO-HARDENING", WARN, Area.UNIT,
            "Runs as root without hardening",
            "Without User= or DynamicUser=yes a service runs as root with every capability, and nothing stops a bug in "
                    + "it from writing anywhere on the system. A Go network service rarely needs any of that: a dedicated "
                    + "user plus NoNewPrivileges=yes, ProtectSystem=strict (with ReadWritePaths= for its data), ProtectHome=, "
                    + "PrivateTmp= and, for ports below 1024, AmbientCapabilities=CAP_NET_BIND_SERVICE take most of it away.",
            "Run as a dedicated user (User= or DynamicUser=yes) and add NoNewPrivileges=yes, ProtectSystem=strict, ProtectHome=yes, PrivateTmp=yes.",
            EXEC_MAN + "; man 1 systemd-analyze (security)",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                if (!s.unit().known() || !runsAsRoot(s) || hardened(s) || ContainerRuntimes.why(s.name(), s.directives()).isPresent()) return List.of();
                List<Source> src = s.last("Service", "User").map(d -> List.<Source>of(d.source()))
                        .orElse(s.unit().opt().map(u -> List.<Source>of(Source.File.of(u.path()))).orElse(List.of()));
                return r.one(s.name() + " runs as root (" + s.last("Service", "User").map(d -> "User=" + d.value()).orElse("no User=")
                                + ") with none of NoNewPrivileges, ProtectSystem, CapabilityBoundingSet, SystemCallFilter, PrivateDevices",
                        src,
                        ProposedFix.of("add basic sandboxing (and pick a dedicated user)",
                                new FixChange.UnitDirectiveChange("Service", "NoNewPrivileges", "yes"),
                                new FixChange.UnitDirectiveChange("Service", "ProtectSystem", "strict"),
                                new FixChange.UnitDirectiveChange("Service", "ProtectHome", "yes"),
                                new FixChange.UnitDirectiveChange("Service", "PrivateTmp", "yes")));
            });

    static final Rule EXPOSURE = Rule.service("UNIT-SECURITY-EXPOSURE", WARN, Area.UNIT,
            "High systemd-analyze exposure score",
            "systemd-analyze security --offline=true (systemd 250 and later) scores how much a unit's sandboxing leaves "
                    + "open, from 0.0 (locked down) to 10.0. A bare unit scores about 9.6; eight common directives bring it "
                    + "to about 7.2; 7.5 or more is what systemd-analyze calls EXPOSED (9.0 or more UNSAFE; badness_table in "
                    + "src/analyze/analyze-security.c), below it MEDIUM. It scores sandboxing only, not "
                    + "resource limits.",
            "Add sandboxing directives until the score is below 7.5 (run the command to see which ones count most).",
            "man 1 systemd-analyze (security); systemd source src/analyze/analyze-security.c (badness_table); " + EXEC_MAN,
            (r, h) -> {
                ServiceFacts s = h.service().get();
                Optional<Double> score = s.securityExposure().opt();
                if (score.isEmpty() || score.get() < EXPOSED || !h.systemd().atLeast(250)
                        || ContainerRuntimes.why(s.name(), s.directives()).isPresent()) return List.of();
                return r.one(String.format(java.util.Locale.ROOT, "exposure %.1f of 10 for %s", score.get(), s.name()),
                        Facts.sources(s.securityExposure()),
                        ProposedFix.advice("run systemd-analyze security --offline=true on the unit and add its top directives"));
            });

    /**
     * "/etc/systemd/system/app.service:7: Unknown key name 'Foo' in section 'Service', ignoring.", or as older
     * systemd writes it (219 on EL7, 237 on Ubuntu 18.04): "[/etc/systemd/system/app.service:7] Unknown lvalue 'Foo' in section 'Service'".
     */
    private static final Pattern FILE_LINE = Pattern.compile("^(?:(/[^:\\s]+):(\\d+):|\\[(/[^:\\s\\]]+):(\\d+)\\])\\s*(.*)$");

    static final Rule VERIFY = Rule.service("UNIT-VERIFY-MESSAGE", WARN, Area.UNIT,
            "systemd-analyze verify complains about the unit",
            "systemd-analyze verify loads the unit the way systemd would and prints what it ignores or cannot use: unknown "
                    + "keys, bad values, a missing binary. It exits 0 for most of these (\"…, ignoring\"), so a unit can "
                    + "pass a script's check while a setting the admin relies on is silently dropped. golive reads the "
                    + "lines, not the exit code.",
            "Fix each line at the file:line it names (typos in keys, wrong sections, invalid values).",
            "man 1 systemd-analyze (verify)",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                Optional<List<String>> lines = s.verifyMessages().opt();
                if (lines.isEmpty()) return List.of();
                List<Finding> out = new ArrayList<>();
                for (String line : lines.get()) {
                    String t = line.strip();
                    if (t.isEmpty()) continue;
                    Matcher m = FILE_LINE.matcher(t);
                    List<Source> src = new ArrayList<>();
                    boolean bracketed = m.matches() && m.group(1) == null;
                    if (m.matches()) src.add(new Source.File(m.group(bracketed ? 3 : 1), Integer.parseInt(m.group(bracketed ? 4 : 2))));
                    s.verifyMessages().src().ifPresent(src::add);
                    out.add(r.finding(m.matches() ? m.group(5) : t, src, ProposedFix.advice("fix the line systemd-analyze names")));
                }
                return out;
            });

    static final Rule PROC_SUBSET = Rule.service("UNIT-PROCSUBSET-HIDES-SOMAXCONN", WARN, Area.UNIT,
            "ProcSubset=pid hides somaxconn from the Go runtime",
            "ProcSubset=pid (systemd 247) mounts a /proc with only the process directories: /proc/sys is gone. Go's net "
                    + "package sizes every listen() backlog from /proc/sys/net/core/somaxconn (maxListenerBacklog in "
                    + "net/sock_linux.go) and, when it cannot open that file, silently uses syscall.SOMAXCONN = 128. So every "
                    + "listener of the service gets a backlog of 128 whatever the host's somaxconn says, and raising somaxconn "
                    + "does nothing for it (measured on systemd 252: ss shows Send-Q 128). systemd-analyze security rewards "
                    + "ProcSubset=pid, so a score-driven hardening pass adds it.",
            "Remove ProcSubset=pid (or set ProcSubset=all); ProtectProc=invisible can stay.",
            EXEC_MAN + " (ProcSubset=); Go source net/sock_linux.go (maxListenerBacklog); man 2 listen",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                return s.last("Service", "ProcSubset").filter(d -> d.value().trim().equals("pid"))
                        .map(d -> r.one(s.name() + " sets ProcSubset=pid: its Go listeners cannot read net.core.somaxconn and get a backlog of 128",
                                List.<Source>of(d.source()),
                                ProposedFix.of("set ProcSubset=all", new FixChange.UnitDirectiveChange("Service", "ProcSubset", "all"))))
                        .orElse(List.of());
            });

    /** Whether the effective RestrictAddressFamilies= lines leave AF_NETLINK usable; empty when the unit does not restrict. */
    static Optional<Boolean> netlinkAllowed(List<UnitDirective> lines) {
        if (lines.isEmpty()) return Optional.empty();
        boolean denyList = lines.get(0).value().trim().startsWith("~");
        boolean listed = false;
        for (UnitDirective d : lines) {
            String v = d.value().trim();
            boolean deny = v.startsWith("~");
            for (String w : (deny ? v.substring(1) : v).trim().split("\\s+")) {
                if (!w.equals("AF_NETLINK")) continue;
                // an allow list gains a family from an allow line and loses it to a later deny line; a deny list the other way round
                listed = denyList == deny;
            }
        }
        return Optional.of(denyList != listed);
    }

    static final Rule NO_NETLINK = Rule.service("UNIT-NETLINK-RESTRICTED", INFO, Area.UNIT,
            "RestrictAddressFamilies= leaves out AF_NETLINK",
            "Go's net.Interfaces(), net.InterfaceAddrs() and Interface.Addrs() read the interface list over a netlink route "
                    + "socket (interfaceTable in net/interface_linux.go, syscall.NetlinkRIB). A unit whose "
                    + "RestrictAddressFamilies= leaves out AF_NETLINK makes that socket fail with EAFNOSUPPORT, so a service "
                    + "that lists its addresses (cluster membership, advertise-address detection, metrics) fails at start or "
                    + "reports no interfaces. systemd-analyze security rewards the restriction, so its score alone is no guide.",
            "Add AF_NETLINK to RestrictAddressFamilies= if the program lists interfaces or addresses; a pure HTTP server does not.",
            EXEC_MAN + " (RestrictAddressFamilies=); Go source net/interface_linux.go; man 7 netlink",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                List<UnitDirective> lines = s.all("Service", "RestrictAddressFamilies");
                if (netlinkAllowed(lines).orElse(true)) return List.of();
                UnitDirective last = lines.get(lines.size() - 1);
                String v = last.value().trim();
                // an allow line with AF_NETLINK adds it to an allow list; a deny list must be rewritten by hand
                ProposedFix fix = lines.get(0).value().trim().startsWith("~") || v.equals("none")
                        ? ProposedFix.advice("take AF_NETLINK out of the deny list of RestrictAddressFamilies= if the program lists interfaces")
                        : ProposedFix.of("allow AF_NETLINK", new FixChange.UnitDirectiveChange("Service", "RestrictAddressFamilies", "AF_NETLINK"));
                return r.one(s.name() + " has RestrictAddressFamilies=" + v + " without AF_NETLINK: net.Interfaces() fails in it",
                        lines.stream().map(d -> (Source) d.source()).toList(), fix);
            });

    static List<Rule> all() { return List.of(ROOT_NO_HARDENING, EXPOSURE, VERIFY, PROC_SUBSET, NO_NETLINK); }
}
