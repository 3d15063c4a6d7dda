package dev.golive.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Units that run containers. Their vendors set {@code KillMode=process}, {@code Delegate=yes}
 * and {@code TasksMax=infinity} on purpose: the containers must outlive a daemon restart, the
 * daemon creates cgroups and namespaces below its own, and every container process counts
 * against the unit's task limit. Sandboxing (a private mount namespace, read-only /proc/sys,
 * no namespaces, a system call filter) or a task limit breaks them, so golive proposes none
 * of it and does not flag their kill mode. Any unit with {@code Delegate=} on is treated the
 * same way: it manages its own cgroup subtree.
 */
public final class ContainerRuntimes {

    private ContainerRuntimes() { }

    /** Unit names (without .service) and ExecStart= binaries of the common runtimes. */
    public static final Set<String> NAMES = Set.of("docker", "dockerd", "containerd", "podman", "kubelet");

    /** Why {@code unit} with these effective directives is a container runtime, or empty when it is not one. */
    public static Optional<String> why(String unit, List<UnitDirective> directives) {
        String base = unit.endsWith(".service") ? unit.substring(0, unit.length() - ".service".length()) : unit;
        int at = base.indexOf('@');
        if (at >= 0) base = base.substring(0, at);
        if (NAMES.contains(base)) return Optional.of(unit + " is a container runtime");
        Optional<UnitDirective> delegate = last(directives, "Delegate");
        if (delegate.isPresent() && delegates(delegate.get().value())) {
            return Optional.of(unit + " has Delegate=" + delegate.get().value().strip() + " (it manages its own cgroups)");
        }
        Optional<UnitDirective> exec = last(directives, "ExecStart");
        if (exec.isPresent()) {
            String program = program(exec.get().value());
            String name = program.substring(program.lastIndexOf('/') + 1);
            if (NAMES.contains(name)) return Optional.of(unit + " runs " + name + ", a container runtime");
        }
        return Optional.empty();
    }

    /** Delegate= takes a boolean or a list of controllers (systemd 236): anything but a false boolean or empty delegates. */
    static boolean delegates(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return !(v.isEmpty() || v.equals("no") || v.equals("false") || v.equals("0") || v.equals("off"));
    }

    private static Optional<UnitDirective> last(List<UnitDirective> ds, String key) {
        Optional<UnitDirective> out = Optional.empty();
        for (UnitDirective d : ds) if (d.section().equals("Service") && d.key().equals(key) && !d.value().isBlank()) out = Optional.of(d);
        return out;
    }

    /** The program of an Exec line, without systemd's prefixes (@ - : + !). */
    private static String program(String value) {
        String v = value.strip();
        int i = 0;
        while (i < v.length() && "@-:+!|".indexOf(v.charAt(i)) >= 0) i++;
        v = v.substring(i).strip();
        int sp = v.indexOf(' ');
        return sp < 0 ? v : v.substring(0, sp);
    }
}
