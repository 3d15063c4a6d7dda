package dev.golive.inspect;

import dev.golive.host.HostRoot;
import dev.golive.model.CgroupLimit;
import dev.golive.model.CpuFacts;
import dev.golive.model.Fact;
import dev.golive.model.Source;
import dev.golive.model.X86Level;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CPU topology from /proc/cpuinfo (x86 has physical id / core id) or sysfs topology (arm64
 * has no such lines), SMT from /sys/devices/system/cpu/smt, affinity from
 * /proc/self/status, GOAMD64 level from the flags, and the CPU quota of a cgroup and each
 * parent.
 */
final class CpuProbe {
    private CpuProbe() { }

    static CpuFacts probe(HostRoot root, Fact<String> arch, Fact<String> cmdline, CgroupLayout cg, String cgroupPath) {
        Fact<String> online = Text.trimmed(root.read("/sys/devices/system/cpu/online"));
        Fact<Integer> logical = online.known()
                ? Text.factOr(Text.countCpuList(online.orElse("")), online.src().get(), Fact.unknown("bad cpu list"))
                : Fact.unknown(((Fact.Unknown<String>) online).reason());

        Fact<String> cpuinfo = root.read("/proc/cpuinfo");
        Topology topo = cpuinfo.known() ? Topology.fromCpuinfo(cpuinfo.orElse("")) : Topology.EMPTY;
        Source cpuinfoSrc = Source.File.of("/proc/cpuinfo");
        if (!logical.known() && topo.processors > 0) logical = Fact.of(topo.processors, cpuinfoSrc);

        Fact<Integer> cores;
        Fact<Integer> sockets;
        if (topo.coreIds.size() > 0) {
            cores = Fact.of(topo.coreIds.size(), cpuinfoSrc);
            sockets = Fact.of(topo.packages.size(), cpuinfoSrc);
        } else {
            Topology sys = Topology.fromSysfs(root, online.orElse(""));
            cores = sys.coreIds.isEmpty() ? Fact.unknown("no core ids in /proc/cpuinfo or sysfs topology") : Fact.of(sys.coreIds.size(), new Source.File("/sys/devices/system/cpu/cpu*/topology", 0));
            sockets = sys.packages.isEmpty() ? Fact.unknown("no package ids in /proc/cpuinfo or sysfs topology") : Fact.of(sys.packages.size(), new Source.File("/sys/devices/system/cpu/cpu*/topology", 0));
        }

        Fact<String> smtActiveRaw = Text.trimmed(root.read("/sys/devices/system/cpu/smt/active"));
        Fact<Boolean> smt = smtActiveRaw.known()
                ? Fact.of(smtActiveRaw.orElse("").equals("1"), smtActiveRaw.src().get())
                : (logical.known() && cores.known()
                    ? Fact.of(logical.orElse(0) > cores.orElse(0), new Source.Derived("logical CPUs > physical cores"))
                    : Fact.unknown("no /sys/devices/system/cpu/smt/active and no topology"));

        Fact<String> status = root.read("/proc/self/status");
        Fact<String> affinity = Text.fieldFact(status, "Cpus_allowed_list", ':');
        Fact<Integer> affinityCount = affinity.known()
                ? Text.factOr(Text.countCpuList(affinity.orElse("")), affinity.src().get(), Fact.unknown("bad cpu list"))
                : Fact.unknown(((Fact.Unknown<String>) affinity).reason());

        Fact<String> isol = cmdlineFact(cmdline, "isolcpus");
        Fact<String> nohz = cmdlineFact(cmdline, "nohz_full");

        Fact<String> model = cpuinfo.known() ? firstOf(cpuinfo, "model name", "Model", "cpu model", "Processor") : Fact.unknown(reason(cpuinfo));
        String a = arch.orElse("");
        boolean x86 = arch.known() ? a.equals("x86_64") || a.equals("amd64") : !topo.flags.isEmpty();
        boolean arm64 = arch.known() && (a.equals("aarch64") || a.equals("arm64"));
        Fact<List<String>> flags = Fact.unknown(cpuinfo.known() ? "no flags line in /proc/cpuinfo" : reason(cpuinfo));
        // with the architecture unknown (and no x86 flags to go by) "not x86-64" would be a guess
        boolean archKnown = arch.known();
        Fact<String> level = Fact.unknown(x86 ? "no CPU flags" : archKnown ? "not x86-64" : "architecture unknown");
        Fact<List<String>> armFeatures = Fact.unknown(arm64 ? "no Features line in /proc/cpuinfo" : archKnown ? "not arm64" : "architecture unknown");
        if (!topo.flags.isEmpty()) {
            flags = Fact.of(List.copyOf(topo.flags), new Source.File("/proc/cpuinfo", topo.flagsLine));
            if (x86) level = Fact.of(X86Level.fromCpuFlags(topo.flags), new Source.Derived("x86-64 psABI levels from /proc/cpuinfo flags"));
        }
        if (arm64 && !topo.features.isEmpty()) armFeatures = Fact.of(List.copyOf(topo.features), new Source.File("/proc/cpuinfo", topo.featuresLine));

        List<CgroupLimit> limits = cg.cpuLimits(root, cgroupPath);
        return new CpuFacts(logical, cores, sockets, smt, online, affinity, affinityCount, isol, nohz, model,
                flags, level, armFeatures, cgroupPath, limits);
    }

    private static Fact<String> cmdlineFact(Fact<String> cmdline, String name) {
        if (!cmdline.known()) return Fact.unknown(reason(cmdline));
        return Text.factOr(Text.cmdlineParam(cmdline.orElse(""), name), cmdline.src().get(), Fact.of("not set", cmdline.src().get()));
    }

    private static Fact<String> firstOf(Fact<String> file, String... keys) {
        for (String k : keys) {
            Fact<String> f = Text.fieldFact(file, k, ':');
            if (f.known()) return f;
        }
        return Fact.unknown("/proc/cpuinfo: no model name");
    }

    static String reason(Fact<?> f) { return f instanceof Fact.Unknown<?> u ? u.reason() : ""; }

    /** Topology counts gathered from cpuinfo or sysfs. */
    static final class Topology {
        static final Topology EMPTY = new Topology();
        int processors;
        final Set<String> coreIds = new HashSet<>();
        final Set<String> packages = new HashSet<>();
        final Set<String> flags = new LinkedHashSet<>();
        final Set<String> features = new LinkedHashSet<>();
        int flagsLine;
        int featuresLine;

        static Topology fromCpuinfo(String text) {
            Topology t = new Topology();
            String pkg = null, core = null;
            int n = 0;
            for (String line : (text + "\n\n").split("\n", -1)) {
                n++;
                int c = line.indexOf(':');
                if (line.isBlank()) {
                    if (pkg != null && core != null) {
                        t.coreIds.add(pkg + "/" + core);
                        t.packages.add(pkg);
                    }
                    pkg = null;
                    core = null;
                    continue;
                }
                if (c < 0) continue;
                String k = line.substring(0, c).trim(), v = line.substring(c + 1).trim();
                switch (k) {
                    case "processor" -> t.processors++;
                    case "physical id" -> pkg = v;
                    case "core id" -> core = v;
                    case "flags" -> { if (t.flags.isEmpty()) { t.flags.addAll(List.of(Text.fields(v))); t.flagsLine = n; } }
                    case "Features" -> { if (t.features.isEmpty()) { t.features.addAll(List.of(Text.fields(v))); t.featuresLine = n; } }
                    default -> { }
                }
            }
            return t;
        }

        static Topology fromSysfs(HostRoot root, String onlineList) {
            Topology t = new Topology();
            for (int cpu : expand(onlineList)) {
                String base = "/sys/devices/system/cpu/cpu" + cpu + "/topology/";
                Optional<String> pkg = root.read(base + "physical_package_id").opt().map(String::trim);
                Optional<String> core = root.read(base + "core_id").opt().map(String::trim);
                if (pkg.isPresent() && core.isPresent()) {
                    t.packages.add(pkg.get());
                    t.coreIds.add(pkg.get() + "/" + core.get());
                }
            }
            return t;
        }

        static List<Integer> expand(String list) {
            List<Integer> out = new ArrayList<>();
            if (list.isBlank()) return out;
            for (String part : list.trim().split(",")) {
                String[] r = part.trim().split("-");
                try {
                    int a = Integer.parseInt(r[0].trim());
                    int b = r.length > 1 ? Integer.parseInt(r[1].trim()) : a;
                    for (int i = a; i <= b && out.size() < 8192; i++) out.add(i);
                } catch (NumberFormatException e) {
                    return List.of();
                }
            }
            return out;
        }
    }
}
