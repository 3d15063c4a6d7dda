package dev.golive.unit;

import dev.golive.model.ServiceSpec.Hardening;
import dev.golive.model.SystemdDirectives;

import java.util.ArrayList;
import java.util.List;

/**
 * The sandboxing directives of each hardening level (docs/unit.md shows this table and the
 * exposure scores it gives). {@code basic} is safe for any Go network service: it only hides
 * or freezes what such a service has no business touching. {@code strict} also confines
 * the file system to StateDirectory=, filters system calls to {@code @system-service}, and
 * drops all capabilities (except CAP_NET_BIND_SERVICE for ports below 1024, added by the
 * renderer). No level sets {@code ProcSubset=pid}: it hides /proc/sys, and a Go listener that
 * cannot read net.core.somaxconn gets a backlog of 128 (UNIT-PROCSUBSET-HIDES-SOMAXCONN says
 * why). Each directive's systemd version comes from {@link SystemdDirectives}: on an older
 * host it is left out with a note rather than written for systemd to "ignore".
 */
public final class HardeningLevels {

    private HardeningLevels() { }

    public record Directive(String key, String value, String why) {
        /** The systemd version that understands this key and value (the one directive table). */
        public int sinceSystemd() { return SystemdDirectives.since("Service", key, value); }
    }

    /**
     * What a host whose systemd is too old for {@code d} gets instead, where a weaker value of
     * the same key protects a subset of what {@code d} protects and never more: strict's
     * ProtectSystem=strict (v232) becomes basic's ProtectSystem=full (v214) rather than
     * nothing, so strict never sandboxes less than basic on the same host.
     */
    public static java.util.Optional<Directive> fallback(Directive d) {
        if (d.equals(PROTECT_SYSTEM_STRICT)) return BASIC.stream().filter(b -> b.key().equals("ProtectSystem")).findFirst();
        return java.util.Optional.empty();
    }

    /**
     * Whether a unit's {@code today} value of {@code key} already protects at least what
     * {@code wanted} does, so that tightening must not write {@code wanted} over it: the
     * ordered settings of systemd.exec(5), ProtectSystem= (no < yes < full < strict) and
     * ProtectHome= (no < read-only, tmpfs < yes). Other keys: only the same value.
     */
    public static boolean covers(String key, String today, String wanted) {
        String t = today.strip(), w = wanted.strip();
        if (t.equals(w)) return true;
        List<String> order = switch (key) {
            case "ProtectSystem" -> List.of("no", "yes", "full", "strict");
            case "ProtectHome" -> List.of("no", "read-only", "yes");
            default -> List.of();
        };
        String tt = key.equals("ProtectHome") && t.equals("tmpfs") ? "read-only" : bool(t);
        int a = order.indexOf(tt), b = order.indexOf(key.equals("ProtectHome") && w.equals("tmpfs") ? "read-only" : bool(w));
        return a >= 0 && b >= 0 && a >= b;
    }

    /** systemd's boolean spellings as the words the orders above use. */
    private static String bool(String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "on", "y", "yes" -> "yes";
            case "0", "false", "off", "n", "no" -> "no";
            default -> v;
        };
    }

    static final List<Directive> BASIC = List.of(
            new Directive("NoNewPrivileges", "yes", "no setuid binary or file capability can raise the service's privileges"),
            new Directive("PrivateTmp", "yes", "a private /tmp and /var/tmp: no shared-/tmp races with other services"),
            new Directive("ProtectSystem", "full", "/usr, /boot, /efi and /etc are read-only"),
            new Directive("ProtectHome", "yes", "/home, /root and /run/user are invisible"),
            new Directive("PrivateDevices", "yes", "only pseudo devices (/dev/null, /dev/urandom…) in /dev"),
            new Directive("ProtectKernelTunables", "yes", "/proc/sys and /sys are read-only: kernel tuning is golive's job, not the service's"),
            new Directive("ProtectKernelModules", "yes", "no loading of kernel modules"),
            new Directive("ProtectKernelLogs", "yes", "no access to the kernel log ring buffer"),
            new Directive("ProtectControlGroups", "yes", "the cgroup tree is read-only: systemd owns it"),
            new Directive("ProtectClock", "yes", "cannot set the system or hardware clock"),
            new Directive("ProtectHostname", "yes", "cannot change the host name"),
            new Directive("RestrictNamespaces", "yes", "cannot create namespaces (a Go service has no use for them)"),
            new Directive("RestrictRealtime", "yes", "no realtime scheduling (a busy loop could starve the host)"),
            new Directive("RestrictSUIDSGID", "yes", "cannot create setuid/setgid files"),
            new Directive("LockPersonality", "yes", "cannot switch the execution domain (personality)"),
            new Directive("SystemCallArchitectures", "native", "only the native system call ABI (no 32-bit compat calls)"));

    /** What strict adds to basic (whose ProtectSystem=full becomes strict, in place). */
    static final List<Directive> STRICT_EXTRA = List.of(
            new Directive("ProtectProc", "invisible", "other users' processes are invisible in /proc"),
            new Directive("RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX AF_NETLINK",
                    "IP, local and netlink sockets only; AF_NETLINK stays because Go's net.Interfaces() and net.InterfaceAddrs() read the interfaces over a netlink route socket"),
            new Directive("MemoryDenyWriteExecute", "yes", "no writable-and-executable memory: Go compiles ahead of time (a cgo library with a JIT would break)"),
            new Directive("RemoveIPC", "yes", "its System V / POSIX IPC objects are removed when it stops"),
            new Directive("SystemCallFilter", "@system-service", "only the system calls ordinary services use; the Go runtime needs none outside it"),
            new Directive("SystemCallFilter", "~@privileged", "no privileged calls (setuid, mount, chroot…); @resources stays allowed: Go raises its own RLIMIT_NOFILE at start"),
            new Directive("SystemCallErrorNumber", "EPERM", "a filtered call fails with EPERM instead of killing the service"),
            new Directive("UMask", "0077", "files it creates are private to its user"));

    static final Directive PROTECT_SYSTEM_STRICT = new Directive("ProtectSystem", "strict",
            "the whole file system is read-only except StateDirectory= (and the private /tmp)");

    /** PrivateUsers=yes is only in strict and only without CAP_NET_BIND_SERVICE (a user namespace would void it). */
    static final Directive PRIVATE_USERS = new Directive("PrivateUsers", "yes", "a user namespace: other users are mapped to nobody");

    /** The directives of a level, in order; for strict, ProtectSystem=strict replaces basic's full. */
    public static List<Directive> of(Hardening level) {
        if (level == Hardening.NONE) return List.of();
        if (level == Hardening.BASIC) return BASIC;
        List<Directive> out = new ArrayList<>();
        for (Directive d : BASIC) out.add(d.key().equals("ProtectSystem") ? PROTECT_SYSTEM_STRICT : d);
        out.addAll(STRICT_EXTRA);
        return List.copyOf(out);
    }
}
