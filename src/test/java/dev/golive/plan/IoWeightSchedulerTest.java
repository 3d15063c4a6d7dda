package dev.golive.plan;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.FileChange;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch profile asks for IOWeight=50 on api.service. io.weight is a share that only the bfq
 * scheduler or iocost implement: on the Debian 12 host whose disk runs mq-deadline and whose
 * io.cost.qos turns nothing on, the plan leaves the line out and says why; with bfq selected it
 * writes it; from a capture that holds neither file it writes it as before and says it cannot tell.
 */
class IoWeightSchedulerTest {

    @TempDir Path tmp;

    Path host(String vdaScheduler, String iocost) throws IOException {
        Path t = tmp.resolve("debian12-vm");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        // the fixture carries vda under mq-deadline and iocost off: each case lays out its own (or none)
        Files.delete(t.resolve("sys/block/vda/queue/scheduler"));
        Files.delete(t.resolve("sys/block/vda/queue"));
        Files.delete(t.resolve("sys/block/vda"));
        Files.delete(t.resolve("sys/block"));
        Files.delete(t.resolve("sys/fs/cgroup/io.cost.qos"));
        if (vdaScheduler != null) {
            Files.createDirectories(t.resolve("sys/block/vda/queue"));
            Files.writeString(t.resolve("sys/block/vda/queue/scheduler"), vdaScheduler + "\n");
            Files.createDirectories(t.resolve("sys/block/loop0/queue"));
            Files.writeString(t.resolve("sys/block/loop0/queue/scheduler"), "[none] mq-deadline\n");
        }
        if (iocost != null) Files.writeString(t.resolve("sys/fs/cgroup/io.cost.qos"), iocost);
        return t;
    }

    static Plan plan(Path t) {
        try (Session s = Session.open(t.toString())) {
            return s.plan("batch", Optional.of("api.service"), List.of(), "t1");
        }
    }

    static String unitText(Plan p) {
        return p.files().stream().filter(f -> f.path().contains("api.service")).flatMap(f -> f.after().stream())
                .reduce("", String::concat);
    }

    /** What the plan says about the unit's file: its why and the notes on what was left out. */
    static String unitWhy(Plan p) {
        return p.files().stream().filter(f -> f.path().contains("api.service")).map(FileChange::why).reduce("", String::concat);
    }

    @Test
    void mqDeadlineAndNoIocostLeaveIOWeightOutWithTheReason() throws IOException {
        Path t = host("[mq-deadline] none", "8:0 enable=0 ctrl=auto rpct=0.00 rlat=250000 wpct=0.00 wlat=250000 min=1.00 max=10000.00\n");
        try (Session s = Session.open(t.toString())) {
            HostFacts f = s.inspect();
            assertThat(f.cgroups().blockIo().weightEnforced().opt()).contains(false);
        }
        Plan p = plan(t);
        assertThat(unitText(p)).doesNotContain("IOWeight=").doesNotContain("BlockIOWeight=");
        assertThat(unitWhy(p)).contains("IOWeight=50 left out: no block device uses bfq (loop0: none, vda: mq-deadline) and iocost is off,"
                + " and only the bfq scheduler or iocost enforce an io weight");
    }

    @Test
    void bfqOnTheDiskEnforcesItAndTheLineIsWritten() throws IOException {
        Plan p = plan(host("mq-deadline kyber [bfq] none", ""));
        assertThat(unitText(p)).contains("IOWeight=50\n");
        assertThat(unitWhy(p)).doesNotContain("IOWeight=");
    }

    @Test
    void iocostOnADiskEnforcesItAndTheLineIsWritten() throws IOException {
        Plan p = plan(host("[none] mq-deadline", "254:0 enable=1 ctrl=auto rpct=0.00 rlat=250000 wpct=0.00 wlat=250000 min=1.00 max=10000.00\n"));
        assertThat(unitText(p)).contains("IOWeight=50\n");
    }

    @Test
    void aCaptureWithoutTheFilesWritesItAndSaysItCannotTell() throws IOException {
        Plan p = plan(host(null, null));
        assertThat(unitText(p)).contains("IOWeight=50\n");
        assertThat(unitWhy(p)).contains("IOWeight=50 written though it may do nothing: whether bfq or iocost enforces it is unknown"
                + " (block schedulers unknown: /sys/block not read (not in capture))");
    }

    @Test
    void anIoWeightTheAdminAskedForIsWrittenAndTheNoteSaysItDoesNothingHere() throws IOException {
        Path t = host("[mq-deadline] none", "");
        // golive unit api --io-weight 200
        dev.golive.model.ServiceSpec asked = new dev.golive.model.ServiceSpec("api", Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                false, Optional.empty(), List.of(), java.util.Map.of(), List.of(),
                new dev.golive.model.ServiceSpec.Resources(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(200)),
                dev.golive.model.ServiceSpec.Restart.DEFAULT, dev.golive.model.ServiceSpec.Hardening.BASIC, dev.golive.model.ServiceSpec.GoRuntime.DERIVE);
        try (Session s = Session.open(t.toString())) {
            var unit = s.previewUnit(asked, Optional.empty(), x -> x, "t1", false).unit();
            assertThat(unit.content()).contains("IOWeight=200\n");
            assertThat(unit.notes()).anyMatch(n -> n.startsWith("IOWeight=200 written as asked, but it does nothing here: no block device uses bfq"));
        }
    }
}
