package dev.golive.inspect;

import dev.golive.host.HostRoot;
import dev.golive.model.BlockIo;
import dev.golive.model.Fact;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What enforces an io weight: each block device's selected scheduler (/sys/block/DEV/queue/scheduler,
 * "mq-deadline kyber [bfq] none") and the devices whose iocost is on (io.cost.qos in the cgroup2
 * root: "8:0 enable=1 ctrl=auto …"; absent where the kernel lacks CONFIG_BLK_CGROUP_IOCOST).
 */
final class BlockIoProbe {

    private BlockIoProbe() { }

    /** {@code cgroup2Root}: the cgroup2 mount point where it shows the whole hierarchy; {@code mountsKnown}: the mounts were read. */
    static BlockIo read(HostRoot root, Optional<String> cgroup2Root, boolean mountsKnown) {
        return new BlockIo(schedulers(root), iocost(root, cgroup2Root, mountsKnown));
    }

    static Fact<Map<String, String>> schedulers(HostRoot root) {
        Optional<List<String>> devices = root.list("/sys/block");
        if (devices.isEmpty()) {
            return Fact.unknown(root.presence("/sys/block").opt().isPresent() ? "/sys/block cannot be listed" : "/sys/block not read (not in capture)");
        }
        Map<String, String> out = new TreeMap<>();
        Optional<String> notRead = Optional.empty();
        // every device is read even after one could not be: a capture gathered in rounds learns
        // all the files it lacks at once, not one device per round
        for (String dev : devices.get()) {
            String path = "/sys/block/" + dev + "/queue/scheduler";
            Fact<String> text = root.read(path);
            if (text.known()) {
                Optional<String> scheduler = selected(text.orElse(""));
                if (scheduler.isPresent()) out.put(dev, scheduler.get());
            } else if (root.presence(path).opt().isEmpty() && notRead.isEmpty()) {
                notRead = Optional.of(path);
            } // no scheduler file: a bio-based device (dm, md) whose disks below carry the scheduler
        }
        if (notRead.isPresent()) return Fact.unknown(notRead.get() + " not read");
        return Fact.of(out, new Source.File("/sys/block/*/queue/scheduler", 0));
    }

    /** The bracketed word, as the kernel marks the scheduler in use (block/elevator.c); "none" alone has no brackets on old kernels. */
    static Optional<String> selected(String line) {
        String t = line.trim();
        int a = t.indexOf('['), b = t.indexOf(']');
        if (a >= 0 && b > a) return Optional.of(t.substring(a + 1, b));
        return t.isEmpty() || t.contains(" ") ? Optional.empty() : Optional.of(t);
    }

    static Fact<List<String>> iocost(HostRoot root, Optional<String> cgroup2Root, boolean mountsKnown) {
        if (cgroup2Root.isEmpty()) {
            return mountsKnown ? Fact.of(List.of(), new Source.Derived("no cgroup2 hierarchy: iocost is a cgroup v2 controller"))
                    : Fact.unknown("the cgroup mounts were not read");
        }
        String path = cgroup2Root.get() + "/io.cost.qos";
        Fact<String> text = root.read(path);
        if (!text.known()) {
            Fact<Boolean> here = root.presence(path);
            if (here.opt().filter(p -> !p).isPresent()) return Fact.of(List.of(), Source.File.of(path)); // kernel without iocost
            return Fact.unknown(path + " not read");
        }
        List<String> on = new ArrayList<>();
        for (String line : text.orElse("").split("\n")) {
            String[] w = Text.fields(line);
            if (w.length > 1 && List.of(w).contains("enable=1")) on.add(w[0]);
        }
        return Fact.of(on, Source.File.of(path));
    }
}
