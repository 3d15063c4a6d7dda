package dev.golive.host;

import dev.golive.inspect.Inspector;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `golive capture --service api` then `golive check --root CAPTURE --service api`: the capture
 * must hold everything the service probe read (unit, drop-in, environment file, the binary,
 * the cgroup files) and what systemd-analyze said, stderr and exit code included, so that
 * the service reads the same from the capture. The "live" host here is a fixture tree with
 * a fake runner standing in for the processes.
 */
class ServiceCaptureTest {

    static final String VERIFY_ERR = "/etc/systemd/system/api.service.d/override.conf:5: Unit uses MemoryLimit=; please use MemoryMax= instead.\n"
            + "api.service: Command /opt/api/bin/api is not executable: Permission denied\n";

    private static FakeCommandRunner debianWithSystemdAnalyze() {
        return new FakeCommandRunner()
                .expect("kvm\n", "systemd-detect-virt", "--vm")
                .expectExit(1, "none\n", "", "systemd-detect-virt", "--container")
                .expect("systemd 252 (252.22-1~deb12u1)\n+PAM +AUDIT\n", "systemctl", "--version")
                .expectNotFound("go", "version")
                .expectNotFound("go", "env", "-json", "GOROOT", "GOPATH", "GOPROXY", "GOSUMDB", "GOFLAGS", "GOCACHE", "GOTOOLCHAIN", "GOVERSION", "GOOS", "GOARCH", "GOAMD64", "CGO_ENABLED", "GOPRIVATE", "GONOSUMDB")
                // a fatal verify problem: exit 1, the lines on stderr, nothing on stdout
                .expectExit(1, "", VERIFY_ERR, "systemd-analyze", "verify", "/etc/systemd/system/api.service")
                .expect("\n→ Overall exposure level for api.service: 9.2 UNSAFE 😨\n", "systemd-analyze", "security", "--offline=true", "/etc/systemd/system/api.service");
    }

    @Test
    void aServiceCapturedReadsTheSameFromTheCapture(@TempDir Path tmp) {
        AccessLog log = new AccessLog();
        DirectoryHostRoot live = new DirectoryHostRoot(Fixtures.dir("debian12-vm"), false, "debian12-vm", log);
        FakeCommandRunner fake = debianWithSystemdAnalyze();
        RecordingCommandRunner rec = new RecordingCommandRunner(fake);
        HostFacts before = Inspector.inspect(live, rec, Inspector.Options.forService("api.service", null));
        fake.assertAllUsed();

        Path out = tmp.resolve("cap");
        CaptureWriter.writeTo(live, log, rec, "2026-01-01T00:00:00Z", "api-1", "x86_64", "6.1.0-18-amd64", out);

        assertThat(out.resolve("opt/api/bin/api")).isRegularFile();
        assertThat(out.resolve("etc/default/api")).isRegularFile();
        HostFacts after;
        try (RootSpec cap = RootSpec.open(out.toString(), new AccessLog())) {
            after = Inspector.inspect(cap.root(), cap.runner(), Inspector.Options.forService("api.service", null));
        }
        ServiceFacts s = after.service().orElseThrow();
        assertThat(s).isEqualTo(before.service().orElseThrow());
        assertThat(s.verifyMessages().opt().orElseThrow()).containsExactly(VERIFY_ERR.strip().split("\n"));
        assertThat(s.securityExposure().opt()).contains(9.2);
        assertThat(after.cpu().cpuLimits()).isEqualTo(before.cpu().cpuLimits());
        assertThat(after.memory().memoryLimits()).isEqualTo(before.memory().memoryLimits());
    }

    @Test
    void theManifestKeepsStderrAndExitCodesOfRecordedCommands(@TempDir Path tmp) throws Exception {
        AccessLog log = new AccessLog();
        DirectoryHostRoot live = new DirectoryHostRoot(Fixtures.dir("debian12-vm"), false, "debian12-vm", log);
        RecordingCommandRunner rec = new RecordingCommandRunner(debianWithSystemdAnalyze());
        Inspector.inspect(live, rec, Inspector.Options.forService("api.service", null));
        CaptureWriter.writeTo(live, log, rec, "2026-01-01T00:00:00Z", "api-1", "x86_64", "6.1.0-18-amd64", tmp.resolve("c"));

        CaptureManifest m = CaptureManifest.parse("m", Files.readString(tmp.resolve("c").resolve(CaptureManifest.FILE_NAME)));
        String verify = "systemd-analyze verify /etc/systemd/system/api.service";
        assertThat(m.commands()).containsEntry(verify, "");
        assertThat(m.stderr()).containsEntry(verify, VERIFY_ERR);
        assertThat(m.exitCodes()).containsEntry(verify, 1).containsEntry("systemd-detect-virt --container", 1);
        // and it reads back as it was written
        assertThat(CaptureManifest.parse("m", m.toJson())).isEqualTo(m);
    }

    /**
     * The block schedulers and io.cost.qos that decide IOWeight= go into the capture: /sys/block/vda
     * is a link into /sys/devices as on a real host, and the capture reads the same (mq-deadline,
     * iocost off: no io weight is enforced).
     */
    @Test
    void theBlockSchedulersAndIocostAreCaptured(@TempDir Path tmp) throws Exception {
        Path tree = tmp.resolve("host");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), tree);
        Files.delete(tree.resolve(CaptureManifest.FILE_NAME));
        // as sysfs lays it out: /sys/block/vda is a link into /sys/devices (the fixture's plain directory goes)
        Files.delete(tree.resolve("sys/block/vda/queue/scheduler"));
        Files.delete(tree.resolve("sys/block/vda/queue"));
        Files.delete(tree.resolve("sys/block/vda"));
        Path queue = tree.resolve("sys/devices/pci0000:00/0000:00:04.0/virtio2/block/vda/queue");
        Files.createDirectories(queue);
        Files.writeString(queue.resolve("scheduler"), "[mq-deadline] none\n");
        Files.createDirectories(tree.resolve("sys/block"));
        Files.createSymbolicLink(tree.resolve("sys/block/vda"), Path.of("../devices/pci0000:00/0000:00:04.0/virtio2/block/vda"));
        Files.writeString(tree.resolve("sys/fs/cgroup/io.cost.qos"), "254:0 enable=0 ctrl=auto rpct=0.00 rlat=250000 wpct=0.00 wlat=250000 min=1.00 max=10000.00\n");

        AccessLog log = new AccessLog();
        DirectoryHostRoot live = new DirectoryHostRoot(tree, false, "host", log);
        FakeCommandRunner fake = debianWithSystemdAnalyze();
        RecordingCommandRunner rec = new RecordingCommandRunner(fake);
        HostFacts before = Inspector.inspect(live, rec, Inspector.Options.forService("api.service", null));
        assertThat(before.cgroups().blockIo().schedulers().opt()).contains(java.util.Map.of("vda", "mq-deadline"));
        Path out = tmp.resolve("cap");
        CaptureWriter.writeTo(live, log, rec, "2026-01-01T00:00:00Z", "api-1", "x86_64", "6.1.0-18-amd64", out);

        assertThat(out.resolve("sys/block/vda/queue/scheduler")).hasContent("[mq-deadline] none");
        assertThat(out.resolve("sys/fs/cgroup/io.cost.qos")).isRegularFile();
        try (RootSpec cap = RootSpec.open(out.toString(), new AccessLog())) {
            HostFacts after = Inspector.inspect(cap.root(), cap.runner(), Inspector.Options.forService("api.service", null));
            assertThat(after.cgroups().blockIo()).isEqualTo(before.cgroups().blockIo());
            assertThat(after.cgroups().blockIo().weightEnforced().opt()).contains(false);
        }
    }
}
