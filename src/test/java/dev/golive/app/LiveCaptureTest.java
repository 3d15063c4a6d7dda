package dev.golive.app;

import dev.golive.host.AccessLog;
import dev.golive.host.CaptureManifest;
import dev.golive.host.RootSpec;
import dev.golive.model.HostFacts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `golive capture` on the machine running the tests (read-only: it reads /proc, /sys and /etc
 * and runs the inspection commands; it writes only into a temp dir), then `golive inspect
 * --root` of that capture: the facts that do not change from one second to the next must be
 * the same, with the same sources, and reading the capture must start no process.
 */
class LiveCaptureTest {

    @TempDir static Path tmp;
    static HostFacts live;

    @BeforeAll
    static void inspectTheLiveHost() {
        try (Session s = Session.open(null)) {
            live = s.inspect();
        }
    }

    private static Path capture(String name) {
        Path out = tmp.resolve(name);
        try (Session s = Session.open(null)) {
            s.capture(out);
        }
        return out;
    }

    private static void assertSameStableFacts(HostFacts fromCapture) {
        assertThat(fromCapture.origin().live()).isFalse();
        assertThat(fromCapture.os()).isEqualTo(live.os());
        assertThat(fromCapture.cpu().logicalCpus()).isEqualTo(live.cpu().logicalCpus());
        assertThat(fromCapture.cpu().physicalCores()).isEqualTo(live.cpu().physicalCores());
        assertThat(fromCapture.cpu().sockets()).isEqualTo(live.cpu().sockets());
        assertThat(fromCapture.cpu().smtActive()).isEqualTo(live.cpu().smtActive());
        assertThat(fromCapture.cpu().flags()).isEqualTo(live.cpu().flags());
        assertThat(fromCapture.cpu().goamd64Level()).isEqualTo(live.cpu().goamd64Level());
        assertThat(fromCapture.cpu().arm64Features()).isEqualTo(live.cpu().arm64Features());
        assertThat(fromCapture.cpu().cpuLimits()).isEqualTo(live.cpu().cpuLimits());
        assertThat(fromCapture.memory().totalBytes()).isEqualTo(live.memory().totalBytes());
        assertThat(fromCapture.memory().memoryLimits()).isEqualTo(live.memory().memoryLimits());
        assertThat(fromCapture.cgroups()).isEqualTo(live.cgroups());
        assertThat(fromCapture.systemd().version()).isEqualTo(live.systemd().version());
        assertThat(fromCapture.systemd().pid1()).isEqualTo(live.systemd().pid1());
        assertThat(fromCapture.systemd().managerDefaults()).isEqualTo(live.systemd().managerDefaults());
        // KNOWN GAP (reported): a masked unit (a link to /dev/null) is not copied into a capture,
        // because CaptureWriter copies regular files only and the tar format refuses absolute
        // links. Everything else must survive; a masked unit must be the only thing missing.
        assertThat(fromCapture.systemd().serviceUnits())
                .isEqualTo(live.systemd().serviceUnits().stream().filter(u -> !maskedOnThisHost(u.path())).toList());
        assertThat(fromCapture.sysctls()).isEqualTo(live.sysctls());
        assertThat(fromCapture.fds().systemdDefaultLimitNofile()).isEqualTo(live.fds().systemdDefaultLimitNofile());
        assertThat(fromCapture.fds().limitsNofile()).isEqualTo(live.fds().limitsNofile());
        assertThat(fromCapture.go().version()).isEqualTo(live.go().version());
        assertThat(fromCapture.go().env()).isEqualTo(live.go().env());
    }

    private static boolean maskedOnThisHost(String path) {
        try {
            Path p = Path.of(path);
            return Files.isSymbolicLink(p) && Files.readSymbolicLink(p).toString().equals("/dev/null");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aDirectoryCaptureInspectsLikeTheLiveHostAndRunsNothing() throws Exception {
        Path dir = capture("host");
        assertThat(dir.resolve(CaptureManifest.FILE_NAME)).isRegularFile();
        CaptureManifest m = CaptureManifest.parse("m", Files.readString(dir.resolve(CaptureManifest.FILE_NAME)));
        assertThat(m.release()).isEqualTo(live.os().kernelRelease().orElse(null));

        AccessLog log;
        HostFacts fromCapture;
        try (Session s = Session.open(dir.toString())) {
            assertThat(s.kind()).isEqualTo(RootSpec.Kind.CAPTURE_DIR);
            assertThat(s.readOnly()).isTrue();
            fromCapture = s.inspect();
            log = s.log();
        }
        assertSameStableFacts(fromCapture);
        assertThat(fromCapture.origin().capturedAt()).isEqualTo(m.capturedAt());
        assertThat(log.entries()).filteredOn(e -> e.kind() == AccessLog.Kind.COMMAND)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.detail()).as(e.what()).isEqualTo("from capture"));
        assertThat(log.entries()).noneMatch(e -> e.kind() == AccessLog.Kind.WRITE);
        try (RootSpec spec = RootSpec.open(dir.toString(), new AccessLog())) {
            assertThat(spec.runner().startsProcesses()).isFalse();
        }
    }

    @Test
    void aTarGzCaptureReadsBackTheSameAndCleansUp() {
        Path archive = capture("host.tar.gz");
        assertThat(archive).isRegularFile();
        try (Session s = Session.open(archive.toString())) {
            assertThat(s.kind()).isEqualTo(RootSpec.Kind.CAPTURE_ARCHIVE);
            assertSameStableFacts(s.inspect());
            assertThat(s.log().entries()).filteredOn(e -> e.kind() == AccessLog.Kind.COMMAND)
                    .allSatisfy(e -> assertThat(e.detail()).isEqualTo("from capture"));
        }
        Path unpacked;
        try (RootSpec spec = RootSpec.open(archive.toString(), new AccessLog())) {
            unpacked = spec.tempDir();
            assertThat(unpacked.resolve(CaptureManifest.FILE_NAME)).isRegularFile();
        }
        assertThat(unpacked).as("the private copy is removed on close").doesNotExist();
    }

    /**
     * `golive capture --service systemd-journald` on this machine (a unit every systemd host
     * has; read-only: golive reads its unit, drop-ins, binary and runs systemd-analyze on it),
     * then `golive inspect --root CAPTURE --service systemd-journald`: the service reads the same.
     */
    @Test
    void aServiceCapturedLiveReadsTheSameFromTheCapture() {
        String unit = "systemd-journald.service";
        HostFacts here;
        try (Session s = Session.open(null)) {
            here = s.inspectService(unit, null);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(here.service().orElseThrow().unit().known(), "no " + unit + " on this machine");
        Path dir = tmp.resolve("with-service");
        try (Session s = Session.open(null)) {
            s.capture(dir, unit, null);
        }
        HostFacts there;
        try (Session s = Session.open(dir.toString())) {
            there = s.inspectService(unit, null);
        }
        var a = here.service().orElseThrow();
        var b = there.service().orElseThrow();
        assertThat(b.unit()).isEqualTo(a.unit());
        assertThat(b.directives()).isEqualTo(a.directives());
        assertThat(b.binary()).isEqualTo(a.binary());
        assertThat(b.environment()).isEqualTo(a.environment());
        assertThat(b.cgroupPath()).isEqualTo(a.cgroupPath());
        assertThat(b.securityExposure()).isEqualTo(a.securityExposure());
        assertThat(b.verifyMessages()).isEqualTo(a.verifyMessages());
        assertThat(there.cpu().cpuLimits()).isEqualTo(here.cpu().cpuLimits());
        assertThat(there.memory().memoryLimits()).isEqualTo(here.memory().memoryLimits());
    }
}
