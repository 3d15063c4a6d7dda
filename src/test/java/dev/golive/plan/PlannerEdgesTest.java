package dev.golive.plan;

import dev.golive.model.FileChange;
import dev.golive.model.FixChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.profile.FixtureHosts;
import dev.golive.profile.ProfileResolver;
import dev.golive.report.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.golive.plan.PlannerFixTest.DEBIAN;
import static dev.golive.plan.PlannerFixTest.SOMAXCONN_4096;
import static dev.golive.plan.PlannerFixTest.body;
import static dev.golive.plan.PlannerFixTest.entry;
import static dev.golive.plan.PlannerFixTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner's edges the other plan tests leave open: "fix all" picking both syncookies and a
 * SYN backlog, an image tree (no running kernel) whose values are listed for the first boot,
 * the reason given for a file whose only difference is its mode, and the comment line made from
 * a long why.
 */
class PlannerEdgesTest {

    @TempDir Path tmp;

    static final FixChange BACKLOG = new FixChange.SysctlChange(ProfileResolver.SYN_BACKLOG, "8192");

    // ---- a SYN backlog fix and the syncookies the same plan sets ----

    @Test
    void aPickedSynBacklogIsDroppedWhenThePlanTurnsSyncookiesOn() {
        Plan p = plan(SOMAXCONN_4096, DEBIAN, List.of(new FixChange.SysctlChange(ProfileResolver.SYNCOOKIES, "1"), BACKLOG));
        assertThat(body(p, OwnedFiles.SYSCTL_DROPIN)).hasValueSatisfying(b -> assertThat(b).doesNotContain(ProfileResolver.SYN_BACKLOG));
        assertThat(p.live()).noneMatch(l -> l.key().equals(ProfileResolver.SYN_BACKLOG));
        assertThat(p.manualSteps()).contains("not planned: " + ProfileResolver.SYN_BACKLOG + ": this plan sets "
                + ProfileResolver.SYNCOOKIES + " = 1, and " + ProfileResolver.SYNCOOKIES_OFF_WHY);
    }

    @Test
    void aPickedSynBacklogIsWrittenWhenThePlanTurnsSyncookiesOffOrLeavesThemAlone() {
        Plan off = plan(SOMAXCONN_4096, DEBIAN, List.of(new FixChange.SysctlChange(ProfileResolver.SYNCOOKIES, "0"), BACKLOG));
        assertThat(body(off, OwnedFiles.SYSCTL_DROPIN)).hasValueSatisfying(b -> assertThat(b)
                .contains(ProfileResolver.SYNCOOKIES + " = 0\n", ProfileResolver.SYN_BACKLOG + " = 8192\n"));
        assertThat(off.manualSteps()).noneMatch(m -> m.startsWith("not planned: " + ProfileResolver.SYN_BACKLOG));
        Plan alone = plan(SOMAXCONN_4096, DEBIAN, List.of(BACKLOG));
        assertThat(body(alone, OwnedFiles.SYSCTL_DROPIN)).hasValueSatisfying(b -> assertThat(b).contains(ProfileResolver.SYN_BACKLOG + " = 8192\n"));
        // syncookies on with no backlog picked: nothing to drop, nothing said
        Plan cookiesOnly = plan(SOMAXCONN_4096, DEBIAN, List.of(new FixChange.SysctlChange(ProfileResolver.SYNCOOKIES, "1")));
        assertThat(cookiesOnly.manualSteps()).noneMatch(m -> m.contains(ProfileResolver.SYNCOOKIES_OFF_WHY));
    }

    // ---- an image tree: nothing live, the first boot's values listed ----

    private Path tree(boolean systemdKnown) throws IOException {
        Path t = tmp.resolve("tree");
        write(t, "etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n");
        for (String d : List.of("proc", "sys", "etc/systemd/system", "usr/lib/systemd/system", "etc/sysctl.d")) Files.createDirectories(t.resolve(d));
        if (systemdKnown) write(t, "usr/lib/systemd/libsystemd-shared-252.so", "");
        return t;
    }

    private static void write(Path tree, String rel, String text) throws IOException {
        Path p = tree.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    static final String TREE_PROFILE = "sysctl:\n" + entry("net.core.somaxconn", "8192", "Backlog for bursts.")
            + "sysfs:\n" + entry("transparent_hugepage.defrag", "defer+madvise", "No stalls.");

    @Test
    void anImageTreeGetsItsFilesAndTheirValuesListedForTheFirstBootNothingLive() throws IOException {
        var facts = FixtureHosts.inspect(tree(true), "tree");
        Plan p = plan(TREE_PROFILE, facts, List.of());
        assertThat(p.live()).isEmpty();
        assertThat(p.manualSteps()).noneMatch(m -> m.contains("live value unknown") || m.contains("restart running Go services"));
        Plan.FirstBoot fb = p.firstBoot().orElseThrow();
        assertThat(fb.systemd()).isEqualTo("252 (/usr/lib/systemd/libsystemd-shared-252.so)");
        assertThat(fb.values()).containsExactly(
                "net.core.somaxconn = 8192  (" + OwnedFiles.SYSCTL_DROPIN + ", systemd-sysctl)",
                "/sys/kernel/mm/transparent_hugepage/defrag = defer+madvise  (" + OwnedFiles.TMPFILES_DROPIN + ", systemd-tmpfiles)");
        assertThat(Preview.render(p, "tree", Style.PLAIN)).contains("Image tree (no running kernel: no live values)",
                "applies at first boot: net.core.somaxconn = 8192").doesNotContain("Live values");
    }

    @Test
    void aReplanOfAnAppliedTreeListsOnlyWhatItStillWrites() throws IOException {
        var facts = FixtureHosts.inspect(tree(true), "tree");
        Plan first = plan(TREE_PROFILE, facts, List.of());
        // the sysctl file is in place as the first plan wrote it; the tmpfiles file is not
        String sysctl = body(first, OwnedFiles.SYSCTL_DROPIN).orElseThrow();
        Map<String, OwnedFileState> current = Map.of(OwnedFiles.SYSCTL_DROPIN, OwnedFileState.of(OwnedFiles.SYSCTL_DROPIN, sysctl),
                OwnedFiles.TMPFILES_DROPIN, OwnedFileState.absent(OwnedFiles.TMPFILES_DROPIN));
        Plan again = PlannerFixTest.plan(TREE_PROFILE, facts, List.of(), Optional.empty(), current, ServiceFiles.UNAVAILABLE);
        assertThat(again.files()).extracting(FileChange::path).containsExactly(OwnedFiles.TMPFILES_DROPIN);
        assertThat(again.firstBoot().orElseThrow().values()).containsExactly(
                "/sys/kernel/mm/transparent_hugepage/defrag = defer+madvise  (" + OwnedFiles.TMPFILES_DROPIN + ", systemd-tmpfiles)");
    }

    @Test
    void anImageTreeWhoseSystemdIsUnknownSaysWhichDirectivesTheUnitsKeepTo() throws IOException {
        Plan p = plan(TREE_PROFILE, FixtureHosts.inspect(tree(false), "tree"), List.of());
        assertThat(p.firstBoot().orElseThrow().systemd()).startsWith("unknown (")
                .endsWith("); units use only directives of systemd " + dev.golive.model.SystemdDirectives.BASELINE);
    }

    // ---- owned file bodies ----

    @Test
    void aFileWithTheWantedBodyButAnotherModeIsRewrittenAndSaysWhy() {
        String path = OwnedFiles.SYSCTL_DROPIN;
        String bodyText = "net.core.somaxconn = 4096\n";
        List<String> manual = new ArrayList<>();
        OwnedFileState loose = new OwnedFileState(path, Optional.of(OwnedFiles.header("older") + bodyText), 0666, "root", "root");
        FileChange c = OwnedFileBodies.change(loose, bodyText, "new", "kernel tunables", manual).orElseThrow();
        assertThat(c.why()).isEqualTo("mode or owner differs from 0644 root:root");
        assertThat(c.mode()).isEqualTo(0644);
        // another plan id in the header alone is no change; another body is, with the caller's why
        assertThat(OwnedFileBodies.change(OwnedFileState.of(path, OwnedFiles.header("older") + bodyText), bodyText, "new", "kernel tunables", manual)).isEmpty();
        assertThat(OwnedFileBodies.change(OwnedFileState.of(path, OwnedFiles.header("older") + bodyText), "vm.swappiness = 10\n", "new", "kernel tunables", manual))
                .hasValueSatisfying(f -> assertThat(f.why()).isEqualTo("kernel tunables"));
        assertThat(manual).isEmpty();
    }

    @Test
    void theBodyOfAFileGoliveDidNotWriteIsAllOfIt() {
        assertThat(OwnedFileBodies.body("net.core.somaxconn = 1\n")).isEqualTo("net.core.somaxconn = 1\n");
        assertThat(OwnedFileBodies.body(OwnedFiles.header("x") + "a = 1\n")).isEqualTo("a = 1\n");
    }

    @Test
    void aWhyOfExactly160CharactersIsKeptALongerOneIsCut() {
        String w160 = "x".repeat(160);
        assertThat(OwnedFileBodies.firstSentence(w160)).isEqualTo(w160);
        assertThat(OwnedFileBodies.firstSentence(w160 + "y")).isEqualTo("x".repeat(157) + "...");
        assertThat(OwnedFileBodies.firstSentence("Short. Second sentence.")).isEqualTo("Short.");
    }

    @Test
    void theOwnedPathsOfAServiceAreItsUnitItsDropInAndItsLogrotateFile() {
        assertThat(OwnedFilesReader.paths(Optional.empty()))
                .containsExactly(OwnedFiles.SYSCTL_DROPIN, OwnedFiles.MANAGER_DROPIN, OwnedFiles.TMPFILES_DROPIN);
        assertThat(OwnedFilesReader.paths(Optional.of("api.service"))).containsExactly(OwnedFiles.SYSCTL_DROPIN, OwnedFiles.MANAGER_DROPIN,
                OwnedFiles.TMPFILES_DROPIN, OwnedFiles.unit("api.service"), OwnedFiles.unitDropIn("api.service"), "/etc/logrotate.d/golive-api");
    }
}
