package dev.golive.inspect;

import dev.golive.binfmt.ElfFile;
import dev.golive.binfmt.GoBuildInfoReader;
import dev.golive.config.ExecLine;
import dev.golive.config.ServiceEnvironment;
import dev.golive.config.UnitNames;
import dev.golive.config.UnitResolver;
import dev.golive.host.CommandResult;
import dev.golive.host.HostRoot;
import dev.golive.model.CgroupLimit;
import dev.golive.model.CpuFacts;
import dev.golive.model.ExecutableFacts;
import dev.golive.model.Fact;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoliveException;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;
import dev.golive.model.UnitFileInfo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service (--service NAME): its unit as systemd loads it (UnitResolver: file, drop-ins,
 * masking, list resets), the cgroup it runs in (from Slice=), the Go build info of its
 * ExecStart binary, its environment as systemd passes it, the go.mod {@code go} line when a
 * module directory is given, and systemd-analyze's verdicts (security --offline from systemd
 * 250, verify's lines). Runs in two steps: {@link #resolve} before the CPU and memory probes,
 * which need the cgroup path, and {@link #probe} at the end, when systemd's version is known.
 */
final class ServiceProbe {

    /** Go binaries run to a few hundred MB with debug info; a bigger file is refused, not mapped. */
    static final long MAX_BINARY = 1L << 30;

    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+:\\s*([0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern GO_LINE = Pattern.compile("^\\s*go\\s+([0-9][0-9A-Za-z.\\-]*)\\s*(?://.*)?$");

    /** The unit as resolved, and what follows from it without reading anything else. */
    record Unit(String name, UnitResolver.Resolution resolution, Fact<UnitFileInfo> info, String cgroupPath) {
        /** The effective directives with the unit-name specifiers (%i, %n, …) expanded as systemd does for this name. */
        List<UnitDirective> directives() {
            return resolution.directives().stream()
                    .map(d -> new UnitDirective(d.section(), d.key(), UnitNames.expandSpecifiers(d.value(), name), d.source())).toList();
        }
    }

    private ServiceProbe() { }

    static Unit resolve(HostRoot root, String name) {
        UnitResolver.Resolution r = UnitResolver.resolve(root, name);
        Fact<UnitFileInfo> info;
        if (r.masked()) {
            info = Fact.unknown(name + " is masked (" + r.maskedBy().get() + " is empty or links to /dev/null)");
        } else if (r.file().isEmpty()) {
            info = Fact.unknown("no unit file " + name + " in systemd's search path (/etc/systemd/system, /run/systemd/system, /usr/lib/systemd/system, …)");
        } else if (r.unreadable().contains(r.file().get().path())) {
            info = Fact.unknown(r.file().get().path() + ": " + CpuProbe.reason(root.read(r.file().get().path())));
        } else {
            info = Fact.of(r.file().get(), Source.File.of(r.file().get().path()));
        }
        return new Unit(name, r, info, cgroupPath(name, r.directives()));
    }

    /**
     * The cgroup systemd puts the service in (systemd.slice(5)): its Slice=, else
     * system.slice, or system-PREFIX.slice for an instance of a template; a slice name
     * "a-b.slice" nests as /a.slice/a-b.slice.
     */
    static String cgroupPath(String name, List<UnitDirective> directives) {
        String slice = null;
        for (UnitDirective d : directives) if (d.key().equals("Slice") && !d.section().equals("Unit") && !d.value().isBlank()) slice = d.value().strip();
        if (slice == null || !slice.endsWith(".slice")) {
            String template = UnitNames.template(name);
            slice = template == null ? "system.slice" : "system-" + escapeDashes(template.substring(0, template.indexOf('@'))) + ".slice";
        }
        return slicePath(slice) + "/" + name;
    }

    /** systemd escapes "-" in a template prefix used as a slice name component as \x2d. */
    private static String escapeDashes(String s) { return s.replace("-", "\\x2d"); }

    static String slicePath(String slice) {
        String base = slice.substring(0, slice.length() - ".slice".length());
        if (base.equals("-") || base.isEmpty()) return "";
        StringBuilder path = new StringBuilder();
        int from = 0;
        while (true) {
            int dash = base.indexOf('-', from);
            String prefix = dash < 0 ? base : base.substring(0, dash);
            path.append('/').append(prefix).append(".slice");
            if (dash < 0) break;
            from = dash + 1;
        }
        return path.toString();
    }

    /** The systemd-analyze commands for this unit: verify always, security --offline from systemd 250. */
    static List<List<String>> analyzeCommands(Unit u, Fact<Integer> systemdVersion) {
        if (!u.info().known()) return List.of();
        String path = u.info().opt().get().path();
        List<List<String>> out = new ArrayList<>();
        out.add(verify(path));
        if (systemdVersion.opt().map(v -> v >= 250).orElse(false)) out.add(security(path));
        return out;
    }

    static List<String> verify(String unitPath) { return List.of("systemd-analyze", "verify", unitPath); }

    static List<String> security(String unitPath) { return List.of("systemd-analyze", "security", "--offline=true", unitPath); }

    /** {@code rotation}: what logrotate rotates on the host ({@link LogRotateProbe}), read once for host and service. */
    static ServiceFacts probe(HostRoot root, Commands cmds, Unit u, Fact<Integer> systemdVersion, String goModDir, dev.golive.model.ServiceTasks tasks,
                              Fact<dev.golive.model.LogRotation> rotation) {
        List<UnitDirective> dirs = u.directives();
        Fact<ByteBuffer> bytes = binaryBytes(root, u);
        Fact<GoBuildInfo> binary = binary(bytes, u);
        Fact<ExecutableFacts> executable = executable(root, bytes);
        var env = ServiceEnvironment.resolve(root, dirs);
        Fact<String> goMod = goModGo(root, goModDir);
        Fact<Double> exposure;
        Fact<List<String>> verify;
        if (!u.info().known()) {
            String why = "no unit file to analyze: " + CpuProbe.reason(u.info());
            exposure = Fact.unknown(why);
            verify = Fact.unknown(why);
        } else {
            String path = u.info().opt().get().path();
            verify = verifyLines(cmds.get(verify(path)));
            if (systemdVersion.opt().isEmpty()) exposure = Fact.unknown("systemd's version is unknown; security --offline needs systemd ≥ 250");
            else if (systemdVersion.opt().get() < 250) exposure = Fact.unknown("systemd " + systemdVersion.opt().get() + " has no security --offline (needs ≥ 250)");
            else exposure = exposure(cmds.get(security(path)));
        }
        return new ServiceFacts(u.name(), u.info(), dirs, binary, env.variables(), u.cgroupPath(), goMod, exposure, verify, executable,
                notifyStrings(root, u), tasks, rotation);
    }

    /** Which sd_notify strings the ExecStart binary holds (Debian's Go builds carry no module list to show go-systemd). */
    static Fact<List<String>> notifyStrings(HostRoot root, Unit u) {
        if (!u.info().known()) return Fact.unknown("no unit file, so no ExecStart=");
        Optional<UnitDirective> exec = u.resolution().last("Service", "ExecStart");
        if (exec.isEmpty()) return Fact.unknown(u.name() + " has no ExecStart=");
        ExecLine.Program p = ExecLine.program(exec.get().value());
        if (!p.known()) return Fact.unknown(p.problem());
        Fact<ByteBuffer> bytes = root.readBinary(p.path(), MAX_BINARY);
        if (!bytes.known()) return Fact.unknown(CpuProbe.reason(bytes));
        ByteBuffer b = bytes.opt().get();
        List<String> found = new java.util.ArrayList<>();
        for (String m : ServiceFacts.NOTIFY_MARKERS) if (contains(b, m.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) found.add(m);
        return Fact.of(found, Source.File.of(p.path()));
    }

    private static boolean contains(ByteBuffer b, byte[] needle) {
        int n = b.limit() - needle.length;
        outer:
        for (int i = b.position(); i <= n; i++) {
            if (b.get(i) != needle[0]) continue;
            for (int j = 1; j < needle.length; j++) if (b.get(i + j) != needle[j]) continue outer;
            return true;
        }
        return false;
    }

    /** The ExecStart binary's bytes, with the binary's path as the source. */
    static Fact<ByteBuffer> binaryBytes(HostRoot root, Unit u) {
        if (!u.info().known()) return Fact.unknown("no unit file, so no ExecStart=");
        Optional<UnitDirective> exec = u.directives().stream().filter(d -> d.section().equals("Service") && d.key().equals("ExecStart"))
                .reduce((a, b) -> b);
        if (exec.isEmpty()) return Fact.unknown(u.name() + " has no ExecStart=");
        ExecLine.Program p = ExecLine.program(exec.get().value());
        if (!p.known()) return Fact.unknown(exec.get().source().path() + ":" + exec.get().source().line() + ": " + p.problem());
        Fact<ByteBuffer> bytes = root.readBinary(p.path(), MAX_BINARY);
        if (!bytes.known()) return Fact.unknown(CpuProbe.reason(bytes));
        return bytes;
    }

    static Fact<GoBuildInfo> binary(HostRoot root, Unit u) { return binary(binaryBytes(root, u), u); }

    static Fact<GoBuildInfo> binary(Fact<ByteBuffer> bytes, Unit u) {
        if (!(bytes instanceof Fact.Known<ByteBuffer> b)) return Fact.unknown(CpuProbe.reason(bytes));
        String path = ((Source.File) b.source()).path();
        try {
            return Fact.of(GoBuildInfoReader.read(b.value().duplicate(), path), b.source());
        } catch (GoliveException e) {
            return Fact.unknown(e.getMessage());
        }
    }

    /** The machine and loader the binary's ELF header names, and whether the host has that loader. */
    static Fact<ExecutableFacts> executable(HostRoot root, Fact<ByteBuffer> bytes) {
        if (!(bytes instanceof Fact.Known<ByteBuffer> b)) return Fact.unknown(CpuProbe.reason(bytes));
        String path = ((Source.File) b.source()).path();
        if (!ElfFile.looksLikeElf(b.value().duplicate())) return Fact.unknown(path + ": not an ELF file");
        try {
            ElfFile elf = ElfFile.parse(b.value().duplicate(), path);
            Optional<String> interp = elf.interpreter();
            Optional<Fact<Boolean>> present = interp.map(i -> root.presence(i));
            return Fact.of(new ExecutableFacts(elf.machine(), ExecutableFacts.unameName(elf.machine()), interp, present), b.source());
        } catch (GoliveException e) {
            return Fact.unknown(e.getMessage());
        }
    }

    static Fact<String> goModGo(HostRoot root, String moduleDir) {
        if (moduleDir == null) return Fact.unknown("no module directory given (--go-mod DIR)");
        String path = (moduleDir.endsWith("/") ? moduleDir : moduleDir + "/") + "go.mod";
        Fact<String> text = root.read(path);
        if (!text.known()) return Fact.unknown(CpuProbe.reason(text));
        int line = 0;
        for (String l : text.orElse("").split("\n", -1)) {
            line++;
            Matcher m = GO_LINE.matcher(l);
            if (m.matches()) return Fact.of(m.group(1), new Source.File(path, line));
        }
        return Fact.unknown(path + ": no go line (the go command then assumes go 1.16)");
    }

    static Fact<Double> exposure(CommandResult r) {
        if (!r.ran()) return Fact.unknown(r.problem());
        Matcher m = EXPOSURE.matcher(r.stdout());
        if (!m.find()) return Fact.unknown(r.commandLine() + ": no \"Overall exposure level\" line"
                + (r.exitCode() != 0 ? " (" + r.problem() + ")" : ""));
        return Fact.of(Double.parseDouble(m.group(1)), new Source.Command(r.commandLine()));
    }

    /** Its lines, stderr and stdout; the exit code says little (DOMAIN.md: 0 on unknown keys). */
    static Fact<List<String>> verifyLines(CommandResult r) {
        if (!r.ran()) return Fact.unknown(r.problem());
        List<String> lines = new ArrayList<>();
        for (String l : (r.stderr() + "\n" + r.stdout()).split("\n")) if (!l.isBlank()) lines.add(l.strip());
        return Fact.of(List.copyOf(lines), new Source.Command(r.commandLine()));
    }

    /**
     * A service that is not running has no cgroup directory; its CPU quota is then the one
     * its unit will give it (CPUQuota=, with its file:line) instead of Unknown.
     */
    static CpuFacts withConfiguredQuota(CpuFacts cpu, Unit u) {
        if (cpu.cpuLimits().isEmpty() || cpu.cpuLimits().get(0).value().known()) return cpu;
        Optional<UnitDirective> q = u.resolution().last("Service", "CPUQuota");
        if (q.isEmpty()) return cpu;
        String v = q.get().value().strip();
        Fact<Optional<Double>> leaf;
        if (!v.endsWith("%")) return cpu;
        try {
            leaf = Fact.of(Optional.of(Double.parseDouble(v.substring(0, v.length() - 1).strip()) / 100.0), q.get().source());
        } catch (NumberFormatException e) {
            return cpu;
        }
        List<CgroupLimit> limits = new ArrayList<>(cpu.cpuLimits());
        limits.set(0, new CgroupLimit(limits.get(0).path(), leaf));
        return new CpuFacts(cpu.logicalCpus(), cpu.physicalCores(), cpu.sockets(), cpu.smtActive(), cpu.onlineList(),
                cpu.affinityList(), cpu.affinityCount(), cpu.isolcpus(), cpu.nohzFull(), cpu.modelName(), cpu.flags(),
                cpu.goamd64Level(), cpu.arm64Features(), cpu.cgroupPath(), limits);
    }
}
