package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * THP for Go follows the GC guide: always vs madvise is the admin's choice by heap size, and
 * where THP is on golive names the two settings the guide asks for (defrag=defer+madvise,
 * khugepaged/max_ptes_none=0) and the per-service opt-outs; it never pushes a host to madvise
 * ("Go manages THP itself" is false since Go 1.21 on Linux 6.2+). Per-size knobs (Linux 6.8)
 * with an explicit always count as always.
 */
class ThpChoiceTest {

    @TempDir Path tmp;

    static Optional<Finding> thp(TestHosts h) {
        return Checker.run(h.build()).findings().stream().filter(f -> f.ruleId().equals("MEM-THP-ALWAYS")).findFirst();
    }

    static final FixChange PTES_ZERO = new FixChange.SysfsChange("transparent_hugepage.khugepaged.max_ptes_none",
            "/sys/kernel/mm/transparent_hugepage/khugepaged/max_ptes_none", "0");

    static List<FixChange> changes(Finding f) { return f.fix().orElseThrow().changes(); }

    @ParameterizedTest(name = "enabled={0} defrag={1} max_ptes_none={2} on {3}: fires={4}")
    @CsvSource(delimiter = '|', textBlock = """
            always  | defer+madvise | 0   | 6.1.0-18-amd64         | false |
            always  | defer         | 0   | 6.1.0-18-amd64         | false |
            always  | defer+madvise | 1   | 6.1.0-18-amd64         | true  |
            always  | madvise       | 0   | 6.1.0-18-amd64         | true  | defer+madvise
            always  | always        | 511 | 6.1.0-18-amd64         | true  | defer+madvise
            always  | madvise       | 0   | 4.10.17-generic        | false |
            always  | always        | 0   | 4.10.17-generic        | true  | madvise
            madvise | always        | 511 | 6.1.0-18-amd64         | false |
            never   | madvise       | 511 | 6.1.0-18-amd64         | false |
            """)
    void alwaysIsAChoiceAndOnlyTheMissingGuideSettingsAreOffered(String enabled, String defrag, int ptes, String kernel, boolean fires, String defragFix) {
        Optional<Finding> f = thp(TestHosts.healthy().kernel(kernel).thp(enabled, defrag).maxPtesNone(ptes));
        assertThat(f.isPresent()).isEqualTo(fires);
        if (!fires) return;
        List<FixChange> c = changes(f.get());
        // never enabled=madvise behind the admin's back: the choice stays theirs
        assertThat(c).noneMatch(x -> x instanceof FixChange.SysfsChange s && s.key().equals("transparent_hugepage.enabled"));
        // golive writes both settings the guide names: defrag, and khugepaged/max_ptes_none=0 where it is not 0
        List<FixChange> want = new java.util.ArrayList<>();
        if (defragFix != null) want.add(new FixChange.SysfsChange("transparent_hugepage.defrag", "/sys/kernel/mm/transparent_hugepage/defrag", defragFix));
        if (ptes != 0) want.add(PTES_ZERO);
        assertThat(c).containsExactlyElementsOf(want);
        String text = f.get().fix().orElseThrow().text();
        assertThat(text.contains("max_ptes_none to 0")).isEqualTo(ptes != 0);
        assertThat(text).contains("GODEBUG=disablethp=1").contains("MemoryTHP=disable once systemd is 260 or newer (it is 252)");
    }

    @Test
    void theOptOutsOfferedFollowTheGoAndSystemdVersions() {
        Finding old = thp(TestHosts.withService().binary("go1.21.5", "").thp("always", "always")).orElseThrow();
        assertThat(old.fix().orElseThrow().text()).doesNotContain("GODEBUG=disablethp=1");
        Finding fresh = thp(TestHosts.withService().binary("go1.21.6", "").systemd(260).thp("always", "always")).orElseThrow();
        assertThat(fresh.fix().orElseThrow().text()).contains("GODEBUG=disablethp=1").contains("MemoryTHP=disable in its unit");
    }

    @Test
    void anExplicitAlwaysInAPerSizeKnobBeatsATopLevelMadvise() {
        Finding f = thp(TestHosts.healthy().thp("madvise", "madvise")
                .thpPerSize(Map.of("hugepages-2048kB", "always", "hugepages-64kB", "never"))).orElseThrow();
        assertThat(f.message()).startsWith("THP is always for hugepages-2048kB (an explicit always there beats enabled=madvise)");
        // inherit follows the top level
        assertThat(thp(TestHosts.healthy().thp("madvise", "madvise").thpPerSize(Map.of("hugepages-2048kB", "inherit")))).isEmpty();
        assertThat(thp(TestHosts.healthy().thp("always", "madvise").thpPerSize(Map.of("hugepages-2048kB", "inherit")))).isPresent();
        assertThat(thp(TestHosts.healthy().thp("always", "madvise").thpPerSize(Map.of("hugepages-2048kB", "madvise")))).isEmpty();
    }

    @Test
    void onTheCapturesCentos7GetsTheDefragItsKernelOffersAndAPerSizeKnobIsRead() throws IOException {
        try (Session s = Session.open(Fixtures.dir("centos7-v1").toString())) {
            Finding f = Checker.run(s.inspect()).findings().stream().filter(x -> x.ruleId().equals("MEM-THP-ALWAYS")).findFirst().orElseThrow();
            assertThat(f.message()).isEqualTo("transparent_hugepage/enabled is always and defrag is always, khugepaged/max_ptes_none is 511: "
                    + "the GC guide's settings for THP are missing");
            assertThat(changes(f)).containsExactly(new FixChange.SysfsChange("transparent_hugepage.defrag", "/sys/kernel/mm/transparent_hugepage/defrag", "madvise"),
                    PTES_ZERO);
        }
        Path t = tmp.resolve("debian");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        Path knob = t.resolve("sys/kernel/mm/transparent_hugepage/hugepages-2048kB/enabled");
        Files.createDirectories(knob.getParent());
        Files.writeString(knob, "[always] inherit madvise never\n");
        try (Session s = Session.open(t.toString())) {
            assertThat(Checker.run(s.inspect()).findings()).filteredOn(x -> x.ruleId().equals("MEM-THP-ALWAYS")).singleElement()
                    .satisfies(x -> assertThat(x.message()).startsWith("THP is always for hugepages-2048kB"));
        }
    }
}
