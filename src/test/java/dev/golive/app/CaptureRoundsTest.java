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
import dev.golive.report.FactsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rounds of a fleet capture against a host that is a fixture capture: each round is answered
 * the way the playbook's stock modules answer (stat without following, find, slurp, command),
 * until golive asks for nothing new; the assembled capture then inspects like the host.
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
     * What the playbook's modules report for {@code wants} on a host whose file system is the
     * fixture capture: a path the fixture does not hold does not exist there, and a command it
     * does not hold did not run.
     */
    static GatheredRound answer(Path host, CaptureWants wants) throws IOException {
        CaptureManifest m = CaptureManifest.parse("m", Files.readString(host.resolve(CaptureManifest.FILE_NAME)));
        Map<String, GatheredRound.Stat> stats = new LinkedHashMap<>();
        Map<String, List<GatheredRound.Entry>> listings = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        java.util.Set<String> directories = new java.util.LinkedHashSet<>();
        List<String> slurp = new ArrayList<>(wants.files());
        for (String p : concat(wants.files(), wants.dirs())) stats.put(p, stat(host, p));
        for (String d : wants.dirs()) {
            Path dir = on(host, d);
            if (!Files.isDirectory(dir)) continue;
            List<GatheredRound.Entry> entries = new ArrayList<>();
            try (var s = Files.list(dir)) {
                for (Path e : (Iterable<Path>) s::iterator) {
                    String hp = (d.equals("/") ? "" : d) + "/" + e.getFileName();
                    boolean isDir = Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS);
                    entries.add(new GatheredRound.Entry(hp, isDir, Files.size(e)));
                    if (Files.isSymbolicLink(e)) stats.put(hp, stat(host, hp));
                    if (!isDir && Files.size(e) <= 1024 * 1024) slurp.add(hp);
                }
            }
            listings.put(d, entries);
        }
        for (String p : slurp) {
            Path f = on(host, p);
            if (Files.isRegularFile(f)) contents.put(p, Files.readAllBytes(f));
            else if (Files.isDirectory(f)) directories.add(p);
        }
        Map<List<String>, GatheredRound.Outcome> commands = new LinkedHashMap<>();
        for (List<String> argv : wants.commands()) {
            String key = String.join(" ", argv);
            // the fixture's uname: its manifest's machine and release, as CaptureCommandRunner answers
            if (argv.equals(List.of("uname", "-m")) && m.machine() != null) {
                commands.put(argv, new GatheredRound.Ran(0, m.machine() + "\n", ""));
            } else if (argv.equals(List.of("uname", "-r")) && m.release() != null) {
                commands.put(argv, new GatheredRound.Ran(0, m.release() + "\n", ""));
            } else if (m.commands().containsKey(key)) {
                commands.put(argv, new GatheredRound.Ran(m.exitCodes().getOrDefault(key, 0), m.commands().get(key), m.stderr().getOrDefault(key, "")));
            } else if (m.notFound().contains(key)) {
                commands.put(argv, new GatheredRound.NotFound());
            } else {
                commands.put(argv, new GatheredRound.Failed("not on this host"));
            }
        }
        return new GatheredRound(wants, stats, listings, contents, directories, commands);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Path on(Path host, String p) { return host.resolve(p.substring(1)); }

    private static GatheredRound.Stat stat(Path host, String p) throws IOException {
        Path f = on(host, p);
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) return new GatheredRound.Stat(false, false, Optional.empty());
        if (Files.isSymbolicLink(f)) return new GatheredRound.Stat(true, false, Optional.of(Files.readSymbolicLink(f).toString()));
        return new GatheredRound.Stat(true, Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS), Optional.empty());
    }
}
