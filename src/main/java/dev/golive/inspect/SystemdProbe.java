package dev.golive.inspect;

import dev.golive.host.HostLinks;
import dev.golive.host.CommandResult;
import dev.golive.host.HostPaths;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.Source;
import dev.golive.model.SystemdFacts;
import dev.golive.model.UnitFileInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * systemd version (from `systemctl --version`, else from the tree's own files without running
 * anything: the name of libsystemd-shared-NNN.so, the dpkg database, the manager binary's
 * start-up banner), whether it is PID 1 (/proc/1/comm), manager
 * defaults, and the service units installed with their drop-ins.
 */
final class SystemdProbe {
    private SystemdProbe() { }

    static final List<String> UNIT_DIRS = List.of(
            "/etc/systemd/system", "/run/systemd/system", "/usr/local/lib/systemd/system",
            "/usr/lib/systemd/system", "/lib/systemd/system");
    private static final Pattern VERSION = Pattern.compile("^systemd (\\d+)");
    private static final Pattern SHARED = Pattern.compile("^libsystemd-shared-(\\d+)(?:[.-].*)?\\.so$");

    /** Where distributions install libsystemd-shared: Fedora/EL lib64, Debian/Ubuntu a multiarch directory. */
    private static final List<String> SHARED_DIRS = List.of("/usr/lib/systemd", "/lib/systemd", "/usr/lib64/systemd", "/lib64/systemd");
    /** Debian's multiarch triplets (x86_64-linux-gnu, aarch64-linux-gnu, arm-linux-gnueabihf, …). */
    private static final Pattern MULTIARCH = Pattern.compile("^[a-z0-9_]+-linux-[a-z0-9_]+$");
    private static final Pattern DPKG_VERSION = Pattern.compile("^(?:\\d+:)?(\\d+)");

    /**
     * The host's systemd version: `systemctl --version` where a command ran (the live host, a
     * capture), else the tree's own files, so an image tree answers for itself and never for
     * this machine: the name of its libsystemd-shared-NNN.so (also NNN.x-distro variants such
     * as Ubuntu's libsystemd-shared-255.4-1ubuntu8.so), else the dpkg database's systemd
     * package (Version: 252.19-1~deb12u1), else the start-up banner in the manager binary
     * (an RPM tree of EL7, whose systemd 219 has no libsystemd-shared).
     */
    static Fact<Integer> version(HostRoot root, CommandResult systemctl) {
        if (systemctl.ok()) {
            Matcher m = VERSION.matcher(systemctl.stdout().strip());
            if (m.find()) return Fact.of(Integer.parseInt(m.group(1)), new Source.Command(systemctl.commandLine()));
        }
        List<String> dirs = new ArrayList<>(SHARED_DIRS);
        for (String lib : List.of("/usr/lib", "/lib")) {
            for (String name : root.list(lib).orElse(List.of())) {
                if (MULTIARCH.matcher(name).matches()) dirs.add(HostPaths.join(HostPaths.join(lib, name), "systemd"));
            }
        }
        for (String dir : dirs) {
            for (String name : root.list(dir).orElse(List.of())) {
                Matcher m = SHARED.matcher(name);
                if (m.matches()) return Fact.of(Integer.parseInt(m.group(1)), Source.File.of(HostPaths.join(dir, name)));
            }
        }
        Optional<Fact<Integer>> dpkg = dpkgVersion(root);
        if (dpkg.isPresent()) return dpkg.get();
        Optional<Fact<Integer>> banner = bannerVersion(root);
        if (banner.isPresent()) return banner.get();
        return Fact.unknown(systemctl.ran() ? systemctl.problem() : "systemctl did not run (" + systemctl.failure().orElse("")
                + "), no libsystemd-shared-NNN.so, no installed systemd package in /var/lib/dpkg/status and no start-up banner in "
                + String.join(" or ", MANAGER_BINARIES));
    }

    /** The manager binary: /usr/lib/systemd/systemd on EL and merged-/usr trees, /lib/systemd/systemd on older Debian. */
    static final List<String> MANAGER_BINARIES = List.of("/usr/lib/systemd/systemd", "/lib/systemd/systemd");

    /** Larger than any systemd manager binary (EL7's is under 2 MB, Debian 11's 1.7 MB). */
    private static final long MAX_MANAGER_BINARY = 32L * 1024 * 1024;

    /**
     * The banner PID 1 logs at start, kept as one string in the binary's read-only data: systemd's
     * src/core/main.c joins the version into the literal at compile time ("systemd 219 running in
     * %ssystem mode. (+PAM …" from autotools' PACKAGE_STRING; "systemd 247.3-7+deb11u5 running in
     * %ssystem mode. (+PAM …" and "systemd 252.39-1~deb12u2 running in %ssystem mode (%s)" from
     * meson builds with the distribution's version). The digits after "systemd " are the upstream release.
     * Written so that Java and POSIX extended regular expressions read it alike (no \\d, no (?:)):
     * the fleet capture cuts the banner on the host with grep -E ({@link HostRoot#findInBinary}).
     */
    private static final Pattern BANNER = Pattern.compile("systemd ([0-9]{3,4})([.~+-][0-9A-Za-z.~+_-]{0,64})? running in %ssystem mode");

    /**
     * The systemd version from the manager binary's start-up banner: the one offline source on an
     * RPM tree without libsystemd-shared (EL7's systemd 219 predates it) and without a dpkg database.
     */
    static Optional<Fact<Integer>> bannerVersion(HostRoot root) {
        for (String path : MANAGER_BINARIES) {
            // only the banner is logged as read: a capture keeps it, not the 2 MB binary; a binary
            // that is not there is logged too, so that a capture being assembled asks the host for it
            Optional<String> banner = root.findInBinary(path, MAX_MANAGER_BINARY, BANNER).opt().flatMap(b -> b);
            if (banner.isEmpty()) continue;
            Matcher m = BANNER.matcher(banner.get());
            if (m.find()) return Optional.of(Fact.of(Integer.parseInt(m.group(1)), Source.File.of(path)));
        }
        return Optional.empty();
    }

    /** The installed systemd package's upstream version from dpkg's status file, with its line. */
    static Optional<Fact<Integer>> dpkgVersion(HostRoot root) {
        return DpkgStatus.installedVersion(root, "systemd").flatMap(v -> {
            Matcher m = DPKG_VERSION.matcher(v.orElse(""));
            return m.find() ? Optional.of(v.map(x -> Integer.parseInt(m.group(1)))) : Optional.empty();
        });
    }

    static SystemdFacts probe(HostRoot root, Fact<Integer> version, Map<String, Fact<String>> managerDefaults) {
        return probe(installed(root), version, managerDefaults);
    }

    /** What the files say, read without the version: whether systemd is PID 1, the units, the unit directories listed. */
    record Installed(Fact<Boolean> pid1, List<UnitFileInfo> units, List<String> listed) { }

    static Installed installed(HostRoot root) {
        Fact<String> comm = Text.trimmed(root.read("/proc/1/comm"));
        Fact<Boolean> pid1 = comm.known() ? Fact.of(comm.orElse("").equals("systemd"), comm.src().get()) : Fact.unknown(CpuProbe.reason(comm));
        List<String> listed = new ArrayList<>();
        List<UnitFileInfo> units = units(root, listed);
        return new Installed(pid1, units, listed);
    }

    static SystemdFacts probe(Installed installed, Fact<Integer> version, Map<String, Fact<String>> managerDefaults) {
        return probe(installed, version, managerDefaults, Fact.unknown("systemctl --version not read"));
    }

    static SystemdFacts probe(Installed installed, Fact<Integer> version, Map<String, Fact<String>> managerDefaults, Fact<Boolean> seccomp) {
        Map<String, Fact<String>> defaults = new TreeMap<>();
        for (Map.Entry<String, Fact<String>> e : managerDefaults.entrySet()) if (e.getKey().startsWith("Default")) defaults.put(e.getKey(), e.getValue());
        return new SystemdFacts(version, installed.pid1(), defaults, installed.units(), installed.listed(), seccomp);
    }

    private static final Pattern SECCOMP = Pattern.compile("(?:^|\\s)([+-])SECCOMP(?:\\s|$)");

    /**
     * Whether the manager was built with seccomp: the feature list `systemctl --version` prints
     * on its second line (+SECCOMP, or -SECCOMP as on EL7 and Amazon Linux 2). Without it systemd
     * ignores SystemCallFilter=, RestrictAddressFamilies= and the other seccomp-based settings
     * ("Support for option … has been disabled at compile time and it is ignored").
     */
    static Fact<Boolean> seccomp(CommandResult systemctl) {
        if (!systemctl.ok()) return Fact.unknown(systemctl.ran() ? systemctl.problem() : "systemctl --version did not run");
        Matcher m = SECCOMP.matcher(systemctl.stdout());
        if (!m.find()) return Fact.unknown(systemctl.commandLine() + ": no SECCOMP in its feature list");
        return Fact.of(m.group(1).equals("+"), new Source.Command(systemctl.commandLine()));
    }

    /** *.service files across the unit directories (first directory wins), with their drop-ins. */
    static List<UnitFileInfo> units(HostRoot root) { return units(root, new ArrayList<>()); }

    /** The same, adding to {@code listed} each unit directory that could be listed (one name for a merged /usr). */
    static List<UnitFileInfo> units(HostRoot root, List<String> listed) {
        Map<String, String[]> byName = new TreeMap<>(); // name -> {path, origin}
        Map<String, List<String>> dropIns = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String dir : UNIT_DIRS) {
            if (!seen.add(HostLinks.canonical(root, dir))) continue; // merged /usr: /lib is /usr/lib
            Optional<List<String>> names = root.list(dir);
            if (names.isPresent()) listed.add(dir);
            for (String name : names.orElse(List.of())) {
                String path = HostPaths.join(dir, name);
                if (name.endsWith(".service") && !root.isDirectory(path)) {
                    byName.putIfAbsent(name, new String[] {path, dir});
                } else if (name.endsWith(".service.d") && root.isDirectory(path)) {
                    String unit = name.substring(0, name.length() - 2);
                    for (String f : root.list(path).orElse(List.of())) {
                        if (f.endsWith(".conf")) dropIns.computeIfAbsent(unit, k -> new ArrayList<>()).add(HostPaths.join(path, f));
                    }
                }
            }
        }
        List<UnitFileInfo> out = new ArrayList<>();
        for (var e : byName.entrySet()) {
            List<String> d = new ArrayList<>(dropIns.getOrDefault(e.getKey(), List.of()));
            // drop-ins apply sorted by file name across directories
            d.sort((a, b) -> a.substring(a.lastIndexOf('/') + 1).compareTo(b.substring(b.lastIndexOf('/') + 1)));
            out.add(new UnitFileInfo(e.getKey(), e.getValue()[0], e.getValue()[1], d));
        }
        return out;
    }

    static Optional<UnitFileInfo> find(List<UnitFileInfo> units, String name) {
        return units.stream().filter(u -> u.name().equals(name)).findFirst();
    }
}
