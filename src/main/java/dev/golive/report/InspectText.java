package dev.golive.report;

import dev.golive.model.CgroupLimit;
import dev.golive.model.Fact;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.NofileLimit;
import dev.golive.model.ServiceDefaults;
import dev.golive.model.ServiceFacts;
import dev.golive.model.UnitDirective;
import dev.golive.model.HostFacts;
import dev.golive.model.LimitsEntry;
import dev.golive.model.Printable;
import dev.golive.model.Source;
import dev.golive.model.SysctlFact;
import dev.golive.model.UnitFileInfo;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * `golive inspect` as text: the host grouped by area, one value per line, each followed by
 * where it came from (file:line, command, or default), so every number can be checked by hand.
 */
public final class InspectText {

    private static final int LABEL = 24;
    private static final int VALUE = 30;

    private final StringBuilder out = new StringBuilder();
    private final Style style;

    private InspectText(Style style) { this.style = style; }

    public static String render(HostFacts f, Style style) {
        InspectText t = new InspectText(style);
        t.all(f);
        return t.out.toString();
    }

    private void all(HostFacts f) {
        var o = f.origin();
        out.append(style.bold("golive inspect")).append("  ")
                .append(Printable.text(OriginLabel.of(o)
                        + (o.hostname() == null ? "" : " · " + o.hostname())
                        + (o.capturedAt() == null ? "" : " · " + o.capturedAt()))).append('\n');

        section("System");
        row("distribution", f.os().prettyName());
        row("kernel", f.os().kernelRelease());
        row("architecture", f.os().architecture());
        row("virtualization", f.os().virtualization());
        row("container", f.os().container());

        section("CPU");
        row("model", f.cpu().modelName());
        row("logical CPUs", f.cpu().logicalCpus());
        row("physical cores", f.cpu().physicalCores());
        row("sockets", f.cpu().sockets());
        row("SMT active", f.cpu().smtActive(), b -> b ? "yes" : "no");
        row("online", f.cpu().onlineList());
        row("affinity (golive)", f.cpu().affinityList());
        row("isolcpus", f.cpu().isolcpus());
        row("nohz_full", f.cpu().nohzFull());
        if (f.cpu().goamd64Level().known() || !f.cpu().arm64Features().known()) row("GOAMD64 level", f.cpu().goamd64Level());
        if (f.cpu().arm64Features().known()) row("arm64 features", f.cpu().arm64Features(), l -> String.join(" ", l));
        limits("CPU quota", f.cpu().cgroupPath(), f.cpu().cpuLimits(), v -> String.format("%.2f CPUs", v));

        section("Memory");
        row("total", f.memory().totalBytes(), Units::bytes);
        row("available", f.memory().availableBytes(), Units::bytes);
        row("swap total", f.memory().swapTotalBytes(), Units::bytes);
        row("swap used", f.memory().swapUsedBytes(), Units::bytes);
        row("vm.swappiness", f.memory().swappiness());
        row("vm.overcommit_memory", f.memory().overcommitMemory());
        row("THP enabled", f.memory().thpEnabled());
        row("THP defrag", f.memory().thpDefrag());
        row("THP max_ptes_none", f.memory().khugepagedMaxPtesNone());
        limits("memory limit", f.memory().cgroupPath(), f.memory().memoryLimits(), v -> Units.bytes(v.longValue()));

        section("File descriptors");
        row("fs.file-max", f.fds().fileMax());
        row("fs.nr_open", f.fds().nrOpen());
        row("allocated handles", f.fds().fileNrAllocated());
        // /proc/self/limits: golive's own process live; in a capture, the process that took it (no service's limit)
        row(f.origin().live() ? "nofile (golive)" : "nofile (capturing process)", f.fds().processNofile());
        row("systemd DefaultLimitNOFILE", f.fds().systemdDefaultLimitNofile());
        if (f.fds().limitsNofile().isEmpty()) {
            line("limits.conf nofile", "none", null);
        }
        for (LimitsEntry e : f.fds().limitsNofile()) {
            line("limits.conf nofile", e.domain() + " " + e.type() + " " + e.value() + " (login sessions only)", e.source());
        }

        section("Network (sysctl: live value; file that sets it)");
        for (SysctlFact s : f.sysctls().byKey().values()) {
            if (!s.key().startsWith("net.")) continue;
            sysctl(s, f.sysctls(), f.os());
        }
        row("listening TCP ports", f.network().listeningTcpPorts(), l -> l.isEmpty() ? "none" : abbreviate(l.toString(), 40));

        section("Other sysctls");
        for (SysctlFact s : f.sysctls().byKey().values()) {
            if (s.key().startsWith("net.")) continue;
            sysctl(s, f.sysctls(), f.os());
        }
        line("files in load order", String.valueOf(f.sysctls().filesInLoadOrder().size()), null);
        for (String p : f.sysctls().filesInLoadOrder()) line("", p, null);
        for (String p : f.sysctls().maskedFiles()) line("masked", p, null);
        row("/etc/sysctl.conf at boot", f.sysctls().sysctlConfAtBoot(), b -> b ? "read by systemd-sysctl" : "not read (applied by hand only)");

        section("cgroups");
        row("mode", f.cgroups().mode(), m -> m.label());
        row("v2 controllers", f.cgroups().v2Controllers(), l -> String.join(" ", l));
        row("v2 subtree_control", f.cgroups().v2SubtreeControl(), l -> String.join(" ", l));
        if (!f.cgroups().v1Controllers().isEmpty()) line("v1 controllers", String.join(" ", f.cgroups().v1Controllers()), Source.File.of("/proc/self/mountinfo"));
        row("unified_cgroup_hierarchy", f.cgroups().unifiedHierarchySwitch());
        row("cgroup_no_v1", f.cgroups().cgroupNoV1());
        row("golive's cgroup", f.cgroups().selfCgroup());
        // what enforces IOWeight= (BFQ or iocost; DOMAIN.md, cgroups)
        row("io schedulers", f.cgroups().blockIo().schedulers(), m -> m.isEmpty() ? "(no block device)"
                : String.join(" ", m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        row("iocost", f.cgroups().blockIo().iocostDevices(), l -> l.isEmpty() ? "off" : "on for " + String.join(" ", l));
        row("IOWeight= enforced", f.cgroups().blockIo().weightEnforced(), b -> b ? "yes" : "no");

        section("systemd");
        row("version", f.systemd().version());
        row("running as PID 1", f.systemd().pid1(), b -> b ? "yes" : "no");
        f.systemd().managerDefaults().forEach((k, v) -> row(k, v));
        long withDropIns = f.systemd().serviceUnits().stream().filter(u -> !u.dropIns().isEmpty()).count();
        row("service units", f.systemd().serviceUnitCount(), n -> n + " (" + withDropIns + " with drop-ins)");
        for (UnitFileInfo u : f.systemd().serviceUnits()) {
            if (u.origin().startsWith("/etc") || !u.dropIns().isEmpty()) {
                line("", u.name() + (u.dropIns().isEmpty() ? "" : " +" + u.dropIns().size() + " drop-in(s)"), Source.File.of(u.path()));
            }
        }

        section("Go toolchain");
        row("go", f.go().path());
        row("version", f.go().version());
        f.go().env().forEach((k, v) -> {
            if (!k.equals("GOVERSION")) row(k, v);
        });

        f.service().ifPresent(s -> service(s, f.systemd().version(), f.fds().systemdDefaultLimitNofile()));
    }

    /** The service section: unit and drop-ins, the directives that matter to a Go service, binary, environment, analyze. */
    private void service(ServiceFacts s, Fact<Integer> systemdVersion, Fact<NofileLimit> defaultNofile) {
        section("Service " + s.name());
        row("unit file", s.unit(), UnitFileInfo::path);
        s.unit().opt().ifPresent(u -> u.dropIns().forEach(d -> line("drop-in", d, null)));
        line("cgroup", s.cgroupPath(), null, "from Slice= or systemd's default");
        for (UnitDirective d : s.directives()) {
            if (SHOWN.contains(d.key())) line(d.key(), d.value(), d.source());
        }
        // what the unit leaves out runs with systemd's default: shown, so that no setting looks absent
        for (ServiceDefaults.Effective e : ServiceDefaults.of(s, systemdVersion, defaultNofile)) {
            line(e.key(), e.value(), null, defaultSource(e.source()));
        }
        if (s.tasks().peak() instanceof Fact.Unknown<Long> u) line("tasks peak", "cannot tell", null, u.reason());
        else row("tasks peak", s.tasks().peak());
        row("tasks now", s.tasks().current(), n -> Long.toString(n));
        row("task limit", s.tasks().max(), m -> m.map(n -> Long.toString(n)).orElse("max (none)"));
        if (s.binary() instanceof Fact.Known<GoBuildInfo> b) {
            line("binary Go version", b.value().goVersion(), b.source());
            line("main module", b.value().mainModule() == null ? "" : b.value().mainModule(), null);
            b.value().setting("DefaultGODEBUG").ifPresent(g -> line("DefaultGODEBUG", g, null));
        } else {
            row("binary", s.binary());
        }
        if (s.environment().isEmpty()) line("environment", "(none set by the unit)", null);
        s.environment().forEach((k, v) -> row("env " + k, v));
        row("go.mod go line", s.goModGoVersion());
        row("security exposure", s.securityExposure(), v -> String.format(java.util.Locale.ROOT, "%.1f (0 safe … 10 exposed)", v));
        row("verify", s.verifyMessages(), l -> l.isEmpty() ? "no complaints" : l.size() + " line(s)");
        s.verifyMessages().opt().ifPresent(l -> l.forEach(x -> line("", abbreviate(x, 100), null)));
    }

    /** "default (systemd 252)" for a documented default; a setting's file or command as it is. */
    static String defaultSource(Source src) {
        return src instanceof Source.Default d ? "default (" + d.what() + ")" : src.describe();
    }

    /** Directives worth a line in the overview (the JSON has all of them). */
    private static final java.util.Set<String> SHOWN = java.util.Set.of("Type", "ExecStart", "User", "DynamicUser", "Restart",
            "RestartSec", "LimitNOFILE", "CPUQuota", "MemoryMax", "MemoryHigh", "MemoryLimit", "TasksMax", "Slice", "KillMode");

    private void section(String title) {
        out.append('\n').append(style.bold(Printable.text(title))).append('\n');
    }

    private void sysctl(SysctlFact s, dev.golive.model.SysctlFacts all, dev.golive.model.OsFacts os) {
        String live = s.live().known() ? s.liveNormalized().orElse("") : (s.exists().orElse(true) ? "unknown" : "(not on this kernel)");
        String set = all.tunedAtBoot(s.key()).map(InspectText::byTuned).or(() -> s.configured().map(a -> a.source().describe() + (SysctlFact.normalize(a.value()).equals(s.liveNormalized().orElse(null)) ? "" : " sets " + a.value())))
                .orElse(!s.exists().orElse(true) ? "" : s.live().known() ? unset(s, os) : reasonOf(s.live()));
        line(s.key(), live + (s.key().startsWith("net.") && !s.perNamespace() ? "  (global)" : ""), null, set);
    }

    /** Where TuneD's profile sets a key at each start of tuned.service, after systemd-sysctl. */
    static String byTuned(dev.golive.model.SysctlAssignment a) {
        return a.source().describe() + " (TuneD, at each boot) sets " + a.value();
    }

    /**
     * What inspect says of a live value no sysctl file sets: the kernel's default, or a value set
     * since boot (sysctl -w, a script, a container runtime) that the next boot loses. golive does
     * not know the kernel's default of every key, so it does not call the value one.
     */
    static final String NO_FILE = "no sysctl file sets it (kernel default or set since boot)";

    /**
     * A live value no sysctl file sets: the kernel default where golive knows the default and the
     * value is it, "set since boot" where it differs, else {@link #NO_FILE}.
     */
    static String unset(SysctlFact s, dev.golive.model.OsFacts os) {
        Optional<dev.golive.model.KernelSysctls.Fixed> d = dev.golive.model.KernelSysctls.fixedDefault(s.key(), os);
        if (d.isEmpty() || s.liveNormalized().isEmpty()) return NO_FILE;
        String dflt = SysctlFact.normalize(d.get().value());
        if (dflt.equals(s.liveNormalized().get())) return "kernel default (" + d.get().source() + ")";
        boolean container = os.container().opt().filter(c -> !c.isBlank() && !c.equals("none")).isPresent();
        // a container's runtime sets values at each start (docker: ip_unprivileged_port_start=0)
        if (container) return "no sysctl file sets it: set by the container's runtime or since it started (kernel default " + (dflt.isEmpty() ? "empty" : dflt) + ")";
        return "set since boot, no sysctl file sets it: the next boot gives " + (dflt.isEmpty() ? "the empty default" : dflt);
    }

    private static String reasonOf(Fact<?> f) { return f instanceof Fact.Unknown<?> u ? u.reason() : ""; }

    private void limits(String label, String path, List<CgroupLimit> limits, Function<Double, String> fmt) {
        if (path == null) {
            line(label, "unknown", null, "no cgroup path");
            return;
        }
        if (limits.isEmpty()) {
            line(label, "unknown", null, "controller not mounted");
            return;
        }
        for (CgroupLimit l : limits) {
            Fact<Optional<Double>> v = l.value();
            String shown = v.known() ? v.orElse(Optional.empty()).map(fmt).orElse("max") : "unknown";
            line(label, l.path() + ": " + shown, v.src().orElse(null), v.known() ? null : reasonOf(v));
            label = "";
        }
    }

    private <T> void row(String label, Fact<T> f) { row(label, f, String::valueOf); }

    private <T> void row(String label, Fact<T> f, Function<T, String> fmt) {
        if (f instanceof Fact.Known<T> k) line(label, fmt.apply(k.value()), k.source());
        else line(label, "unknown", null, ((Fact.Unknown<T>) f).reason());
    }

    private void line(String label, String value, Source src) { line(label, value, src, null); }

    private void line(String label, String value, Source src, String note) {
        // host text is shown escaped: a capture's os-release or hostname must not drive the terminal
        String v = Printable.text(value);
        out.append("  ").append(pad(Printable.text(label), LABEL)).append(' ').append(pad(v, VALUE));
        String where = Printable.text(src != null ? src.describe() : note);
        if (where != null && !where.isEmpty()) out.append("  ").append(style.dim(where));
        // trailing spaces from padding are noise in captures and diffs
        while (out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
        out.append('\n');
    }

    private static String pad(String s, int w) {
        if (s.length() >= w) return s;
        return s + " ".repeat(w - s.length());
    }

    private static String abbreviate(String s, int max) { return s.length() <= max ? s : s.substring(0, max - 3) + "..."; }
}
