package dev.golive.report;

import dev.golive.app.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 500 captures made by scripts/fleet/GenerateFleet.java (the generator scripts/bench times the
 * report over) are all read, and exactly the hosts it made different are named. Correctness
 * only: how fast is scripts/bench's business.
 */
class FleetAtScaleTest {

    static final int HOSTS = 500;

    @TempDir static Path tmp;
    static Fleet fleet;

    @BeforeAll
    static void fiveHundredGeneratedCaptures() throws IOException, InterruptedException {
        Path base = Path.of(System.getProperty("basedir", "."));
        Path dir = tmp.resolve("fleet");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", base.resolve("target/classes").toString(), base.resolve("scripts/fleet/GenerateFleet.java").toString(),
                dir.toString(), String.valueOf(HOSTS), base.resolve("src/test/resources/hosts/debian12-vm").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        try (var s = Files.list(dir)) {
            assertThat(s.filter(x -> x.getFileName().toString().endsWith(".tar.gz")).count()).isEqualTo(HOSTS / 10);
        }
        fleet = Session.fleet(dir.toString(), null, FactFilter.DEFAULT);
    }

    static List<String> every(int n) {
        return IntStream.rangeClosed(1, HOSTS).filter(i -> i % n == 0).mapToObj(i -> String.format("host-%04d", i)).toList();
    }

    static Fleet.Spread differing(String path) {
        return fleet.differing().stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void everyCaptureIsRead() {
        assertThat(fleet.hosts()).hasSize(HOSTS);
        assertThat(fleet.unreadable()).isEmpty();
    }

    @Test
    void exactlyTheHostsMadeDifferentAreTheOutliers() {
        assertThat(differing("sysctls.byKey[net.core.somaxconn].live").outliers()).containsExactlyElementsOf(every(50));
        assertThat(differing("memory.thpEnabled").outliers()).containsExactlyElementsOf(every(100));
        assertThat(differing("os.kernelRelease").outliers()).containsExactlyElementsOf(every(125));
        // each host has its own name, free memory and file-nr: none of it is drift
        assertThat(fleet.differing()).extracting(Fleet.Spread::path)
                .containsExactlyInAnyOrder("os.kernelRelease", "os.kernelCmdline", "memory.thpEnabled", "sysctls.byKey[net.core.somaxconn].live");
    }

    @Test
    void theMatrixPutsTheHostsWithMostFindingsFirst() {
        Fleet.FindingRow notApplied = fleet.findings().stream().filter(r -> r.id().equals("SYSCTL-NOT-APPLIED")).findFirst().orElseThrow();
        assertThat(notApplied.hits()).extracting(Fleet.Hit::host).containsExactlyInAnyOrderElementsOf(every(50));
        // hosts 100, 200 … have both somaxconn and THP wrong: the worst, first
        assertThat(fleet.hosts().subList(0, 5)).extracting(Fleet.Host::name).containsExactlyElementsOf(every(100));
        assertThat(FleetText.render(fleet, Style.PLAIN)).contains("  THP                         madvise  495 of 500 hosts\n");
    }
}
