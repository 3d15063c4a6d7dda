package dev.golive.model;

import java.util.List;

/**
 * A service unit file found on the host and its drop-ins, in the order systemd applies
 * them. {@code origin} is the directory it came from (/etc/systemd/system,
 * /run/systemd/system, /usr/lib/systemd/system, /lib/systemd/system).
 */
public record UnitFileInfo(String name, String path, String origin, List<String> dropIns) {
    public UnitFileInfo { dropIns = List.copyOf(dropIns); }
}
