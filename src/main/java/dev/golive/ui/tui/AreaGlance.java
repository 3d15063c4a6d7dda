package dev.golive.ui.tui;

import dev.golive.model.Area;
import dev.golive.model.CgroupLimit;
import dev.golive.model.Fact;
import dev.golive.model.HostFacts;
import dev.golive.model.SysctlFact;
import dev.golive.report.Units;

import java.util.List;
import java.util.Optional;

/** One line per area for the Overview: the few values an admin looks at first. */
final class AreaGlance {
    private AreaGlance() { }

    static String label(Area a) {
        return switch (a) {
            case CPU -> "CPU";
            case MEMORY -> "Memory";
            case FDS -> "File descriptors";
            case NETWORK -> "Network";
            case CGROUPS -> "cgroups";
            case SYSTEMD -> "systemd";
            case UNIT -> "Service unit";
            case GO -> "Go toolchain";
            case SYSCTL_CONFIG -> "sysctl files";
        };
    }

    /** The parts of the line, most important first; the Overview keeps as many as fit. */
    static List<String> of(Area a, HostFacts f) {
        return switch (a) {
            case CPU -> List.of(v(f.cpu().logicalCpus()) + " CPUs", quota(f.cpu().cpuLimits(), "CPUs"),
                    v(f.cpu().physicalCores()) + " cores", v(f.cpu().sockets()) + " socket(s)",
                    "SMT " + f.cpu().smtActive().map(b -> b ? "on" : "off").orElse("?"),
                    f.cpu().goamd64Level().opt().map(l -> "GOAMD64 " + l).orElse(""));
            case MEMORY -> List.of(f.memory().totalBytes().opt().map(Units::bytes).orElse("?") + " RAM",
                    "THP " + v(f.memory().thpEnabled()) + "/" + v(f.memory().thpDefrag()),
                    "swap " + f.memory().swapTotalBytes().opt().map(Units::bytes).orElse("?"),
                    "swappiness " + v(f.memory().swappiness()));
            case FDS -> List.of("DefaultLimitNOFILE " + v(f.fds().systemdDefaultLimitNofile()),
                    "nr_open " + big(f.fds().nrOpen()), "file-max " + big(f.fds().fileMax()));
            case NETWORK -> List.of("somaxconn " + sysctl(f, "net.core.somaxconn"),
                    "syn_backlog " + sysctl(f, "net.ipv4.tcp_max_syn_backlog"),
                    f.network().listeningTcpPorts().opt().map(p -> p.size() + " listening").orElse(""),
                    "ports " + sysctl(f, "net.ipv4.ip_local_port_range"));
            case CGROUPS -> List.of(f.cgroups().mode().opt().map(m -> m.name().toLowerCase(java.util.Locale.ROOT)).orElse("?"),
                    f.cgroups().v2Controllers().opt().map(c -> "v2: " + String.join(" ", c)).orElse(""),
                    f.cgroups().v1Controllers().isEmpty() ? "" : "v1: " + f.cgroups().v1Controllers().size() + " controllers");
            case SYSTEMD -> List.of("systemd " + v(f.systemd().version()),
                    "PID 1 " + f.systemd().pid1().map(b -> b ? "yes" : "no").orElse("?"),
                    f.systemd().serviceUnits().size() + " service units");
            case UNIT -> f.service().map(s -> List.of(s.name(), s.securityExposure().opt().map(e -> "exposure " + e).orElse("")))
                    .orElse(List.of("no service chosen", "(golive check --service NAME)"));
            case GO -> f.go().version().opt().map(ver -> List.of(ver, f.go().path().opt().map(p -> "at " + p).orElse("")))
                    .orElse(List.of("not found: " + reason(f.go().version())));
            case SYSCTL_CONFIG -> List.of(f.sysctls().filesInLoadOrder().size() + " files in load order",
                    f.sysctls().maskedFiles().isEmpty() ? "" : f.sysctls().maskedFiles().size() + " masked",
                    f.sysctls().allAssignments().size() + " assignments");
        };
    }

    /** Joins the parts with " · " while they fit in {@code width} columns. */
    static String fit(List<String> parts, int width) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty()) continue;
            String next = b.length() == 0 ? p : b + " · " + p;
            if (next.length() > width && b.length() > 0) continue;
            b.setLength(0);
            b.append(next);
        }
        return b.toString();
    }

    private static String v(Fact<?> fact) { return fact.opt().map(String::valueOf).orElse("?"); }

    private static String reason(Fact<?> fact) { return fact instanceof Fact.Unknown<?> u ? u.reason() : ""; }

    private static String big(Fact<Long> fact) {
        return fact.opt().map(n -> n >= Long.MAX_VALUE / 2 ? "max" : String.valueOf(n)).orElse("?");
    }

    private static String sysctl(HostFacts f, String key) {
        SysctlFact s = f.sysctls().byKey().get(key);
        return s == null ? "?" : s.live().opt().map(x -> x.replaceAll("\\s+", "-")).orElse("?");
    }

    /** The tightest known limit along the cgroup path, or "no quota". */
    private static String quota(List<CgroupLimit> limits, String unit) {
        Optional<Double> min = Optional.empty();
        for (CgroupLimit l : limits) {
            Optional<Double> v = l.value().opt().flatMap(x -> x);
            if (v.isPresent() && (min.isEmpty() || v.get() < min.get())) min = v;
        }
        return min.map(q -> String.format(java.util.Locale.ROOT, "quota %.2f %s", q, unit)).orElse("no quota");
    }
}
