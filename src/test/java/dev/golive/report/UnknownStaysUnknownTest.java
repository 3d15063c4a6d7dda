package dev.golive.report;

import dev.golive.app.Session;
import dev.golive.check.Checker;
import dev.golive.host.Fixtures;
import dev.golive.model.CgroupMode;
import dev.golive.model.HostFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What inspect, check and the summary show for facts a capture does not hold: unknown with the
 * reason, never a value made up (no quota, 0 service units, kernel default, no hostname).
 */
class UnknownStaysUnknownTest {

    @TempDir Path tmp;

    Path copy(String host) throws IOException {
        Path t = tmp.resolve(host);
        Fixtures.copyTree(Fixtures.dir(host), t);
        return t;
    }

    static HostFacts inspect(Path tree) {
        try (Session s = Session.open(tree.toString())) {
            return s.inspect();
        }
    }

    static String summary(HostFacts f) {
        StringBuilder b = new StringBuilder();
        for (HostSummary.Line l : HostSummary.of(f, Checker.run(f))) b.append(l.label()).append(": ").append(l.text()).append('\n');
        return b.toString();
    }

    @Test
    void aCaptureMadeByHandIsNamedByItsManifestsHostname() throws IOException {
        Path t = copy("sparse");
        Files.writeString(t.resolve("golive-capture.json"),
                "{\"format\": 1, \"capturedAt\": \"2026-11-30T08:00:00Z\", \"hostname\": \"edge-7\", \"commands\": {}}\n");
        HostFacts f = inspect(t);
        assertThat(f.origin().hostname()).isEqualTo("edge-7");
        assertThat(f.origin().capturedAt()).isEqualTo("2026-11-30T08:00:00Z");
        assertThat(InspectText.render(f, Style.PLAIN)).contains("· edge-7");
        try (Session s = Session.open(t.toString())) {
            assertThat(s.inspectService("api", null).origin().hostname()).isEqualTo("edge-7");
        }
    }

    @Test
    void aCaptureWithoutCgroupsOrUnitDirectoriesShowsThemUnknownWithTheReason() throws IOException {
        HostFacts f = inspect(copy("sparse"));
        String s = summary(f);
        assertThat(s).doesNotContain("no quota").contains("quota unknown (");
        String text = InspectText.render(f, Style.PLAIN);
        assertThat(text).doesNotContainPattern("service units +0").containsPattern("service units +unknown");
        assertThat(text).contains("no unit directory could be read");
    }

    @Test
    void aHostWhoseQuotaIsReadAndMaxSaysNoQuota() {
        HostFacts f = Fixtures.inspect("debian12-vm");
        assertThat(summary(f)).contains(", no quota");
        assertThat(InspectText.render(f, Style.PLAIN)).containsPattern("service units +3 \\(1 with drop-ins\\) +derived: /etc/systemd/system, /usr/lib/systemd/system");
    }

    @Test
    void aLiveValueNoFileSetsIsNotCalledTheKernelDefault() {
        String text = InspectText.render(Fixtures.inspect("debian12-vm"), Style.PLAIN);
        assertThat(text).doesNotContain("kernel default\n").contains("no sysctl file sets it (kernel default or set since boot)");
    }

    @Test
    void seclabelIsAMountOptionNotACgroupController() {
        HostFacts f = Fixtures.inspect("centos7-v1");
        assertThat(f.cgroups().v1Controllers()).doesNotContain("seclabel")
                .contains("memory", "cpu", "cpuacct", "blkio", "pids", "name=systemd");
    }

    @Test
    void aCaptureWithOnlyProcMountsStillShowsTheCgroupLayout() throws IOException {
        Path t = copy("debian12-vm");
        Files.delete(t.resolve("proc/self/mountinfo"));
        Files.writeString(t.resolve("proc/mounts"), """
                sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
                proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
                /dev/vda1 / ext4 rw,relatime,errors=remount-ro 0 0
                cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot 0 0
                """);
        HostFacts f = inspect(t);
        assertThat(f.cgroups().mode().opt()).contains(CgroupMode.V2);
        assertThat(f.cgroups().mode().src().orElseThrow().describe()).contains("/proc/mounts");
        assertThat(summary(f)).contains("cgroups: v2 only (unified)").contains(", no quota");
    }
}
