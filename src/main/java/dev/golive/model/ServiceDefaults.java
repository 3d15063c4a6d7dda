package dev.golive.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What systemd runs a service with for the settings its unit leaves out: the documented
 * defaults of systemd.service(5) and systemd.exec(5), so that {@code inspect --service} shows
 * the effective value of Type=, User=, Restart=, LimitNOFILE= and the sandboxing switches
 * instead of nothing. LimitNOFILE= comes from the manager (DefaultLimitNOFILE= in
 * system.conf, or systemd's compiled default), with that fact's own source.
 */
public final class ServiceDefaults {

    private ServiceDefaults() { }

    /** One effective value the unit does not set, and why it is that value. */
    public record Effective(String key, String value, Source source) { }

    /** Sandboxing switches that are off unless the unit turns them on (systemd.exec(5)). */
    static final List<String> OFF_BY_DEFAULT = List.of("PrivateTmp", "ProtectSystem", "ProtectHome", "PrivateDevices",
            "ProtectKernelTunables", "ProtectControlGroups");

    /**
     * Settings that turn NoNewPrivileges= on for a service without CAP_SYS_ADMIN (systemd.exec(5),
     * NoNewPrivileges=): with one of them set the default "no" is not what the service gets.
     */
    static final List<String> IMPLY_NO_NEW_PRIVILEGES = List.of("DynamicUser", "SystemCallFilter", "SystemCallArchitectures",
            "RestrictAddressFamilies", "RestrictNamespaces", "PrivateDevices", "ProtectKernelTunables", "ProtectKernelModules",
            "ProtectKernelLogs", "ProtectClock", "MemoryDenyWriteExecute", "RestrictRealtime", "RestrictSUIDSGID", "LockPersonality");

    /**
     * The defaulted settings of {@code service}, in the order an admin reads a unit. A key the
     * host's systemd does not know is left out; an unknown systemd version is named as such.
     */
    public static List<Effective> of(ServiceFacts service, Fact<Integer> systemd, Fact<NofileLimit> defaultNofile) {
        Source dflt = new Source.Default(systemd.opt().map(v -> "systemd " + v).orElse("systemd, version unknown"));
        int target = SystemdDirectives.target(systemd);
        List<Effective> out = new ArrayList<>();
        if (unset(service, "Type")) {
            // systemd.service(5), Type=: simple when ExecStart= is set; dbus with BusName= and no
            // ExecStart=; oneshot with neither
            boolean exec = !unset(service, "ExecStart");
            String type = exec ? "simple" : !unset(service, "BusName") ? "dbus" : "oneshot";
            out.add(new Effective("Type", type, dflt));
        }
        if (unset(service, "User") && !set(service, "DynamicUser", "yes")) out.add(new Effective("User", "root", dflt));
        if (unset(service, "Restart")) out.add(new Effective("Restart", "no", dflt));
        if (unset(service, "LimitNOFILE") && defaultNofile instanceof Fact.Known<NofileLimit> n) {
            out.add(new Effective("LimitNOFILE", n.value().toString(), n.source()));
        }
        if (unset(service, "KillMode")) out.add(new Effective("KillMode", "control-group", dflt));
        if (unset(service, "NoNewPrivileges")) {
            Optional<String> implied = IMPLY_NO_NEW_PRIVILEGES.stream().filter(k -> !unset(service, k)).findFirst();
            out.add(implied.map(k -> new Effective("NoNewPrivileges", "yes unless the service keeps CAP_SYS_ADMIN (implied by " + k + "=)", dflt))
                    .orElse(new Effective("NoNewPrivileges", "no", dflt)));
        }
        for (String k : OFF_BY_DEFAULT) {
            if (unset(service, k) && SystemdDirectives.known(target, "Service", k, "")) out.add(new Effective(k, "no", dflt));
        }
        return List.copyOf(out);
    }

    private static boolean unset(ServiceFacts s, String key) {
        return s.last("Service", key).map(d -> d.value().isBlank()).orElse(true);
    }

    private static boolean set(ServiceFacts s, String key, String value) {
        return s.last("Service", key).map(d -> d.value().trim().equalsIgnoreCase(value)).orElse(false);
    }
}
