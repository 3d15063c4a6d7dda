package dev.golive.plan;

import dev.golive.check.Checker;
import dev.golive.model.FileChange;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.LiveChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.profile.FixtureHosts;
import dev.golive.profile.Profile;
import dev.golive.profile.ProfileCatalog;
import dev.golive.profile.ProfileResolver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Picking the THP findings' fixes plans what the profiles plan: live writes now, a tmpfiles.d line for boot. */
class ThpFixPlanTest {

    private static List<FixChange> thpFixes(HostFacts f) {
        return Checker.run(f).findings().stream().filter(x -> x.ruleId().startsWith("MEM-THP-"))
                .flatMap(x -> x.fix().stream()).flatMap(p -> p.changes().stream()).toList();
    }

    private static String tmpfilesLines(Plan p) {
        return p.files().stream().filter(x -> x.path().equals(OwnedFiles.TMPFILES_DROPIN)).findFirst()
                .flatMap(FileChange::after).orElse("").lines().filter(l -> l.startsWith("w ")).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void onCentos7TheFixesWriteWhatTheBaseProfileWritesWithTheMadviseFallback() {
        HostFacts f = FixtureHosts.facts("centos7-v1");
        List<FixChange> fixes = thpFixes(f);
        assertThat(fixes).as("both THP findings can be fixed by golive, neither by changing enabled: defrag twice, max_ptes_none once").hasSize(3);
        Profile base = ProfileResolver.resolve(ProfileCatalog.shipped(), "base", f);
        Plan byProfile = new Planner(ServiceFiles.UNAVAILABLE).plan(new PlanInput(f, base, Optional.empty(), List.of(), Map.of(), PlanFixtures.ID));
        Plan byFixes = new Planner(ServiceFiles.UNAVAILABLE).plan(new PlanInput(f, base, Optional.empty(), fixes, Map.of(), PlanFixtures.ID));
        assertThat(tmpfilesLines(byFixes)).isEqualTo(tmpfilesLines(byProfile)).isEqualTo("""
                w /sys/kernel/mm/transparent_hugepage/defrag - - - - madvise
                w /sys/kernel/mm/transparent_hugepage/khugepaged/max_ptes_none - - - - 0
                """);
        assertThat(byFixes.live()).filteredOn(l -> l.format().sysfs())
                .extracting(l -> l.format() + " " + l.path() + " " + l.before() + " → " + l.after())
                .containsExactly("SYSFS_CHOICE /sys/kernel/mm/transparent_hugepage/defrag always → madvise",
                        "SYSFS_NUMBER /sys/kernel/mm/transparent_hugepage/khugepaged/max_ptes_none 511 → 0");
    }

    @Test
    void inAContainerTheFixIsAManualStepForTheHost() {
        HostFacts f = FixtureHosts.facts("container-quota");
        Profile base = ProfileResolver.resolve(ProfileCatalog.shipped(), "base", f);
        List<FixChange> fixes = List.of(new FixChange.SysfsChange("transparent_hugepage.defrag", "/sys/kernel/mm/transparent_hugepage/defrag", "defer+madvise"));
        Plan p = new Planner(ServiceFiles.UNAVAILABLE).plan(new PlanInput(f, base, Optional.empty(), fixes, Map.of(), PlanFixtures.ID));
        assertThat(p.files()).extracting(FileChange::path).doesNotContain(OwnedFiles.TMPFILES_DROPIN);
        assertThat(p.manualSteps()).anyMatch(s -> s.contains("/sys/kernel/mm/transparent_hugepage/defrag to defer+madvise on the container's host"));
    }
}
