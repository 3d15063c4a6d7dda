package dev.golive.report;

import dev.golive.check.CheckReport;
import dev.golive.check.Checker;
import dev.golive.model.Area;
import dev.golive.model.Fact;
import dev.golive.model.Finding;
import dev.golive.model.HostFacts;
import dev.golive.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The host at a glance, one line per area (CPU and quota, memory and THP, file descriptors,
 * network, cgroups, systemd, Go), each with the worst finding of the area and how many there
 * are. One source for the TUI's Overview, the guide's summary and the report's header, so
 * the three never tell different stories.
 */
public final class HostSummary {

    /**
     * One area: {@code worst} is empty when the area has no finding. {@code unknown}: the
     * area's key fact could not be read, so no finding does not mean all is well (the rules
     * find nothing on Unknown facts).
     */
    public record Line(String label, List<Area> areas, String text, Optional<Severity> worst, int findings, boolean unknown) {

        /** The status word: the worst severity, else "unknown" when the key fact is missing, else "ok". */
        public String status() {
            return worst.map(Severity::label).orElse(unknown ? "unknown" : "ok");
        }
    }

    private HostSummary() { }

    public static List<Line> of(HostFacts f, CheckReport report) {
        List<Line> out = new ArrayList<>();
        out.add(line(report, "System", List.of(), system(f), false));
        out.add(line(report, "CPU", List.of(Area.CPU), cpu(f), !f.cpu().logicalCpus().known()));
        out.add(line(report, "Memory", List.of(Area.MEMORY), memory(f), !f.memory().totalBytes().known()));
        out.add(line(report, "Files", List.of(Area.FDS), fds(f), !f.fds().fileMax().known()));
        out.add(line(report, "Network", List.of(Area.NETWORK, Area.SYSCTL_CONFIG), network(f), f.sysctls().live("net.core.somaxconn").isEmpty()));
        out.add(line(report, "cgroups", List.of(Area.CGROUPS), cgroups(f), !f.cgroups().mode().known()));
        out.add(line(report, "systemd", List.of(Area.SYSTEMD, Area.UNIT), systemd(f), !f.systemd().version().known()));
        out.add(line(report, "Go", List.of(Area.GO), go(f), !f.go().knownAbsent() && !f.go().version().known()));
        return List.copyOf(out);
    }

    /** How many rules ran: the catalogue less the skipped ones, the numbers `golive check` prints. */
    public static int rulesChecked(CheckReport r) { return r.rulesTotal() - r.skipped().size(); }

    /**
     * Why rules did not run, for a line under the counts (empty when all ran), e.g. "25 rules
     * need a service and did not run: start golive with --service NAME".
     */
    public static Optional<String> skippedText(CheckReport r) {
        if (r.skipped().isEmpty()) return Optional.empty();
        int n = r.skipped().size();
        List<String> reasons = r.skipped().stream().map(CheckReport.Skipped::reason).distinct().toList();
        if (reasons.equals(List.of(Checker.NO_SERVICE))) {
            return Optional.of(n + (n == 1 ? " rule needs" : " rules need") + " a service and did not run: start golive with --service NAME");
        }
        return Optional.of(n + (n == 1 ? " rule" : " rules") + " skipped: " + String.join("; ", reasons));
    }

    private static Line line(CheckReport report, String label, List<Area> areas, String text, boolean unknown) {
        List<Finding> mine = report.findings().stream().filter(x -> areas.contains(x.area())).toList();
        Optional<Severity> worst = mine.stream().map(Finding::severity).max(Enum::compareTo);
        return new Line(label, areas, text, worst, mine.size(), unknown);
    }

    private static String system(HostFacts f) {
        String os = or(f.os().prettyName(), "unknown OS");
        String kernel = f.os().kernelRelease().opt().map(k -> "kernel " + k).orElse("kernel unknown");
        String virt = f.os().container().opt().filter(v -> !v.isBlank() && !v.equals("none")).map(c -> "container " + c)
                .or(() -> f.os().virtualization().opt().filter(v -> !v.isBlank() && !v.equals("none")).map(v -> "vm " + v))
                .orElse("bare metal or unknown");
        return os + ", " + kernel + ", " + virt;
    }

    private static String cpu(HostFacts f) {
        String cpus = f.cpu().logicalCpus().opt().map(n -> n + " CPUs").orElse("CPUs unknown");
        String cores = f.cpu().physicalCores().opt().map(n -> " (" + n + " cores"
                + f.cpu().sockets().opt().map(s -> ", " + s + (s == 1 ? " socket" : " sockets")).orElse("") + ")").orElse("");
        return cpus + cores + quota(f.cpu());
    }

    /**
     * "no quota" only when every level from the service's cgroup to the root was read and says
     * max; a level that could not be read, or no cgroup read at all, is "quota unknown" with why.
     */
    static String quota(dev.golive.model.CpuFacts cpu) {
        Optional<Double> q = cpu.effectiveQuota();
        if (q.isPresent()) return ", quota " + trim(q.get()) + " CPUs";
        if (cpu.cpuLimits().isEmpty()) {
            return ", quota unknown (" + (cpu.cgroupPath() == null ? "no cgroup path" : "no cpu controller mounted") + ")";
        }
        for (dev.golive.model.CgroupLimit l : cpu.cpuLimits()) {
            if (l.value() instanceof dev.golive.model.Fact.Unknown<?> u) return ", quota unknown (" + l.path() + ": " + u.reason() + ")";
        }
        return ", no quota";
    }

    private static String memory(HostFacts f) {
        String ram = f.memory().totalBytes().opt().map(Units::bytes).orElse("unknown") + " RAM";
        String swap = f.memory().swapTotalBytes().opt().map(s -> s == 0 ? "no swap" : "swap " + Units.bytes(s)).orElse("swap unknown");
        String thp = f.memory().thpEnabled().opt().map(t -> "THP " + t).orElse("THP unknown");
        return ram + ", " + swap + ", " + thp;
    }

    private static String fds(HostFacts f) {
        String max = f.fds().fileMax().opt().map(v -> "file-max " + big(v)).orElse("file-max unknown");
        String def = f.fds().systemdDefaultLimitNofile().opt().map(l -> "services " + l).orElse("services' limit unknown");
        return max + ", " + def;
    }

    private static String network(HostFacts f) {
        String somax = f.sysctls().live("net.core.somaxconn").map(v -> "somaxconn " + v).orElse("somaxconn unknown");
        String range = f.sysctls().live("net.ipv4.ip_local_port_range").map(v -> "ports " + v.replace(' ', '-')).orElse("");
        String listen = f.network().listeningTcpPorts().opt().map(l -> l.size() + " listening").orElse("");
        StringBuilder b = new StringBuilder(somax);
        if (!range.isEmpty()) b.append(", ").append(range);
        if (!listen.isEmpty()) b.append(", ").append(listen);
        return b.toString();
    }

    private static String cgroups(HostFacts f) {
        return f.cgroups().mode().opt().map(m -> switch (m) {
                    case V1 -> "v1 only (legacy)";
                    case HYBRID -> "hybrid (v1 + unified)";
                    case V2 -> "v2 only (unified)";
                }).orElse("layout unknown")
                + f.cgroups().v2Controllers().opt().filter(l -> !l.isEmpty()).map(l -> ", " + String.join(" ", l)).orElse("");
    }

    private static String systemd(HostFacts f) {
        String v = f.systemd().version().opt().map(n -> "systemd " + n).orElse("systemd unknown");
        String pid1 = f.systemd().pid1().opt().map(p -> p ? ", PID 1" : ", not PID 1").orElse("");
        String svc = f.service().map(s -> ", service " + s.name()).orElse("");
        return v + pid1 + svc;
    }

    private static String go(HostFacts f) {
        if (f.go().knownAbsent()) return "no Go toolchain";
        return f.go().version().opt().orElse("toolchain unknown");
    }

    private static String or(Fact<String> f, String dflt) { return f.opt().filter(s -> !s.isBlank()).orElse(dflt); }

    private static String trim(double q) {
        return q == Math.rint(q) ? Long.toString((long) q) : String.format(Locale.ROOT, "%.2f", q);
    }

    private static String big(long v) { return v >= Long.MAX_VALUE / 2 ? "unlimited" : Long.toString(v); }
}
