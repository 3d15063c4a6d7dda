package dev.golive.model;

import java.util.List;
import java.util.Optional;

/**
 * The unit directives golive writes or proposes, each with the systemd version that first
 * understood it (and, for the cgroup-v1 names, the versions that deprecated and then ignored
 * it). One table for rendering, fixes and validation: an older systemd logs "Unknown key
 * name …, ignoring" and runs the service without the setting, which for DynamicUser= means
 * running it as root, so golive writes nothing the host's systemd does not know.
 *
 * <p>A row with a value applies to that value only ({@code Type=exec} is v240 while
 * {@code Type=} is ancient). {@code source} says where the version comes from; where systemd's
 * NEWS does not date a setting older than v219, the row says so and carries {@link #BASELINE}.
 * Every row up to v255 was checked against the "CHANGES WITH NNN" sections of systemd's NEWS;
 * the rows above v255 say so where that check is still open.
 */
public final class SystemdDirectives {

    private SystemdDirectives() { }

    /** The oldest systemd golive writes units for (EL7), and what it assumes when the version is unknown. */
    public static final int BASELINE = 219;

    public record Directive(String section, String key, Optional<String> value, int since,
                            Optional<Integer> deprecated, Optional<Integer> ignored, String source) {
        public String label() { return key + "=" + value.orElse(""); }
    }

    private static Directive d(String section, String key, int since, String source) {
        return new Directive(section, key, Optional.empty(), since, Optional.empty(), Optional.empty(), source);
    }

    private static Directive v(String section, String key, String value, int since, String source) {
        return new Directive(section, key, Optional.of(value), since, Optional.empty(), Optional.empty(), source);
    }

    private static Directive old(String section, String key, String source) {
        return new Directive(section, key, Optional.empty(), BASELINE, Optional.of(252), Optional.of(258), source);
    }

    private static final String UNDATED = "older than v219; NEWS does not date it";

    public static final List<Directive> TABLE = List.of(
            d("Unit", "Description", BASELINE, UNDATED),
            d("Unit", "Wants", BASELINE, UNDATED),
            d("Unit", "After", BASELINE, UNDATED),
            d("Unit", "StartLimitBurst", 229, "NEWS v229: StartLimitBurst=/StartLimitInterval= moved from [Service] to [Unit]"),
            d("Unit", "StartLimitIntervalSec", 230, "NEWS v229 moves the start limit to [Unit] as StartLimitInterval=; the ...Sec spelling is not in NEWS, so golive counts it from v230, one release later"),
            d("Service", "StartLimitInterval", BASELINE, "NEWS v229: the old [Service] spelling stays understood"),
            d("Service", "StartLimitBurst", BASELINE, "NEWS v229: the old [Service] spelling stays understood"),
            d("Service", "Type", BASELINE, UNDATED),
            v("Service", "Type", "exec", 240, "NEWS v240: a new service type has been added: Type=exec"),
            v("Service", "Type", "notify-reload", 253, "NEWS v253: a new service type Type=notify-reload is defined"),
            d("Service", "User", BASELINE, UNDATED),
            d("Service", "Group", BASELINE, UNDATED),
            d("Service", "DynamicUser", 232, "NEWS v232: DynamicUser=yes"),
            d("Service", "WorkingDirectory", BASELINE, UNDATED),
            d("Service", "StateDirectory", 235, "NEWS v235: StateDirectory=, CacheDirectory=, LogsDirectory=, ConfigurationDirectory="),
            d("Service", "LogsDirectory", 235, "NEWS v235: StateDirectory=, CacheDirectory=, LogsDirectory=, ConfigurationDirectory="),
            d("Service", "ConfigurationDirectory", 235, "NEWS v235: StateDirectory=, CacheDirectory=, LogsDirectory=, ConfigurationDirectory="),
            d("Service", "ExecStart", BASELINE, UNDATED),
            d("Service", "Restart", BASELINE, UNDATED),
            d("Service", "RestartSec", BASELINE, UNDATED),
            d("Service", "RestartSteps", 254, "NEWS v254: new settings RestartSteps= and RestartMaxDelaySec="),
            d("Service", "RestartMaxDelaySec", 254, "NEWS v254: new settings RestartSteps= and RestartMaxDelaySec="),
            d("Service", "Environment", BASELINE, UNDATED),
            d("Service", "LimitNOFILE", BASELINE, UNDATED),
            d("Service", "SyslogIdentifier", BASELINE, UNDATED),
            d("Service", "StandardOutput", BASELINE, UNDATED),
            d("Service", "StandardError", BASELINE, UNDATED),
            v("Service", "StandardOutput", "file:", 236, "NEWS v236: StandardOutput=/StandardError= accept file:PATH"),
            v("Service", "StandardError", "file:", 236, "NEWS v236: StandardOutput=/StandardError= accept file:PATH"),
            v("Service", "StandardOutput", "append:", 240, "NEWS v240: StandardOutput=/StandardError= accept append:PATH"),
            v("Service", "StandardError", "append:", 240, "NEWS v240: StandardOutput=/StandardError= accept append:PATH"),
            v("Service", "StandardOutput", "truncate:", 248, "NEWS v248: StandardOutput=/StandardError= accept truncate:PATH"),
            v("Service", "StandardError", "truncate:", 248, "NEWS v248: StandardOutput=/StandardError= accept truncate:PATH"),
            d("Service", "LogRateLimitIntervalSec", 240, "NEWS v240: per-unit LogRateLimitIntervalSec= and LogRateLimitBurst="),
            d("Service", "LogRateLimitBurst", 240, "NEWS v240: per-unit LogRateLimitIntervalSec= and LogRateLimitBurst="),
            d("Service", "KillMode", BASELINE, UNDATED),
            d("Service", "Delegate", BASELINE, "NEWS v218 already refers to it"),
            d("Service", "CPUQuota", 213, "NEWS v213: the new CPUQuota= switch"),
            d("Service", "TasksMax", 227, "NEWS v227: TasksAccounting= and TasksMax= (pids controller)"),
            d("Service", "IOWeight", 230, "NEWS v230: the io controller on the unified hierarchy"),
            d("Service", "MemoryMax", 231, "NEWS v231: systemd now supports the \"memory\" cgroup controller also on cgroup v2"),
            d("Service", "MemoryHigh", 231, "NEWS v231: systemd now supports the \"memory\" cgroup controller also on cgroup v2"),
            d("Service", "MemoryLow", 231, "NEWS v231: systemd now supports the \"memory\" cgroup controller also on cgroup v2"),
            d("Service", "MemoryMin", 240, "NEWS v240: the new MemoryMin= setting (memory.min, kernel 4.18)"),
            d("Service", "AllowedCPUs", 244, "NEWS v244: AllowedCPUs= and AllowedMemoryNodes= (the cpuset controller, cgroup v2 only)"),
            d("Service", "CPUAffinity", BASELINE, UNDATED),
            d("Service", "MemorySwapMax", 232, "NEWS v232: the new MemorySwapMax= option"),
            d("Service", "CPUWeight", 232, "NEWS v232: CPUWeight=, CPUStartupWeight=, CPUAccounting="),
            d("Service", "StartupCPUWeight", 232, "NEWS v232: CPUWeight=, CPUStartupWeight=, CPUAccounting="),
            d("Service", "StartupIOWeight", 230, "NEWS v230: the io controller on the unified hierarchy"),
            d("Service", "IODeviceWeight", 230, "NEWS v230: the io controller on the unified hierarchy"),
            d("Service", "IOReadBandwidthMax", 230, "NEWS v230: the io controller on the unified hierarchy"),
            d("Service", "IOWriteBandwidthMax", 230, "NEWS v230: the io controller on the unified hierarchy"),
            d("Service", "IOAccounting", 230, "NEWS v230: the io controller on the unified hierarchy"),
            d("Service", "MemoryTHP", 260, "systemd v260, a systemd.exec(5) setting: its change (\"Add support for disabling THPs\") was merged in January 2026, after v259 (2025-12-17); NEWS v260 itself not read"),
            old("Service", "MemoryLimit", "systemd.resource-control(5): deprecated since v252, ignored from v258"),
            old("Service", "CPUShares", "systemd.resource-control(5): deprecated since v252, ignored from v258"),
            old("Service", "BlockIOWeight", "systemd.resource-control(5): deprecated since v252, ignored from v258"),
            old("Service", "BlockIOReadBandwidth", "systemd.resource-control(5): deprecated since v252, ignored from v258"),
            old("Service", "BlockIOWriteBandwidth", "systemd.resource-control(5): deprecated since v252, ignored from v258"),
            d("Service", "NoNewPrivileges", BASELINE, "older than v219 (systemd.exec(5) of Feb 2014 documents it); NEWS does not date it"),
            d("Service", "UMask", BASELINE, UNDATED),
            d("Service", "PrivateTmp", 183, "NEWS v183: PrivateTmp= now affects both /tmp and /var/tmp"),
            v("Service", "PrivateTmp", "disconnected", 257, "systemd v257: the value came with commit 9d50d053f327 (core: do not imply PrivateTmp with DynamicUser, create a private tmpfs instead), merged in June 2024 after v256 (2024-06-11); NEWS v257 itself not read"),
            d("Service", "ProtectSystem", 214, "NEWS v214: ProtectHome= and ProtectSystem= have been added"),
            v("Service", "ProtectSystem", "strict", 232, "NEWS v232: ProtectSystem= gained a new value \"strict\""),
            d("Service", "ProtectHome", 214, "NEWS v214: ProtectHome= and ProtectSystem= have been added"),
            v("Service", "ProtectHome", "tmpfs", 238, "NEWS v238: ProtectHome=tmpfs may now be used to hide user home and runtime directories"),
            d("Service", "PrivateDevices", 209, "NEWS v209: a new PrivateDevices= switch"),
            d("Service", "ProtectKernelTunables", 232, "NEWS v232: the new ProtectKernelTunables= option"),
            d("Service", "ProtectKernelModules", 232, "NEWS v232: ProtectKernelModules="),
            d("Service", "ProtectKernelLogs", 244, "NEWS v244: a new sandboxing option ProtectKernelLogs="),
            d("Service", "ProtectControlGroups", 232, "NEWS v232: the new ProtectControlGroups= option"),
            d("Service", "ProtectClock", 245, "NEWS v245: a new per-service sandboxing option ProtectClock="),
            d("Service", "ProtectHostname", 242, "NEWS v242: a new unit setting ProtectHostname="),
            d("Service", "ProtectProc", 247, "NEWS v247: ProtectProc= and ProcSubset= have been added"),
            d("Service", "ProcSubset", 247, "NEWS v247: ProtectProc= and ProcSubset= have been added"),
            d("Service", "RestrictNamespaces", 233, "NEWS v233: a new unit file option RestrictNamespaces="),
            d("Service", "RestrictRealtime", 231, "NEWS v231: a new RestrictRealtime= service setting"),
            d("Service", "RestrictSUIDSGID", 242, "NEWS v242: a new boolean sandboxing option RestrictSUIDSGID="),
            d("Service", "RestrictAddressFamilies", 211, "NEWS v211: a new unit file setting RestrictAddressFamilies="),
            d("Service", "LockPersonality", 235, "NEWS v235: a new unit file setting LockPersonality="),
            d("Service", "MemoryDenyWriteExecute", 231, "NEWS v231: a new service setting MemoryDenyWriteExecute="),
            d("Service", "RemoveIPC", 232, "NEWS v232: the new RemoveIPC= option"),
            d("Service", "SystemCallFilter", 187, "NEWS v187: a new setting SystemCallFilter(s)= has been added to services"),
            v("Service", "SystemCallFilter", "@system-service", 241, "NEWS v241 is the first to name the @system-service group (it changes it); the group was merged upstream in June 2018, so v239 or v240 may know it too, but golive counts from the first NEWS that shows it"),
            v("Service", "SystemCallFilter", "~@privileged", 231, "NEWS v231: pre-defined, named system call filter sets (@privileged among the first ones, in systemd.exec(5) of that change)"),
            d("Service", "SystemCallArchitectures", 209, "NEWS v209: SystemCallArchitectures= has been added"),
            d("Service", "SystemCallErrorNumber", 209, "NEWS v209: a new SystemCallErrorNumber= setting"),
            d("Service", "PrivateUsers", 232, "NEWS v232: the new boolean PrivateUsers= option"),
            d("Service", "CapabilityBoundingSet", 183, "NEWS v183 adds a system-wide CapabilityBoundingSet= beside the per-service one"),
            d("Service", "AmbientCapabilities", 229, "NEWS v229: a new service setting AmbientCapabilities="),
            d("Install", "WantedBy", BASELINE, UNDATED));

    /** The row for a key and value: the value's own row when it has one, else the key's; empty for a directive not in the table. */
    public static Optional<Directive> find(String section, String key, String value) {
        Optional<Directive> byValue = TABLE.stream()
                .filter(d -> d.section().equals(section) && d.key().equals(key) && d.value().filter(v -> matches(v, value)).isPresent()).findFirst();
        return byValue.or(() -> TABLE.stream()
                .filter(d -> d.section().equals(section) && d.key().equals(key) && d.value().isEmpty()).findFirst());
    }

    /** A value row matches its value, or for a row ending in ':' ({@code append:}) every value it starts ({@code append:/var/log/x}). */
    private static boolean matches(String row, String value) {
        return row.endsWith(":") ? value.startsWith(row) : row.equals(value);
    }

    /** The version a directive needs ({@link #BASELINE} for one not in the table: golive knows no reason to doubt it). */
    public static int since(String section, String key, String value) {
        return find(section, key, value).map(Directive::since).orElse(BASELINE);
    }

    /** Whether this systemd acts on the directive: it knows it, and (a v1 name) does not ignore it yet. */
    public static boolean honoured(int systemd, String section, String key, String value) {
        if (!known(systemd, section, key, value)) return false;
        return find(section, key, value).flatMap(Directive::ignored).map(v -> systemd < v).orElse(true);
    }

    /**
     * The line that caps a unit's memory as the host's systemd reads it: MemoryMax= where that
     * systemd knows it (it wins over MemoryLimit=, systemd.resource-control(5)), else the v1 name
     * MemoryLimit= while systemd still honours it. An older systemd logs "Unknown lvalue
     * 'MemoryMax'" and runs the service without the limit, so there a MemoryMax= line caps nothing.
     * {@code systemd} empty (not known): MemoryMax= first, then MemoryLimit=, as the unit reads.
     * {@code last} gives the unit's last line for a [Service] key, drop-ins merged.
     */
    public static Optional<UnitDirective> memoryCap(java.util.function.Function<String, Optional<UnitDirective>> last, Optional<Integer> systemd) {
        for (String key : List.of("MemoryMax", "MemoryLimit")) {
            Optional<UnitDirective> d = last.apply(key).filter(x -> !x.value().isBlank());
            if (d.isPresent() && systemd.map(v -> honoured(v, "Service", key, d.get().value().strip())).orElse(true)) return d;
        }
        return Optional.empty();
    }

    /** MemoryLimit= (and MemoryMax=) take a percentage of RAM from this version (NEWS v231). */
    public static final int MEMORY_PERCENT = 231;

    /**
     * The settings systemd enforces with seccomp filters (src/core/execute.c applies each through
     * seccomp_*). A systemd built without seccomp (-SECCOMP in `systemctl --version`: EL7's and
     * Amazon Linux 2's 219) ignores them, so golive writes none of them there.
     */
    public static final java.util.Set<String> SECCOMP = java.util.Set.of("SystemCallFilter", "SystemCallArchitectures",
            "SystemCallErrorNumber", "RestrictAddressFamilies", "RestrictNamespaces", "RestrictRealtime", "RestrictSUIDSGID",
            "LockPersonality", "MemoryDenyWriteExecute");

    /** Whether this host's manager acts on {@code key} as far as its build goes: a seccomp setting needs a seccomp build (unknown: assumed). */
    public static boolean built(Fact<Boolean> seccomp, String key) {
        return !SECCOMP.contains(key) || seccomp.opt().orElse(true);
    }

    /** "SystemCallFilter= needs a systemd built with seccomp; this host's is not (-SECCOMP in systemctl --version)". */
    public static String needsSeccomp(String key) {
        return key + "= needs a systemd built with seccomp; this host's is not (-SECCOMP in systemctl --version), so it ignores the setting";
    }

    /** The version golive writes for: the host's when known, else {@link #BASELINE}. */
    public static int target(Fact<Integer> hostVersion) { return hostVersion.opt().orElse(BASELINE); }

    public static boolean known(int systemd, String section, String key, String value) {
        return systemd >= since(section, key, value);
    }

    /** "ProtectClock= needs systemd 245; this host has 219" (or "… its version is unknown, so golive assumes 219"). */
    public static String needs(String key, String value, int since, Fact<Integer> hostVersion) {
        Optional<Directive> valueRow = TABLE.stream().filter(d -> d.key().equals(key) && d.value().filter(v -> matches(v, value)).isPresent()).findFirst();
        String what = valueRow.isPresent() ? key + "=" + valueRow.get().value().get() : key + "=";
        return what + " needs systemd " + since + "; " + host(hostVersion);
    }

    /** "this host has 219", or what golive assumes when the version is unknown. */
    public static String host(Fact<Integer> hostVersion) {
        return hostVersion.opt().map(v -> "this host has " + v).orElse("this host's version is unknown, so golive writes for " + BASELINE);
    }
}
