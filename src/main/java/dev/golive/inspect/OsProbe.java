package dev.golive.inspect;

import dev.golive.host.CommandResult;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.OsFacts;
import dev.golive.model.Source;

import java.util.Map;

/**
 * Distribution, kernel, architecture, virtualization/container. systemd-detect-virt is the
 * authority when it ran (it prints "none" and exits 1 on bare metal: read stdout, not the
 * exit code); otherwise hints: /run/systemd/container, /.dockerenv, /proc/1/cgroup.
 */
final class OsProbe {
    private OsProbe() { }

    static OsFacts probe(HostRoot root, Commands cmds) {
        Fact<String> osRelease = root.read("/etc/os-release");
        if (!osRelease.known()) osRelease = root.read("/usr/lib/os-release");
        Fact<String> id = Fact.unknown("no os-release"), version = id, pretty = id;
        if (osRelease.known()) {
            String path = ((Source.File) osRelease.src().get()).path();
            Map<String, Map.Entry<Integer, String>> vars = Text.shellVars(osRelease.orElse(""));
            id = var(vars, path, "ID");
            version = var(vars, path, "VERSION_ID");
            pretty = var(vars, path, "PRETTY_NAME");
        }
        Fact<String> release = Text.trimmed(root.read("/proc/sys/kernel/osrelease"));
        if (!release.known()) release = fromCommand(cmds.get(Commands.UNAME_R));
        Fact<String> arch = Text.trimmed(root.read("/proc/sys/kernel/arch"));
        if (!arch.known()) arch = fromCommand(cmds.get(Commands.UNAME_M));
        Fact<String> hostname = Text.trimmed(root.read("/proc/sys/kernel/hostname"));
        if (!hostname.known()) hostname = Text.trimmed(root.read("/etc/hostname"));
        Fact<String> cmdline = Text.trimmed(root.read("/proc/cmdline"));
        Fact<String> virt = fromCommand(cmds.get(Commands.DETECT_VIRT_VM));
        Fact<String> container = fromCommand(cmds.get(Commands.DETECT_VIRT_CONTAINER));
        if (!container.known()) container = containerHints(root);
        return new OsFacts(id, version, pretty, release, arch, virt, container, cmdline, hostname);
    }

    private static Fact<String> var(Map<String, Map.Entry<Integer, String>> vars, String path, String key) {
        var e = vars.get(key);
        return e == null ? Fact.unknown(path + ": no " + key) : Fact.of(e.getValue(), new Source.File(path, e.getKey()));
    }

    /** stdout's first line when the command ran at all (exit code ignored on purpose). */
    static Fact<String> fromCommand(CommandResult r) {
        if (!r.ran()) return Fact.unknown(r.problem());
        String first = r.stdout().lines().findFirst().orElse("").trim();
        if (first.isEmpty()) return Fact.unknown(r.commandLine() + ": no output");
        return Fact.of(first, new Source.Command(r.commandLine()));
    }

    private static Fact<String> containerHints(HostRoot root) {
        Fact<String> c = Text.trimmed(root.read("/run/systemd/container"));
        if (c.known() && !c.orElse("").isEmpty()) return c;
        if (root.presence("/.dockerenv").orElse(false)) return Fact.of("docker", Source.File.of("/.dockerenv"));
        Fact<String> pid1 = root.read("/proc/1/cgroup");
        if (pid1.known()) {
            String t = pid1.orElse("");
            for (String hint : new String[] {"kubepods", "docker", "lxc", "containerd", "libpod"}) {
                if (t.contains("/" + hint)) return Fact.of(hint.equals("kubepods") ? "kubernetes" : hint, Source.File.of("/proc/1/cgroup"));
            }
            return Fact.of("none", new Source.Derived("no container hint in /run/systemd/container, /.dockerenv, /proc/1/cgroup"));
        }
        return Fact.unknown("systemd-detect-virt did not run and no container hints are readable");
    }
}
