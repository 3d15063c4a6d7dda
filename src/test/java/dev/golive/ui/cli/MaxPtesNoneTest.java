package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.MemoryFacts;
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
 * khugepaged/max_ptes_none=0 (Go GC guide) as a planned change where THP is on: a sysfs file
 * holding a number, written live and by a tmpfiles.d 'w' line, kept in the snapshot and put back
 * by rollback; within the kernel's bound (HPAGE_PMD_NR - 1, from hpage_pmd_size); at first boot
 * on an image tree. On copies of the fixture hosts made into target trees.
 */
class MaxPtesNoneTest {

    @TempDir Path tmp;

    static final String PTES = "sys/kernel/mm/transparent_hugepage/khugepaged/max_ptes_none";
    static final String THP_ENABLED = "sys/kernel/mm/transparent_hugepage/enabled";

    /** debian12-vm (THP madvise, max_ptes_none 511, hpage_pmd_size 2 MiB) as a writable target tree. */
    private Path tree() throws IOException {
        Path root = Files.createTempDirectory(tmp, "host").resolve("root");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), root);
        Files.delete(root.resolve("golive-capture.json"));
        return root;
    }

    @Test
    void theBoundIsHpagePmdNrMinusOneForEachPageSize() {
        assertThat(MemoryFacts.maxPtesNoneBound(2L << 20)).contains(511);     // 4 KiB pages
        assertThat(MemoryFacts.maxPtesNoneBound(32L << 20)).contains(2047);   // 16 KiB pages
        assertThat(MemoryFacts.maxPtesNoneBound(512L << 20)).contains(8191);  // 64 KiB pages
        assertThat(MemoryFacts.maxPtesNoneBound(3L << 20)).isEmpty();
        assertThat(MemoryFacts.maxPtesNoneBound(0)).isEmpty();
    }

    @Test
    void applyWritesZeroLiveAndForBootAndRollbackPutsTheOldValueBack() throws IOException {
        Path root = tree();
        var a = ApplyCommandsTest.golive("apply", "--profile", "base", "--yes", "--root", root.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(Files.readString(root.resolve(PTES))).isEqualTo("0\n");
        assertThat(Files.readString(root.resolve("etc/tmpfiles.d/60-golive.conf")))
                .contains("w /sys/kernel/mm/transparent_hugepage/khugepaged/max_ptes_none - - - - 0\n");
        var back = ApplyCommandsTest.golive("rollback", "--last", "--yes", "--root", root.toString());
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(Files.readString(root.resolve(PTES))).isEqualTo("511\n");
        assertThat(root.resolve("etc/tmpfiles.d/60-golive.conf")).doesNotExist();
    }

    @Test
    void withThpOffNothingIsPlannedAndThePlanSaysWhy() throws IOException {
        Path root = tree();
        Files.writeString(root.resolve(THP_ENABLED), "always madvise [never]\n");
        try (Session s = Session.open(root.toString()).profileDirs(List.of())) {
            Plan p = s.plan("base", Optional.empty(), List.of(), "p1");
            assertThat(p.live()).noneMatch(l -> l.path().endsWith("max_ptes_none"));
            assertThat(p.manualSteps()).contains("not planned: sysfs transparent_hugepage.khugepaged.max_ptes_none (profiles/base.yaml:43): "
                    + "when: thp-on: transparent huge pages are off (enabled=never)");
        }
    }

    @Test
    void aProfileValueAboveTheKernelsBoundIsRefusedWithItsLine() throws IOException {
        Path root = tree();
        Path profiles = Files.createDirectories(tmp.resolve("profiles"));
        Files.writeString(profiles.resolve("ptes.yaml"), """
                description: too many
                sysfs:
                  transparent_hugepage.khugepaged.max_ptes_none:
                    value: 512
                    why: more than the kernel takes
                """);
        var r = CheckCommandTest.run(new PlanCommand(x -> Session.open(x).profileDirs(List.of(profiles.toString()))),
                "--profile", "ptes", "--root", root.toString(), "--id", "p2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: " + profiles.resolve("ptes.yaml") + ":4:12: transparent_hugepage.khugepaged.max_ptes_none: "
                + "512 is out of range 0..511 on this kernel (HPAGE_PMD_NR - 1)\n");
    }

    @Test
    void onAnImageTreeTheValueAppliesAtFirstBoot() throws IOException {
        Path image = Files.createTempDirectory(tmp, "image");
        Files.createDirectories(image.resolve("etc/systemd/system"));
        try (Session s = Session.open(image.toString()).profileDirs(List.of())) {
            Plan p = s.plan("base", Optional.empty(), List.of(), "p3");
            assertThat(p.live()).isEmpty();
            assertThat(p.files()).filteredOn(f -> f.path().equals("/etc/tmpfiles.d/60-golive.conf")).singleElement()
                    .satisfies(f -> assertThat(f.after().orElseThrow())
                            .contains("w /sys/kernel/mm/transparent_hugepage/khugepaged/max_ptes_none - - - - 0\n"));
            assertThat(p.firstBoot().orElseThrow().toString()).contains("/sys/kernel/mm/transparent_hugepage/khugepaged/max_ptes_none = 0");
        }
    }
}
