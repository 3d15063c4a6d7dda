package dev.golive.inspect;

import dev.golive.config.LimitsFile;
import dev.golive.host.HostPaths;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.FdFacts;
import dev.golive.model.LimitsEntry;
import dev.golive.model.NofileLimit;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * File descriptor limits: kernel-wide (file-max, nr_open, file-nr), this process's
 * RLIMIT_NOFILE, what systemd gives services by default, and every nofile line of
 * limits.conf (shown so the admin sees they do not reach services).
 */
final class FdProbe {
    private FdProbe() { }

    static FdFacts probe(HostRoot root, Map<String, Fact<String>> managerDefaults, Fact<Integer> systemdVersion) {
        Fact<Long> fileMax = Text.longFact(root.read("/proc/sys/fs/file-max"));
        Fact<Long> nrOpen = Text.longFact(root.read("/proc/sys/fs/nr_open"));
        Fact<String> fileNr = root.read("/proc/sys/fs/file-nr");
        Fact<Long> allocated = Fact.unknown(CpuProbe.reason(fileNr));
        Fact<Long> nrMax = allocated;
        if (fileNr.known()) {
            String[] f = Text.fields(fileNr.orElse(""));
            if (f.length == 3) {
                allocated = Text.factOr(Text.parseLong(f[0]), fileNr.src().get(), Fact.unknown("bad file-nr"));
                nrMax = Text.factOr(Text.parseLong(f[2]), fileNr.src().get(), Fact.unknown("bad file-nr"));
            }
        }
        Fact<NofileLimit> process = processNofile(root.read("/proc/self/limits"));
        Fact<NofileLimit> systemdDefault = systemdDefault(managerDefaults, systemdVersion);
        List<LimitsFile> limits = limitsFiles(root);
        List<LimitsEntry> nofile = new ArrayList<>();
        List<dev.golive.model.MalformedLine> malformed = new ArrayList<>();
        for (LimitsFile f : limits) {
            for (LimitsEntry e : f.entries()) if (e.item().equals("nofile")) nofile.add(e);
            malformed.addAll(f.malformedLines());
        }
        return new FdFacts(fileMax, nrOpen, allocated, nrMax, process, systemdDefault, nofile, malformed);
    }

    /** "Max open files            1024                 524288               files". */
    static Fact<NofileLimit> processNofile(Fact<String> limits) {
        if (!limits.known()) return Fact.unknown(CpuProbe.reason(limits));
        // /proc/self/limits for golive itself, /proc/PID/limits for a service's process (verify)
        String path = limits.src().map(s -> s instanceof Source.File f ? f.path() : s.describe()).orElse("/proc/self/limits");
        int n = 0;
        for (String line : limits.orElse("").split("\n")) {
            n++;
            if (!line.startsWith("Max open files")) continue;
            String[] f = Text.fields(line.substring("Max open files".length()));
            if (f.length < 2) break;
            Optional<NofileLimit> l = NofileLimit.parse(f[0] + ":" + f[1]);
            if (l.isPresent()) return Fact.of(l.get(), new Source.File(path, n));
        }
        return Fact.unknown(path + ": no \"Max open files\" line");
    }

    static Fact<NofileLimit> systemdDefault(Map<String, Fact<String>> managerDefaults, Fact<Integer> systemdVersion) {
        Fact<String> set = managerDefaults.get("DefaultLimitNOFILE");
        if (set != null && set.known()) {
            Optional<NofileLimit> l = NofileLimit.parse(set.orElse(""));
            if (l.isPresent()) return Fact.of(l.get(), set.src().get());
            return Fact.unknown(set.src().get().describe() + ": cannot parse DefaultLimitNOFILE=" + set.orElse(""));
        }
        if (!systemdVersion.known()) return Fact.unknown("systemd version unknown, so its compiled-in DefaultLimitNOFILE is too");
        int v = systemdVersion.orElse(0);
        // systemd 240 raised the default hard limit to 524288 and keeps soft at 1024 for select()
        if (v >= 240) return Fact.of(new NofileLimit(1024, 524288), new Source.Default("systemd " + v + " compiled default (>= 240: 1024:524288)"));
        return Fact.of(new NofileLimit(1024, 4096), new Source.Default("systemd " + v + " inherits the kernel default (before 240: 1024:4096)"));
    }

    /** /etc/security/limits.conf, then limits.d/*.conf (pam_limits reads them in that order). */
    static List<LimitsFile> limitsFiles(HostRoot root) {
        List<String> files = new ArrayList<>();
        files.add("/etc/security/limits.conf");
        for (String name : root.list("/etc/security/limits.d").orElse(List.of())) {
            if (name.endsWith(".conf")) files.add(HostPaths.join("/etc/security/limits.d", name));
        }
        List<LimitsFile> out = new ArrayList<>();
        for (String f : files) {
            Fact<String> text = root.read(f);
            if (text.known()) out.add(LimitsFile.parse(f, text.orElse("")));
        }
        return out;
    }
}
