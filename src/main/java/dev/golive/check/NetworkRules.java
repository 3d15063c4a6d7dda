package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.KernelVersion;
import dev.golive.model.ProposedFix;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.SysctlFact;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.golive.model.Severity.ERROR;
import static dev.golive.model.Severity.INFO;
import static dev.golive.model.Severity.WARN;

/** TCP and socket tunables that a network-facing Go service depends on. */
final class NetworkRules {

    private NetworkRules() { }

    static final String NET_SYSCTL_DOC = "https://docs.kernel.org/networking/ip-sysctl.html";
    static final String CORE_SYSCTL_DOC = "https://docs.kernel.org/admin-guide/sysctl/net.html";
    static final long DEFAULT_SOMAXCONN = 4096;
    static final long DEFAULT_PORT_RANGE_WIDTH = 60999 - 32768 + 1;

    static final Rule SOMAXCONN_LOW = Rule.host("NET-SOMAXCONN-LOW", WARN, Area.NETWORK,
            "net.core.somaxconn caps listen backlogs low",
            "listen() silently cuts every accept backlog to net.core.somaxconn, so a burst of new connections "
                    + "beyond it is dropped or delayed by the kernel before the service ever sees it. Linux 5.4 and later "
                    + "default to 4096; older kernels (and old tuning files) use 128. Go reads somaxconn once per process "
                    + "(net/sock_linux.go caches it), so a running Go service keeps the old value until it is restarted.",
            "Set net.core.somaxconn to at least 4096 in a sysctl.d drop-in, apply it, then restart the service.",
            CORE_SYSCTL_DOC + " (somaxconn); Go source net/sock_linux.go (maxListenerBacklog)",
            (r, h) -> Facts.liveLong(h, "net.core.somaxconn").filter(v -> v < DEFAULT_SOMAXCONN)
                    .map(v -> r.one("net.core.somaxconn is " + v + Facts.setBy(h, "net.core.somaxconn")
                                    + ": no listener can queue more than " + v + " connections",
                            Facts.sysctlSources(h, "net.core.somaxconn"),
                            ProposedFix.of("set net.core.somaxconn = 4096, then restart the Go service (it reads the value once)",
                                    new FixChange.SysctlChange("net.core.somaxconn", "4096"))))
                    .orElse(List.of()));

    static final Rule SYN_BACKLOG_LOW = Rule.host("NET-SYN-BACKLOG-LOW", WARN, Area.NETWORK,
            "SYN backlog smaller than somaxconn with syncookies off",
            "net.ipv4.tcp_max_syn_backlog matters only when net.ipv4.tcp_syncookies=0: then the kernel drops SYNs from "
                    + "unproven peers once a listener's SYN queue is 3/4 of it, and clients see retransmission delays of a "
                    + "second or more. With syncookies on (1, the default; or 2) the kernel never reads it: a listener's SYN "
                    + "queue is bounded by its accept backlog, min(listen backlog, somaxconn), and cookies start there "
                    + "(tcp_conn_request and inet_csk_reqsk_queue_is_full in net/ipv4/tcp_input.c). So \"raise "
                    + "tcp_max_syn_backlog to match somaxconn\" does nothing on a default host, and golive says so only "
                    + "where syncookies are off. The kernel default scales with RAM (at least 128).",
            "With tcp_syncookies=0, raise net.ipv4.tcp_max_syn_backlog to the value of net.core.somaxconn (or turn syncookies back on).",
            NET_SYSCTL_DOC + " (tcp_max_syn_backlog, tcp_syncookies); Linux net/ipv4/tcp_input.c (tcp_conn_request)",
            (r, h) -> {
                Optional<Long> syn = Facts.liveLong(h, "net.ipv4.tcp_max_syn_backlog");
                Optional<Long> som = Facts.liveLong(h, "net.core.somaxconn");
                Optional<String> cookies = Facts.live(h, "net.ipv4.tcp_syncookies").map(String::trim);
                // the kernel reads tcp_max_syn_backlog only with syncookies off; unknown syncookies: no claim
                if (!cookies.filter("0"::equals).isPresent() || syn.isEmpty() || som.isEmpty() || syn.get() >= som.get()) return List.of();
                return r.one("net.ipv4.tcp_max_syn_backlog is " + syn.get() + ", below net.core.somaxconn " + som.get()
                                + ", and tcp_syncookies=0: SYNs beyond 3/4 of it are dropped",
                        Facts.plus(Facts.plus(Facts.sysctlSources(h, "net.ipv4.tcp_max_syn_backlog"),
                                Facts.sysctl(h, "net.core.somaxconn").flatMap(f -> f.live().src())),
                                Facts.sysctl(h, "net.ipv4.tcp_syncookies").flatMap(f -> f.live().src())),
                        ProposedFix.of("set net.ipv4.tcp_max_syn_backlog = " + som.get(),
                                new FixChange.SysctlChange("net.ipv4.tcp_max_syn_backlog", Long.toString(som.get()))));
            });

    static final Rule PORT_RANGE_OVERLAP = Rule.host("NET-PORT-RANGE-OVERLAP", WARN, Area.NETWORK,
            "Listening port inside the ephemeral port range",
            "The kernel picks source ports for outgoing connections from net.ipv4.ip_local_port_range. A service that "
                    + "listens on a port inside that range can find it taken by an outgoing connection when it restarts, "
                    + "and then fails with \"address already in use\". Either keep the range above your listening ports, "
                    + "or list those ports in net.ipv4.ip_local_reserved_ports so the kernel never hands them out.",
            "Add the listening ports to net.ipv4.ip_local_reserved_ports (or move the range).",
            NET_SYSCTL_DOC + " (ip_local_port_range, ip_local_reserved_ports)",
            (r, h) -> {
                Optional<long[]> range = Facts.portRange(h);
                Optional<List<Integer>> ports = h.network().listeningTcpPorts().opt();
                if (range.isEmpty() || ports.isEmpty()) return List.of();
                String reservedSpec = Facts.live(h, "net.ipv4.ip_local_reserved_ports").orElse("");
                List<Integer> inside = ports.get().stream().distinct().sorted()
                        .filter(p -> p >= range.get()[0] && p <= range.get()[1] && !Facts.reserved(reservedSpec, p)).toList();
                if (inside.isEmpty()) return List.of();
                String list = String.join(",", inside.stream().map(String::valueOf).toList());
                String newReserved = reservedSpec.isBlank() ? list : reservedSpec + "," + list;
                return r.one("port(s) " + list + " listen inside ip_local_port_range " + range.get()[0] + "-" + range.get()[1],
                        Facts.plus(Facts.sysctlSources(h, "net.ipv4.ip_local_port_range"), h.network().listeningTcpPorts().src()),
                        ProposedFix.of("reserve " + list + " for listeners",
                                new FixChange.SysctlChange("net.ipv4.ip_local_reserved_ports", newReserved)));
            });

    static final Rule PORT_RANGE_NARROW = Rule.host("NET-PORT-RANGE-NARROW", WARN, Area.NETWORK,
            "Ephemeral port range narrow or invalid",
            "Every outgoing TCP connection to the same destination address and port needs its own local port, and a "
                    + "closed one stays in TIME_WAIT for 60 seconds. With a narrow net.ipv4.ip_local_port_range a service "
                    + "that makes many outgoing connections (proxies, API clients without keep-alive) runs out of ports and "
                    + "connect() fails with EADDRNOTAVAIL. The default 32768 60999 gives 28232 ports; the two numbers must "
                    + "be low < high.",
            "Widen net.ipv4.ip_local_port_range (default 32768 60999), keeping it clear of listening ports.",
            NET_SYSCTL_DOC + " (ip_local_port_range)",
            (r, h) -> Facts.portRange(h).filter(p -> p[0] >= p[1] || p[1] - p[0] + 1 < DEFAULT_PORT_RANGE_WIDTH)
                    .map(p -> r.one(p[0] >= p[1]
                                    ? "ip_local_port_range is " + p[0] + " " + p[1] + ": low is not below high"
                                    : "ip_local_port_range " + p[0] + "-" + p[1] + " gives " + (p[1] - p[0] + 1)
                                    + " ports (default 28232)" + Facts.setBy(h, "net.ipv4.ip_local_port_range"),
                            Facts.sysctlSources(h, "net.ipv4.ip_local_port_range"),
                            ProposedFix.of("use the default range 32768 60999",
                                    new FixChange.SysctlChange("net.ipv4.ip_local_port_range", "32768 60999"))))
                    .orElse(List.of()));

    static final Rule TW_RECYCLE = Rule.host("NET-TW-RECYCLE", ERROR, Area.NETWORK,
            "tcp_tw_recycle is set (removed in Linux 4.12)",
            "Advice to set net.ipv4.tcp_tw_recycle=1 is wrong. On kernels before 4.12 it drops connections from clients "
                    + "behind NAT, because it rejects packets whose TCP timestamps go backwards, and many hosts behind one "
                    + "address have unrelated clocks. Linux 4.12 removed the key: a file that still sets it is dead "
                    + "configuration, and `sysctl -p FILE` fails on it with \"cannot stat\".",
            "Remove the line. For TIME_WAIT pressure on outgoing connections use tcp_tw_reuse (with timestamps) and a wider port range.",
            NET_SYSCTL_DOC + "; Linux 4.12 commit 4396e46187ca (tcp: remove tcp_tw_recycle)",
            NetworkRules::twRecycle);

    private static List<Finding> twRecycle(Rule r, HostFacts h) {
        String key = "net.ipv4.tcp_tw_recycle";
        Optional<SysctlFact> f = Facts.sysctl(h, key);
        Optional<KernelVersion> k = h.os().kernel();
        boolean removed = f.flatMap(x -> x.exists().opt()).map(e -> !e)
                .orElse(k.map(v -> v.atLeast(4, 12)).orElse(false));
        String kernel = k.map(v -> "this kernel (" + v + ")").orElse("this kernel");
        List<Finding> out = new ArrayList<>();
        for (SysctlAssignment a : h.sysctls().allAssignments()) {
            if (!a.key().equals(key)) continue;
            if (!removed && a.value().trim().equals("0")) continue;
            String msg = removed
                    ? a.source().describe() + " sets " + key + "=" + a.value() + ", but " + kernel + " has no such key: dead configuration, and `sysctl -p` fails on it"
                    : a.source().describe() + " sets " + key + "=" + a.value() + ": clients behind NAT lose connections";
            out.add(r.finding(msg, List.of(a.source()),
                    ProposedFix.of("remove the line", new FixChange.SysctlRemoval(key, a.source()))));
        }
        if (out.isEmpty() && !removed && f.flatMap(SysctlFact::liveNormalized).filter(v -> !v.equals("0")).isPresent()) {
            out.add(r.finding(key + " is " + f.get().liveNormalized().get() + " live on " + kernel + ": clients behind NAT lose connections",
                    Facts.sysctlSources(h, key), ProposedFix.of("set it to 0", new FixChange.SysctlChange(key, "0"))));
        }
        return out;
    }

    static final Rule FIN_TIMEOUT = Rule.host("NET-FIN-TIMEOUT-NOT-TIME-WAIT", WARN, Area.NETWORK,
            "tcp_fin_timeout lowered to shorten TIME_WAIT (it does not)",
            "Advice that lowering net.ipv4.tcp_fin_timeout shortens TIME_WAIT is wrong. It sets how long an orphaned "
                    + "socket stays in FIN_WAIT_2; TIME_WAIT is fixed at 60 seconds in the kernel (TCP_TIMEWAIT_LEN). If "
                    + "the real problem is many sockets in TIME_WAIT or running out of local ports, this setting does not "
                    + "solve it.",
            "For TIME_WAIT pressure: reuse connections (HTTP keep-alive, pooling), widen ip_local_port_range, keep "
                    + "tcp_tw_reuse at 2 (or 1) with tcp_timestamps=1. The lowered value itself is harmless and can stay.",
            NET_SYSCTL_DOC + " (tcp_fin_timeout); include/net/tcp.h TCP_TIMEWAIT_LEN",
            (r, h) -> {
                String key = "net.ipv4.tcp_fin_timeout";
                Optional<SysctlAssignment> c = Facts.configured(h, key);
                Optional<Long> v = c.flatMap(a -> ValueParsers.parseLong(a.value())).or(() -> Facts.liveLong(h, key));
                if (v.isEmpty() || v.get() >= 60) return List.of();
                return r.one(key + " is " + v.get() + Facts.setBy(h, key)
                                + ": FIN_WAIT_2 is shorter, TIME_WAIT still lasts 60 s",
                        Facts.sysctlSources(h, key),
                        ProposedFix.advice("reuse connections and widen ip_local_port_range if TIME_WAIT is the problem"));
            });

    static final Rule TW_REUSE_NO_TIMESTAMPS = Rule.host("NET-TW-REUSE-NO-TIMESTAMPS", WARN, Area.NETWORK,
            "tcp_tw_reuse without TCP timestamps",
            "net.ipv4.tcp_tw_reuse lets outgoing connections reuse a port still in TIME_WAIT, but only when TCP "
                    + "timestamps tell old segments from new ones. With net.ipv4.tcp_timestamps=0 the reuse never happens, "
                    + "so the setting promises something it cannot do.",
            "Set net.ipv4.tcp_timestamps = 1 (the default).",
            NET_SYSCTL_DOC + " (tcp_tw_reuse, tcp_timestamps)",
            (r, h) -> {
                Optional<Long> reuse = Facts.liveLong(h, "net.ipv4.tcp_tw_reuse");
                Optional<Long> ts = Facts.liveLong(h, "net.ipv4.tcp_timestamps");
                if (reuse.isEmpty() || ts.isEmpty() || reuse.get() == 0 || ts.get() != 0) return List.of();
                return r.one("tcp_tw_reuse is " + reuse.get() + " but tcp_timestamps is 0" + Facts.setBy(h, "net.ipv4.tcp_timestamps"),
                        Facts.plus(Facts.sysctlSources(h, "net.ipv4.tcp_timestamps"),
                                Facts.sysctl(h, "net.ipv4.tcp_tw_reuse").flatMap(f -> f.live().src())),
                        ProposedFix.of("turn TCP timestamps back on", new FixChange.SysctlChange("net.ipv4.tcp_timestamps", "1")));
            });

    static final Rule SYNCOOKIES = Rule.host("NET-SYNCOOKIES-NOT-DEFAULT", WARN, Area.NETWORK,
            "tcp_syncookies is not 1",
            "With net.ipv4.tcp_syncookies=1 (the default) the kernel answers with SYN cookies only when a listener's "
                    + "SYN queue overflows, which keeps a service reachable during a SYN flood or a connection burst. 0 "
                    + "drops SYNs instead; 2 sends cookies always, which disables TCP options such as window scaling for "
                    + "every connection.",
            "Set net.ipv4.tcp_syncookies = 1.",
            NET_SYSCTL_DOC + " (tcp_syncookies)",
            (r, h) -> Facts.liveLong(h, "net.ipv4.tcp_syncookies").filter(v -> v != 1)
                    .map(v -> r.one("net.ipv4.tcp_syncookies is " + v + Facts.setBy(h, "net.ipv4.tcp_syncookies"),
                            Facts.sysctlSources(h, "net.ipv4.tcp_syncookies"),
                            ProposedFix.of("set it to 1", new FixChange.SysctlChange("net.ipv4.tcp_syncookies", "1"))))
                    .orElse(List.of()));

    static final Rule CORE_BUFFER_ONLY = Rule.host("NET-CORE-BUFFER-MAX-ONLY", INFO, Area.NETWORK,
            "net.core.rmem_max/wmem_max raised without tcp_rmem/tcp_wmem",
            "net.core.rmem_max and net.core.wmem_max bound only buffers that a program sets itself with SO_RCVBUF / "
                    + "SO_SNDBUF. Go's net package does not set them unless the code calls SetReadBuffer/SetWriteBuffer, "
                    + "so TCP connections keep autotuning within net.ipv4.tcp_rmem / tcp_wmem (min default max). Raising "
                    + "only the core values changes nothing for such a service.",
            "If larger TCP buffers are the goal, raise the third number of net.ipv4.tcp_rmem / tcp_wmem.",
            CORE_SYSCTL_DOC + " (rmem_max); " + NET_SYSCTL_DOC + " (tcp_rmem)",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                for (String[] pair : new String[][] {{"net.core.rmem_max", "net.ipv4.tcp_rmem"}, {"net.core.wmem_max", "net.ipv4.tcp_wmem"}}) {
                    Optional<SysctlAssignment> core = Facts.configured(h, pair[0]);
                    if (core.isEmpty() || Facts.configured(h, pair[1]).isPresent()) continue;
                    out.add(r.finding(core.get().source().describe() + " sets " + pair[0] + "=" + core.get().value()
                                    + " but nothing sets " + pair[1] + ": autotuned TCP sockets are unaffected",
                            List.<Source>of(core.get().source()),
                            ProposedFix.advice("set " + pair[1] + " if TCP buffer size is the goal")));
                }
                return out;
            });

    static List<Rule> all() {
        return List.of(SOMAXCONN_LOW, SYN_BACKLOG_LOW, PORT_RANGE_OVERLAP, PORT_RANGE_NARROW, TW_RECYCLE,
                FIN_TIMEOUT, TW_REUSE_NO_TIMESTAMPS, SYNCOOKIES, CORE_BUFFER_ONLY);
    }
}
