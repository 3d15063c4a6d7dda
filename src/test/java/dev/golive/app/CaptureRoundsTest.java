package dev.golive.app;

import dev.golive.host.AccessLog;
import dev.golive.host.CaptureCommandRunner;
import dev.golive.host.CaptureManifest;
import dev.golive.host.CaptureWriter;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.host.RecordingCommandRunner;
import dev.golive.inspect.Inspector;
import dev.golive.model.HostFacts;
import dev.golive.host.CaptureWants;
import dev.golive.host.Fixtures;
import dev.golive.host.GatheredRound;
import dev.golive.host.LookRuns;
import dev.golive.report.FactsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rounds of a fleet capture against a host that is a fixture capture: each round is answered
 * by the playbook's look script run over the fixture's tree and the commands the fixture
 * recorded, until golive asks for nothing new; the assembled capture then inspects like the host.
 */
class CaptureRoundsTest {

    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"debian12-vm", "container-quota", "arm64-server"})
    void roundsEndAndTheAssembledCaptureInspectsLikeTheHost(String host) throws IOException {
        Path out = tmp.resolve(host);
        FleetCapture.Step step = FleetCapture.start(out, Optional.of(FleetCapture.recipe(null)), null);
        int rounds = 0;
        while (!step.complete()) {
            assertThat(++rounds).as("rounds").isLessThanOrEqualTo(8);
            step = FleetCapture.step(out, answer(Fixtures.dir(host), step.next()), null);
        }
        assertThat(step.rounds()).isEqualTo(rounds);
        assertThat(json(out)).isEqualTo(json(goliveCapture(Fixtures.dir(host), null)));
    }

    @Test
    void everyBlockDevicesSchedulerIsAskedInTheSameRound() throws IOException {
        Path host = tmp.resolve("disks");
        Path fixture = Fixtures.dir("debian12-vm");
        try (var all = Files.walk(fixture)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = host.resolve(fixture.relativize(p).toString());
                if (Files.isSymbolicLink(p)) Files.createSymbolicLink(to, Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        for (String dev : List.of("vdb", "vdc")) {
            Files.createDirectories(host.resolve("sys/block/" + dev + "/queue"));
            Files.writeString(host.resolve("sys/block/" + dev + "/queue/scheduler"), "[none] mq-deadline\n");
        }
        Path out = tmp.resolve("disks-capture");
        FleetCapture.Step step = FleetCapture.start(out, Optional.empty(), null);
        List<List<String>> asked = new ArrayList<>();
        while (!step.complete()) {
            asked.add(step.next().files().stream().filter(f -> f.endsWith("/queue/scheduler")).toList());
            step = FleetCapture.step(out, answer(host, step.next()), null);
        }
        // one round asks for all three: the probe reads on after a device it could not read
        assertThat(asked).anySatisfy(round -> assertThat(round)
                .containsExactlyInAnyOrder("/sys/block/vda/queue/scheduler", "/sys/block/vdb/queue/scheduler", "/sys/block/vdc/queue/scheduler"));
    }

    @Test
    void aServiceNeedsRoundsForWhatItsUnitNames() throws IOException {
        Path host = Fixtures.dir("debian12-vm");
        String unit = Fixtures.SERVICES.stream().filter(s -> s.startsWith("debian12-vm+")).findFirst().orElseThrow().split("\\+")[1];
        Path out = tmp.resolve("svc");
        FleetCapture.Step step = FleetCapture.start(out, Optional.empty(), unit);
        int rounds = 0;
        while (!step.complete()) {
            rounds++;
            step = FleetCapture.step(out, answer(host, step.next()), unit);
        }
        assertThat(rounds).as("the unit, then what it names").isGreaterThan(1);
        Path golive = goliveCapture(host, unit);
        try (Session a = Session.open(out.toString()); Session b = Session.open(golive.toString())) {
            assertThat(FactsJson.render(a.inspectService(unit, null)).replaceAll("\"capturedAt\" *: *\"[^\"]*\"", "")
                    .replace(out.toString(), "ROOT"))
                    .isEqualTo(FactsJson.render(b.inspectService(unit, null)).replaceAll("\"capturedAt\" *: *\"[^\"]*\"", "")
                            .replace(golive.toString(), "ROOT"));
        }
    }

    /**
     * A CentOS 7 host whose systemctl does not answer: golive reads systemd's version from the
     * banner in the 2 MB manager binary. The rounds ask the host for that banner, cut there, not
     * for the binary; the assembled capture holds the same bytes golive capture keeps, and reads
     * the same version.
     */
    @Test
    void theManagerBinarysBannerIsCutOnTheHostAsGoliveCaptureKeepsIt() throws IOException {
        Path host = tmp.resolve("centos7");
        Files.createDirectories(host.resolve("usr/lib/systemd"));
        Files.createDirectories(host.resolve("etc"));
        Files.writeString(host.resolve("etc/os-release"), "NAME=\"CentOS Linux\"\nID=\"centos\"\nVERSION_ID=\"7\"\n");
        String banner = "systemd 219 running in %ssystem mode";
        java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
        binary.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        for (int i = 0; i < 1_000_000; i++) binary.write(i * 31);
        for (String s : List.of("systemd 219 running in %suser mode for user %u/%s.", banner + ". (+PAM +AUDIT +SELINUX)")) {
            binary.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            binary.write(0);
        }
        binary.writeBytes(new byte[1_000_000]);
        Files.write(host.resolve("usr/lib/systemd/systemd"), binary.toByteArray());
        Files.writeString(host.resolve(CaptureManifest.FILE_NAME), new CaptureManifest(CaptureManifest.FORMAT, "2026-12-07T21:00:00Z",
                "el7", "x86_64", "3.10.0-1160.el7.x86_64", java.util.Map.of(), List.of(), List.of()).toJson());

        Path out = tmp.resolve("centos7-capture");
        FleetCapture.Step step = FleetCapture.start(out, Optional.empty(), null);
        List<String> filesAsked = new ArrayList<>();
        int rounds = 0;
        while (!step.complete()) {
            assertThat(++rounds).as("rounds").isLessThanOrEqualTo(8);
            filesAsked.addAll(step.next().files());
            step = FleetCapture.step(out, answer(host, step.next()), null);
        }
        assertThat(filesAsked).as("the binary itself is never read").doesNotContain("/usr/lib/systemd/systemd");
        assertThat(Files.readString(out.resolve("usr/lib/systemd/systemd"), java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo(banner);
        Path golive = goliveCapture(host, null);
        assertThat(Files.readAllBytes(out.resolve("usr/lib/systemd/systemd"))).isEqualTo(Files.readAllBytes(golive.resolve("usr/lib/systemd/systemd")));
        assertThat(json(out)).containsPattern("\"version\" : \\{\\s*\"value\" : 219").isEqualTo(json(golive));
    }

    @Test
    void aRecipeFromAnotherGoliveIsRefused() {
        CaptureWants other = new CaptureWants(List.of("/etc/hostname"), List.of(), List.of());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> FleetCapture.start(tmp.resolve("x"), Optional.of(other), null)))
                .hasMessageContaining("export the playbook again");
    }

    /**
     * What {@code golive capture} writes of a host whose file system is the fixture's tree and
     * whose commands answer as the fixture recorded them: CaptureWriter after one recorded inspection.
     */
    private Path goliveCapture(Path host, String unit) throws IOException {
        Path out = tmp.resolve("golive-capture-of-" + host.getFileName() + (unit == null ? "" : "+" + unit));
        AccessLog log = new AccessLog();
        DirectoryHostRoot root = new DirectoryHostRoot(host, false, host.toString(), log);
        CaptureManifest m = CaptureManifest.parse("m", Files.readString(host.resolve(CaptureManifest.FILE_NAME)));
        RecordingCommandRunner rec = new RecordingCommandRunner(new CaptureCommandRunner(m, log));
        HostFacts f = Inspector.inspect(root, rec, unit == null ? Inspector.Options.defaults() : Inspector.Options.forService(unit, null));
        CaptureWriter.writeTo(root, log, rec, f.origin().capturedAt(), f.os().hostname().orElse(null),
                f.os().architecture().orElse(null), f.os().kernelRelease().orElse(null), out);
        return out;
    }

    private static String json(Path capture) {
        try (Session s = Session.open(capture.toString())) {
            return FactsJson.render(s.inspect()).replaceAll("\"capturedAt\" *: *\"[^\"]*\"", "").replace(capture.toString(), "ROOT");
        }
    }

    /**
     * What a round brings back for {@code wants} from a host whose file system is the fixture
     * capture: the look script run for real over the fixture's tree by this machine's sh, and the
     * commands as the command module reports them, a command the fixture does not hold as one
     * that did not run.
     */
    static GatheredRound answer(Path host, CaptureWants wants) throws IOException {
        CaptureManifest m = CaptureManifest.parse("m", Files.readString(host.resolve(CaptureManifest.FILE_NAME)));
        var commands = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
        for (List<String> argv : wants.commands()) {
            var r = commands.addObject();
            argv.forEach(r.putArray("item")::add);
            String key = String.join(" ", argv);
            // the fixture's uname: its manifest's machine and release, as CaptureCommandRunner answers
            String uname = argv.equals(List.of("uname", "-m")) ? m.machine() : argv.equals(List.of("uname", "-r")) ? m.release() : null;
            if (uname != null || m.commands().containsKey(key)) {
                r.put("start", "2026-12-07 21:00:00.000000");
                r.put("rc", uname != null ? 0 : m.exitCodes().getOrDefault(key, 0));
                r.put("stdout", uname != null ? uname + "\n" : m.commands().get(key));
                r.put("stderr", uname != null ? "" : m.stderr().getOrDefault(key, ""));
            } else if (m.notFound().contains(key)) {
                r.put("rc", 2);
                r.put("msg", "[Errno 2] No such file or directory: b'" + argv.get(0) + "'");
            } else {
                r.put("msg", "not on this host");
            }
        }
        try {
            return GatheredRound.parse("round", LookRuns.round(LookRuns.SH, host, wants, commands));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
