package dev.golive.apply;

import dev.golive.host.CommandRunner;
import dev.golive.host.FaultPoints;
import dev.golive.host.HostWriter;
import dev.golive.host.LiveValues;

import java.time.Clock;

/**
 * The host an apply or rollback works on: where it writes ({@link HostWriter}, live values),
 * how it runs systemctl, and whether it may ({@code runsSystemctl}: false in a target tree,
 * where no systemd runs for the files written — golive records the reload as skipped).
 */
public record HostTarget(HostWriter writer, LiveValues live, CommandRunner runner, boolean runsSystemctl, Clock clock) {

    public static HostTarget of(HostWriter writer, CommandRunner runner, boolean runsSystemctl) {
        return new HostTarget(writer, new LiveValues(writer), runner, runsSystemctl, Clock.systemUTC());
    }

    public FaultPoints faults() { return writer.faults(); }

    public SnapshotStore store() { return new SnapshotStore(writer); }
}
