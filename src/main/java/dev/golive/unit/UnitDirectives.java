package dev.golive.unit;

import dev.golive.config.SystemdWords;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The directives a spec turns into, in the order a new unit lists them. Values are escaped
 * for systemd: '%' starts a specifier in every value golive writes ({@code %%} is a literal
 * '%'), ExecStart= also expands {@code $VAR} ({@code $$} is a literal '$'), and words are
 * quoted per {@link SystemdWords#quote}.
 */
final class UnitDirectives {

    private UnitDirectives() { }

    /**
     * Every key golive may write, per section: on a re-edit these are golive's to rewrite or
     * remove; any other line (and every comment) belongs to the admin and stays.
     */
    static final Map<String, Set<String>> MANAGED = Map.of(
            "Unit", Set.of("Description", "After", "Wants", "StartLimitIntervalSec", "StartLimitBurst"),
            "Service", managedService(),
            "Install", Set.of("WantedBy"));

    /**
     * Dependency lists golive only adds to on a re-edit: an admin's extra {@code WantedBy=} or
     * {@code After=} is a choice golive has no reason to undo.
     */
    static final Map<String, Set<String>> ADDITIVE = Map.of(
            "Unit", Set.of("Wants", "After"),
            "Install", Set.of("WantedBy"));

    private static Set<String> managedService() {
        Set<String> s = new java.util.HashSet<>(Set.of("Type", "User", "DynamicUser", "WorkingDirectory", "StateDirectory",
                "ExecStart", "Restart", "RestartSec", "Environment", "LimitNOFILE", "CPUQuota", "MemoryMax", "MemoryHigh",
                "TasksMax", "IOWeight", "AmbientCapabilities", "CapabilityBoundingSet", "PrivateUsers"));
        for (HardeningLevels.Directive d : HardeningLevels.of(ServiceSpec.Hardening.STRICT)) s.add(d.key());
        return Set.copyOf(s);
    }

    /** A plan of lines plus the notes on what was left out and why. */
    record Lines(List<UnitLine> lines, List<String> notes) { }

    static Lines build(ServiceSpec spec, HostFacts facts, GoRuntimeDerivation.Result go, boolean dropIn) {
        List<UnitLine> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean systemdKnown = facts.systemd().version().known();
        int systemd = facts.systemd().version().orElse(Integer.MAX_VALUE);

        // [Unit]
        if (spec.description().isPresent()) out.add(new UnitLine("Unit", "Description", specifiers(spec.description().get().strip()), "description"));
        else if (!dropIn) out.add(new UnitLine("Unit", "Description", specifiers(spec.name()), "name"));
        if (!dropIn) {
            out.add(new UnitLine("Unit", "Wants", "network-online.target", "name"));
            out.add(new UnitLine("Unit", "After", "network-online.target", "name"));
        }
        // the start limit lives in [Unit] since systemd 229; chosen together with RestartSec (DOMAIN.md)
        out.add(new UnitLine("Unit", "StartLimitIntervalSec", spec.restart().startLimitIntervalSec(), "restart.startLimitIntervalSec"));
        out.add(new UnitLine("Unit", "StartLimitBurst", Integer.toString(spec.restart().startLimitBurst()), "restart.startLimitBurst"));

        // [Service]
        if (!dropIn) {
            boolean exec = systemd >= 240;
            out.add(new UnitLine("Service", "Type", exec ? "exec" : "simple", "exec"));
            if (!exec) notes.add("Type=simple: systemd " + systemd + " predates Type=exec (240), so a missing binary will not fail the start job");
        }
        if (spec.dynamicUser()) out.add(new UnitLine("Service", "DynamicUser", "yes", "dynamicUser"));
        spec.user().ifPresent(u -> out.add(new UnitLine("Service", "User", u, "user")));
        spec.workingDirectory().ifPresent(w -> out.add(new UnitLine("Service", "WorkingDirectory", specifiers(w), "workingDirectory")));
        if (!spec.stateDirectories().isEmpty()) {
            out.add(new UnitLine("Service", "StateDirectory", specifiers(String.join(" ", spec.stateDirectories())), "stateDirectories"));
        }
        if (spec.exec().isPresent()) {
            if (dropIn) out.add(new UnitLine("Service", "ExecStart", "", "exec")); // reset the vendor's command first
            out.add(new UnitLine("Service", "ExecStart", execStart(spec.exec().get(), spec.arguments()), "exec"));
        }
        out.add(new UnitLine("Service", "Restart", spec.restart().policy(), "restart.policy"));
        out.add(new UnitLine("Service", "RestartSec", spec.restart().restartSec(), "restart.restartSec"));
        for (Map.Entry<String, String> e : spec.environment().entrySet()) {
            out.add(new UnitLine("Service", "Environment", environment(e.getKey(), e.getValue()), "environment." + e.getKey()));
        }
        go.gomaxprocs().value().ifPresent(v -> out.add(new UnitLine("Service", "Environment", environment("GOMAXPROCS", v), "go.gomaxprocs")));
        go.gomemlimit().value().ifPresent(v -> out.add(new UnitLine("Service", "Environment", environment("GOMEMLIMIT", v), "go.gomemlimit")));

        ServiceSpec.Resources r = spec.resources();
        r.nofile().ifPresent(n -> out.add(new UnitLine("Service", "LimitNOFILE", n.toString(), "resources.nofile")));
        r.cpuQuota().ifPresent(v -> out.add(new UnitLine("Service", "CPUQuota", v, "resources.cpuQuota")));
        r.memoryHigh().ifPresent(v -> out.add(new UnitLine("Service", "MemoryHigh", v, "resources.memoryHigh")));
        r.memoryMax().ifPresent(v -> out.add(new UnitLine("Service", "MemoryMax", v, "resources.memoryMax")));
        r.tasksMax().ifPresent(v -> out.add(new UnitLine("Service", "TasksMax", v, "resources.tasksMax")));
        r.ioWeight().ifPresent(v -> out.add(new UnitLine("Service", "IOWeight", Integer.toString(v), "resources.ioWeight")));

        boolean lowPorts = spec.ports().stream().anyMatch(p -> p < 1024);
        boolean root = !spec.dynamicUser() && (spec.user().isEmpty() || spec.user().get().equals("root") || spec.user().get().equals("0"));
        if (lowPorts && !root) {
            // a non-root user may bind below 1024 with exactly this one capability
            out.add(new UnitLine("Service", "AmbientCapabilities", "CAP_NET_BIND_SERVICE", "ports"));
            out.add(new UnitLine("Service", "CapabilityBoundingSet", "CAP_NET_BIND_SERVICE", "ports"));
        } else if (lowPorts && spec.hardening() == ServiceSpec.Hardening.STRICT) {
            out.add(new UnitLine("Service", "CapabilityBoundingSet", "CAP_NET_BIND_SERVICE", "ports"));
        } else if (spec.hardening() == ServiceSpec.Hardening.STRICT) {
            out.add(new UnitLine("Service", "CapabilityBoundingSet", "", "hardening"));
        }
        for (HardeningLevels.Directive d : HardeningLevels.of(spec.hardening())) {
            if (d.sinceSystemd() > systemd) {
                notes.add(d.key() + "=" + d.value() + " left out: systemd " + systemd + " predates it (" + d.sinceSystemd() + ")");
                continue;
            }
            out.add(new UnitLine("Service", d.key(), d.value(), "hardening"));
        }
        if (spec.hardening() == ServiceSpec.Hardening.STRICT && !lowPorts && systemd >= HardeningLevels.PRIVATE_USERS.sinceSystemd()) {
            out.add(new UnitLine("Service", "PrivateUsers", "yes", "hardening"));
        }
        if (!systemdKnown && spec.hardening() != ServiceSpec.Hardening.NONE) {
            notes.add("the host's systemd version is unknown: every " + spec.hardening().name().toLowerCase() + " directive is written; an older systemd ignores the ones it does not know");
        }

        if (!dropIn) out.add(new UnitLine("Install", "WantedBy", "multi-user.target", "name"));
        return new Lines(List.copyOf(out), List.copyOf(notes));
    }

    /** ExecStart=: the path and each argument as one word; '%' and '$' escaped so they reach the program as typed. */
    static String execStart(String exec, List<String> args) {
        StringBuilder b = new StringBuilder(SystemdWords.quote(specifiers(exec)));
        for (String a : args) b.append(' ').append(SystemdWords.quote(specifiers(a).replace("$", "$$")));
        return b.toString();
    }

    /** Environment=: one quoted NAME=VALUE word; specifiers escaped (Environment= does not expand $). */
    static String environment(String name, String value) { return SystemdWords.quote(name + "=" + specifiers(value)); }

    static String specifiers(String s) { return s.replace("%", "%%"); }
}
