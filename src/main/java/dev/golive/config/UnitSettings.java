package dev.golive.config;

import java.util.Set;

/**
 * Which unit settings systemd treats as lists: each assignment adds to the list and an
 * empty assignment resets it (systemd.service(5), systemd.exec(5), systemd.unit(5),
 * systemd.resource-control(5)). Every other setting is single-valued: the last assignment
 * wins and an empty one restores the default. Condition…=/Assert…= are lists too.
 */
final class UnitSettings {

    private UnitSettings() { }

    private static final Set<String> LISTS = Set.of(
            // [Unit]
            "Documentation", "Requires", "Requisite", "Wants", "BindsTo", "PartOf", "Upholds", "Conflicts",
            "Before", "After", "OnFailure", "OnSuccess", "PropagatesReloadTo", "ReloadPropagatedFrom",
            "PropagatesStopTo", "StopPropagatedFrom", "JoinsNamespaceOf", "RequiresMountsFor", "WantsMountsFor",
            // [Install]
            "Alias", "WantedBy", "RequiredBy", "UpheldBy", "Also",
            // [Service]
            "ExecCondition", "ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop", "ExecStopPost",
            "RestartPreventExitStatus", "RestartForceExitStatus", "SuccessExitStatus", "Sockets", "OpenFile",
            // systemd.exec(5)
            "Environment", "EnvironmentFile", "PassEnvironment", "UnsetEnvironment", "SupplementaryGroups",
            "ReadWritePaths", "ReadOnlyPaths", "InaccessiblePaths", "ExecPaths", "NoExecPaths",
            "BindPaths", "BindReadOnlyPaths", "TemporaryFileSystem", "MountImages", "ExtensionImages",
            "ExtensionDirectories", "RuntimeDirectory", "StateDirectory", "CacheDirectory", "LogsDirectory",
            "ConfigurationDirectory", "CapabilityBoundingSet", "AmbientCapabilities", "SystemCallFilter",
            "SystemCallArchitectures", "SystemCallLog", "RestrictAddressFamilies", "RestrictFileSystems",
            "RestrictNetworkInterfaces", "RestrictNamespaces", "LoadCredential", "LoadCredentialEncrypted",
            "SetCredential", "SetCredentialEncrypted", "ImportCredential", "LogExtraFields", "LogFilterPatterns",
            "CPUAffinity", "NUMAMask",
            // systemd.resource-control(5)
            "DeviceAllow", "IPAddressAllow", "IPAddressDeny", "IPIngressFilterPath", "IPEgressFilterPath",
            "BPFProgram", "SocketBindAllow", "SocketBindDeny", "IOReadBandwidthMax", "IOWriteBandwidthMax",
            "IOReadIOPSMax", "IOWriteIOPSMax", "IODeviceWeight", "IODeviceLatencyTargetSec",
            "BlockIODeviceWeight", "BlockIOReadBandwidth", "BlockIOWriteBandwidth", "DisableControllers",
            // [Socket], [Timer], [Path], [Mount]
            "ListenStream", "ListenDatagram", "ListenSequentialPacket", "ListenFIFO", "ListenSpecial",
            "ListenNetlink", "ListenMessageQueue", "ListenUSBFunction", "Symlinks", "ExecStopPre",
            "OnActiveSec", "OnBootSec", "OnStartupSec", "OnUnitActiveSec", "OnUnitInactiveSec", "OnCalendar",
            "OnClockChange", "OnTimezoneChange", "PathExists", "PathExistsGlob", "PathChanged", "PathModified",
            "DirectoryNotEmpty");

    static boolean isList(String key) {
        return LISTS.contains(key) || key.startsWith("Condition") || key.startsWith("Assert");
    }
}
