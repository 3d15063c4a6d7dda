package dev.golive.inspect;

import dev.golive.host.HostPaths;
import dev.golive.host.HostRoot;
import dev.golive.model.CgroupFacts;
import dev.golive.model.CgroupLimit;
import dev.golive.model.CgroupMode;
import dev.golive.model.Fact;
import dev.golive.model.KernelVersion;
import dev.golive.model.ServiceTasks;
import dev.golive.model.Mount;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cgroup mounts (from /proc/self/mountinfo) and this process's cgroups (from
 * /proc/self/cgroup), and the limit files of a cgroup and each of its parents. In hybrid
 * mode the cpu and memory controllers are v1 hierarchies, so limits are read there.
 */
final class CgroupLayout {

    /** A cgroup filesystem mount: where, which hierarchy root it shows, which v1 controllers. */
    record CgMount(String mountPoint, String hierarchyRoot, String fsType, List<String> controllers) { }

    /** v1 memory.limit_in_bytes prints a page-rounded LONG_MAX for "no limit". */
    static final long V1_UNLIMITED_FLOOR = 1L << 62;

    final List<CgMount> mounts;
    final List<Mount> allMounts;
    final Map<String, String> selfPaths; // controller ("" for v2) -> path
    final Fact<CgroupMode> mode;
    final Fact<String> mountinfo;
    final Fact<String> selfCgroupFile;

    private CgroupLayout(List<CgMount> mounts, List<Mount> allMounts, Map<String, String> selfPaths,
                         Fact<CgroupMode> mode, Fact<String> mountinfo, Fact<String> selfCgroupFile) {
        this.mounts = mounts;
        this.allMounts = allMounts;
        this.selfPaths = selfPaths;
        this.mode = mode;
        this.mountinfo = mountinfo;
        this.selfCgroupFile = selfCgroupFile;
    }

    /**
     * The controllers a v1 hierarchy can carry (the kernel's {@code include/linux/cgroup_subsys.h};
     * {@code io} is v2's name for {@code blkio}). Everything else in a cgroup mount's super options
     * is a mount option ({@code seclabel} from SELinux, {@code xattr}, {@code noprefix},
     * {@code release_agent=}, {@code cpuset_v2_mode}, …), not a controller.
     */
    static final java.util.Set<String> V1_CONTROLLERS = java.util.Set.of("cpuset", "cpu", "cpuacct", "blkio", "memory",
            "devices", "freezer", "net_cls", "perf_event", "net_prio", "hugetlb", "pids", "rdma", "misc", "debug");

    static CgroupLayout read(HostRoot root) {
        Fact<String> mi = root.read("/proc/self/mountinfo");
        // a capture made by hand or by another tool may hold only /proc/mounts (fstab format:
        // device, mount point, type, options): it names the same cgroup mounts, without the
        // hierarchy root a cgroup namespace shows, so every mount is taken to show its root
        boolean fstab = false;
        if (!mi.known()) {
            Fact<String> mounts = root.read("/proc/mounts");
            if (mounts.known()) {
                mi = mounts;
                fstab = true;
            }
        }
        String from = fstab ? "/proc/mounts" : "/proc/self/mountinfo";
        List<CgMount> mounts = new ArrayList<>();
        List<Mount> all = new ArrayList<>();
        String sysFsCgroupType = null;
        if (mi.known()) {
            for (String line : mi.orElse("").split("\n")) {
                String root0, point, type, superOpts;
                if (fstab) {
                    String[] f = Text.fields(line);
                    if (f.length < 4) continue;
                    root0 = "/";
                    point = unescape(f[1]);
                    type = f[2];
                    superOpts = f[3];
                } else {
                    int dash = line.indexOf(" - ");
                    if (dash < 0) continue;
                    String[] pre = line.substring(0, dash).split(" ");
                    String[] post = line.substring(dash + 3).split(" ");
                    if (pre.length < 5 || post.length < 1) continue;
                    root0 = unescape(pre[3]);
                    point = unescape(pre[4]);
                    type = post[0];
                    superOpts = post.length > 2 ? post[2] : "";
                }
                if (point.equals("/sys/fs/cgroup")) sysFsCgroupType = type;
                if (type.equals("cgroup") || type.equals("cgroup2") || (point.startsWith("/sys/fs/cgroup") && type.equals("tmpfs"))) {
                    all.add(new Mount(point, type, superOpts));
                }
                if (type.equals("cgroup") || type.equals("cgroup2")) {
                    List<String> ctrls = new ArrayList<>();
                    if (type.equals("cgroup")) {
                        for (String o : superOpts.split(",")) {
                            if (V1_CONTROLLERS.contains(o) || o.startsWith("name=")) ctrls.add(o);
                        }
                    }
                    mounts.add(new CgMount(point, root0, type, List.copyOf(ctrls)));
                }
            }
        }
        Fact<CgroupMode> mode;
        if (!mi.known()) {
            mode = Fact.unknown(CpuProbe.reason(mi) + "; no /proc/mounts either");
        } else if ("cgroup2".equals(sysFsCgroupType)) {
            mode = Fact.of(CgroupMode.V2, new Source.Derived("/sys/fs/cgroup is cgroup2 in " + from));
        } else if (first(mounts, "cgroup2").isPresent()) {
            mode = Fact.of(CgroupMode.HYBRID, new Source.Derived("v1 hierarchies plus cgroup2 at " + first(mounts, "cgroup2").get().mountPoint + " in " + from));
        } else if (first(mounts, "cgroup").isPresent()) {
            mode = Fact.of(CgroupMode.V1, new Source.Derived("only v1 hierarchies in " + from));
        } else {
            mode = Fact.unknown("no cgroup filesystem in " + from);
        }
        Fact<String> self = root.read("/proc/self/cgroup");
        Map<String, String> paths = new TreeMap<>();
        if (self.known()) {
            for (String line : self.orElse("").split("\n")) {
                String[] f = line.split(":", 3);
                if (f.length < 3) continue;
                if (f[1].isEmpty()) paths.put("", f[2]);
                else for (String c : f[1].split(",")) paths.put(c, f[2]);
            }
        }
        return new CgroupLayout(List.copyOf(mounts), List.copyOf(all), paths, mode, mi, self);
    }

    /** The cgroup of this process for a controller: v2 path on a v2 host, else the v1 one. */
    Optional<String> selfPath(String controller) {
        if (mode.opt().orElse(null) == CgroupMode.V2) return Optional.ofNullable(selfPaths.get(""));
        String p = selfPaths.get(controller);
        return Optional.ofNullable(p != null ? p : selfPaths.get(""));
    }

    /** Where a controller's files live: the v2 mount, or the v1 hierarchy carrying it. */
    Optional<CgMount> mountFor(String controller) {
        if (mode.opt().orElse(null) != CgroupMode.V2) {
            for (CgMount m : mounts) if (m.fsType.equals("cgroup") && m.controllers.contains(controller)) return Optional.of(m);
        }
        return first(mounts, "cgroup2");
    }

    /**
     * The first mount of a filesystem type. Loops rather than streams on the probing path: each
     * lambda costs ~85 µs to link on a cold JVM (the archive holds its class, not the linkage).
     */
    private static Optional<CgMount> first(List<CgMount> mounts, String fsType) {
        for (CgMount m : mounts) if (m.fsType.equals(fsType)) return Optional.of(m);
        return Optional.empty();
    }

    List<CgroupLimit> cpuLimits(HostRoot root, String cgroupPath) {
        return walk(root, "cpu", cgroupPath, (mount, dir, isRoot) -> {
            if (mount.fsType.equals("cgroup2")) {
                Fact<String> f = root.read(dir + "/cpu.max");
                if (!f.known()) return rootOrUnknown(isRoot, f);
                String[] p = Text.fields(f.orElse(""));
                if (p.length >= 1 && p[0].equals("max")) return Fact.of(Optional.empty(), f.src().get());
                try {
                    double quota = Double.parseDouble(p[0]);
                    double period = p.length > 1 ? Double.parseDouble(p[1]) : 100000;
                    return Fact.of(Optional.of(quota / period), f.src().get());
                } catch (NumberFormatException e) {
                    return Fact.unknown(dir + "/cpu.max: cannot parse \"" + f.orElse("").trim() + "\"");
                }
            }
            Fact<String> q = root.read(dir + "/cpu.cfs_quota_us");
            if (!q.known()) return rootOrUnknown(isRoot, q);
            Optional<Long> quota = Text.parseLong(q.orElse(""));
            if (quota.isEmpty()) return Fact.unknown(dir + "/cpu.cfs_quota_us: not a number");
            if (quota.get() < 0) return Fact.of(Optional.empty(), q.src().get());
            Optional<Long> period = root.read(dir + "/cpu.cfs_period_us").opt().flatMap(Text::parseLong);
            if (period.isEmpty() || period.get() <= 0) return Fact.unknown(dir + "/cpu.cfs_period_us: missing or not a number");
            return Fact.of(Optional.of(quota.get() / (double) period.get()), q.src().get());
        });
    }

    List<CgroupLimit> memoryLimits(HostRoot root, String cgroupPath) {
        return walk(root, "memory", cgroupPath, (mount, dir, isRoot) -> {
            String file = mount.fsType.equals("cgroup2") ? "/memory.max" : "/memory.limit_in_bytes";
            Fact<String> f = root.read(dir + file);
            if (!f.known()) return rootOrUnknown(isRoot, f);
            String v = f.orElse("").trim();
            if (v.equals("max")) return Fact.of(Optional.empty(), f.src().get());
            Optional<Long> n = Text.parseLong(v);
            if (n.isEmpty()) return Fact.unknown(dir + file + ": cannot parse \"" + v + "\"");
            if (n.get() >= V1_UNLIMITED_FLOOR) return Fact.of(Optional.empty(), f.src().get());
            return Fact.of(Optional.of(n.get().doubleValue()), f.src().get());
        });
    }

    private static Fact<Optional<Double>> rootOrUnknown(boolean isRoot, Fact<String> f) {
        // the root cgroup has no limit files: that means "no limit", not "unknown"
        if (isRoot && CpuProbe.reason(f).endsWith("no such file")) return Fact.of(Optional.empty(), new Source.Default("the root cgroup has no limit"));
        return Fact.unknown(CpuProbe.reason(f));
    }

    interface LimitReader { Fact<Optional<Double>> read(CgMount mount, String dir, boolean isRoot); }

    /**
     * The task counts of one service's cgroup (pids controller): pids.peak, pids.current and
     * pids.max of the leaf. A missing pids.peak beside a present pids.current is a kernel before
     * 6.1; a missing directory is a service that is not running.
     */
    ServiceTasks tasks(HostRoot root, String cgroupPath, Optional<KernelVersion> kernel) {
        Optional<CgMount> mount = mountFor("pids");
        if (mount.isEmpty()) return ServiceTasks.unknown("", mode.known() ? "no pids controller mounted" : CpuProbe.reason(mode));
        Optional<String> rel = relative(mount.get(), cgroupPath);
        if (rel.isEmpty()) return ServiceTasks.unknown("", "no cgroup path for the service");
        String dir = rel.get().equals("/") ? mount.get().mountPoint : mount.get().mountPoint + rel.get();
        Fact<Long> current = Text.longFact(root.read(dir + "/pids.current"));
        if (!current.known()) {
            String why = CpuProbe.reason(current).endsWith("no such file")
                    ? "the service is not running (no " + dir + "/pids.current)" : CpuProbe.reason(current);
            return ServiceTasks.unknown(dir, why);
        }
        Fact<Long> peak = Text.longFact(root.read(dir + "/pids.peak"));
        if (!peak.known() && CpuProbe.reason(peak).endsWith("no such file")) {
            peak = Fact.unknown("no pids.peak in " + dir + (kernel.map(k -> k.compareTo(ServiceTasks.PEAK_SINCE) < 0).orElse(true)
                    ? ": the kernel has it since Linux 6.1" + kernel.map(k -> " (this is " + k + ")").orElse("")
                    : "") + "; pids.current shows only this moment");
        }
        Fact<String> maxText = root.read(dir + "/pids.max");
        Fact<Optional<Long>> max;
        if (!maxText.known()) max = Fact.unknown(CpuProbe.reason(maxText));
        else if (maxText.orElse("").trim().equals("max")) max = Fact.of(Optional.empty(), maxText.src().get());
        else max = Text.longFact(maxText).map(Optional::of);
        return new ServiceTasks(dir, peak, current, max);
    }

    /** The cgroup's path inside a mount: a mount may show a sub-tree (cgroup namespaces, docker on v1), whose root is stripped. */
    private static Optional<String> relative(CgMount m, String cgroupPath) {
        if (cgroupPath == null) return Optional.empty();
        String rel = cgroupPath;
        if (!m.hierarchyRoot.equals("/") && (rel.equals(m.hierarchyRoot) || rel.startsWith(m.hierarchyRoot + "/"))) {
            rel = rel.substring(m.hierarchyRoot.length());
            if (rel.isEmpty()) rel = "/";
        }
        if (!rel.startsWith("/")) rel = "/" + rel;
        if (rel.contains("..")) return Optional.empty();
        return Optional.of(HostPaths.strip(rel));
    }

    /** Leaf first, then each parent up to the root of the hierarchy. */
    private List<CgroupLimit> walk(HostRoot root, String controller, String cgroupPath, LimitReader reader) {
        List<CgroupLimit> out = new ArrayList<>();
        Optional<CgMount> mount = mountFor(controller);
        if (mount.isEmpty()) return out;
        CgMount m = mount.get();
        Optional<String> rel = relative(m, cgroupPath);
        if (rel.isEmpty()) return out;
        String p = rel.get();
        while (true) {
            String dir = p.equals("/") ? m.mountPoint : m.mountPoint + p;
            out.add(new CgroupLimit(p, reader.read(m, dir, p.equals("/"))));
            if (p.equals("/")) break;
            p = HostPaths.parent(p);
        }
        return out;
    }

    CgroupFacts facts(HostRoot root, Fact<String> cmdline) {
        Optional<CgMount> v2 = first(mounts, "cgroup2");
        Fact<List<String>> ctrl = Fact.unknown("no cgroup2 mount");
        Fact<List<String>> subtree = Fact.unknown("no cgroup2 mount");
        if (v2.isPresent()) {
            ctrl = root.read(v2.get().mountPoint + "/cgroup.controllers").map(s -> words(s));
            subtree = root.read(v2.get().mountPoint + "/cgroup.subtree_control").map(s -> words(s));
        }
        List<String> v1 = new ArrayList<>();
        for (CgMount m : mounts) if (m.fsType.equals("cgroup")) v1.addAll(m.controllers);
        Fact<String> unified = param(cmdline, "systemd.unified_cgroup_hierarchy");
        Fact<String> noV1 = param(cmdline, "cgroup_no_v1");
        Fact<String> self = selfCgroupFile.known()
                ? selfPath("cpu").<Fact<String>>map(p -> Fact.of(p, selfCgroupFile.src().get())).orElse(Fact.unknown("no entry in /proc/self/cgroup"))
                : Fact.unknown(CpuProbe.reason(selfCgroupFile));
        Optional<String> v2Root = v2.filter(m -> m.hierarchyRoot.equals("/")).map(CgMount::mountPoint);
        var blockIo = v2.isPresent() && v2Root.isEmpty()
                ? new dev.golive.model.BlockIo(BlockIoProbe.schedulers(root), Fact.unknown("cgroup namespace: the cgroup2 root is not visible"))
                : BlockIoProbe.read(root, v2Root, mode.known());
        return new CgroupFacts(mode, allMounts, ctrl, subtree, v1, unified, noV1, self, blockIo);
    }

    private static List<String> words(String s) {
        String t = s.trim();
        return t.isEmpty() ? List.of() : List.of(Text.fields(t));
    }

    private static Fact<String> param(Fact<String> cmdline, String name) {
        if (!cmdline.known()) return Fact.unknown(CpuProbe.reason(cmdline));
        return Text.factOr(Text.cmdlineParam(cmdline.orElse(""), name), cmdline.src().get(), Fact.of("not set", cmdline.src().get()));
    }

    /** mountinfo escapes space, tab, newline and backslash as octal. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length()) {
                try {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                    i += 3;
                    continue;
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // not an escape: keep the backslash
                }
            }
            b.append(c);
        }
        return b.toString();
    }
}
