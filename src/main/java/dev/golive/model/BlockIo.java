package dev.golive.model;

import java.util.List;
import java.util.Map;

/**
 * What enforces an io weight on this host. {@code schedulers}: each block device's selected I/O
 * scheduler (the bracketed word of /sys/block/DEV/queue/scheduler); {@code iocostDevices}: the
 * devices (MAJ:MIN) whose iocost controller is on ({@code enable=1} in the cgroup2 root's
 * io.cost.qos). io.weight, and so IOWeight=, is a proportional share that only BFQ (CFQ before
 * Linux 5.0) or iocost implement (kernel Documentation/admin-guide/cgroup-v2.rst, "IO"; block/bfq-cgroup.c,
 * block/blk-iocost.c); under none, mq-deadline or kyber it changes nothing.
 */
public record BlockIo(Fact<Map<String, String>> schedulers, Fact<List<String>> iocostDevices) {

    /** Schedulers that implement proportional io weights. */
    public static final List<String> WEIGHT_SCHEDULERS = List.of("bfq", "cfq");

    public BlockIo {
        schedulers = schedulers.map(m -> java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(m)));
        iocostDevices = iocostDevices.map(List::copyOf);
    }

    public static BlockIo unknown(String reason) { return new BlockIo(Fact.unknown(reason), Fact.unknown(reason)); }

    /**
     * Whether an io weight has any effect: true where a device uses a weight scheduler or has iocost
     * on, false where neither (both read), else unknown with the reason.
     */
    public Fact<Boolean> weightEnforced() {
        var bfq = schedulers.opt().flatMap(m -> m.entrySet().stream().filter(e -> WEIGHT_SCHEDULERS.contains(e.getValue())).findFirst());
        if (bfq.isPresent()) {
            return Fact.of(true, new Source.Derived(bfq.get().getKey() + " uses " + bfq.get().getValue() + " (/sys/block/" + bfq.get().getKey() + "/queue/scheduler)"));
        }
        if (iocostDevices.opt().filter(l -> !l.isEmpty()).isPresent()) {
            return Fact.of(true, new Source.Derived("iocost is on for " + String.join(", ", iocostDevices.opt().get()) + " (io.cost.qos)"));
        }
        if (schedulers instanceof Fact.Unknown<Map<String, String>> u) return Fact.unknown("block schedulers unknown: " + u.reason());
        if (iocostDevices instanceof Fact.Unknown<List<String>> u) return Fact.unknown("iocost unknown: " + u.reason());
        String devices = schedulers.opt().get().isEmpty() ? "no block device with a scheduler"
                : "no block device uses bfq (" + String.join(", ", schedulers.opt().get().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()) + ")";
        return Fact.of(false, new Source.Derived(devices + " and iocost is off"));
    }
}
