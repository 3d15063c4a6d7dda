package dev.golive.report;

import dev.golive.model.CgroupLimit;
import dev.golive.model.Fact;
import dev.golive.model.HostFacts;
import dev.golive.model.Source;
import dev.golive.model.SysctlFact;
import dev.golive.report.Review.FactGroup;
import dev.golive.report.Review.FactRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fact groups at the top of a review: the facts a reviewer weighs before go-live, one
 * group per area, each with its source. Shorter than `golive inspect` on purpose (the
 * network group lists the keys that matter for a Go server, not every sysctl read).
 */
final class ReviewFacts {

    /** The network sysctls a reviewer of a Go server looks at first (DOMAIN.md, Network). */
    static final List<String> NETWORK_KEYS = List.of("net.core.somaxconn", "net.ipv4.tcp_max_syn_backlog",
            "net.core.netdev_max_backlog", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_tw_reuse",
            "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem");

    private final List<FactRow> rows = new ArrayList<>();

    private ReviewFacts() { }

    static List<FactGroup> of(HostFacts f) {
        List<FactGroup> groups = new ArrayList<>();
        ReviewFacts s;

        s = new ReviewFacts();
        s.row("hostname", f.os().hostname());
        s.row("distribution", f.os().prettyName());
        s.row("kernel", f.os().kernelRelease());
        s.row("architecture", f.os().architecture());
        s.row("virtualization", f.os().virtualization());
        s.row("container", f.os().container());
        groups.add(new FactGroup("System", s.rows));

        s = new ReviewFacts();
        s.row("model", f.cpu().modelName());
        s.row("logical CPUs", f.cpu().logicalCpus());
        s.row("physical cores", f.cpu().physicalCores());
        s.row("sockets", f.cpu().sockets());
        s.row("SMT active", f.cpu().smtActive(), b -> b ? "yes" : "no");
        s.row("affinity", f.cpu().affinityList());
        if (f.cpu().arm64Features().known()) s.row("arm64 features", f.cpu().arm64Features(), l -> String.join(" ", l));
        else s.row("GOAMD64 level", f.cpu().goamd64Level());
        s.limits("CPU quota", f.cpu().cgroupPath(), f.cpu().cpuLimits(), v -> String.format(Locale.ROOT, "%.2f CPUs", v));
        groups.add(new FactGroup("CPU", s.rows));

        s = new ReviewFacts();
        s.row("total", f.memory().totalBytes(), Units::bytes);
        s.row("swap", f.memory().swapTotalBytes(), Units::bytes);
        s.row("vm.swappiness", f.memory().swappiness());
        s.row("vm.overcommit_memory", f.memory().overcommitMemory());
        s.row("THP enabled", f.memory().thpEnabled());
        s.row("THP defrag", f.memory().thpDefrag());
        s.limits("memory limit", f.memory().cgroupPath(), f.memory().memoryLimits(), v -> Units.bytes(v.longValue()));
        groups.add(new FactGroup("Memory", s.rows));

        ReviewFacts fd = new ReviewFacts();
        fd.row("fs.file-max", f.fds().fileMax());
        fd.row("fs.nr_open", f.fds().nrOpen());
        fd.row("systemd DefaultLimitNOFILE", f.fds().systemdDefaultLimitNofile());
        if (f.fds().limitsNofile().isEmpty()) fd.rows.add(FactRow.known("limits.conf nofile", "none", "/etc/security/limits.conf, limits.d/"));
        f.fds().limitsNofile().forEach(e -> fd.rows.add(FactRow.known("limits.conf nofile",
                e.domain() + " " + e.type() + " " + e.value() + " (login sessions only)", e.source().describe())));
        groups.add(new FactGroup("File descriptors", fd.rows));

        ReviewFacts n = new ReviewFacts();
        for (String key : NETWORK_KEYS) f.sysctls().get(key).ifPresent(x -> n.sysctl(x, f.sysctls().tunedAtBoot(x.key()), f.os()));
        n.row("listening TCP ports", f.network().listeningTcpPorts(), l -> l.isEmpty() ? "none" : l.toString());
        groups.add(new FactGroup("Network", n.rows));

        s = new ReviewFacts();
        s.row("mode", f.cgroups().mode(), m -> m.label());
        s.row("v2 controllers", f.cgroups().v2Controllers(), l -> String.join(" ", l));
        if (!f.cgroups().v1Controllers().isEmpty()) {
            s.rows.add(FactRow.known("v1 controllers", String.join(" ", f.cgroups().v1Controllers()), "/proc/self/mountinfo"));
        }
        groups.add(new FactGroup("cgroups", s.rows));

        ReviewFacts d = new ReviewFacts();
        d.row("version", f.systemd().version());
        d.row("running as PID 1", f.systemd().pid1(), b -> b ? "yes" : "no");
        f.systemd().managerDefaults().forEach(d::row);
        d.row("service units", f.systemd().serviceUnitCount(), c -> Integer.toString(c));
        groups.add(new FactGroup("systemd", d.rows));

        s = new ReviewFacts();
        s.row("go", f.go().path());
        s.row("version", f.go().version());
        groups.add(new FactGroup("Go toolchain", s.rows));
        return groups;
    }

    private void sysctl(SysctlFact s, Optional<dev.golive.model.SysctlAssignment> tuned, dev.golive.model.OsFacts os) {
        if (!s.exists().orElse(true)) {
            rows.add(FactRow.unknown(s.key(), "not on this kernel"));
            return;
        }
        Fact<String> live = s.live();
        if (live instanceof Fact.Known<String> k) {
            String where = k.source().describe() + tuned.map(a -> "; " + InspectText.byTuned(a))
                    .or(() -> s.configured().map(a -> "; set by " + a.source().describe())).orElse("; " + InspectText.unset(s, os));
            rows.add(FactRow.known(s.key(), SysctlFact.normalize(k.value()), where));
        } else {
            rows.add(FactRow.unknown(s.key(), ((Fact.Unknown<String>) live).reason()));
        }
    }

    private void limits(String label, String path, List<CgroupLimit> limits, Function<Double, String> fmt) {
        if (path == null) {
            rows.add(FactRow.unknown(label, "no cgroup path"));
            return;
        }
        if (limits.isEmpty()) {
            rows.add(FactRow.unknown(label, "controller not mounted"));
            return;
        }
        for (CgroupLimit l : limits) {
            Fact<Optional<Double>> v = l.value();
            if (v instanceof Fact.Known<Optional<Double>> k) {
                rows.add(FactRow.known(label, l.path() + ": " + k.value().map(fmt).orElse("max"), k.source().describe()));
            } else {
                rows.add(FactRow.unknown(label, l.path() + ": " + ((Fact.Unknown<Optional<Double>>) v).reason()));
            }
        }
    }

    private <T> void row(String label, Fact<T> f) { row(label, f, String::valueOf); }

    private <T> void row(String label, Fact<T> f, Function<T, String> fmt) {
        rows.add(factRow(label, f, fmt));
    }

    static <T> FactRow factRow(String label, Fact<T> f, Function<T, String> fmt) {
        if (f instanceof Fact.Known<T> k) return FactRow.known(label, fmt.apply(k.value()), k.source().describe());
        return FactRow.unknown(label, ((Fact.Unknown<T>) f).reason());
    }

    static FactRow sourceRow(String label, String value, Source src) { return FactRow.known(label, value, src.describe()); }
}
